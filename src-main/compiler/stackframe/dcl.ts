// gc's fn.Dcl as the back end sees it after regalloc: the function's
// declared variables (f.locals), plus the compiler temporaries that only the
// SSA names (`.autotmp_N` locals and the spill slots regalloc's stackalloc
// made), each with the facts AllocFrame and mergelocals ask about. Values
// name variables by text (`{t}`, a register or `x[int]` stack slot), so this
// module also resolves those names to declarations.

import type { Func, LocalVar, Value } from '../ssa/func'
import { archInfo, opInfo } from '../ssa/opinfo'
import { parseType, type SsaType } from '../ssa/types'

/** A variable of gc's Dcl as the stack frame phase sees it: f.locals' entry plus what the phase works out. */
export interface DclVar extends LocalVar {
  /** Index in f.locals, or -1 for a temporary found only in the SSA. */
  localIndex: number
  /** gc's Used after AllocFrame's marking: a value or a stack slot refers to it. */
  used: boolean
  /** Results only: the register ABI returns it in registers (gc's IsOutputParamInRegisters). */
  inRegisters: boolean
}

/** gc's needAlloc: the variable lives in this function's frame (not the caller's argument area). */
export const needAlloc = (n: DclVar): boolean => n.class === 'auto' || (n.class === 'result' && n.inRegisters)

const PTR_SIZE = 8

/** gc's ssa.IsMergeCandidate (mergelocals on, no -N; open-defer slots and non-mergeable temps are not modelled). */
export const isMergeCandidate = (n: DclVar): boolean => n.class === 'auto' && n.type.size > 3 * PTR_SIZE && !n.addrTaken

/** gc's liveness.isfat: writes to part of such a variable do not kill it. */
export function isFat(t: SsaType): boolean {
  switch (t.kind) {
    case 'slice':
    case 'string':
    case 'interface':
      return true
    case 'array':
      return t.len === 1 ? isFat(t.elem!) : true
    case 'struct':
      return t.fields!.length === 1 ? isFat(t.fields![0]!.type) : true
    default:
      return false
  }
}

/** How many integer and float ABI registers a value of type t takes (gc's Type.Registers); null: never in registers. */
function abiRegisters(t: SsaType): { ints: number; floats: number } | null {
  switch (t.kind) {
    case 'float':
      return { ints: 0, floats: 1 }
    case 'bool': case 'int': case 'uint': case 'ptr': case 'unsafeptr': case 'func':
      return { ints: 1, floats: 0 }
    case 'slice':
      return { ints: 3, floats: 0 }
    case 'string':
    case 'interface':
      return { ints: 2, floats: 0 }
    case 'array':
      if (t.len === 0) return { ints: 0, floats: 0 }
      return t.len === 1 ? abiRegisters(t.elem!) : null
    case 'struct': {
      const r = { ints: 0, floats: 0 }
      for (const f of t.fields!) {
        const x = abiRegisters(f.type)
        if (!x) return null
        r.ints += x.ints
        r.floats += x.floats
      }
      return r
    }
    default:
      return null
  }
}

/** For each result type: does the register ABI assign it registers (abi's tryAllocRegs, results counted alone)? */
export function resultsInRegisters(types: SsaType[], arch: string): boolean[] {
  const a = archInfo(arch)
  const totalInt = a.paramInt.split(' ').filter(Boolean).length
  const totalFloat = a.paramFloat.split(' ').filter(Boolean).length
  let ints = 0
  let floats = 0
  return types.map((t) => {
    const r = t.size === 0 ? null : abiRegisters(t)
    if (!r || r.ints > totalInt - ints || r.floats > totalFloat - floats) return false
    ints += r.ints
    floats += r.floats
    return true
  })
}

/** A stack slot location (`x[int]`, `.autotmp_5[int]`, `s+8[int]`) → its variable name and type; null for a register. */
export function slotOf(loc: string | undefined, regnames: ReadonlySet<string>): { name: string; type: string } | null {
  if (loc === undefined || regnames.has(loc) || !loc.endsWith(']')) return null
  let depth = 0
  for (let i = loc.length - 1; i >= 0; i--) {
    if (loc[i] === ']') depth++
    else if (loc[i] === '[' && --depth === 0) {
      const head = loc.slice(0, i)
      const plus = /\+\d+$/.exec(head)
      return { name: plus ? head.slice(0, plus.index) : head, type: loc.slice(i + 1, -1) }
    }
  }
  return null
}

export interface Dcl {
  vars: DclVar[]
  /** The variable an aux symbol of value v names, if it names one of this function's. */
  ofAux(v: Value): DclVar | undefined
  /** The variable a stack slot location names. */
  ofSlot(loc: string | undefined): DclVar | undefined
  /** Names that look like temporaries but whose type could not be found (left out of the frame). */
  unresolved: string[]
}

/**
 * The Dcl of f: f.locals in order, then temporaries seen only in the SSA
 * (aux names of `.autotmp_N`, spill slots), in order of first appearance.
 * `used` is AllocFrame's marking; results get their ABI assignment.
 */
export function buildDcl(f: Func): Dcl {
  const regnames = new Set(archInfo(f.arch).regnames)
  const vars: DclVar[] = f.locals.map((l: LocalVar, i) => ({ ...l, localIndex: i, used: false, inRegisters: false }))
  const results = vars.filter((v) => v.class === 'result')
  resultsInRegisters(results.map((r) => r.type), f.arch).forEach((inReg, i) => (results[i]!.inRegisters = inReg))

  const byName = new Map<string, DclVar[]>()
  const add = (v: DclVar): void => {
    vars.push(v)
    byName.set(v.name, [...(byName.get(v.name) ?? []), v])
  }
  for (const v of vars) byName.set(v.name, [...(byName.get(v.name) ?? []), v])
  const temp = (name: string, type: SsaType): DclVar => ({ localIndex: -1, name, type, class: 'auto', file: '', line: 0, col: 0, addrTaken: false, temp: true, used: false, inRegisters: false })

  // A temporary's type: the element of an address op naming it (`LEAQ <*[5]int> {.autotmp_10}`), or its slot's type.
  const values: Value[] = f.blocks.flatMap((b) => b.values)
  const unresolved = new Set<string>()
  for (const v of values) {
    const s = slotOf(v.loc, regnames)
    if (s && !byName.has(s.name)) add(temp(s.name, parseType(s.type)))
    if (v.aux?.kind !== 'sym' || byName.has(v.aux.name) || !v.aux.name.startsWith('.autotmp_')) continue
    const name = v.aux.name
    const addrs = values.filter((w) => w.aux?.kind === 'sym' && w.aux.name === name && w.type.kind === 'ptr' && symEffect(w) === 'Addr')
    if (addrs.length === 0) {
      unresolved.add(name)
      continue
    }
    const tmp = temp(name, addrs[0]!.type.elem!)
    // Walk takes a temporary's address itself (`&ha` of a range loop stepping a pointer): it shows as a Convert to uintptr.
    tmp.addrTaken = values.some((w) => w.op === 'Convert' && w.args.some((x) => addrs.includes(x)))
    add(tmp)
  }

  // Several declarations can share a name (shadowing): take the latest declared at or before the use.
  const pick = (cands: DclVar[] | undefined, line: number): DclVar | undefined => {
    if (!cands || cands.length <= 1) return cands?.[0]
    let best: DclVar | undefined
    for (const c of cands) if (c.line <= line && (!best || c.line >= best.line)) best = c
    return best ?? cands[0]
  }
  const dcl: Dcl = {
    vars,
    ofAux: (v) => (v.aux?.kind === 'sym' ? pick(byName.get(v.aux.name), v.pos.line) : undefined),
    ofSlot: (loc) => {
      const s = slotOf(loc, regnames)
      return s ? pick(byName.get(s.name), Infinity) : undefined
    },
    unresolved: [...unresolved].filter((n) => !byName.has(n)),
  }
  markUsed(dcl, values)
  return dcl
}

/** The op's symEffect from gc's table, via the function's arch. */
export const symEffect = (v: Value): string | undefined => opInfo(v.op, v.block.func.arch).symEffect

/** AllocFrame's marking: stack slots regalloc assigned, and every value whose aux names the variable (not a VarDef of a register result). */
function markUsed(dcl: Dcl, values: Value[]): void {
  for (const v of values) {
    const s = dcl.ofSlot(v.loc)
    if (s) s.used = true
    const n = dcl.ofAux(v)
    if (!n) continue
    if (n.class === 'result' && n.inRegisters && v.op === 'VarDef') continue
    n.used = true
  }
}
