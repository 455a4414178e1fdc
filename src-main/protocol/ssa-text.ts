// gc's text notation for SSA snapshots (ssa/print.go), shared by the
// compiler's dump printer, the CLI and the renderer's listing: one value or
// block end per line, values in dependency order (phis first) until the
// scheduler fixes the order, and the liveness gc uses to print DEAD.

import type { BlockRecord, FuncSnapshot, ValueRecord } from './model'

export function stmtPrefix(v: Pick<ValueRecord, 'line' | 'stmt'>): string {
  return v.line === 0 ? '(?)' : `(${v.stmt}${v.line})`
}

/** `Op <T> {aux} [auxint] args`: the part of a value line after `vN = `. */
export function valueBody(v: ValueRecord): string {
  // Joined rather than concatenated: one flat string, not a tree of pieces (rule logs keep thousands).
  const parts = [v.op, ' <', v.type, '>']
  // gc prints {aux} before [auxint] for Sym/Typ-with-offset kinds, [auxint] alone otherwise.
  if (v.aux !== undefined) parts.push(' {', v.aux, '}')
  // gc prints its default `[auxtype=…]` form (value.go auxString) without the leading space.
  if (v.auxInt !== undefined) parts.push(v.auxInt.startsWith('auxtype=') ? '[' : ' [', v.auxInt, ']')
  for (const a of v.args) parts.push(' ', a)
  return parts.join('')
}

/** `(+L) v5 = Op <T> {aux} [auxint] args : loc (names)` */
export function valueLine(v: ValueRecord, names?: readonly string[], loc?: string): string {
  let s = `${stmtPrefix(v)} ${v.id} = ${valueBody(v)}`
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

/** The order gc prints a block's values in: as scheduled, or phis first and then each value after its in-block arguments. */
export function printOrder(b: BlockRecord, scheduled: boolean): ValueRecord[] {
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

/** Value id → the names gc lists after it (`(x, y)`). */
export function namesByValue(f: FuncSnapshot): Map<string, string[]> {
  const names = new Map<string, string[]>()
  for (const n of f.names) for (const v of n.values) {
    const l = names.get(v) ?? []
    if (!l.includes(n.name)) l.push(n.name)
    names.set(v, l)
  }
  return names
}

/**
 * Reachable blocks and live values, as gc's findlive computes them for
 * printing. `keepsLive(op)` says whether an op is a root (a call, a side
 * effect, a nil check): the compiler asks its op tables, the renderer the
 * trace's `effectOps`.
 */
export function findLive(f: FuncSnapshot, keepsLive: (op: string) => boolean): { reachable: Set<string>; live: Set<string> } {
  const byId = new Map(f.blocks.map((b) => [b.id, b]))
  const reachable = new Set<string>()
  const work: BlockRecord[] = f.blocks.length ? [f.blocks[0]!] : []
  while (work.length) {
    const b = work.pop()!
    if (reachable.has(b.id)) continue
    reachable.add(b.id)
    const succs = b.kind === 'First' ? b.succs.slice(0, 1) : b.succs
    for (const s of succs) {
      const next = byId.get(s)
      if (next) work.push(next)
    }
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
    for (const v of b.values) if (keepsLive(v.op)) mark(v.id)
  }
  while (queue.length) {
    const v = queue.pop()!
    if (v.op === 'Phi') {
      const b = byId.get(v.block)
      v.args.forEach((a, i) => {
        if (b && reachable.has(b.preds[i]!)) mark(a)
      })
    } else for (const a of v.args) mark(a)
  }
  return { reachable, live }
}
