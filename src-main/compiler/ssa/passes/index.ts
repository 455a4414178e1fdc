// gc 1.26's generic passes, in compile.go's order (insert resched checks is
// off by default; cpufeatures and rewrite tern only run with GOEXPERIMENT=simd).
// A pass without `run` is one we do not model.

import type { PassDef } from '../compile'

export const GENERIC_PASSES: PassDef[] = [
  { name: 'number lines' },
  { name: 'early phielim and copyelim' },
  { name: 'early deadcode' },
  { name: 'short circuit' },
  { name: 'decompose user' },
  { name: 'pre-opt deadcode' },
  { name: 'opt' },
  { name: 'zero arg cse' },
  { name: 'opt deadcode' },
  { name: 'generic cse' },
  { name: 'phiopt' },
  { name: 'gcse deadcode' },
  { name: 'nilcheckelim' },
  { name: 'prove' },
  { name: 'divisible' },
  { name: 'divmod' },
  { name: 'middle opt' },
  { name: 'early fuse' },
  { name: 'expand calls' },
  { name: 'decompose builtin' },
  { name: 'softfloat' },
  { name: 'branchelim' },
  { name: 'late opt' },
  { name: 'dead auto elim' },
  { name: 'sccp' },
  { name: 'generic deadcode' },
  { name: 'late fuse' },
  { name: 'check bce' },
  { name: 'dse' },
  { name: 'memcombine' },
  { name: 'writebarrier' },
]
