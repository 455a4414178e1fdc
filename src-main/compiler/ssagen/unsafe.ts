// Package unsafe's calls as walk and ssagen lower them. Sizeof, Alignof and
// Offsetof never get here: the type checker made them constants.

import type * as A from '../syntax/ast'
import type { UnsafeBuiltinId } from '../types/objects'
import type { Value } from '../ssa/func'
import { Unsupported, type FnBuilder } from './fn'

export function unsafeCall(_s: FnBuilder, e: A.Call, id: UnsafeBuiltinId): Value {
  throw new Unsupported(e.pos, id)
}
