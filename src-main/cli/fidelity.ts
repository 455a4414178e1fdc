// `ssascope fidelity`: every differential figure against the real go in one
// table — escape lines on gc's own test suite and on our corpus, allocation
// calls, op similarity per pass, lowered ops, merge decisions and listings.
// A local developer tool that runs the real go: it calls the fidelity and
// fuzz modules directly, not through the app's API.

import { readdirSync } from 'node:fs'
import { basename, join } from 'node:path'
import { defaultFiles, escapeFidelity, expandFiles, formatTable, type FidelityReport } from '../fidelity'
import { findGo, MODELLED_GO_MINOR } from '../gcbridge/toolchain'
import { formatSsaTable, ssaCorpusFiles, ssaFidelity, type SsaFidelityReport } from '../fidelity/ssa'
import { corpusFigures, type CorpusFigures, type Tally } from '../fuzz/corpus'
import { projectRoot } from '../service/paths'
import type { CliIO } from './cli'

export const FIDELITY_USAGE = 'usage: ssascope fidelity [--json] [--detail] [--files GLOB-or-list] [--corpus GLOB-or-list] [--go PATH]\n'

export interface FidelityAll {
  go: string
  escape: FidelityReport
  ssa: SsaFidelityReport
  corpus: CorpusFigures
}

/** Our corpus: testdata/escape, testdata/ssa, the examples, testdata/mergelocals and the fuzzer's shrunk repros. */
export function fidelityCorpus(): string[] {
  const goFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.go')).sort().map((f) => join(dir, f))
  return [...ssaCorpusFiles(), ...goFiles(join(projectRoot, 'testdata', 'mergelocals')), ...goFiles(join(projectRoot, 'testdata', 'fuzz'))]
}

export async function fidelityCommand(args: string[], io: CliIO): Promise<number> {
  let json = false
  let detail = false
  let goBin: string | undefined
  const patterns: string[] = []
  const corpusPatterns: string[] = []
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!
    if (a === '--json') json = true
    else if (a === '--detail') detail = true
    else if (a === '--files' && i + 1 < args.length) patterns.push(args[++i]!)
    else if (a.startsWith('--files=')) patterns.push(a.slice('--files='.length))
    else if (a === '--corpus' && i + 1 < args.length) corpusPatterns.push(args[++i]!)
    else if (a.startsWith('--corpus=')) corpusPatterns.push(a.slice('--corpus='.length))
    else if (a === '--go' && i + 1 < args.length) goBin = args[++i]!
    else if (a.startsWith('--go=')) goBin = a.slice('--go='.length)
    else {
      io.stderr(FIDELITY_USAGE)
      return 2
    }
  }
  // Our figures model gc 1.26: an older go would score the wrong compiler.
  const go = await findGo(goBin, MODELLED_GO_MINOR)
  if (typeof go === 'string') {
    io.stderr(`ssascope fidelity: ${go}\n`)
    return 2
  }
  const log = (s: string): void => io.stderr(s)
  const files = patterns.length > 0 ? await expandFiles(patterns) : await defaultFiles(go)
  log(`fidelity: escape analysis on ${files.length} gc test file(s)…\n`)
  const escape = await escapeFidelity(go, files)
  // SSA passes, allocations, merges and listings are compared on our own
  // corpus (gc's escape tests are mostly outside the SSA subset).
  const corpus = corpusPatterns.length > 0 ? await expandFiles(corpusPatterns) : fidelityCorpus()
  log(`fidelity: op similarity per pass on ${corpus.length} corpus files…\n`)
  const ssa = await ssaFidelity(corpus)
  log(`fidelity: escape lines, allocation calls, merge decisions and listings on ${corpus.length} corpus files…\n`)
  const figures = await corpusFigures(corpus, { go: go.bin })
  const all: FidelityAll = { go: go.version, escape, ssa, corpus: figures }
  if (json) io.stdout(JSON.stringify(all, null, 2) + '\n')
  else {
    io.stdout(formatFidelityTable(all))
    if (detail) io.stdout('\n' + formatTable(escape) + '\n' + formatSsaTable(ssa) + '\n' + formatLineDiffs(figures))
  }
  return 0
}

const pct = (x: number | null): string => (x === null ? '-' : `${(x * 100).toFixed(1)}%`)
const ratio = (t: Tally): number | null => (t.total === 0 ? null : t.agree / t.total)

/** Per corpus file, the identical listings with an instruction on another line than gc's: the first such instruction. */
export function formatLineDiffs(c: CorpusFigures): string {
  const out = ['source lines: first instruction on another line than gc\'s (ours | gc), per identical listing']
  for (const f of c.files) for (const d of f.lineDiffs) out.push(`  ${basename(f.file)}: ${d}`)
  out.push('', 'listings: first differing instruction (ours | gc), per differing listing')
  for (const f of c.files) for (const d of f.listingDiffs ?? []) out.push(`  ${basename(f.file)}: ${d}`)
  return out.join('\n') + '\n'
}

/** The one table: a row per figure, with what was compared, how many agree, and the share. */
export function formatFidelityTable(r: FidelityAll): string {
  const corpusFiles = r.corpus.files.length
  const skipped = r.corpus.files.filter((f) => f.skipped !== undefined).length
  const ours = `our corpus (${corpusFiles - skipped}/${corpusFiles} files)`
  const e = r.escape.total
  const rows: string[][] = [
    ['escape lines (-m, -m=2)', `gc's test suite (${e.files} files, ${e.inSubset}/${e.functions} funcs in subset)`, `${e.gcLines} gc lines`, String(e.reproduced), pct(e.share === null ? null : e.share / 100)],
    ['escape lines (-m=2)', ours, `${r.corpus.escapeLines.total} lines`, String(r.corpus.escapeLines.agree), pct(ratio(r.corpus.escapeLines))],
    ['allocation calls', ours, `${r.corpus.allocFuncs.total} funcs`, String(r.corpus.allocFuncs.agree), pct(ratio(r.corpus.allocFuncs))],
    ...r.ssa.passes.map((p) => [
      p.pass.startsWith('lower') ? `lowered ops: ${p.pass}` : `op similarity: ${p.pass}`,
      `our corpus (${r.ssa.files.filter((f) => f.error === undefined).length} files)`,
      `${p.functions} funcs`,
      `${p.exact} exact`,
      `${pct(p.similarity)} sim`,
    ]),
    ['merge decisions (amd64, ppc64)', `${ours}, func×arch where either merged`, `${r.corpus.mergePairs.total} pairs`, String(r.corpus.mergePairs.agree), pct(ratio(r.corpus.mergePairs))],
    ['listing (-S instructions)', `${ours}, func×arch`, `${r.corpus.listingPairs.total} pairs`, String(r.corpus.listingPairs.agree), pct(ratio(r.corpus.listingPairs))],
    ...Object.entries(r.corpus.listingByArch ?? {})
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([arch, t]) => [`listing ${arch}`, `${ours}, funcs`, `${t.total} funcs`, String(t.agree), pct(ratio(t))]),
    ['source lines (-S), per listing', `${ours}, identical listings`, `${r.corpus.linePairs.total} pairs`, String(r.corpus.linePairs.agree), pct(ratio(r.corpus.linePairs))],
    ['source lines (-S), per instruction', `${ours}, identical listings`, `${r.corpus.lineInstrs.total} instrs`, String(r.corpus.lineInstrs.agree), pct(ratio(r.corpus.lineInstrs))],
  ]
  const header = ['figure', 'corpus', 'compared', 'agree', 'share']
  const all = [header, ...rows]
  const widths = header.map((_, c) => Math.max(...all.map((x) => x[c]!.length)))
  const line = (x: string[]): string => x.map((cell, c) => (c < 2 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd()
  const rule = widths.map((w) => '-'.repeat(w)).join('  ')
  const notes = [
    'share: agreeing / compared; for op similarity, the mean over functions of Σmin/Σmax of op counts (exact: identical multisets);',
    'generic passes on amd64; gc compiled with -l (the embedded pipeline does not inline).',
  ]
  return [`fidelity against ${r.go}`, line(header), rule, ...rows.map(line), rule, ...notes].join('\n') + '\n'
}
