// Shared by the cleanup passes' tests: run one of our passes on gc's
// function before that pass and compare with gc's function after it.

import { formatSsaDump, parseSsaDump, type DumpFunc } from '../../../src-main/gcbridge/ssadump'
import type { GcSsaDumps } from '../../../src-main/gcbridge/gcssa'
import { funcFromDump } from '../../../src-main/gcbridge/tofunc'
import { checkFunc } from '../../../src-main/compiler/ssa/check'
import type { Func } from '../../../src-main/compiler/ssa/func'
import { printFunc } from '../../../src-main/compiler/ssa/print'
import { Snapshotter } from '../../../src-main/compiler/ssa/snapshot'

/** Our function as gc's dump files print it: no DEAD blocks or values. */
export function liveText(f: Func): string {
  const out: string[] = []
  let skipping = false
  for (const line of printFunc(new Snapshotter().take(f).snapshot).split('\n')) {
    if (/^ {2}b\d+:/.test(line)) skipping = line.endsWith(' DEAD')
    else if (!line.startsWith('    ')) skipping = false
    if (skipping || line.endsWith(' DEAD')) continue
    out.push(line)
  }
  return withLiveNames(out.join('\n'))
}

/** gc's dumps list dead values in names but do not print them: keep only printed ones (duplicates too). */
function withLiveNames(text: string): string {
  const printed = new Set([...text.matchAll(/^ {4}\([^)]*\) (v\d+) =/gm)].map((m) => m[1]!))
  return text
    .split('\n')
    .flatMap((line) => {
      if (line === '') return []
      const m = /^name (.*): \[(.*)\]$/.exec(line)
      if (!m) return [line]
      const vals = m[2]!.split(' ').filter((v) => printed.has(v))
      return vals.length ? [`name ${m[1]}: [${vals.join(' ')}]`] : []
    })
    .join('\n')
}

/** Block sections sorted by id (our entry moves to the front when fused; gc's stays in place). */
export function byBlockId(text: string): string {
  const lines = text.split('\n')
  const head = lines[0]!
  const names = lines.filter((l) => l.startsWith('name '))
  const sections: { id: number; lines: string[] }[] = []
  for (const l of lines.slice(1)) {
    const m = /^ {2}b(\d+):/.exec(l)
    if (m) sections.push({ id: Number(m[1]), lines: [l] })
    else if (l.startsWith('    ')) sections[sections.length - 1]!.lines.push(l)
  }
  sections.sort((a, b) => a.id - b.id)
  return [head, ...sections.flatMap((s) => s.lines), ...names].join('\n')
}

/**
 * gc's function as a dump lists it, with the entry first: gc keeps block
 * order when fuse moves the entry into a later block; we need it first.
 */
export function readDump(d: DumpFunc): Func {
  const e = d.blocks.findIndex((b) => b.preds.length === 0)
  if (e > 0) d = { ...d, blocks: [d.blocks[e]!, ...d.blocks.filter((_, i) => i !== e)] }
  return funcFromDump(withDeadPreds(d))
}

/**
 * Dumps omit unreachable blocks but still list them as predecessors (until
 * the next deadcode). Put empty stand-ins back (Plain or First by their
 * number of edges, in id order) so the function reads back as gc had it.
 */
function withDeadPreds(d: DumpFunc): DumpFunc {
  const known = new Set(d.blocks.map((b) => b.id))
  const missingPred = new Map<string, string[]>()
  const missingSucc = new Map<string, string[]>()
  for (const b of d.blocks) {
    for (const p of b.preds) if (!known.has(p)) missingPred.set(p, [...(missingPred.get(p) ?? []), b.id])
    for (const s of b.succs) if (!known.has(s)) missingSucc.set(s, [...(missingSucc.get(s) ?? []), b.id])
  }
  if (missingPred.size === 0 && missingSucc.size === 0) return d
  const blocks = [...d.blocks]
  const num = (id: string): number => Number(id.slice(1))
  const insert = (b: DumpFunc['blocks'][number]): void => {
    const at = blocks.findIndex((x, i) => i > 0 && num(x.id) > num(b.id))
    blocks.splice(at < 0 ? blocks.length : at, 0, b)
  }
  let fresh = 1_000_000
  for (const id of new Set([...missingPred.keys(), ...missingSucc.keys()])) {
    const succs = missingPred.get(id) ?? []
    const preds = missingSucc.get(id) ?? []
    if (succs.length > 2) throw new Error(`dead block ${id} with ${succs.length} successors`)
    if (succs.length > 0) {
      insert({ id, preds, values: [], kind: succs.length === 1 ? 'Plain' : 'First', controls: [], succs })
      continue
    }
    // A dead exit (the unlikely way of a First block): an Exit on a stand-in memory.
    const mem = `v${fresh++}`
    const value = { id: mem, line: null, stmt: '' as const, op: 'Unknown', type: 'mem', args: [], names: [], dead: false }
    insert({ id, preds, values: [value], kind: 'Exit', controls: [mem], succs: [] })
  }
  return { ...d, blocks }
}

/**
 * gc's dump in our printer's canonical form. A dump that cannot be read back
 * (a phi argument from an unreachable predecessor the dump does not print,
 * as sccp leaves them) is compared as gc printed it; null only if even that fails.
 */
export function gcText(d: DumpFunc): string | null {
  let text: string
  try {
    text = liveText(readDump(d))
  } catch {
    try {
      text = formatSsaDump(d).trimEnd()
    } catch {
      return null
    }
  }
  // Reading back merges duplicate name entries; gc prints them all.
  const names = d.names.map((n) => `name ${n.name}: [${n.values.join(' ')}]`)
  return withLiveNames([...text.split('\n').filter((l) => !l.startsWith('name ')), ...names].join('\n'))
}

/** The text with each block's value lines sorted. */
export function valueOrderFree(text: string): string {
  const out: string[] = []
  let run: string[] = []
  const flush = (): void => {
    out.push(...run.sort())
    run = []
  }
  for (const l of text.split('\n')) {
    if (/^ {4}\(/.test(l)) run.push(l)
    else {
      flush()
      out.push(l)
    }
  }
  flush()
  return out.join('\n')
}

const sortedOps = (ops: string[]): string => [...ops].sort().join(' ')

export function dumpOps(d: DumpFunc): string {
  return sortedOps(d.blocks.flatMap((b) => b.values.map((v) => v.op)))
}

export function liveOps(f: Func): string {
  const text = liveText(f)
  return sortedOps([...text.matchAll(/^ {4}\([^)]*\) v\d+ = (\S+)/gm)].map((m) => m[1]!))
}

const blockCount = (text: string): number => text.split('\n').filter((l) => /^ {2}b\d+:/.test(l)).length

export interface DiffResult {
  funcs: number
  /** Functions where gc's input could not be read back (skipped). */
  skipped: string[]
  sameText: number
  /** Same text once each block's value lines are sorted (the printer's order follows b.values, which a dump does not keep). */
  sameLines: number
  sameOps: number
  sameBlocks: number
  /** Functions whose op multiset or block count differ, with both texts. */
  mismatches: { func: string; ours: string; gc: string }[]
  /** Functions with the same ops and blocks whose text still differs (ids, order, marks). */
  textDiffs: { func: string; ours: string; gc: string }[]
  /** Checker or pass failures. */
  failures: { func: string; error: string }[]
}

/**
 * Ids of values a pass created are its own business (gc reuses freed ids,
 * we never do): rename values not in `known` to n1, n2… in order of appearance.
 */
export function renumberFresh(text: string, known: Set<string>): string {
  const fresh = new Map<string, string>()
  return text.replace(/\bv\d+\b/g, (id) => {
    if (known.has(id)) return id
    if (!fresh.has(id)) fresh.set(id, `n${fresh.size + 1}`)
    return fresh.get(id)!
  })
}

/** The pass gc ran just before `pass` for this function (dump order). */
function previous(passes: Map<string, DumpFunc>, pass: string): DumpFunc | undefined {
  let prev: DumpFunc | undefined
  for (const [name, d] of passes) {
    if (name === pass) return prev
    prev = d
  }
  return undefined
}

/** Run `run` on gc's input to `pass` for every function and compare with gc's output of it. */
export interface DiffOptions {
  /** Put each block's values in id order first (gc's creation order, before the printer reorders them). */
  idOrder?: boolean
  /** Compare texts with blocks sorted by id. */
  anyBlockOrder?: boolean
}

export function diffPass(dumps: GcSsaDumps, pass: string, run: (f: Func) => void, opts: DiffOptions = {}): DiffResult {
  const r: DiffResult = { funcs: 0, skipped: [], sameText: 0, sameLines: 0, sameOps: 0, sameBlocks: 0, mismatches: [], textDiffs: [], failures: [] }
  for (const [func, passes] of dumps) {
    const after = passes.get(pass)
    const before = previous(passes, pass)
    if (!after || !before) continue
    let f: Func
    try {
      f = readDump(before)
      checkFunc(f)
      if (opts.idOrder) for (const b of f.blocks) b.values.sort((x, y) => x.id - y.id)
    } catch {
      r.skipped.push(func)
      continue
    }
    r.funcs++
    try {
      run(f)
      checkFunc(f)
    } catch (e) {
      r.failures.push({ func, error: (e as Error).message })
      continue
    }
    const known = new Set(before.blocks.flatMap((b) => b.values.map((v) => v.id)))
    const norm = (t: string): string => renumberFresh(opts.anyBlockOrder ? byBlockId(t) : t, known)
    const ours = norm(liveText(f))
    const gcT = gcText(after)
    const theirs = gcT === null ? null : norm(gcT)
    const text = theirs ?? ''
    if (theirs !== null && ours === theirs) r.sameText++
    if (theirs !== null && valueOrderFree(ours) === valueOrderFree(theirs)) r.sameLines++
    const sameOps = liveOps(f) === dumpOps(after)
    const sameBlocks = blockCount(ours) === after.blocks.length
    if (sameOps) r.sameOps++
    if (sameBlocks) r.sameBlocks++
    if (!sameOps || !sameBlocks) r.mismatches.push({ func, ours, gc: text })
    else if (theirs === null || valueOrderFree(ours) !== valueOrderFree(theirs)) r.textDiffs.push({ func, ours, gc: text })
  }
  return r
}

export const summary = (pass: string, r: DiffResult): string =>
  `${pass}: ${r.funcs} funcs, text ${r.sameText}, lines ${r.sameLines}, ops ${r.sameOps}, blocks ${r.sameBlocks}, failures ${r.failures.length}, skipped ${r.skipped.length}`

/**
 * Run a pass on a function written in gc's dump format and return our result
 * and gc's expected text (`after`), both canonical and with values the pass
 * created renamed n1, n2….
 */
export function runOnDump(before: string, run: (f: Func) => void, after: string, opts: DiffOptions = {}): { ours: string; want: string; f: Func } {
  const d = parseSsaDump(before)
  const known = new Set(d.blocks.flatMap((b) => b.values.map((v) => v.id)))
  const f = readDump(d)
  checkFunc(f)
  if (opts.idOrder) for (const b of f.blocks) b.values.sort((x, y) => x.id - y.id)
  run(f)
  checkFunc(f)
  const norm = (t: string): string => renumberFresh(opts.anyBlockOrder ? byBlockId(t) : t, known)
  const want = gcText(parseSsaDump(after))
  if (want === null) throw new Error('expected dump does not read back')
  return { ours: norm(liveText(f)), want: norm(want), f }
}
