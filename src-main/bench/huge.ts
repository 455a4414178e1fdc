// `npm run bench`, huge files: the front end on an 8 MiB file of 410,030
// package-level variables, against gc on the same file in the same run, and
// what the app's worker threads do with it (other files are answered while it
// runs; a cancelled job stops inside parsing or checking and its thread lives).
//
// Both compilers run as fresh processes under /usr/bin/time when it exists
// (CPU seconds, peak RSS), interleaved; wall times are the best of RUNS,
// since a loaded machine only ever adds time.

import { execFileSync, spawnSync } from 'node:child_process'
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { projectRoot, workerFile } from '../service/paths'
import { WorkerPool } from '../service/pool'
import { WorkerRunner } from '../service/runner'
import { hugeGlobalsProgram } from './programs'

const RUNS = 2
const TIME = '/usr/bin/time'

interface Run {
  ms: number
  cpuMs: number | null
  maxRssMB: number | null
}

const round = (x: number) => Math.round(x * 100) / 100

/** One process run, timed; under /usr/bin/time when there is one. Throws when the command fails. */
export function measured(cmd: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv }, scratch: string): Run {
  const timeFile = join(scratch, 'time.out')
  const timed = existsSync(TIME)
  const [file, argv] = timed ? [TIME, ['-f', '%U %S %M', '-o', timeFile, cmd, ...args]] : [cmd, args]
  const t0 = performance.now()
  const r = spawnSync(file, argv, { cwd: options.cwd, env: options.env ?? process.env, stdio: 'pipe', timeout: 900_000, maxBuffer: 2 ** 28 })
  const ms = performance.now() - t0
  if (r.status !== 0) {
    const why = r.error?.message ?? (r.signal ? `signal ${r.signal}` : `status ${r.status}`)
    throw new Error(`${cmd} ${args.join(' ')}: ${why}: ${String(r.stderr).slice(0, 500)}`)
  }
  if (!timed) return { ms, cpuMs: null, maxRssMB: null }
  const [user, sys, rssKB] = readFileSync(timeFile, 'utf8').trim().split('\n').pop()!.split(' ').map(Number)
  return { ms, cpuMs: (user! + sys!) * 1000, maxRssMB: rssKB! / 1024 }
}

/** `ms`, `cpuMs`, `maxRssMB`, each after `prefix` when there is one (`goBuildMs`, …). */
function fields(prefix: string, r: Run | null): Record<string, number | null> {
  const key = (k: string) => (prefix ? prefix + k[0]!.toUpperCase() + k.slice(1) : k)
  return {
    [key('ms')]: r ? round(r.ms) : null,
    [key('cpuMs')]: r?.cpuMs != null ? round(r.cpuMs) : null,
    [key('maxRssMB')]: r?.maxRssMB != null ? round(r.maxRssMB) : null,
  }
}

/**
 * How gc compiles the file: `go tool compile -p huge -l`, and `go build
 * -gcflags=-l` of its one-file module (a private GOCACHE; a fresh comment per
 * run, so the build really compiles). Null without a usable go.
 */
function gcRunner(text: string, scratch: string): { compile: () => Run; build: () => Run } | null {
  const go = process.env['SSASCOPE_GO'] ?? 'go'
  try {
    execFileSync(go, ['version'], { stdio: 'pipe' })
  } catch {
    return null
  }
  const dir = join(scratch, 'gomod')
  mkdirSync(dir, { recursive: true })
  const env = { ...process.env, GOFLAGS: '', GOWORK: 'off', GOCACHE: join(scratch, 'gocache') }
  writeFileSync(join(dir, 'go.mod'), 'module huge\n\ngo 1.26\n')
  const file = join(dir, 'huge.go')
  let edit = 0
  const fresh = () => writeFileSync(file, `${text}// edit ${edit++}\n`)
  return {
    compile: () => {
      fresh()
      return measured(go, ['tool', 'compile', '-p', 'huge', '-l', '-o', join(scratch, 'huge.o'), file], { cwd: dir, env }, scratch)
    },
    build: () => {
      fresh()
      return measured(go, ['build', '-gcflags=-l', '-o', join(scratch, 'huge.a'), '.'], { cwd: dir, env }, scratch)
    },
  }
}

const faster = (a: Run | null, b: Run): Run => (a && a.ms <= b.ms ? a : b)

/**
 * huge-file: `ssascope escape FILE` (parse, type check, escape analysis and
 * its -m report: everything the front end does) as a fresh process, against
 * gc compiling the same file.
 */
async function hugeFile(emit: (o: object) => void, scratch: string, text: string): Promise<void> {
  const file = join(scratch, 'huge.go')
  writeFileSync(file, text)
  const decls = (text.match(/^var /gm) ?? []).length
  const cli = join(projectRoot, 'out', 'main', 'cli.js')
  const goRuns = gcRunner(text, scratch)
  // Interleaved, so that a change in the machine's load hits both sides alike.
  let ours: Run | null = null
  let compile: Run | null = null
  let build: Run | null = null
  for (let i = 0; i < RUNS; i++) {
    ours = faster(ours, measured(process.execPath, [cli, 'escape', file], { cwd: scratch }, scratch))
    if (goRuns) {
      compile = faster(compile, goRuns.compile())
      build = faster(build, goRuns.build())
    }
  }
  const gc = compile && build ? { compile, build } : null
  if (!ours) throw new Error('no run')
  emit({
    bench: 'huge-file',
    decls,
    bytes: Buffer.byteLength(text),
    ...fields('', ours),
    ...fields('goToolCompile', gc?.compile ?? null),
    ...fields('goBuild', gc?.build ?? null),
    ratioToGoToolCompile: gc ? round(ours.ms / gc.compile.ms) : null,
    ratioToGoBuild: gc ? round(ours.ms / gc.build.ms) : null,
    cpuRatioToGoToolCompile: gc && ours.cpuMs && gc.compile.cpuMs ? round(ours.cpuMs / gc.compile.cpuMs) : null,
  })
}

/**
 * huge-file-worker: the app's worker pool given the huge file (its phases
 * as the worker timed them) and, once it is parsing, a small file: how long
 * the small one takes, the second thread's start included (it must not wait
 * for the huge one). Then a single thread cancelled while it type-checks the
 * huge file: how long until the next job is answered, and whether the
 * thread survived (it stops at its next check, not after the grace period).
 */
async function hugeFileWorker(emit: (o: object) => void, text: string): Promise<void> {
  const small = { path: 'small.go', text: 'package p\n\nfunc F(x int) int { return x + 1 }\n' }
  const pool = new WorkerPool(workerFile)
  let smallMs = -1
  let smallDone: Promise<unknown> = Promise.resolve()
  const t0 = performance.now()
  try {
    const huge = await pool.run('analyze', { path: 'huge.go', text }, {
      onProgress: (p) => {
        if (p.phase !== 'parse' || smallMs !== -1) return
        smallMs = 0
        const s0 = performance.now()
        smallDone = pool.run('analyze', small).then(() => (smallMs = performance.now() - s0))
      },
    })
    const hugeMs = performance.now() - t0
    await smallDone
    const runner = new WorkerRunner(workerFile)
    try {
      const abort = new AbortController()
      let abortedAt = 0
      const cancelled = runner.run('analyze', { path: 'huge.go', text: `${text}// again\n` }, {
        signal: abort.signal,
        onProgress: (p) => {
          if (p.phase !== 'typecheck' || abortedAt) return
          abortedAt = performance.now()
          abort.abort()
        },
      })
      await cancelled.catch(() => {})
      await runner.run('analyze', small)
      emit({
        bench: 'huge-file-worker',
        hugeAnalyzeMs: round(hugeMs),
        phasesMs: Object.fromEntries(huge.result.timings.map((t) => [t.phase, round(t.ms)])),
        smallJobDuringHugeMs: round(smallMs),
        cancelToNextJobMs: round(performance.now() - abortedAt),
        threadSurvivedCancel: runner.threadsStarted === 1,
      })
    } finally {
      await runner.dispose()
    }
  } finally {
    await pool.dispose()
  }
}

export async function hugeFileBench(o: { emit: (o: object) => void; dir: string }): Promise<void> {
  const scratch = join(o.dir, 'huge')
  mkdirSync(scratch, { recursive: true })
  const text = hugeGlobalsProgram()
  try {
    await hugeFile(o.emit, scratch, text)
    await hugeFileWorker(o.emit, text)
  } catch (e) {
    o.emit({ bench: 'huge-file', error: e instanceof Error ? e.message : String(e) })
    process.exitCode = 1
  }
}
