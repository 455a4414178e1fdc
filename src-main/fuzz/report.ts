// The summary `npm run fuzz` prints: figures per category, failures grouped
// by signature, and the shrunk repros.

import type { Category } from './compare'
import type { FuzzSummary, ProgramResult } from './run'

export interface Figures {
  programs: number
  functions: number
  lines: number
  invalid: number
  crashes: number
  refused: number
  internal: number
  failedPass: number
  /** Programs whose escape / alloc / merge / listing comparison held (a crashed or refused program holds none). */
  escape: number
  alloc: number
  merge: number
  listing: number
  allocFuncs: { same: number; total: number }
  /** Function×arch pairs where either side merged something, and how many of them agree. */
  mergedPairs: { same: number; total: number }
  listingPairs: { same: number; total: number }
  /** Identical listings with every instruction on gc's source line, and their instructions on gc's line. */
  linePairs: { same: number; total: number }
  lineInstrs: { same: number; total: number }
  /** All three of escape, alloc and merge held. */
  allThree: number
}

const has = (p: ProgramResult, c: Category): boolean => p.verdict.failures.some((f) => f.category === c)
const broken = (p: ProgramResult): boolean => has(p, 'invalid') || has(p, 'crash') || has(p, 'refused')

export function figures(programs: ProgramResult[]): Figures {
  const f: Figures = {
    programs: programs.length,
    functions: 0,
    lines: 0,
    invalid: 0,
    crashes: 0,
    refused: 0,
    internal: 0,
    failedPass: 0,
    escape: 0,
    alloc: 0,
    merge: 0,
    listing: 0,
    allocFuncs: { same: 0, total: 0 },
    mergedPairs: { same: 0, total: 0 },
    listingPairs: { same: 0, total: 0 },
    linePairs: { same: 0, total: 0 },
    lineInstrs: { same: 0, total: 0 },
    allThree: 0,
  }
  for (const p of programs) {
    f.functions += p.funcs
    f.lines += p.lines
    if (has(p, 'invalid')) f.invalid++
    if (has(p, 'crash')) f.crashes++
    if (has(p, 'refused')) f.refused++
    if (has(p, 'internal')) f.internal++
    if (has(p, 'failed-pass')) f.failedPass++
    const ok = !broken(p)
    const e = ok && !has(p, 'escape')
    const a = ok && !has(p, 'alloc') && !has(p, 'internal')
    const m = ok && !has(p, 'merge') && !has(p, 'failed-pass') && !has(p, 'internal')
    if (e) f.escape++
    if (a) f.alloc++
    if (m) f.merge++
    if (e && a && m) f.allThree++
    if (ok && !has(p, 'listing') && !has(p, 'failed-pass') && !has(p, 'internal')) f.listing++
    f.allocFuncs.same += p.verdict.allocSame
    f.allocFuncs.total += p.verdict.allocFuncs
    for (const pair of p.verdict.pairs) {
      if (pair.merged) {
        f.mergedPairs.total++
        if (pair.sameMerge) f.mergedPairs.same++
      }
      if (pair.listed) {
        f.listingPairs.total++
        if (pair.sameListing) f.listingPairs.same++
      }
      if (pair.lines) {
        f.linePairs.total++
        if (pair.lines.agree === pair.lines.total) f.linePairs.same++
        f.lineInstrs.same += pair.lines.agree
        f.lineInstrs.total += pair.lines.total
      }
    }
  }
  return f
}

const pct = (n: number, d: number): string => (d === 0 ? '-' : `${((100 * n) / d).toFixed(1)}%`)
const frac = (n: number, d: number): string => `${n}/${d} ${pct(n, d)}`

export function seedRange(seeds: number[]): string {
  if (seeds.length === 0) return 'none'
  const sorted = [...seeds].sort((a, b) => a - b)
  const contiguous = sorted.every((s, i) => i === 0 || s === sorted[i - 1]! + 1)
  return contiguous ? `${sorted[0]}-${sorted[sorted.length - 1]}` : sorted.join(',')
}

export function formatSummary(s: FuzzSummary, go: string): string {
  const f = figures(s.programs)
  const out: string[] = []
  const row = (label: string, value: string) => out.push(`  ${label.padEnd(36)} ${value}`)
  out.push(`fuzz: seeds ${seedRange(s.seeds)}: ${f.programs} programs, ${f.functions} functions, ${f.lines} lines; ${go}`)
  out.push(`  time ${(s.ms.total / 1000).toFixed(1)} s (gc ${(s.ms.gc / 1000).toFixed(1)} s, ours ${(s.ms.ours / 1000).toFixed(1)} s, shrinking ${(s.ms.shrink / 1000).toFixed(1)} s)`)
  row('invalid programs (gc refused them)', String(f.invalid))
  row('crashes', String(f.crashes))
  row('refused valid files', String(f.refused))
  row('internal errors', String(f.internal))
  row('failed passes', String(f.failedPass))
  row('escape -m=2 lines identical', frac(f.escape, f.programs))
  row('allocation calls identical', `${frac(f.alloc, f.programs)}  (functions ${frac(f.allocFuncs.same, f.allocFuncs.total)})`)
  row('merge decisions identical', `${frac(f.merge, f.programs)}  (function×arch pairs where either side merged: ${frac(f.mergedPairs.same, f.mergedPairs.total)})`)
  row('escape, allocs and merges identical', frac(f.allThree, f.programs))
  row('listings identical', `${frac(f.listing, f.programs)}  (function×arch ${frac(f.listingPairs.same, f.listingPairs.total)})`)
  row('source lines of identical listings', `${frac(f.linePairs.same, f.linePairs.total)}  (instructions ${frac(f.lineInstrs.same, f.lineInstrs.total)})`)

  const groups = new Map<string, { seeds: number[]; detail: string }>()
  for (const p of s.programs) {
    for (const fl of p.verdict.failures) {
      const key = `${fl.category}\t${fl.signature}`
      const g = groups.get(key) ?? { seeds: [], detail: fl.detail }
      g.seeds.push(p.seed)
      groups.set(key, g)
    }
  }
  if (groups.size > 0) {
    out.push('', 'failures by signature (count, category, signature, seeds):')
    const sorted = [...groups].sort((a, b) => b[1].seeds.length - a[1].seeds.length)
    for (const [key, g] of sorted) {
      const [cat, sig] = key.split('\t')
      out.push(`  ${String(g.seeds.length).padStart(4)}  ${cat!.padEnd(11)} ${sig}  [${g.seeds.slice(0, 8).join(' ')}${g.seeds.length > 8 ? ' …' : ''}]`)
    }
  }
  for (const r of s.repros) {
    out.push('', `repro: seed ${r.seed}, ${r.failure.category} (${r.failure.signature}); ${r.linesBefore} → ${r.linesAfter} lines in ${r.tests} tests`)
    out.push(...r.failure.detail.split('\n').map((l) => `  # ${l}`))
    out.push(r.text.trimEnd())
  }
  return out.join('\n') + '\n'
}
