// The checker run after every pass, like gc's -d=ssa/check/on: CFG edges
// agree, block kinds have the right controls and successors, every op is
// known with the right number of arguments and aux, arguments live in the
// function and dominate their uses, use counts are exact, ids are unique.

import { DomTree } from './dom'
import type { Block, Func, Value } from './func'
import { blockKindInfo, isKnownOp, opInfo } from './opinfo'

const AUX_NONE = new Set([undefined, 'Int8', 'Int16', 'Int32', 'Int64', 'Int128', 'UInt8', 'Bool', 'Float32', 'Float64'])
const AUXINT_NONE = new Set([undefined, 'Sym', 'Typ', 'Call'])

export function checkFunc(f: Func): void {
  const fail = (msg: string): never => {
    throw new Error(`check failed: ${msg}`)
  }
  if (f.blocks[0] !== f.entry) fail('entry block is not first')
  const blocks = new Set<Block>()
  const values = new Map<Value, Block>()
  const seenIds = new Set<number>()
  for (const b of f.blocks) {
    if (blocks.has(b)) fail(`block ${b} listed twice`)
    blocks.add(b)
    for (const v of b.values) {
      if (seenIds.has(v.id)) fail(`value id ${v} used twice`)
      seenIds.add(v.id)
      values.set(v, b)
    }
  }
  const uses = new Map<Value, number>()
  const use = (v: Value): void => void uses.set(v, (uses.get(v) ?? 0) + 1)
  for (const b of f.blocks) {
    const kind = blockKindInfo(b.kind)
    if (b.controls.length !== kind.controls) fail(`${b} ${b.kind} has ${b.controls.length} controls, wants ${kind.controls}`)
    const wantSuccs: Record<string, number> = { Plain: 1, If: 2, First: 2, Ret: 0, Exit: 0, RetJmp: 0 }
    const want = wantSuccs[b.kind]
    if (want !== undefined && b.succs.length !== want) fail(`${b} ${b.kind} has ${b.succs.length} successors, wants ${want}`)
    for (const c of b.controls) {
      if (!values.has(c)) fail(`${b} control ${c} is not in the function`)
      use(c)
    }
    if (b.kind === 'If' && b.controls[0]!.type.kind !== 'bool') fail(`${b} If control ${b.controls[0]} is not bool`)
    if ((b.kind === 'Ret' || b.kind === 'Exit') && b.controls[0]!.type.kind !== 'mem' && b.controls[0]!.type.kind !== 'results') fail(`${b} ${b.kind} control ${b.controls[0]} is not memory`)
    for (const s of b.succs) {
      if (!blocks.has(s)) fail(`${b} successor ${s} is not in the function`)
      if (count(s.preds, b) !== count(b.succs, s)) fail(`edge ${b} -> ${s} has no matching predecessor entry`)
    }
    for (const p of b.preds) {
      if (!blocks.has(p)) fail(`${b} predecessor ${p} is not in the function`)
      if (count(p.succs, b) !== count(b.preds, p)) fail(`edge ${p} -> ${b} has no matching successor entry`)
    }
    for (const v of b.values) {
      if (v.block !== b) fail(`${v} is in ${b} but says ${v.block}`)
      if (!isKnownOp(v.op)) fail(`${v} has unknown op ${v.op}`)
      const info = opInfo(v.op)
      if (info.args >= 0 && v.args.length !== info.args) fail(`${v} = ${v.op} has ${v.args.length} args, wants ${info.args}`)
      if (v.op === 'Phi' && v.args.length !== b.preds.length) fail(`phi ${v} has ${v.args.length} args in ${b} with ${b.preds.length} predecessors`)
      if (AUX_NONE.has(info.aux) && v.aux !== null) fail(`${v} = ${v.op} has an aux but its op takes none`)
      if (AUXINT_NONE.has(info.aux) && v.auxInt !== 0n) fail(`${v} = ${v.op} has auxInt ${v.auxInt} but its op takes none`)
      if (info.aux === 'Bool' && v.auxInt !== 0n && v.auxInt !== 1n) fail(`${v} bool auxInt ${v.auxInt}`)
      if (info.typ === 'Mem' && v.type.kind !== 'mem') fail(`${v} = ${v.op} must be memory, is ${v.type.str}`)
      for (const a of v.args) {
        if (!values.has(a)) fail(`${v} uses ${a}, which is not in the function`)
        use(a)
      }
    }
  }
  for (const [v] of values) if ((uses.get(v) ?? 0) !== v.uses) fail(`${v} use count ${v.uses}, counted ${uses.get(v) ?? 0}`)
  const dom = new DomTree(f)
  for (const b of f.blocks) {
    if (!dom.reachable(b)) continue
    for (const v of b.values) {
      v.args.forEach((a, i) => {
        const at = v.op === 'Phi' ? b.preds[i]! : b
        if (dom.reachable(at) && !dom.dominates(a.block, at)) fail(`${a} in ${a.block} does not dominate its use by ${v} in ${at}`)
      })
    }
    for (const c of b.controls) if (!dom.dominates(c.block, b)) fail(`control ${c} in ${c.block} does not dominate ${b}`)
  }
}

const count = <X>(xs: X[], x: X): number => xs.reduce((n, y) => (y === x ? n + 1 : n), 0)
