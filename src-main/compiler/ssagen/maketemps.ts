// walk's temporaries for `make([]T, len[, cap])` (walkMakeSlice,
// walk/builtin.go), which hold SSA values in our construction: len and cap
// go through safeExpr (walkassign.ts); then, unless the make stays on the
// stack with a small constant capacity (an array temporary sliced in
// place), the result goes into a temporary `slice` before the stack buffer
// or the makeslice call that fills it.

import type * as A from '../syntax/ast'
import type { FnBuilder } from './fn'
import { safeTemps } from './walkassign'

/** walkMakeSlice's temporaries before it builds the slice: len's and cap's copies, then `slice` unless constStack. */
export function makeSliceTemps(b: FnBuilder, e: A.Call, constStack: boolean): void {
  for (const a of e.args.slice(1)) safeTemps(b, a)
  if (!constStack) b.reserveTemp()
}
