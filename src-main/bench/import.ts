// ssa-html-import: reading gc's ssa.html of one big function (≥ 5,000 SSA
// values as built) into a FuncTrace, for each Go release at hand (the go on
// PATH, and Go 1.27 through GOTOOLCHAIN when the module proxy or the cache
// has it). The file is made here by gc itself and never committed (tens of MB).
// Next to it: htmlparser2 only tokenizing the same text (no work done per
// tag), the general parser this reader's own tokenizer replaces.

import { importSsaHtml } from '../gcbridge'
import { findGo } from '../gcbridge/toolchain'
import { generateSsaHtml } from '../gcbridge/ssahtml/generate'
import { encodeTrace } from '../protocol/trace-codec'
import { bigFunctionProgram } from './programs'
import { writeFileSync } from 'node:fs'
import { Parser } from 'htmlparser2'
import { join } from 'node:path'

type Emit = (o: object) => void

const round = (x: number) => Math.round(x * 100) / 100

const cpuMs = (): number => {
  const u = process.cpuUsage()
  return (u.user + u.system) / 1000
}

/** Median wall and CPU milliseconds (CPU: this process, all threads — the collector's included). */
function median(runs: number, f: () => void): { ms: number; cpuMs: number } {
  const times: { ms: number; cpuMs: number }[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    const c0 = cpuMs()
    f()
    times.push({ ms: performance.now() - t0, cpuMs: cpuMs() - c0 })
  }
  times.sort((a, b) => a.ms - b.ms)
  return times[Math.floor(times.length / 2)]!
}

function tokenizeOnly(html: string): void {
  let tags = 0
  const p = new Parser({ onopentag: () => void tags++ }, { decodeEntities: true })
  p.end(html)
}

/** The releases to measure: the default go, and Go 1.27 (GOTOOLCHAIN) unless that is what the default already is. */
async function releases(): Promise<{ label: string; env: Record<string, string> }[]> {
  const out: { label: string; env: Record<string, string> }[] = []
  const go = await findGo()
  if (typeof go !== 'string') out.push({ label: go.release, env: {} })
  if (typeof go === 'string' || go.minor !== 27) out.push({ label: 'go1.27.0', env: { GOTOOLCHAIN: 'go1.27.0' } })
  return out
}

export async function importBench(opts: { emit: Emit; dir: string; values?: number }): Promise<void> {
  const values = opts.values ?? 5_000
  const file = join(opts.dir, 'import-big.go')
  writeFileSync(file, bigFunctionProgram(values))
  for (const rel of await releases()) {
    let html: string
    try {
      html = await generateSsaHtml(file, 'big', { env: rel.env })
    } catch (e) {
      opts.emit({ bench: 'ssa-html-import', go: rel.label, error: (e as Error).message.split('\n')[0] })
      continue
    }
    const first = importSsaHtml(html) // warm-up, and the shape of what is measured
    const t = first.trace
    const start = t.passes.find((p) => p.name === 'start')!.snapshot
    const startValues = start.blocks.reduce((n, b) => n + b.values.length, 0)
    const maxValues = Math.max(...t.passes.map((p) => p.snapshot.blocks.reduce((n, b) => n + b.values.length, 0)))
    const run = median(5, () => importSsaHtml(html))
    const encode = median(3, () => JSON.stringify(encodeTrace(t)))
    const tokenize = median(3, () => tokenizeOnly(html))
    opts.emit({
      bench: 'ssa-html-import',
      go: rel.label,
      mb: round(html.length / 2 ** 20),
      values: startValues,
      maxValues,
      blocks: start.blocks.length,
      passes: t.passes.length,
      ms: round(run.ms),
      cpuMs: round(run.cpuMs),
      budgetMs: 2000,
      encodeMs: round(encode.ms),
      htmlparser2TokenizeMs: round(tokenize.ms),
    })
  }
}
