// The checker run after every pass, like gc's -d=ssa/check/on: CFG edges
// agree, block kinds have the right controls and successors, every op is
// known with the right number of arguments and aux, arguments live in the
// function and dominate their uses, use counts are exact, ids are unique.
// It runs after every pass on every function, so it works on id-indexed
// arrays rather than maps.

import { DomTree } from './dom'
import type { Block, Func } from './func'
import { blockKindInfo, isKnownOp, opInfo } from './opinfo'

const AUX_NONE = new Set([undefined, 'Int8', 'Int16', 'Int32', 'Int64', 'Int128', 'UInt8', 'Bool', 'Float32', 'Float64'])
const AUXINT_NONE = new Set([undefined, 'Sym', 'Typ', 'Call'])
const WANT_SUCCS: Record<string, number> = { Plain: 1, If: 2, First: 2, Ret: 0, Exit: 0, RetJmp: 0 }

export function checkFunc(f: Func): void {
  const fail = (msg: string): never => {
    throw new Error(`check failed: ${msg}`)
  }
  if (f.blocks[0] !== f.entry) fail('entry block is not first')
  const inFunc = new Uint8Array(f.numValues)
  const counted = new Int32Array(f.numValues)
  const blockSeen = new Uint8Array(f.numBlocks)
  for (const b of f.blocks) {
    if (b.id >= blockSeen.length || blockSeen[b.id]) fail(`block ${b} listed twice or unknown`)
    blockSeen[b.id] = 1
    for (const v of b.values) {
      if (v.id >= inFunc.length || inFunc[v.id]) fail(`value id ${v} used twice or unknown`)
      inFunc[v.id] = 1
    }
  }
  const inBlocks = (b: Block): boolean => b.id < blockSeen.length && blockSeen[b.id] === 1 && b.func === f
  for (const b of f.blocks) {
    const kind = blockKindInfo(b.kind, f.arch)
    if (b.controls.length !== kind.controls) fail(`${b} ${b.kind} has ${b.controls.length} controls, wants ${kind.controls}`)
    // Lowered conditional blocks (EQ, LT, …) branch two ways like If.
    const want = WANT_SUCCS[b.kind] ?? (kind.controls === 1 && b.kind !== 'JUMPTABLE' && b.kind !== 'JumpTable' ? 2 : undefined)
    if (want !== undefined && b.succs.length !== want) fail(`${b} ${b.kind} has ${b.succs.length} successors, wants ${want}`)
    for (const c of b.controls) {
      if (c.block.func !== f || !inFunc[c.id]) fail(`${b} control ${c} is not in the function`)
      counted[c.id]!++
    }
    if (b.kind === 'If' && b.controls[0]!.type.kind !== 'bool') fail(`${b} If control ${b.controls[0]} is not bool`)
    if ((b.kind === 'Ret' || b.kind === 'Exit') && b.controls[0]!.type.kind !== 'mem' && b.controls[0]!.type.kind !== 'results') fail(`${b} ${b.kind} control ${b.controls[0]} is not memory`)
    for (const s of b.succs) {
      if (!inBlocks(s)) fail(`${b} successor ${s} is not in the function`)
      if (count(s.preds, b) !== count(b.succs, s)) fail(`edge ${b} -> ${s} has no matching predecessor entry`)
    }
    for (const p of b.preds) {
      if (!inBlocks(p)) fail(`${b} predecessor ${p} is not in the function`)
      if (count(p.succs, b) !== count(b.preds, p)) fail(`edge ${p} -> ${b} has no matching successor entry`)
    }
    for (const v of b.values) {
      if (v.block !== b) fail(`${v} is in ${b} but says ${v.block}`)
      if (!isKnownOp(v.op, f.arch)) fail(`${v} has unknown op ${v.op}`)
      const info = opInfo(v.op, f.arch)
      if (info.args >= 0 && v.args.length !== info.args) fail(`${v} = ${v.op} has ${v.args.length} args, wants ${info.args}`)
      if (v.op === 'Phi' && v.args.length !== b.preds.length) fail(`phi ${v} has ${v.args.length} args in ${b} with ${b.preds.length} predecessors`)
      if (v.aux !== null && AUX_NONE.has(info.aux)) fail(`${v} = ${v.op} has an aux but its op takes none`)
      if (v.auxInt !== 0n && AUXINT_NONE.has(info.aux)) fail(`${v} = ${v.op} has auxInt ${v.auxInt} but its op takes none`)
      if (info.aux === 'Bool' && v.auxInt !== 0n && v.auxInt !== 1n) fail(`${v} bool auxInt ${v.auxInt}`)
      if (info.typ === 'Mem' && v.type.kind !== 'mem') fail(`${v} = ${v.op} must be memory, is ${v.type.str}`)
      for (const a of v.args) {
        if (a.block.func !== f || a.id >= inFunc.length || !inFunc[a.id]) fail(`${v} uses ${a}, which is not in the function`)
        counted[a.id]!++
      }
    }
  }
  for (const b of f.blocks) for (const v of b.values) if (counted[v.id] !== v.uses) fail(`${v} use count ${v.uses}, counted ${counted[v.id]}`)
  // After regalloc (values have locations) uses need not be dominated, as in gc's checkFunc.
  if (f.blocks.some((b) => b.values.some((v) => v.loc !== undefined))) return
  const dom = new DomTree(f)
  for (const b of f.blocks) {
    if (!dom.reachable(b)) continue
    for (const v of b.values) {
      const phi = v.op === 'Phi'
      for (let i = 0; i < v.args.length; i++) {
        const a = v.args[i]!
        const at = phi ? b.preds[i]! : b
        if (a.block !== at && dom.reachable(at) && !dom.dominates(a.block, at)) fail(`${a} in ${a.block} does not dominate its use by ${v} in ${at}`)
      }
    }
    for (const c of b.controls) if (c.block !== b && !dom.dominates(c.block, b)) fail(`control ${c} in ${c.block} does not dominate ${b}`)
  }
}

function count<X>(xs: X[], x: X): number {
  let n = 0
  for (const y of xs) if (y === x) n++
  return n
}
