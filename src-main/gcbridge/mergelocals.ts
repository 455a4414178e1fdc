// gc's -d=mergelocalstrace=N output for one file, split per function. The
// file is built as the only file of a throwaway module (`go build -a`, so the
// compile always runs), with -c=1 so the backend compiles one function at a
// time and the lines of different functions never interleave.

import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { basename, join } from 'node:path'
import { defaultGoBin, goEnv, run } from './toolchain'

export interface GcMergeTraceOptions {
  /** GOARCH; default amd64. */
  goarch?: string
  /** The go binary; default $SSASCOPE_GO or 'go'. */
  go?: string
  timeoutMs?: number
}

/** Function name (gc's, as the trace prints it) → its trace lines, each ending in a newline. */
export type GcMergeTraces = Map<string, string>

const RAW = /^=-= raw cand list for func (.+):$/
const SAVED = /^(.+): \d+ bytes of stack space saved via stack slot merging \(\d+ nonpointer \d+ pointer\)$/

/** gc's mergelocals trace of every function of `file` that prints one, at `level` (1–3). */
export async function gcMergeTraces(file: string, level: number, opts: GcMergeTraceOptions = {}): Promise<GcMergeTraces> {
  const dir = await mkdtemp(join(tmpdir(), 'ssascope-mergelocals-'))
  try {
    await writeFile(join(dir, 'go.mod'), 'module p\n\ngo 1.26\n')
    await copyFile(file, join(dir, basename(file)))
    const env = goEnv({ GOARCH: opts.goarch ?? 'amd64' })
    const go = opts.go ?? defaultGoBin()
    const out = await run(go, ['build', '-a', '-o', join(dir, 'out.a'), `-gcflags=-l -c=1 -d=mergelocalstrace=${level}`, '.'], { cwd: dir, env, timeoutMs: opts.timeoutMs ?? 120_000 })
    if (out.timedOut) throw new Error(`go build timed out on ${file}`)
    if (out.code !== 0) throw new Error(`go build ${file} failed (status ${out.code}):\n${out.stderr.trim()}`)
    return splitTraces(out.stderr)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * Splits gc's stderr into functions. At level 2 and up a function's lines start
 * with its raw candidate list; at level 1 each function prints one line.
 */
export function splitTraces(stderr: string): GcMergeTraces {
  const traces: GcMergeTraces = new Map()
  const add = (f: string, line: string): void => void traces.set(f, (traces.get(f) ?? '') + line + '\n')
  let cur: string | null = null
  for (const line of stderr.split('\n')) {
    if (line === '' || line.startsWith('# ')) continue
    const raw = RAW.exec(line)
    if (raw) cur = raw[1]!
    if (cur) {
      add(cur, line)
      continue
    }
    const saved = SAVED.exec(line)
    if (!saved) throw new Error(`unexpected line outside a function's trace: ${line}`)
    add(saved[1]!, line)
  }
  return traces
}

/** The lowest -d=mergelocalstrace level that prints a line of gc's trace. */
export function traceLevelOf(line: string): 1 | 2 | 3 {
  if (SAVED.test(line)) return 1
  if (/^(=\+= |=-= (SymAddr\(|add indirectUE\(|last use of v|evicting "|add final indUE |iuetab:|liveout from tail of b|b\d+ instr \d+: ))/.test(line)) return 3
  if (/^ {2}v\d+:/.test(line)) return 3
  return 2
}

/** A level-3 trace cut down to what `level` prints. */
export const traceAtLevel = (text: string, level: number): string =>
  text
    .split('\n')
    .filter((l) => l !== '' && traceLevelOf(l) <= level)
    .map((l) => l + '\n')
    .join('')

/**
 * gc prints two kinds of lines in Go map order, which varies run to run: the
 * evictions at a block's end and the block's final indirect uses. Sorting
 * each run of them makes two traces comparable.
 */
export function normalizeTrace(text: string): string {
  const out: string[] = []
  let run: string[] = []
  const flush = (): void => {
    out.push(...run.sort())
    run = []
  }
  for (const l of text.split('\n')) {
    if (l.startsWith('=-= add final indUE ') || l.startsWith('=-= evicting ')) run.push(l)
    else {
      flush()
      out.push(l)
    }
  }
  flush()
  return out.join('\n')
}

/** The lines that state gc's decision: the savings line and the merge-state block (`leader: followers`). */
export function mergeDecisions(text: string): string {
  const lines = text.split('\n')
  const out: string[] = []
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!
    if (SAVED.test(l)) out.push(l)
    else if (l.startsWith('=-= merge locals state for ')) {
      out.push(l)
      while (i + 1 < lines.length && /^[^ =]\S*:( \S+)+$/.test(lines[i + 1]!)) out.push(lines[++i]!)
    }
  }
  return out.join('\n')
}
