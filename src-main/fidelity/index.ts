// `ssascope fidelity`: how much of gc's own escape-analysis test suite
// ($(go env GOROOT)/test/escape*.go) we reproduce. A local, long-running
// developer tool: it runs the real go, so it lives outside the app's API.

import { readdir, stat } from 'node:fs/promises'
import { basename, dirname, join, relative, resolve, sep } from 'node:path'
import { escapeFidelityFile, share, type Counts, type FileScore } from './escape'
import { goRoot, ImportConfigs, type GoToolchain } from '../gcbridge/toolchain'
export type { FileScore, FunctionScore } from './escape'

export interface FidelityReport {
  analysis: 'escape'
  go: string
  files: FileScore[]
  total: Counts & { files: number; share: number | null; errors: number }
}

/** The default corpus: gc's escape tests. */
export async function defaultFiles(go: GoToolchain): Promise<string[]> {
  return expandFiles([join(await goRoot(go), 'test', 'escape*.go')])
}

/**
 * Paths from `--files` values: comma-separated, each a path or a glob whose
 * last component may use `*`, `?` and `[…]`. Sorted within each glob;
 * duplicates dropped. Throws when a value matches nothing.
 */
export async function expandFiles(values: string[], cwd = process.cwd()): Promise<string[]> {
  const out: string[] = []
  for (const item of values.flatMap((v) => v.split(',')).map((s) => s.trim()).filter((s) => s !== '')) {
    const name = basename(item)
    if (/[*?[]/.test(dirname(item))) throw new Error(`${item}: globs are supported in the file name only`)
    if (!/[*?[]/.test(name)) {
      const st = await stat(resolve(cwd, item)).catch(() => null)
      if (!st?.isFile()) throw new Error(`${item}: no such file`)
      out.push(item)
      continue
    }
    const dir = dirname(item)
    const re = globToRegExp(name)
    const entries = await readdir(resolve(cwd, dir)).catch(() => null)
    if (!entries) throw new Error(`${dir}: no such directory`)
    const matches = entries.filter((e) => re.test(e)).sort()
    if (matches.length === 0) throw new Error(`${item}: no files match`)
    out.push(...matches.map((m) => (dir === '.' && !item.startsWith('.') ? m : join(dir, m))))
  }
  return [...new Set(out)]
}

export function globToRegExp(glob: string): RegExp {
  let re = ''
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!
    if (c === '*') re += '[^/]*'
    else if (c === '?') re += '[^/]'
    else if (c === '[') {
      const close = glob.indexOf(']', i + 2)
      if (close < 0) re += '\\['
      else {
        const body = glob.slice(i + 1, close)
        re += `[${body.startsWith('!') ? '^' + body.slice(1) : body}]`
        i = close
      }
    } else re += c.replace(/[\\^$.|+(){}]/g, '\\$&')
  }
  return new RegExp(`^${re}$`)
}

export interface RunOptions {
  /** Called after each file, for progress. */
  onFile?: (score: FileScore, index: number, count: number) => void
}

export async function escapeFidelity(go: GoToolchain, files: string[], opts: RunOptions = {}): Promise<FidelityReport> {
  const importcfgs = new ImportConfigs(go)
  const scores: FileScore[] = []
  for (const [i, file] of files.entries()) {
    const score = await escapeFidelityFile(go, file, { importcfgs })
    scores.push(score)
    opts.onFile?.(score, i, files.length)
  }
  return { analysis: 'escape', go: go.version, files: scores, total: totals(scores) }
}

export function totals(files: FileScore[]): FidelityReport['total'] {
  const t = { files: files.length, functions: 0, inSubset: 0, gcLines: 0, reproduced: 0, extra: 0, exact: 0, errors: 0 }
  for (const f of files) {
    t.functions += f.functions
    t.inSubset += f.inSubset
    t.gcLines += f.gcLines
    t.reproduced += f.reproduced
    t.extra += f.extra
    t.exact += f.exact
    if (f.error !== undefined || f.gcError !== undefined) t.errors++
  }
  return { ...t, share: share(t) }
}

/** Short names for a table: paths relative to the files' common directory. */
export function displayNames(files: string[]): string[] {
  if (files.length === 0) return []
  const dirs = files.map((f) => dirname(resolve(f)).split(sep))
  let common = dirs[0]!
  for (const d of dirs) {
    let n = 0
    while (n < common.length && n < d.length && common[n] === d[n]) n++
    common = common.slice(0, n)
  }
  const base = common.join(sep) || sep
  return files.map((f) => relative(base, resolve(f)))
}

/** The human report: one aligned row per file and a total row. */
export function formatTable(report: FidelityReport): string {
  const header = ['file', 'funcs', 'subset', 'gc lines', 'reproduced', 'extra', 'exact', 'share', 'note']
  const pct = (s: number | null) => (s === null ? '-' : `${s.toFixed(1)}%`)
  const names = displayNames(report.files.map((f) => f.file))
  const rows = report.files.map((f, i) => [
    names[i]!,
    String(f.functions),
    String(f.inSubset),
    String(f.gcLines),
    String(f.reproduced),
    String(f.extra),
    String(f.exact),
    pct(f.share),
    note(f),
  ])
  const t = report.total
  const total = ['total', String(t.functions), String(t.inSubset), String(t.gcLines), String(t.reproduced), String(t.extra), String(t.exact), pct(t.share), t.errors > 0 ? `${t.errors} file(s) with errors` : '']
  const all = [header, ...rows, total]
  const widths = header.map((_, c) => Math.max(...all.map((r) => r[c]!.length)))
  const line = (r: string[]) =>
    r
      .map((cell, c) => (c === 0 || c === r.length - 1 ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
      .join('  ')
      .trimEnd()
  const rule = widths.map((w) => '-'.repeat(w)).join('  ')
  return [`escape analysis fidelity against ${report.go} (gc's -m lines on the functions inside our subset)`, line(header), rule, ...rows.map(line), rule, line(total)].join('\n') + '\n'
}

function note(f: FileScore): string {
  if (f.gcError !== undefined) return `gc failed: ${oneLine(f.gcError)}`
  if (f.error !== undefined) return `our analysis failed: ${oneLine(f.error)}`
  if (f.outside !== undefined) return `outside the subset: ${oneLine(f.outside)}`
  const top = f.reasons.slice(0, 2).map((r) => `${r.message.replace(/ \(.*\)$/, '')}${r.count > 1 ? ` ×${r.count}` : ''}`)
  return top.length > 0 ? `removed: ${top.join('; ')}${f.reasons.length > 2 ? '; …' : ''}` : ''
}

function oneLine(s: string): string {
  const first = s.split('\n')[0]!
  return first.length > 100 ? first.slice(0, 99) + '…' : first
}
