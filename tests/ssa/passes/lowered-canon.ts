// Comparing our lowered passes with gc's dumps. Values and blocks a pass
// creates get fresh ids in ours and recycled ids in gc's (gc reuses freed
// ids), so new ones are renamed by what they are and where they are used;
// values keep their ids otherwise. Before the scheduler, value order inside
// a block is not meaningful and lines are compared sorted.

import type { DumpFunc } from '../../../src-main/gcbridge/ssadump'
import { parseSsaDump } from '../../../src-main/gcbridge/ssadump'
import type { Func } from '../../../src-main/compiler/ssa/func'
import { printFunc } from '../../../src-main/compiler/ssa/print'
import { Snapshotter } from '../../../src-main/compiler/ssa/snapshot'

type DumpValue = DumpFunc['blocks'][number]['values'][number]

/** Our function as gc's dump file would show it (dead values and blocks left out). */
export function dumpOf(f: Func): DumpFunc {
  const p = parseSsaDump(printFunc(new Snapshotter().take(f).snapshot))
  return { ...p, blocks: p.blocks.filter((b) => !b.dead).map((b) => ({ ...b, values: b.values.filter((v) => !v.dead) })) }
}

/** gc may list the entry block anywhere before layout; a Func wants it first. */
export function entryFirst(d: DumpFunc): DumpFunc {
  if (d.blocks[0]!.preds.length === 0) return d
  const e = d.blocks.find((b) => b.preds.length === 0)
  return e ? { ...d, blocks: [e, ...d.blocks.filter((b) => b !== e)] } : d
}

export function canonical(d: DumpFunc, input: DumpFunc, scheduled: boolean): string {
  const oldV = new Set(input.blocks.flatMap((b) => b.values.map((v) => v.id)))
  const oldB = new Set(input.blocks.map((b) => b.id))
  const old = (set: Set<string>) => (id: string) => (set.has(id) ? id : '?')
  const bName = new Map<string, string>()
  d.blocks
    .filter((b) => !oldB.has(b.id))
    .map((b) => [`${b.kind}|${b.preds.map(old(oldB))}|${b.succs.map(old(oldB))}`, b.id] as const)
    .sort()
    .forEach(([, id], i) => bName.set(id, `B${i}`))
  const rb = (id: string) => bName.get(id) ?? id
  const blockOf = new Map<string, string>()
  const users = new Map<string, string[]>()
  for (const b of d.blocks) {
    for (const v of b.values) {
      blockOf.set(v.id, rb(b.id))
      v.args.forEach((a, i) => users.set(a, [...(users.get(a) ?? []), oldV.has(v.id) ? `${v.id}.${i}` : '?']))
    }
  }
  const sig = (v: DumpValue) => `${blockOf.get(v.id)}|${v.op}|${v.type}|${v.auxInt}|${v.aux}|${v.args.map(old(oldV))}|${(users.get(v.id) ?? []).sort()}`
  const vName = new Map<string, string>()
  d.blocks
    .flatMap((b) => b.values)
    .filter((v) => !oldV.has(v.id))
    .map((v) => [sig(v), v.id] as const)
    .sort()
    .forEach(([, id], i) => vName.set(id, `N${i}`))
  const rv = (id: string) => vName.get(id) ?? id
  const out: string[] = []
  for (const b of d.blocks) {
    out.push(`${rb(b.id)}: <- ${b.preds.map(rb).join(' ')}`)
    const lines = b.values.map((v) => `  (${v.stmt}${v.line ?? '?'}) ${rv(v.id)} = ${v.op} <${v.type}> [${v.auxInt ?? ''}] {${v.aux ?? ''}} ${v.args.map(rv).join(' ')}`)
    if (!scheduled) lines.sort()
    out.push(...lines, `  ${b.kind} {${b.aux ?? ''}} ${b.controls.map(rv).join(' ')} -> ${b.succs.map(rb).join(' ')} ${b.likely ?? ''}`)
  }
  // Names: gc may list one name twice and names values its dump leaves out.
  const defined = new Set(d.blocks.flatMap((b) => b.values.map((v) => v.id)))
  const names = new Map<string, string[]>()
  for (const n of d.names) names.set(n.name, [...(names.get(n.name) ?? []), ...n.values.filter((v) => defined.has(v)).map(rv)])
  for (const [n, vs] of [...names].sort()) if (vs.length) out.push(`name ${n}: ${[...new Set(vs)].sort().join(' ')}`)
  return out.join('\n')
}
