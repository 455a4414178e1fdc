// The fuzzer's comparison (escape lines, allocation calls, merge decisions,
// listings) run over a fixed corpus instead of generated programs: the
// figures `ssascope fidelity` puts in its one table. Each file is its own
// package (corpus files share names), compiled once per arch.

import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { gcFacts, multisetDiff, verdict } from './compare'
import { ARCHES, gcBatch, type FuzzArch } from './gcrun'
import { ours } from './ours'
import { funcNames } from './run'

/** agree of total, counted per item compared. */
export interface Tally {
  agree: number
  total: number
}

export interface CorpusFileFigures {
  file: string
  /** The file is outside the subset (or gc refused it): nothing of it is compared. */
  skipped?: string
  escapeLines: Tally
  allocFuncs: Tally
  /** Function×arch pairs where either side merged something. */
  mergePairs: Tally
  listingPairs: Tally
  /** listingPairs split by arch. */
  listingByArch: Record<FuzzArch, Tally>
}

export interface CorpusFigures {
  files: CorpusFileFigures[]
  escapeLines: Tally
  allocFuncs: Tally
  mergePairs: Tally
  listingPairs: Tally
  listingByArch: Record<FuzzArch, Tally>
}

const zero = (): Tally => ({ agree: 0, total: 0 })
const byArch = (): Record<FuzzArch, Tally> => Object.fromEntries(ARCHES.map((a) => [a, zero()])) as Record<FuzzArch, Tally>

export async function corpusFigures(files: string[], opts: { go?: string; onFile?: (f: CorpusFileFigures, i: number, n: number) => void } = {}): Promise<CorpusFigures> {
  const out: CorpusFileFigures[] = []
  for (const [i, path] of files.entries()) {
    const name = basename(path)
    const text = await readFile(path, 'utf8')
    const fig: CorpusFileFigures = { file: path, escapeLines: zero(), allocFuncs: zero(), mergePairs: zero(), listingPairs: zero(), listingByArch: byArch() }
    const gc = (await gcBatch([{ name, text, funcs: await funcNames(name, text) }], opts.go ? { go: opts.go } : {})).get(name)!
    const us = await ours(`./${name}`, text)
    const facts = gcFacts(gc)
    const v = verdict(facts, us)
    const stop = v.failures.find((f) => f.category === 'invalid' || f.category === 'refused' || f.category === 'crash')
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
          fig.listingPairs.total++
          fig.listingByArch[p.arch].total++
          if (p.sameListing) {
            fig.listingPairs.agree++
            fig.listingByArch[p.arch].agree++
          }
        }
      }
    }
    out.push(fig)
    opts.onFile?.(fig, i, files.length)
  }
  const sum = (k: 'escapeLines' | 'allocFuncs' | 'mergePairs' | 'listingPairs'): Tally => ({
    agree: out.reduce((n, f) => n + f[k].agree, 0),
    total: out.reduce((n, f) => n + f[k].total, 0),
  })
  const listingByArch = byArch()
  for (const arch of ARCHES) {
    listingByArch[arch] = { agree: out.reduce((n, f) => n + f.listingByArch[arch].agree, 0), total: out.reduce((n, f) => n + f.listingByArch[arch].total, 0) }
  }
  return { files: out, escapeLines: sum('escapeLines'), allocFuncs: sum('allocFuncs'), mergePairs: sum('mergePairs'), listingPairs: sum('listingPairs'), listingByArch }
}
