// gc 1.26's generic passes, in compile.go's order (insert resched checks is
// off by default; cpufeatures and rewrite tern only run with GOEXPERIMENT=simd).
// A pass without `run` is one we do not model.

import type { PassDef } from '../compile'
import { branchelim } from './branchelim'
import { copyelim } from './copyelim'
import { cse } from './cse'
import { deadcode } from './deadcode'
import { decomposeBuiltin, decomposeUser } from './decompose'
import { dse, elimDeadAutos } from './deadstore'
import { divisible, divmod } from './divmod'
import { expandCalls } from './expandcalls'
import { fuseEarly, fuseLate } from './fuse'
import { nilcheckelim } from './nilcheck'
import { numberLines } from './numberlines'
import { memcombine } from './memcombine'
import { lateOpt, middleOpt, opt } from './opt'
import { phiopt } from './phiopt'
import { prove } from './prove'
import { sccp } from './sccp'
import { shortcircuit } from './shortcircuit'
import { writebarrier } from './writebarrier'
import { zcse } from './zcse'

export const GENERIC_PASSES: PassDef[] = [
  { name: 'number lines', run: numberLines },
  { name: 'early phielim and copyelim', run: copyelim },
  { name: 'early deadcode', run: deadcode },
  { name: 'short circuit', run: shortcircuit },
  { name: 'decompose user', run: decomposeUser },
  { name: 'pre-opt deadcode', run: deadcode },
  { name: 'opt', run: opt },
  { name: 'zero arg cse', run: zcse },
  { name: 'opt deadcode', run: deadcode },
  { name: 'generic cse', run: cse },
  { name: 'phiopt', run: phiopt },
  { name: 'gcse deadcode', run: deadcode },
  { name: 'nilcheckelim', run: nilcheckelim },
  { name: 'prove', run: prove },
  { name: 'divisible', run: divisible },
  { name: 'divmod', run: divmod },
  { name: 'middle opt', run: middleOpt },
  { name: 'early fuse', run: fuseEarly },
  { name: 'expand calls', run: expandCalls },
  { name: 'decompose builtin', run: decomposeBuiltin },
  // gc runs it only for soft-float targets; on amd64 and ppc64 it returns at once.
  { name: 'softfloat', run: () => undefined },
  { name: 'branchelim', run: branchelim },
  { name: 'late opt', run: lateOpt },
  { name: 'dead auto elim', run: elimDeadAutos },
  { name: 'sccp', run: sccp },
  { name: 'generic deadcode', run: deadcode },
  { name: 'late fuse', run: fuseLate },
  // Only reports (-d=ssa/check_bce/debug); it never changes the function.
  { name: 'check bce', run: () => undefined },
  { name: 'dse', run: dse },
  { name: 'memcombine', run: memcombine },
  { name: 'writebarrier', run: writebarrier },
]
