// The fuzzer's comparison (escape lines, allocation calls, merge decisions,
// listings) run over a fixed corpus instead of generated programs: the
// figures `ssascope fidelity` puts in its one table. Each file is its own
// package (corpus files share names), compiled once per arch.

import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { gcFacts, multisetDiff, verdict } from './compare'
import { gcBatch } from './gcrun'
import { ours } from './ours'
import { funcNames } from './run'

/** agree of total, counted per item compared. */
export interface Tally {
  agree: number
  total: number
}

/** What is counted, per file and summed over the corpus. */
export interface CorpusTallies {
  escapeLines: Tally
  allocFuncs: Tally
  /** Function×arch pairs where either side merged something. */
  mergePairs: Tally
  listingPairs: Tally
  /** Instructions of identical listings on gc's source line. */
  lineInstrs: Tally
  /** Identical listings whose every instruction is on gc's line. */
  linePairs: Tally
  /** listingPairs split by arch. */
  listingByArch: Record<string, Tally>
}

export interface CorpusFileFigures extends CorpusTallies {
  file: string
  /** The file is outside the subset (or gc refused it): nothing of it is compared. */
  skipped?: string
  /** Per identical listing with another line: its first such instruction. */
  lineDiffs: string[]
  /** Per differing listing: its first differing instruction. */
  listingDiffs: string[]
}

export interface CorpusFigures extends CorpusTallies {
  files: CorpusFileFigures[]
}

const zero = (): Tally => ({ agree: 0, total: 0 })

export async function corpusFigures(files: string[], opts: { go?: string; onFile?: (f: CorpusFileFigures, i: number, n: number) => void } = {}): Promise<CorpusFigures> {
  const out: CorpusFileFigures[] = []
  for (const [i, path] of files.entries()) {
    const name = basename(path)
    const text = await readFile(path, 'utf8')
    const fig: CorpusFileFigures = { file: path, escapeLines: zero(), allocFuncs: zero(), mergePairs: zero(), listingPairs: zero(), lineInstrs: zero(), linePairs: zero(), lineDiffs: [], listingDiffs: [], listingByArch: {} }
    const gc = (await gcBatch([{ name, text, funcs: await funcNames(name, text) }], opts.go ? { go: opts.go } : {})).get(name)!
    const us = await ours(`./${name}`, text)
    const facts = gcFacts(gc)
    const v = verdict(facts, us)
    // A function SSA construction refuses is left out; a file the front end refuses is skipped whole.
    const stop = v.failures.find((f) => f.category === 'invalid' || (f.category === 'refused' && f.func === undefined) || f.category === 'crash')
    if (stop) fig.skipped = `${stop.category}: ${stop.detail.split('\n')[0]}`
    else {
      const d = multisetDiff(facts.escape, us.escape)
      fig.escapeLines = { agree: facts.escape.length - d.missing.length, total: facts.escape.length + d.extra.length }
      fig.allocFuncs = { agree: v.allocSame, total: v.allocFuncs }
      for (const p of v.pairs) {
        if (p.merged) {
          fig.mergePairs.total++
          if (p.sameMerge) fig.mergePairs.agree++
        }
        if (p.listed) {
          const arch = (fig.listingByArch[p.arch] ??= zero())
          fig.listingPairs.total++
          arch.total++
          if (p.sameListing) {
            fig.listingPairs.agree++
            arch.agree++
          }
        }
        if (p.lines) {
          fig.lineInstrs.agree += p.lines.agree
          fig.lineInstrs.total += p.lines.total
          fig.linePairs.total++
          if (p.lines.agree === p.lines.total) fig.linePairs.agree++
        }
        if (p.lineDiff) fig.lineDiffs.push(p.lineDiff)
        if (p.listingDiff) fig.listingDiffs.push(p.listingDiff)
      }
    }
    out.push(fig)
    opts.onFile?.(fig, i, files.length)
  }
  const sum = (k: Exclude<keyof CorpusTallies, 'listingByArch'>): Tally => ({
    agree: out.reduce((n, f) => n + f[k].agree, 0),
    total: out.reduce((n, f) => n + f[k].total, 0),
  })
  const listingByArch: Record<string, Tally> = {}
  for (const f of out) {
    for (const [arch, t] of Object.entries(f.listingByArch)) {
      const all = (listingByArch[arch] ??= zero())
      all.agree += t.agree
      all.total += t.total
    }
  }
  return { files: out, escapeLines: sum('escapeLines'), allocFuncs: sum('allocFuncs'), mergePairs: sum('mergePairs'), listingPairs: sum('listingPairs'), listingByArch, lineInstrs: sum('lineInstrs'), linePairs: sum('linePairs') }
}
