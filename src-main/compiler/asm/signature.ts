// f's register ABI as the listing needs it: ssa/abi's assignment for f's
// signature, with two additions. Types gc's dumps name without a layout
// (string, interfaces, maps, channels) get the one the ABI passes them in,
// and register parameters without a name take the one of the
// ArgIntReg/ArgFloatReg values that read them (`{xs+8}`).

import { abiAnalyze, frameOffset, parseSignature, regName, registerParts, type AbiInfo, type AbiParam, type Signature } from '../ssa/abi'
import type { Func } from '../ssa/func'
import { bytePtr, isPtrShaped, isSigned, structOf, T, type SsaType } from '../ssa/types'
import { splitNameOff } from './gen'
import type { RegArg } from './obj'

export type { Signature } from '../ssa/abi'

const STRING = structOf([{ name: 'ptr', type: bytePtr }, { name: 'len', type: T.int }])
const INTERFACE = structOf([{ name: 'tab', type: bytePtr }, { name: 'data', type: bytePtr }])

/** t, or for a string, interface, map or channel read back from a dump (no layout) the words it travels in. */
function withLayout(t: SsaType): SsaType {
  if (t.str === 'string') return STRING
  if (/^(interface ?\{|any$|error$)/.test(t.str)) return INTERFACE
  if (/^(map\[|chan |<-chan |chan<- )/.test(t.str)) return bytePtr
  return t
}

/**
 * f's own signature: f.locals when the front end built f, otherwise gc's dump
 * header (null when it does not read as a function type). Not ssa/abi's
 * signatureOf: that one names parameters after their Arg values, and after
 * expand calls only the stack parameters still have one.
 */
export function ownSignature(f: Func): Signature | null {
  const local = (class_: string) => f.locals.filter((l) => l.class === class_).map((l) => ({ name: l.name, type: l.type }))
  const [params, results] = [local('param'), local('result')]
  if (params.length || results.length) return { params, results }
  try {
    const t = parseSignature(f.typeStr)
    return { params: t.params.map((type) => ({ type })), results: t.results.map((type, i) => ({ name: `~r${i}`, type })) }
  } catch {
    return null
  }
}

/**
 * The ABI of f for sig (default: f's own signature). Null when a parameter
 * type has no known layout (a named type read back from a gc dump).
 */
export function abiOf(f: Func, sig: Signature | null | undefined = ownSignature(f)): AbiInfo | null {
  if (!sig) return null
  const layout = (ps: Signature['params']) => ps.map((p) => ({ name: p.name, type: withLayout(p.type) }))
  let abi: AbiInfo
  try {
    abi = abiAnalyze(f.arch, layout(sig.params), layout(sig.results))
  } catch (e) {
    if (e instanceof Error && e.message.startsWith('ABI: ')) return null
    throw e
  }
  const byReg = new Map<string, AbiParam>()
  for (const p of abi.params) for (const r of p.regs) byReg.set(regName(abi.config, r), p)
  for (const b of f.blocks)
    for (const v of b.values) {
      if ((v.op !== 'ArgIntReg' && v.op !== 'ArgFloatReg') || v.aux?.kind !== 'sym') continue
      const p = byReg.get(v.loc ?? '')
      if (p && !p.name) p.name = splitNameOff(v.aux.name)[0]
    }
  return abi
}

/** One register piece of a parameter, with its spill slot (the morestack path spills and reloads it). */
export interface RegPiece extends RegArg {
  /** Offset inside the parameter. */
  part: number
  pointer: boolean
}

/** The register pieces of parameter p (none for a stack parameter). */
export function regPieces(abi: AbiInfo, p: AbiParam): RegPiece[] {
  if (p.regs.length === 0) return []
  const base = frameOffset(abi, p)
  return registerParts(p).map(({ type, offset, reg }) => ({
    reg: regName(abi.config, reg),
    offset: base + offset,
    part: offset,
    size: type.size,
    float: type.kind === 'float',
    signed: isSigned(type),
    pointer: isPtrShaped(type),
  }))
}
