// gc 1.26's passes from lower to trim, in compile.go's order. A pass without
// `run` is one we do not model.

import type { PassDef } from '../compile'

export const BACKEND_PASSES: PassDef[] = [
  { name: 'lower' },
  { name: 'addressing modes' },
  { name: 'late lower' },
  { name: 'pair' },
  { name: 'lowered deadcode for cse' },
  { name: 'lowered cse' },
  { name: 'elim unread autos' },
  { name: 'tighten tuple selectors' },
  { name: 'lowered deadcode' },
  { name: 'checkLower' },
  { name: 'late phielim and copyelim' },
  { name: 'tighten' },
  { name: 'late deadcode' },
  { name: 'critical' },
  { name: 'phi tighten' },
  { name: 'likelyadjust' },
  { name: 'layout' },
  { name: 'schedule' },
  { name: 'late nilcheck' },
  { name: 'flagalloc' },
  { name: 'regalloc' },
  { name: 'loop rotate' },
  { name: 'trim' },
]
