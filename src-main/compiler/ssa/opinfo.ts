// What the passes need to know about an op: gc's name, argument count (-1:
// variadic), aux kind and flags, straight from gc's op definitions.

import { GENERIC_BLOCKS, GENERIC_OPS } from './ops.generic'

export interface OpInfo {
  name: string
  /** -1 for a variable number of arguments. */
  args: number
  /** gc's aux type: Int64, Bool, Sym, SymOff, Typ, TypSize, CallOff, Float64, … */
  aux?: string
  /** gc's fixed result type for the op, when it has one (`Mem`, `Bool`, …). */
  typ?: string
  commutative?: boolean
  hasSideEffects?: boolean
  call?: boolean
  zeroWidth?: boolean
  nilCheck?: boolean
  faultOnNilArg0?: boolean
  faultOnNilArg1?: boolean
  resultInArg0?: boolean
  clobberFlags?: boolean
  rematerializeable?: boolean
  tailCall?: boolean
}

export interface BlockKindInfo {
  name: string
  controls: number
}

const opTable = new Map<string, OpInfo>()
const blockTable = new Map<string, BlockKindInfo>()

/** Arch backends add their tables here (op names are unique across gc's tables). */
export function registerOps(ops: readonly OpInfo[], blocks: readonly BlockKindInfo[]): void {
  for (const o of ops) opTable.set(o.name, o)
  for (const b of blocks) blockTable.set(b.name, b)
}
registerOps(GENERIC_OPS, GENERIC_BLOCKS)
// gc's OpInvalid marks a value a pass has deleted; it is in no generated table.
registerOps([{ name: 'Invalid', args: 0 }], [])

export function opInfo(op: string): OpInfo {
  const info = opTable.get(op)
  if (!info) throw new Error(`unknown op ${op}`)
  return info
}

export function blockKindInfo(kind: string): BlockKindInfo {
  const info = blockTable.get(kind)
  if (!info) throw new Error(`unknown block kind ${kind}`)
  return info
}

export const isKnownOp = (op: string): boolean => opTable.has(op)
