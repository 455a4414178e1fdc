// Helpers for the differential tests of nilcheckelim, prove, dead auto elim,
// dse and writebarrier: run our pass on gc's dump from before it and compare
// with gc's dump after it, the way gc's dump files show a function (dead
// values and unreachable blocks left out).

import { readFileSync } from 'node:fs'
import type { DumpFunc } from '../../../src-main/gcbridge/ssadump'
import { funcFromDump } from '../../../src-main/gcbridge/tofunc'
import { checkFunc } from '../../../src-main/compiler/ssa/check'
import type { Func } from '../../../src-main/compiler/ssa/func'
import { findLive, printFunc } from '../../../src-main/compiler/ssa/print'
import { Snapshotter } from '../../../src-main/compiler/ssa/snapshot'
import { arrayOf, fromGo, ptrTo, sliceOf, type SsaType } from '../../../src-main/compiler/ssa/types'
import { parseFile } from '../../../src-main/compiler/syntax/parse'
import { checkFile } from '../../../src-main/compiler/types/check'

/** The file's named types with their real layout, by name (a dump only shows `T`). */
export function namedTypes(goFile: string): Promise<Map<string, SsaType>> {
  return namedTypesOf(readFileSync(goFile, 'utf8'), goFile)
}

/** The same for Go source text (package p). */
export async function namedTypesOf(src: string, path = 'p.go'): Promise<Map<string, SsaType>> {
  const out = new Map<string, SsaType>()
  const parsed = await parseFile(path, src)
  if (parsed.diagnostics.length) return out
  const { info } = checkFile(parsed.file, parsed.source)
  for (const o of info.typeNames) {
    try {
      const t = fromGo(o.type)
      out.set(t.str, t)
    } catch {
      // a type SSA cannot represent (interfaces, maps…): stays opaque
    }
  }
  return out
}

/** Replace the opaque named types a dump was read with by the real ones, everywhere in f. */
export function resolveTypes(f: Func, named: Map<string, SsaType>): void {
  if (named.size === 0) return
  const memo = new Map<SsaType, SsaType>()
  const resolve = (t: SsaType): SsaType => {
    const known = memo.get(t)
    if (known) return known
    let r = t
    if (t.kind === 'struct' && t.size === 0 && !t.fields?.length && named.has(t.str)) r = named.get(t.str)!
    else if (t.kind === 'ptr' && t.elem && t.str === `*${t.elem.str}`) r = ptrTo(resolve(t.elem))
    else if (t.kind === 'slice' && t.elem && t.str.startsWith('[]')) r = sliceOf(resolve(t.elem))
    else if (t.kind === 'array' && t.elem && !t.go) r = arrayOf(resolve(t.elem), t.len ?? 0)
    else if (t.kind === 'results' && t.parts) {
      const parts = t.parts.map(resolve)
      if (parts.some((p, i) => p !== t.parts![i])) r = { ...t, key: `${t.key}#resolved`, parts }
    } else if (t.kind === 'struct' && t.fields?.length && !t.go && t.str.includes('struct {')) {
      // Interning is by spelling, so the laid-out struct is a fresh, un-interned type.
      const fields = t.fields.map((x) => ({ name: x.name, type: resolve(x.type) }))
      if (fields.some((x, i) => x.type !== t.fields![i]!.type)) r = layoutStruct(t, fields)
    }
    memo.set(t, r)
    return r
  }
  for (const b of f.blocks) {
    for (const v of b.values) {
      v.type = resolve(v.type)
      if (v.aux?.kind === 'type' || v.aux?.kind === 'typeSym') v.aux = { kind: v.aux.kind, type: resolve(v.aux.type) }
    }
  }
}

export interface View {
  /** Live ops, sorted: `Op <type>` per value. */
  ops: string[]
  blocks: number
  /** Block kinds of reachable blocks, sorted. */
  kinds: string[]
  /** The dump text gc would write: no dead values, no unreachable blocks (and no `name` lines: gc's list dead values there). */
  text: string
}

/** What a gc dump file would show of our function. */
export function viewOf(f: Func): View {
  const snap = new Snapshotter().take(f).snapshot
  const { reachable, live } = findLive(snap)
  const ops: string[] = []
  const kinds: string[] = []
  for (const b of snap.blocks) {
    if (!reachable.has(b.id)) continue
    kinds.push(b.kind)
    for (const v of b.values) if (live.has(v.id)) ops.push(`${v.op} <${v.type}>`)
  }
  // Drop unreachable blocks (header to block end) and dead values from our printout.
  const out: string[] = []
  let skipping = false
  for (const l of printFunc(snap).split('\n')) {
    if (/^ {2}b\d+:/.test(l)) skipping = l.endsWith(' DEAD')
    else if (!l.startsWith('    ')) skipping = false
    if (!skipping && !l.endsWith(' DEAD') && !l.startsWith('name ')) out.push(l)
  }
  return { ops: ops.sort(), blocks: kinds.length, kinds: kinds.sort(), text: out.join('\n') }
}

/** The same view of a gc dump (which already leaves dead values and blocks out). */
export function viewOfDump(d: DumpFunc): View {
  const ops: string[] = []
  const kinds: string[] = []
  const out = [`${d.name} ${d.type}`]
  // Names as funcFromDump knows them: from the `name` lines (gc shows some only on value lines).
  const names = new Map<string, string[]>()
  for (const n of d.names) for (const v of n.values) names.set(v, [...(names.get(v) ?? []), n.name])
  for (const b of d.blocks) {
    kinds.push(b.kind)
    out.push(`  ${b.id}:${b.preds.length ? ' <- ' + b.preds.join(' ') : ''}`)
    for (const v of b.values) {
      ops.push(`${v.op} <${v.type}>`)
      const pos = v.line === null ? '(?)' : `(${v.stmt}${v.line})`
      let s = `    ${pos} ${v.id} = ${v.op} <${v.type}>`
      if (v.aux !== undefined) s += ` {${v.aux}}`
      if (v.auxInt !== undefined) s += ` [${v.auxInt}]`
      for (const a of v.args) s += ` ${a}`
      const vn = [...new Set(names.get(v.id) ?? [])]
      if (vn.length) s += ` (${vn.sort().join(', ')})`
      out.push(s)
    }
    let e = `    ${b.kind}`
    if (b.aux !== undefined) e += ` {${b.aux}}`
    for (const c of b.controls) e += ` ${c}`
    if (b.succs.length) e += ' -> ' + b.succs.join(' ')
    if (b.likely) e += ` (${b.likely})`
    out.push(e)
  }
  out.push('')
  return { ops: ops.sort(), blocks: kinds.length, kinds: kinds.sort(), text: out.join('\n') }
}

/**
 * gc's dump files leave unreachable blocks out, but a First block still
 * names its dead successor (and a live block may list a dead predecessor).
 * Put stand-ins back so the dump reads as a function: an Exit block for a
 * missing successor, an empty Plain block for a missing predecessor.
 */
export function withStubBlocks(d: DumpFunc): DumpFunc {
  const have = new Set(d.blocks.map((b) => b.id))
  let next = 1 + Math.max(0, ...d.blocks.flatMap((b) => b.values.map((v) => Number(v.id.slice(1)))))
  const stubs: DumpFunc['blocks'] = []
  for (const b of d.blocks) {
    for (const s of b.succs) {
      if (have.has(s)) continue
      have.add(s)
      const mem = `v${next++}`
      const v = { id: mem, line: null, stmt: '' as const, op: 'InitMem', type: 'mem', args: [], names: [], dead: false }
      stubs.push({ id: s, preds: d.blocks.filter((p) => p.succs.includes(s)).map((p) => p.id), values: [v], kind: 'Exit', controls: [mem], succs: [] })
    }
    for (const p of b.preds) {
      if (have.has(p)) continue
      have.add(p)
      stubs.push({ id: p, preds: [], values: [], kind: 'Plain', controls: [], succs: [b.id] })
    }
  }
  return stubs.length ? { ...d, blocks: [...d.blocks, ...stubs] } : d
}

function layoutStruct(t: SsaType, fields: { name: string; type: SsaType }[]): SsaType {
  let off = 0
  let align = 1
  const fs = fields.map((f) => {
    off = Math.ceil(off / f.type.align) * f.type.align
    const r = { name: f.name, type: f.type, offset: off }
    off += f.type.size
    align = Math.max(align, f.type.align)
    return r
  })
  const size = Math.ceil(off / align) * align
  return { ...t, key: `${t.key}#resolved`, size, align, fields: fs, hasPointers: fs.some((f) => f.type.hasPointers) }
}

/** Our pass on gc's `before` (named types resolved), checked; the error message when it threw. */
export function runOn(before: DumpFunc, pass: (f: Func) => void, named: Map<string, SsaType> = new Map()): Func | string {
  let f: Func
  try {
    f = funcFromDump(withStubBlocks(before))
    resolveTypes(f, named)
  } catch (e) {
    return `cannot read gc's dump: ${(e as Error).message}`
  }
  try {
    pass(f)
    checkFunc(f)
  } catch (e) {
    return (e as Error).message
  }
  return f
}

/** Multiset difference, for readable failures: `+x` only in ours, `-x` only in gc's. */
export function opDiff(ours: string[], gc: string[]): string[] {
  const count = new Map<string, number>()
  for (const o of ours) count.set(o, (count.get(o) ?? 0) + 1)
  for (const o of gc) count.set(o, (count.get(o) ?? 0) - 1)
  const out: string[] = []
  for (const [o, n] of [...count].sort()) if (n !== 0) out.push(`${n > 0 ? '+' : ''}${n} ${o}`)
  return out
}

/** Bounds checks still live: IsInBounds, IsSliceInBounds and PanicBounds values. */
export function boundsChecks(v: View): number {
  return v.ops.filter((o) => /^(IsInBounds|IsSliceInBounds|PanicBounds) /.test(o)).length
}
