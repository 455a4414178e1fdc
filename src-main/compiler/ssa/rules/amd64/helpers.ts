// The helpers AMD64.rules calls (ssa/rewrite.go, ssa/op.go, config.go's
// multiply recipes), over our values. Integers are bigints.

import type { Func, Value } from '../../func'
import { AMD64_OPS } from '../../ops.amd64'
import { GENERIC_OPS } from '../../ops.generic'
import { opInfo } from '../../opinfo'
import { loopNest, type LoopNest } from '../../passes/regalloc/loopnest'
import { isPtrShaped, type SsaType } from '../../types'

// ---- integers -----------------------------------------------------------------------

export const is32Bit = (n: bigint): boolean => n === BigInt.asIntN(32, n)
/** validVal: the value fits a ValAndOff's 32-bit value half. */
export const validVal = is32Bit
export const i8 = (n: bigint): bigint => BigInt.asIntN(8, n)
export const i16 = (n: bigint): bigint => BigInt.asIntN(16, n)
export const i32 = (n: bigint): bigint => BigInt.asIntN(32, n)
export const u32 = (n: bigint): bigint => BigInt.asUintN(32, n)
export const u64 = (n: bigint): bigint => BigInt.asUintN(64, n)
export const b2i = (b: boolean): bigint => (b ? 1n : 0n)

export const isUnsignedPowerOfTwo = (n: bigint): boolean => n > 0n && (n & (n - 1n)) === 0n
/** log2 of a power of two. */
export const log2u = (n: bigint): bigint => BigInt(n.toString(2).length - 1)

// ---- ValAndOff: a 32-bit value and a 32-bit offset in one auxint (op.go) ---------------

export const makeValAndOff = (val: bigint, off: bigint): bigint => BigInt.asIntN(64, (i32(val) << 32n) | u32(off))
export const vaVal = (x: bigint): bigint => i32(x >> 32n)
export const vaOff = (x: bigint): bigint => i32(x)
export const canAdd32 = (x: bigint, off: bigint): boolean => is32Bit(vaOff(x) + off)
export const addOffset32 = (x: bigint, off: bigint): bigint => makeValAndOff(vaVal(x), vaOff(x) + off)

// ---- types ----------------------------------------------------------------------------

const isInt = (t: SsaType, n: number): boolean => (t.kind === 'int' || t.kind === 'uint') && t.size === n
export const is64BitInt = (t: SsaType): boolean => isInt(t, 8)
export const is32BitInt = (t: SsaType): boolean => isInt(t, 4)
export const is16BitInt = (t: SsaType): boolean => isInt(t, 2)
export const is8BitInt = (t: SsaType): boolean => isInt(t, 1)
export const isFloat = (t: SsaType): boolean => t.kind === 'float'
export const is32BitFloat = (t: SsaType): boolean => t.kind === 'float' && t.size === 4
export const is64BitFloat = (t: SsaType): boolean => t.kind === 'float' && t.size === 8
export const isPtr = isPtrShaped
export const isSigned = (t: SsaType): boolean => t.kind === 'int'

// ---- values ---------------------------------------------------------------------------

/** gc's opcode order: every arch op comes before every generic op (opGen.go). */
const OPCODE = new Map<string, number>([...AMD64_OPS.map((o, i) => [o.name, i] as const), ...GENERIC_OPS.map((o, i) => [o.name, 100_000 + i] as const)])

/** canonLessThan: orders comparison operands (op, then line, then gc's id: gcids.ts) so CSE sees one form. */
export function canonLessThan(x: Value, y: Value): boolean {
  if (x.op !== y.op) return (OPCODE.get(x.op) ?? -1) < (OPCODE.get(y.op) ?? -1)
  if (x.pos.line !== y.pos.line) return x.pos.line < y.pos.line
  return x.gcId < y.gcId
}

/** v.rematerializeable(): a rematerializeable op whose args are all fixed registers (SP, SB). */
export function rematerializeable(v: Value): boolean {
  const arch = v.block.func.arch
  if (!opInfo(v.op, arch).rematerializeable) return false
  return v.args.every((a) => opInfo(a.op, arch).fixedReg === true)
}

/** gc's Type.IsMemory: memory, or a tuple / call results whose last part is memory. */
export function isMemory(t: SsaType): boolean {
  if (t.kind === 'mem') return true
  const parts = t.parts
  return (t.kind === 'tuple' || t.kind === 'results') && parts !== undefined && parts.length > 0 && parts[parts.length - 1]!.kind === 'mem'
}

/** gc's v.MemoryArg(): the last argument when it is memory. */
const memArg = (v: Value): Value | undefined => {
  const last = v.args[v.args.length - 1]
  return last && isMemory(last.type) ? last : undefined
}

/** canMergeLoad: load (in target's block, used only by target) can become part of target without reordering memory. */
export function canMergeLoad(target: Value, load: Value): boolean {
  if (target.block !== load.block || load.uses !== 1) return false
  const mem = memArg(load)
  const args = target.args.filter((a) => a !== load && a.block === target.block)
  let memPreds: Set<Value> | null = null
  for (let i = 0; args.length > 0; i++) {
    if (i >= 100) return false
    const v = args.pop()!
    if (v.block !== target.block || v.op === 'Phi') continue
    const info = opInfo(v.op, v.block.func.arch)
    // gc's tuple (not a call's results) with a memory half: rare, not handled.
    const parts = v.type.parts
    if ((v.type.kind === 'tuple' || (v.type.kind === 'results' && !info.call)) && parts?.length === 2 && parts[1]!.kind === 'mem') return false
    if (info.symEffect?.includes('Addr')) return false
    if (isMemory(v.type)) {
      if (!memPreds) {
        memPreds = new Set()
        let m = mem
        for (let j = 0; j < 50 && m; j++) {
          if (m.op === 'Phi' || m.block !== target.block || !isMemory(m.type)) break
          memPreds.add(m)
          if (m.args.length === 0) break
          m = memArg(m)
        }
      }
      if (memPreds.has(v)) continue
      return false
    }
    if (v.args.length > 0 && v.args[v.args.length - 1] === mem) continue
    for (const a of v.args) if (a.block === target.block) args.push(a)
  }
  return true
}

/** The loop nest of the function being lowered, computed once per pass (the CFG does not change). */
let nests = new WeakMap<Func, LoopNest>()
export function resetLoopNests(): void {
  nests = new WeakMap()
}
function loopDepth(f: Func, v: Value): number {
  let n = nests.get(f)
  if (!n) nests.set(f, (n = loopNest(f)))
  return n.b2l[v.block.id]?.depth ?? 0
}

/** canMergeLoadClobber: as canMergeLoad, and x (whose register the op overwrites) is probably dead after target. */
export function canMergeLoadClobber(target: Value, load: Value, x: Value): boolean {
  const phiOfTarget = x.uses === 2 && x.op === 'Phi' && x.args.length === 2 && (x.args[0] === target || x.args[1] === target) && target.uses === 1
  if (!phiOfTarget && x.uses > 1) return false
  const f = target.block.func
  if (loopDepth(f, target) > loopDepth(f, x)) return false
  return canMergeLoad(target, load)
}

/** sequentialAddresses: y == x + n for the address forms amd64 builds. */
export function sequentialAddresses(x: Value, y: Value, n: bigint): boolean {
  if (x === y && n === 0n) return true
  const sameArgs = (): boolean => (x.args[0] === y.args[0] && x.args[1] === y.args[1]) || (x.args[0] === y.args[1] && x.args[1] === y.args[0])
  if (x.op === 'ADDQ' && y.op === 'LEAQ1' && y.auxInt === n && y.aux === null && sameArgs()) return true
  const sameAux = x.aux === y.aux || (x.aux?.kind === 'sym' && y.aux?.kind === 'sym' && x.aux.name === y.aux.name)
  return x.op === 'LEAQ1' && y.op === 'LEAQ1' && y.auxInt === x.auxInt + n && sameAux && sameArgs()
}

// ---- zero-extension knowledge (late lower) -------------------------------------------

const ZERO_UPPER_32 = new Set([
  'MOVLconst', 'MOVLload', 'MOVLQZX', 'MOVLloadidx1', 'MOVWload', 'MOVWloadidx1', 'MOVBload', 'MOVBloadidx1',
  'MOVLloadidx4', 'ADDLload', 'SUBLload', 'ANDLload', 'ORLload', 'XORLload', 'CVTTSD2SL',
  'ADDL', 'ADDLconst', 'SUBL', 'SUBLconst', 'ANDL', 'ANDLconst', 'ORL', 'ORLconst',
  'XORL', 'XORLconst', 'NEGL', 'NOTL', 'SHRL', 'SHRLconst', 'SARL', 'SARLconst', 'SHLL', 'SHLLconst',
])
const ZERO_UPPER_48 = new Set(['MOVWQZX', 'MOVWload', 'MOVWloadidx1', 'MOVWloadidx2'])
const ZERO_UPPER_56 = new Set(['MOVBQZX', 'MOVBload', 'MOVBloadidx1'])

function zeroUpper(ops: Set<string>, argSize: number, x: Value, depth: number): boolean {
  // A signed narrow value may be re-sign-extended on spill and restore (issue 68227).
  if (isSigned(x.type) && x.type.size < 8) return false
  if (ops.has(x.op)) return true
  // amd64 loads stack args unsigned (Arg, not ArgIntReg).
  if (x.op === 'Arg') return x.type.size === argSize
  if (x.op === 'Phi' || x.op === 'Select0' || x.op === 'Select1') return depth > 0 && x.args.every((a) => zeroUpper(ops, argSize, a, depth - 1))
  return false
}
export const zeroUpper32Bits = (x: Value, depth: number): boolean => zeroUpper(ZERO_UPPER_32, 4, x, depth)
export const zeroUpper48Bits = (x: Value, depth: number): boolean => zeroUpper(ZERO_UPPER_48, 2, x, depth)
export const zeroUpper56Bits = (x: Value, depth: number): boolean => zeroUpper(ZERO_UPPER_56, 1, x, depth)
