// The fuzz loop: generate programs by seed, compile them with gc in batches
// (the next batch's gc runs while our pipeline works on the current one),
// compare, tally, and shrink the first program of each failure signature.

import { generate } from './gen/program'
import { printProgram, type Program } from './tree'
import { gcAccepts, gcBatch, type BatchFile, type FuzzArch, type GcRunOptions } from './gcrun'
import { ours, type OursOptions } from './ours'
import { CATEGORIES, gcFacts, verdict, type Category, type Failure, type Verdict } from './compare'
import { shrink } from './shrink'

export interface ProgramResult {
  seed: number
  lines: number
  funcs: number
  verdict: Verdict
}

export interface Repro {
  seed: number
  failure: Failure
  text: string
  linesBefore: number
  linesAfter: number
  tests: number
}

export interface FuzzSummary {
  seeds: number[]
  programs: ProgramResult[]
  repros: Repro[]
  ms: { total: number; gc: number; ours: number; shrink: number }
}

export interface FuzzOptions {
  batch?: number
  /** Shrink the first program of up to this many failure signatures. */
  shrink?: number
  maxTests?: number
  /** Progress lines (stderr). */
  log?: (s: string) => void
  /** Keep each failing program's text (for --out). */
  onFailure?: (seed: number, text: string, v: Verdict) => void
}

export const fileOf = (seed: number): string => `s${seed}.go`

export async function fuzz(seeds: number[], opts: FuzzOptions = {}): Promise<FuzzSummary> {
  const t0 = performance.now()
  const batchSize = opts.batch ?? 20
  const log = opts.log ?? (() => {})
  const ms = { total: 0, gc: 0, ours: 0, shrink: 0 }
  const programs: ProgramResult[] = []
  const failing: { seed: number; prog: Program; v: Verdict }[] = []

  const batches: number[][] = []
  for (let i = 0; i < seeds.length; i += batchSize) batches.push(seeds.slice(i, i + batchSize))
  const prepare = async (batch: number[]) => {
    const progs = batch.map((seed) => ({ seed, prog: generate(seed) }))
    const files: BatchFile[] = []
    for (const { seed, prog } of progs) {
      const text = printProgram(prog)
      files.push({ name: fileOf(seed), text, funcs: await funcNames(fileOf(seed), text) })
    }
    const g0 = performance.now()
    const gc = gcBatch(files).then((r) => {
      ms.gc += performance.now() - g0
      return r
    })
    return { progs, files, gc }
  }

  let next = batches.length > 0 ? await prepare(batches[0]!) : null
  for (let b = 0; b < batches.length; b++) {
    const cur = next!
    const gc = await cur.gc
    next = b + 1 < batches.length ? await prepare(batches[b + 1]!) : null
    for (const [i, { seed, prog }] of cur.progs.entries()) {
      const file = cur.files[i]!
      const o0 = performance.now()
      const us = await ours(`./${file.name}`, file.text)
      ms.ours += performance.now() - o0
      const v = verdict(gcFacts(gc.get(file.name)!), us)
      programs.push({ seed, lines: file.text.split('\n').length, funcs: file.funcs.length, verdict: v })
      if (v.failures.length > 0) {
        failing.push({ seed, prog, v })
        opts.onFailure?.(seed, file.text, v)
      }
    }
    log(`fuzz: ${programs.length}/${seeds.length} programs, ${failing.length} with differences`)
  }

  // Shrink the first program of each signature (most frequent first).
  const repros: Repro[] = []
  const s0 = performance.now()
  const bySig = new Map<string, { seed: number; prog: Program; failure: Failure; count: number }>()
  for (const f of failing) {
    for (const failure of f.v.failures) {
      const key = `${failure.category} ${failure.signature}`
      const e = bySig.get(key)
      if (e) e.count++
      else bySig.set(key, { seed: f.seed, prog: f.prog, failure, count: 1 })
    }
  }
  const order = [...bySig.values()].filter((x) => x.failure.category !== 'listing').sort((a, b) => b.count - a.count || CATEGORIES.indexOf(a.failure.category) - CATEGORIES.indexOf(b.failure.category))
  for (const x of order.slice(0, opts.shrink ?? 0)) {
    const prog = generate(x.seed)
    const before = printProgram(prog).split('\n').length
    log(`fuzz: shrinking seed ${x.seed} (${x.failure.category}: ${x.failure.signature})`)
    const r = await shrink(prog, (p) => stillFails(fileOf(x.seed), printProgram(p), x.failure), { maxTests: opts.maxTests ?? 250 })
    const text = printProgram(r.program)
    repros.push({ seed: x.seed, failure: x.failure, text, linesBefore: before, linesAfter: text.split('\n').length, tests: r.tests })
  }
  ms.shrink = performance.now() - s0
  ms.total = performance.now() - t0
  return { seeds, programs, repros, ms }
}

/** gc names of a file's functions, from our parser's outline (closures included). */
export async function funcNames(name: string, text: string): Promise<string[]> {
  const { parseOutline } = await import('../compiler/syntax')
  try {
    return (await parseOutline(`./${name}`, text)).functions.map((f) => f.name)
  } catch {
    return []
  }
}

/** What a failure of this category needs computed, on both sides. */
function partsFor(c: Category, detail: string): { gc: GcRunOptions['parts']; ours: OursOptions['parts'] } | null {
  const arch = (/\b(amd64|ppc64)\b/.exec(detail)?.[1] ?? 'amd64') as FuzzArch
  switch (c) {
    case 'escape':
      return { gc: { escape: true, build: false, merge: false, listing: false, arches: ['amd64'] }, ours: { escape: true, ssa: false } }
    case 'alloc':
      return { gc: { escape: false, build: true, merge: false, listing: false, arches: ['amd64'] }, ours: { escape: false, ssa: true, arches: ['amd64'] } }
    case 'merge':
      return { gc: { escape: false, build: false, merge: true, listing: false, arches: [arch] }, ours: { escape: false, ssa: true, arches: [arch] } }
    case 'listing':
      return { gc: { escape: false, build: false, merge: false, listing: true, arches: [arch] }, ours: { escape: false, ssa: true, arches: [arch] } }
    default:
      return null
  }
}

/** Whether `text` (valid for gc) still fails the way `failure` did. */
export async function stillFails(name: string, text: string, failure: Failure): Promise<boolean> {
  const parts = partsFor(failure.category, failure.detail)
  const same = (v: Verdict): boolean =>
    v.failures.some((f) => f.category === failure.category && (parts !== null || f.signature === failure.signature))
  if (parts === null) {
    // Our own failures: cheap to check first; gc only has to accept the program.
    const us = await ours(`./${name}`, text)
    const v = verdict({ errors: [], escape: [], allocs: new Map(), merge: new Map(), listing: new Map() }, us)
    if (!same(v)) return false
    return (await gcAccepts(name, text)).ok
  }
  const funcs = await funcNames(name, text)
  const gc = (await gcBatch([{ name, text, funcs }], { parts: parts.gc })).get(name)!
  if (gc.errors.length > 0) return false
  const us = await ours(`./${name}`, text, { parts: parts.ours })
  return same(verdict(gcFacts(gc), us, parts.ours?.arches))
}
