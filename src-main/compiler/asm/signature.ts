// The function's parameters and results for the ABI: from f.locals when the
// front end built the function, otherwise from gc's dump header
// (`func([]int, int) []int`, `method(*T) func(int) int`) with names taken
// from the ArgIntReg/ArgFloatReg values (`{xs+8}`).

import type { Func } from '../ssa/func'
import { parseType } from '../ssa/types'
import { analyzeAbi, UnknownLayout, type AbiAssignment, type AbiInfo, type AbiParam } from './abi'

export interface Signature {
  params: AbiParam[]
  results: AbiParam[]
}

/** Split at top-level commas (types nest brackets and braces). */
function splitTop(s: string): string[] {
  const out: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!
    if ('([{'.includes(c)) depth++
    else if (')]}'.includes(c)) depth--
    else if (c === ',' && depth === 0) {
      out.push(s.slice(start, i).trim())
      start = i + 1
    }
  }
  const last = s.slice(start).trim()
  if (last) out.push(last)
  return out
}

/** The index just past the bracket closing s[open]. */
function closing(s: string, open: number): number {
  let depth = 0
  for (let i = open; i < s.length; i++) {
    if ('([{'.includes(s[i]!)) depth++
    else if (')]}'.includes(s[i]!) && --depth === 0) return i + 1
  }
  return -1
}

/** Parameter and result type strings of gc's function type text. */
export function parseFuncTypeStr(str: string): { params: string[]; results: string[] } | null {
  let s = str.trim()
  const recv: string[] = []
  if (s.startsWith('method(')) {
    const end = closing(s, 6)
    if (end < 0) return null
    recv.push(...splitTop(s.slice(7, end - 1)))
    s = s.slice(end).trim()
  }
  if (!s.startsWith('func(')) return null
  const end = closing(s, 4)
  if (end < 0) return null
  const params = [...recv, ...splitTop(s.slice(5, end - 1))]
  let rest = s.slice(end).trim()
  if (rest.startsWith('(') && closing(rest, 0) === rest.length) rest = rest.slice(1, -1)
  return { params, results: rest ? splitTop(rest) : [] }
}

/** Params and results of f, names included where they are known. */
export function signatureOf(f: Func): Signature | null {
  const ps = f.locals.filter((l) => l.class === 'param')
  const rs = f.locals.filter((l) => l.class === 'result')
  if (ps.length || rs.length) return { params: ps.map((l) => ({ name: l.name, type: l.type })), results: rs.map((l) => ({ name: l.name, type: l.type })) }
  const parsed = parseFuncTypeStr(f.typeStr)
  if (!parsed) return null
  return {
    params: parsed.params.map((t) => ({ name: '', type: parseType(t) })),
    results: parsed.results.map((t, i) => ({ name: `~r${i}`, type: parseType(t) })),
  }
}

/** `xs+8` → [`xs`, 8]. */
export function splitNameOff(s: string): [string, number] {
  const m = /^(.*?)\+(\d+)$/.exec(s)
  return m ? [m[1]!, Number(m[2])] : [s, 0]
}

/**
 * The ABI of f, with parameter names filled in from ArgIntReg/ArgFloatReg
 * (their auxInt is the ABI register index). Null when a parameter type has
 * no known layout (a named type read back from a gc dump).
 */
export function abiOf(f: Func, sig: Signature | null = signatureOf(f)): AbiInfo | null {
  if (!sig) return null
  let abi: AbiInfo
  try {
    abi = analyzeAbi(f.arch, sig.params, sig.results)
  } catch (e) {
    if (e instanceof UnknownLayout) return null
    throw e
  }
  const byReg = new Map<string, AbiAssignment>()
  for (const a of abi.inParams) for (const r of a.regs) byReg.set(r, a)
  for (const b of f.blocks)
    for (const v of b.values) {
      if ((v.op !== 'ArgIntReg' && v.op !== 'ArgFloatReg') || v.aux?.kind !== 'sym') continue
      const a = byReg.get(v.loc ?? '')
      if (a && !a.param.name) a.param = { ...a.param, name: splitNameOff(v.aux.name)[0] }
    }
  return abi
}
