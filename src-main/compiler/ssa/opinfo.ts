// What the passes need to know about an op: gc's name, argument count (-1:
// variadic), aux kind, flags, assembler mnemonic and register masks, straight
// from gc's op definitions. Generic ops are shared; each architecture has its
// own table (the same name can mean different ops on amd64 and ppc64, e.g.
// MOVWload), so lookups of lowered ops name the function's arch.

import { AMD64_ARCH } from './ops.amd64'
import { GENERIC_BLOCKS, GENERIC_OPS } from './ops.generic'
import { PPC64_ARCH } from './ops.ppc64'

/** gc's regInfo with masks as hex strings (bit i = the arch's regnames[i]). */
export interface RegInfo {
  inputs?: string[]
  outputs?: string[]
  clobbers?: string
  clobbersArg0?: boolean
  clobbersArg1?: boolean
}

export interface OpInfo {
  name: string
  /** -1 for a variable number of arguments. */
  args: number
  /** gc's aux type: Int64, Bool, Sym, SymOff, Typ, TypSize, CallOff, Float64, … */
  aux?: string
  /** gc's fixed result type for the op, when it has one (`Mem`, `Bool`, …). */
  typ?: string
  /** Assembler mnemonic (lowered ops). */
  asm?: string
  reg?: RegInfo
  /** How the op uses the symbol in its aux: Read, Write, Addr, RdWr… */
  symEffect?: string
  /** amd64 indexed load/store scale. */
  scale?: number
  commutative?: boolean
  hasSideEffects?: boolean
  call?: boolean
  tailCall?: boolean
  zeroWidth?: boolean
  nilCheck?: boolean
  faultOnNilArg0?: boolean
  faultOnNilArg1?: boolean
  resultInArg0?: boolean
  resultNotInArgs?: boolean
  clobberFlags?: boolean
  needIntTemp?: boolean
  unsafePoint?: boolean
  fixedReg?: boolean
  rematerializeable?: boolean
  /** The address in arg0/arg1 does not propagate to the result (mergelocals' address tracking). */
  addrSinkArg0?: boolean
  addrSinkArg1?: boolean
}

export interface BlockKindInfo {
  name: string
  controls: number
}

/** An architecture as gc's _gen describes it (masks as hex strings). */
export interface ArchInfo {
  name: string
  regnames: string[]
  /** Registers of the register ABI, in order. */
  paramInt: string
  paramFloat: string
  gp: string
  fp: string
  special: string
  framePointer: number
  linkReg: number
  ops: readonly OpInfo[]
  blocks: readonly BlockKindInfo[]
}

/** Our arch names (`GOARCH` spelling) → gc's tables. */
export const ARCHES: Record<string, ArchInfo> = { amd64: AMD64_ARCH, ppc64: PPC64_ARCH, ppc64le: PPC64_ARCH }

interface Table {
  ops: Map<string, OpInfo>
  blocks: Map<string, BlockKindInfo>
}

function table(ops: readonly OpInfo[], blocks: readonly BlockKindInfo[]): Table {
  return { ops: new Map(ops.map((o) => [o.name, o])), blocks: new Map(blocks.map((b) => [b.name, b])) }
}

// gc's OpInvalid marks a value a pass has deleted; it is in no generated table.
const generic = table([...GENERIC_OPS, { name: 'Invalid', args: 0 }], GENERIC_BLOCKS)
const archTables = new Map<string, Table>(Object.entries(ARCHES).map(([k, a]) => [k, table(a.ops, a.blocks)]))

/** The arch's tables; undefined (generic only) for 'generic' or an unknown name. */
const archTable = (arch: string | undefined): Table | undefined => (arch ? archTables.get(arch) : undefined)

/** `arch` is needed for lowered ops; generic ops are found without it. */
export function opInfo(op: string, arch?: string): OpInfo {
  const info = generic.ops.get(op) ?? archTable(arch)?.ops.get(op)
  if (!info) throw new Error(`unknown op ${op}${arch && arch !== 'generic' ? ` on ${arch}` : ''}`)
  return info
}

export function blockKindInfo(kind: string, arch?: string): BlockKindInfo {
  const info = generic.blocks.get(kind) ?? archTable(arch)?.blocks.get(kind)
  if (!info) throw new Error(`unknown block kind ${kind}`)
  return info
}

export const isKnownOp = (op: string, arch?: string): boolean => generic.ops.has(op) || (archTable(arch)?.ops.has(op) ?? false)

/** The arch's information (register names, masks, ABI registers). */
export function archInfo(arch: string): ArchInfo {
  const a = ARCHES[arch]
  if (!a) throw new Error(`unsupported arch ${arch}`)
  return a
}

/** A hex register mask as a bigint (0n when absent). */
export const regMask = (hex: string | undefined): bigint => (hex ? BigInt(`0x${hex}`) : 0n)
