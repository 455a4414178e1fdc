// gc's text dump of a function (ssa/print.go): header, blocks with their
// values in dependency order (phis first) until the scheduler has fixed the
// order, block ends, and the `name x[T]: [...]` lines. Values and blocks that
// are unreachable or unused are marked DEAD, as gc does.

import type { BlockRecord, FuncSnapshot, ValueRecord } from '../../protocol/model'
import { opInfo } from './opinfo'

export function printFunc(f: FuncSnapshot): string {
  const { reachable, live } = findLive(f)
  const names = new Map<string, string[]>()
  for (const n of f.names) for (const v of n.values) {
    const l = names.get(v) ?? []
    if (!l.includes(n.name)) l.push(n.name)
    names.set(v, l)
  }
  const out: string[] = [`${f.name} ${f.type}`]
  for (const b of f.blocks) {
    const r = reachable.has(b.id)
    out.push(`  ${b.id}:${b.preds.length ? ' <- ' + b.preds.join(' ') : ''}${r ? '' : ' DEAD'}`)
    for (const v of printOrder(b, f.scheduled === true)) out.push(`    ${valueLine(v, names.get(v.id), f.locs?.[v.id])}${live.has(v.id) ? '' : ' DEAD'}`)
    out.push(`    ${blockEnd(b)}`)
  }
  for (const n of f.names) out.push(`name ${n.name}: [${n.values.join(' ')}]`)
  return out.join('\n') + '\n'
}

export function stmtPrefix(v: Pick<ValueRecord, 'line' | 'stmt'>): string {
  return v.line === 0 ? '(?)' : `(${v.stmt}${v.line})`
}

/** `v5 = Op <T> [auxint] {aux} args : loc (names)` */
export function valueLine(v: ValueRecord, names?: string[], loc?: string): string {
  let s = `${stmtPrefix(v)} ${v.id} = ${v.op} <${v.type}>`
  // gc prints {aux} before [auxint] for Sym/Typ-with-offset kinds, [auxint] alone otherwise.
  if (v.aux !== undefined) s += ` {${v.aux}}`
  // gc prints its default `[auxtype=…]` form (value.go auxString) without the leading space.
  if (v.auxInt !== undefined) s += (v.auxInt.startsWith('auxtype=') ? '' : ' ') + `[${v.auxInt}]`
  for (const a of v.args) s += ` ${a}`
  if (loc !== undefined) s += ` : ${loc}`
  if (names?.length) s += ` (${[...names].sort().join(', ')})`
  return s
}

export function blockEnd(b: BlockRecord): string {
  let s = b.kind
  if (b.aux !== undefined) s += ` {${b.aux}}`
  for (const c of b.controls) s += ` ${c}`
  if (b.succs.length) s += ' -> ' + b.succs.join(' ')
  if (b.likely) s += ` (${b.likely})`
  return s
}

function printOrder(b: BlockRecord, scheduled: boolean): ValueRecord[] {
  if (scheduled) return b.values
  const inBlock = new Set(b.values.map((v) => v.id))
  const printed = new Set<string>()
  const order: ValueRecord[] = []
  for (const v of b.values) if (v.op === 'Phi') {
    order.push(v)
    printed.add(v.id)
  }
  while (order.length < b.values.length) {
    const before = order.length
    for (const v of b.values) {
      if (printed.has(v.id)) continue
      if (v.args.some((a) => inBlock.has(a) && !printed.has(a))) continue
      order.push(v)
      printed.add(v.id)
    }
    if (order.length === before) {
      // A dependency cycle (only possible in a broken function): print the rest as is.
      for (const v of b.values) if (!printed.has(v.id)) order.push(v), printed.add(v.id)
    }
  }
  return order
}

/** Reachable blocks and live values, as gc's findlive computes them for printing. */
export function findLive(f: FuncSnapshot): { reachable: Set<string>; live: Set<string> } {
  const byId = new Map(f.blocks.map((b) => [b.id, b]))
  const reachable = new Set<string>()
  const work: BlockRecord[] = f.blocks.length ? [f.blocks[0]!] : []
  while (work.length) {
    const b = work.pop()!
    if (reachable.has(b.id)) continue
    reachable.add(b.id)
    const succs = b.kind === 'First' ? b.succs.slice(0, 1) : b.succs
    for (const s of succs) work.push(byId.get(s)!)
  }
  const values = new Map<string, ValueRecord>()
  for (const b of f.blocks) for (const v of b.values) values.set(v.id, v)
  const live = new Set<string>()
  const queue: ValueRecord[] = []
  const mark = (id: string): void => {
    const v = values.get(id)
    if (v && !live.has(id)) live.add(id), queue.push(v)
  }
  for (const b of f.blocks) {
    if (!reachable.has(b.id)) continue
    for (const c of b.controls) mark(c)
    for (const v of b.values) {
      const info = opInfo(v.op, f.arch)
      if (info.call || info.hasSideEffects || info.nilCheck) mark(v.id)
    }
  }
  while (queue.length) {
    const v = queue.pop()!
    if (v.op === 'Phi') {
      const b = byId.get(v.block)!
      v.args.forEach((a, i) => {
        if (reachable.has(b.preds[i]!)) mark(a)
      })
    } else for (const a of v.args) mark(a)
  }
  return { reachable, live }
}
