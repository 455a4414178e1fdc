// gc 1.26's passes from lower to trim, in compile.go's order. A pass without
// `run` is one we do not model.

import type { PassDef } from '../compile'
import { addressingModes } from './addressingmodes'
import { checkLower } from './checklower'
import { copyelim } from './copyelim'
import { critical } from './critical'
import { cse } from './cse'
import { deadcode } from './deadcode'
import { elimUnreadAutos } from './deadstore'
import { flagalloc } from './flagalloc'
import { layout } from './layout'
import { likelyadjust } from './likelyadjust'
import { loopRotate } from './looprotate'
import { lateLower, lower } from './lower'
import { nilcheckelim2 } from './nilcheck'
import { pair } from './pair'
import { regalloc } from './regalloc'
import { schedule } from './schedule'
import { phiTighten, tighten } from './tighten'
import { trim } from './trim'
import { tightenTupleSelectors } from './tuple'

export const BACKEND_PASSES: PassDef[] = [
  { name: 'lower', run: lower },
  { name: 'addressing modes', run: addressingModes },
  { name: 'late lower', run: lateLower },
  { name: 'pair', run: pair },
  { name: 'lowered deadcode for cse', run: deadcode },
  { name: 'lowered cse', run: cse },
  { name: 'elim unread autos', run: elimUnreadAutos },
  { name: 'tighten tuple selectors', run: tightenTupleSelectors },
  { name: 'lowered deadcode', run: deadcode },
  { name: 'checkLower', run: checkLower },
  { name: 'late phielim and copyelim', run: copyelim },
  { name: 'tighten', run: tighten },
  { name: 'late deadcode', run: deadcode },
  { name: 'critical', run: critical },
  { name: 'phi tighten', run: phiTighten },
  { name: 'likelyadjust', run: likelyadjust },
  { name: 'layout', run: layout },
  { name: 'schedule', run: schedule },
  { name: 'late nilcheck', run: nilcheckelim2 },
  { name: 'flagalloc', run: flagalloc },
  { name: 'regalloc', run: regalloc },
  { name: 'loop rotate', run: loopRotate },
  { name: 'trim', run: trim },
]
