// SSA fidelity: how close our passes come to gc's, as the similarity of op
// multisets after opt, generic cse, prove, divmod, late opt and memcombine (amd64) and after
// lower on amd64 and ppc64, function by function over our corpus. Values gc's dumps leave out (dead ones) are left
// out on our side too. Similarity = Σ min(ours, gc's) / Σ max over op names.

import { readFile } from 'node:fs/promises'
import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { ssaProgram, SsaError } from '../compiler/ssagen'
import { findLive } from '../compiler/ssa/print'
import type { FuncSnapshot } from '../protocol/model'
import { gcSsaDumps, type DumpFunc } from '../gcbridge'
import { examplesDir, projectRoot } from '../service/paths'
import { displayNames } from '.'

/** The columns: a pass on an arch. Generic passes are compared on amd64 only. */
export const COMPARED = [
  { pass: 'opt', arch: 'amd64' },
  { pass: 'generic cse', arch: 'amd64' },
  { pass: 'prove', arch: 'amd64' },
  { pass: 'divmod', arch: 'amd64' },
  { pass: 'late opt', arch: 'amd64' },
  { pass: 'memcombine', arch: 'amd64' },
  { pass: 'lower', arch: 'amd64' },
  { pass: 'lower', arch: 'ppc64' },
] as const

/** A column's name: the pass, with the arch for lowered ones (`lower ppc64`). */
export const COMPARED_PASSES: readonly string[] = COMPARED.map(({ pass, arch }) => (pass === 'lower' ? `${pass} ${arch}` : pass))
const ARCHES = [...new Set(COMPARED.map((c) => c.arch))]

export interface SsaPassScore {
  pass: string
  functions: number
  /** Functions whose op multisets are identical. */
  exact: number
  /** Mean similarity over functions, 0..1. */
  similarity: number
}

export interface SsaFileScore {
  file: string
  functions: number
  passes: SsaPassScore[]
  error?: string
}

export interface SsaFidelityReport {
  files: SsaFileScore[]
  passes: SsaPassScore[]
}

const goFiles = (dir: string): string[] => readdirSync(dir).filter((f) => f.endsWith('.go')).sort().map((f) => join(dir, f))

/** Our corpus: testdata/escape, testdata/ssa and the bundled examples. */
export function ssaCorpusFiles(): string[] {
  return [...goFiles(join(projectRoot, 'testdata', 'escape')), ...goFiles(join(projectRoot, 'testdata', 'ssa')), ...goFiles(examplesDir)]
}

type OpCounts = Map<string, number>

export function similarity(a: OpCounts, b: OpCounts): number {
  let min = 0
  let max = 0
  for (const op of new Set([...a.keys(), ...b.keys()])) {
    const x = a.get(op) ?? 0
    const y = b.get(op) ?? 0
    min += Math.min(x, y)
    max += Math.max(x, y)
  }
  return max === 0 ? 1 : min / max
}

function ourOps(s: FuncSnapshot): OpCounts {
  const { live } = findLive(s)
  const m: OpCounts = new Map()
  for (const b of s.blocks) for (const v of b.values) if (live.has(v.id)) m.set(v.op, (m.get(v.op) ?? 0) + 1)
  return m
}

function gcOps(d: DumpFunc): OpCounts {
  const m: OpCounts = new Map()
  for (const b of d.blocks) for (const v of b.values) if (!v.dead) m.set(v.op, (m.get(v.op) ?? 0) + 1)
  return m
}

export async function ssaFidelityFile(file: string): Promise<SsaFileScore> {
  const scores = COMPARED_PASSES.map((pass) => ({ pass, functions: 0, exact: 0, similarity: 0 }))
  try {
    const prog = await ssaProgram(file, await readFile(file, 'utf8'), { pkgPath: 'p' })
    if (prog.diagnostics.some((d) => d.severity === 'error')) throw new Error(prog.diagnostics[0]!.message)
    for (const arch of ARCHES) {
      const columns = COMPARED.flatMap((c, i) => (c.arch === arch ? [{ pass: c.pass, score: scores[i]! }] : []))
      const gc = await gcSsaDumps(file, prog.functions, columns.map((c) => c.pass), { goarch: arch })
      for (const fn of prog.functions) {
        let trace
        try {
          trace = prog.trace(fn, arch, { until: columns[columns.length - 1]!.pass })
        } catch (e) {
          // A function SSA construction refuses is outside the subset: not compared.
          if (e instanceof SsaError && e.message.includes(': unsupported: ')) continue
          throw e
        }
        for (const { pass, score } of columns) addScore(score, gc.get(fn)?.get(pass), trace.passes.find((p) => p.name === pass))
      }
    }
    for (const s of scores) s.similarity = s.functions ? s.similarity / s.functions : 0
    return { file, functions: prog.functions.length, passes: scores }
  } catch (e) {
    return { file, functions: 0, passes: scores, error: e instanceof Error ? e.message : String(e) }
  }
}

/** A pass that failed or never ran on our side scores 0 against gc's dump. */
function addScore(s: SsaPassScore, theirs: DumpFunc | undefined, ours: { status: string; snapshot: FuncSnapshot } | undefined): void {
  if (!theirs) return
  const sim = ours && ours.status !== 'failed' && ours.status !== 'not-modeled' ? similarity(ourOps(ours.snapshot), gcOps(theirs)) : 0
  s.functions++
  s.similarity += sim
  if (sim === 1) s.exact++
}


export async function ssaFidelity(files: string[] = ssaCorpusFiles()): Promise<SsaFidelityReport> {
  const out: SsaFileScore[] = []
  for (const f of files) out.push(await ssaFidelityFile(f))
  const passes = COMPARED_PASSES.map((pass, i) => {
    const per = out.map((f) => f.passes[i]!)
    const functions = per.reduce((n, p) => n + p.functions, 0)
    const weighted = per.reduce((n, p) => n + p.similarity * p.functions, 0)
    return { pass, functions, exact: per.reduce((n, p) => n + p.exact, 0), similarity: functions ? weighted / functions : 0 }
  })
  return { files: out, passes }
}

export function formatSsaTable(r: SsaFidelityReport): string {
  const pct = (x: number) => `${(x * 100).toFixed(1)}%`
  const names = displayNames(r.files.map((f) => f.file))
  const header = ['file', 'funcs', ...COMPARED_PASSES.map((p) => `${p} (exact)`)]
  const row = (name: string, funcs: number, ps: SsaPassScore[], note = '') => [name, String(funcs), ...ps.map((p) => `${pct(p.similarity)} (${p.exact}/${p.functions})`), note]
  const rows = r.files.map((f, i) => row(names[i]!, f.functions, f.passes, f.error ? `failed: ${f.error.split('\n')[0]}` : ''))
  const total = row('total', r.files.reduce((n, f) => n + f.functions, 0), r.passes)
  const all = [[...header, ''], ...rows, total]
  const widths = all[0]!.map((_, c) => Math.max(...all.map((x) => x[c]!.length)))
  const line = (x: string[]) => x.map((cell, c) => (c === 0 || c === x.length - 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!))).join('  ').trimEnd()
  const rule = widths.map((w) => '-'.repeat(w)).join('  ')
  return ['SSA fidelity: similarity of op multisets to gc\'s after each pass (our corpus; generic passes on amd64)', line(all[0]!), rule, ...rows.map(line), rule, line(total)].join('\n') + '\n'
}
