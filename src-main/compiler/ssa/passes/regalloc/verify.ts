// An independent check of an allocation (for tests and development): it
// simulates what every register and stack slot holds through the function,
// reading only v.loc and the op tables, and reports every value that reads
// an argument from a register its op does not allow or from a location that
// does not hold that argument on every path (clobbered by a call, never
// restored, overwritten), every result in a register its op does not allow,
// and every phi whose inputs do not all reach its location.
//
// A location holds a value's identity: Copy, LoadReg and StoreReg pass their
// argument's on; recomputed constants and addresses are identified by what
// they compute, so a constant recomputed on two paths is the same value.

import type { Block, Func, Value } from '../../func'
import { auxString } from '../../func'
import { opInfo } from '../../opinfo'
import { isMemoryType } from '../deadcode'
import { gcPostorder } from './loopnest'
import { has, isResultsValue, isTupleValue, Machine, type Mask } from './machine'

type State = Map<string, string>

/** Problems found (empty when the allocation is valid). `temps`: registers ops with needIntTemp used. */
export function verifyAllocation(f: Func, temps?: Map<Value, number>): string[] {
  const m = new Machine(f)
  const problems: string[] = []
  const report = (msg: string): void => {
    if (problems.length < 50) problems.push(msg)
  }
  const regIndex = new Map(m.names.map((n, i) => [n, i]))
  const idents = new Map<Value, string>()
  const ident = (v: Value): string => {
    let k = idents.get(v)
    if (k !== undefined) return k
    const info = opInfo(v.op, f.arch)
    if (v.op === 'Copy' || v.op === 'LoadReg' || v.op === 'StoreReg') k = ident(v.args[0]!)
    else if (v.op === 'Select0' || v.op === 'Select1') k = `${ident(v.args[0]!)}#${v.op === 'Select0' ? 0 : 1}`
    else if (v.op === 'SelectN') k = `${ident(v.args[0]!)}#${v.auxInt}`
    else if (info.rematerializeable && v.args.every((a) => opInfo(a.op, f.arch).fixedReg))
      k = `${v.op}[${v.auxInt}]{${v.aux ? auxString(v.aux) : ''}}(${v.args.map(ident).join(',')})`
    else k = v.ref
    idents.set(v, k)
    return k
  }
  /** The location key of a value: `r:AX` or `s:x[int]`; pairs and results give one per part. */
  const where = (v: Value): string[] => {
    const loc = v.loc
    if (loc === undefined) return []
    if (loc.startsWith('<')) return loc.slice(1, -1).split(',').filter((x) => x !== '').map((x) => (x === 'nil' ? '' : `r:${x}`))
    return [regIndex.has(loc) ? `r:${loc}` : `s:${loc}`]
  }
  const carried = (v: Value): boolean => !isMemoryType(v.type) && v.type.kind !== 'flags' && v.type.kind !== 'void' && !isTupleValue(v, f.arch)
  const regsOf = (mask: Mask): string[] => m.names.filter((_, r) => has(mask, r)).map((n) => `r:${n}`)
  const regNum = (key: string): number => regIndex.get(key.slice(2)) ?? -1

  // Every value that lives in a register or slot has one.
  for (const b of f.blocks) for (const v of b.values) {
    if (carried(v) && v.loc === undefined) report(`${v} = ${v.op} has no location`)
    if ((isTupleValue(v, f.arch) || isResultsValue(v, f.arch)) && m.regspec(v).outputs.length && v.loc === undefined) report(`${v} = ${v.op} has no result locations`)
  }

  /** Run b from state `s`, checking when `check` is set. Returns the state at b's end. */
  const run = (b: Block, s: State, check: boolean): State => {
    const bad = (msg: string): void => {
      if (check) report(`${b}: ${msg}`)
    }
    const holds = (key: string, a: Value): boolean => s.get(key) === ident(a)
    for (const v of b.values) {
      if (v.op === 'Phi') continue
      const spec = v.op === 'Copy' || v.op === 'LoadReg' || v.op === 'StoreReg' ? null : m.regspec(v)
      // Reads.
      v.args.forEach((a, i) => {
        if (!carried(a)) return
        const [key] = where(a)
        if (!key) return bad(`${v} = ${v.op} reads ${a}, which has no location`)
        if (!holds(key, a)) bad(`${v} = ${v.op} reads ${a} from ${key.slice(2)}, which holds ${s.get(key) ?? 'nothing'}`)
        const want = spec?.inputs.find((x) => x.idx === i)
        if (want && (!key.startsWith('r:') || !has(want.regs, regNum(key)))) bad(`${v} = ${v.op} takes argument ${i} (${a}) in ${key.slice(2)}, not allowed`)
      })
      if (v.op === 'Copy' && v.args[0] && carried(v.args[0]) && !where(v.args[0])[0]?.startsWith('r:')) bad(`${v} copies from a stack slot`)
      if (v.op === 'LoadReg' && !where(v.args[0]!)[0]?.startsWith('s:')) bad(`${v} loads from a register`)
      if (v.op === 'StoreReg' && !where(v.args[0]!)[0]?.startsWith('r:')) bad(`${v} stores from a stack slot`)
      // Writes: clobbered registers first, then results.
      if (spec) {
        for (const k of regsOf(spec.clobbers)) s.delete(k)
        if (spec.clobbersArg0 && v.args[0]) for (const k of where(v.args[0])) s.delete(k)
        if (spec.clobbersArg1 && v.args[1]) for (const k of where(v.args[1])) s.delete(k)
        const t = temps?.get(v)
        if (t !== undefined) s.delete(`r:${m.names[t]}`)
      }
      const keys = where(v)
      if (v.op === 'Select0' || v.op === 'Select1' || v.op === 'SelectN') {
        if (keys[0] && !holds(keys[0], v)) bad(`${v} = ${v.op} is not where ${v.args[0]} put it`)
        continue
      }
      if (isTupleValue(v, f.arch) || isResultsValue(v, f.arch)) {
        keys.forEach((k, i) => {
          if (!k) return
          const out = spec?.outputs.find((o) => o.idx === i)
          if (out && !has(out.regs, regNum(k))) bad(`${v} = ${v.op} result ${i} in ${k.slice(2)}, not allowed`)
          s.set(k, `${ident(v)}#${i}`)
        })
        continue
      }
      if (!keys[0] || !carried(v)) continue
      const out = spec?.outputs[0]
      if (out && !(keys[0].startsWith('r:') && has(out.regs, regNum(keys[0])))) bad(`${v} = ${v.op} result in ${keys[0].slice(2)}, not allowed`)
      if (spec && opInfo(v.op, f.arch).resultInArg0 && where(v.args[0]!)[0] !== keys[0]) bad(`${v} = ${v.op} must compute in its first argument's register`)
      if (v.op === 'Copy' || v.op === 'LoadReg') {
        // Moves stay in the class of the register the value came from (an int can live in X registers).
        const r = regNum(keys[0])
        const from = v.op === 'Copy' ? where(v.args[0]!)[0] : undefined
        const cls = (x: number): Mask => (has(m.fp, x) ? m.fp : m.gp)
        if (!keys[0].startsWith('r:') || !has(m.allocatable, r) || (from?.startsWith('r:') && cls(regNum(from)) !== cls(r)))
          bad(`${v} = ${v.op} into ${keys[0].slice(2)}, wrong register class`)
      }
      s.set(keys[0], ident(v))
    }
    for (const c of b.controls) {
      if (!carried(c)) continue
      const [key] = where(c)
      if (!key || !holds(key, c)) bad(`control ${c} is not in ${key?.slice(2) ?? 'a location'}`)
    }
    return s
  }

  /** What b's successor `to` (its pred index k) sees: b's end state with its phis' moves done. */
  const acrossEdge = (end: State, to: Block, k: number, check: boolean): State => {
    const s = new Map(end)
    for (const v of to.values) {
      if (v.op !== 'Phi') break
      if (!carried(v)) continue
      const [key] = where(v)
      const a = v.args[k]!
      if (!key) {
        if (check) report(`${to}: phi ${v} has no location`)
        continue
      }
      if (check && end.get(key) !== ident(a)) report(`${to}: phi ${v} in ${key.slice(2)} does not get ${a} from ${to.preds[k]} (holds ${end.get(key) ?? 'nothing'})`)
      s.set(key, ident(v))
    }
    return s
  }

  // Must-analysis: a location holds a value at a block's start when it does on every incoming edge.
  const order = gcPostorder(f).reverse()
  const ends = new Map<Block, State>()
  const startOf = (b: Block, check: boolean): State | null => {
    if (b === f.entry) return new Map()
    let s: State | null = null
    b.preds.forEach((p, k) => {
      const e = ends.get(p)
      if (!e) return
      const across = acrossEdge(e, b, k, check)
      if (!s) s = across
      else for (const [key, val] of s) if (across.get(key) !== val) s.delete(key)
    })
    return s
  }
  for (let iter = 0, changed = true; changed; iter++) {
    if (iter > 2 * f.blocks.length + 5) {
      report('verifier: states do not converge')
      return problems
    }
    changed = false
    for (const b of order) {
      const s = startOf(b, false)
      if (!s) continue
      const end = run(b, s, false)
      const old = ends.get(b)
      if (!old || old.size !== end.size || [...end].some(([k, v]) => old.get(k) !== v)) {
        ends.set(b, end)
        changed = true
      }
    }
  }
  for (const b of order) {
    const s = startOf(b, true)
    if (s) run(b, s, true)
  }
  return problems
}
