// The real worker thread from the build (npm test builds before Vitest), plus
// tiny stand-in workers that crash or hang to check the runner's recovery.

import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { bigFunctionProgram, hugeGlobalsProgram } from '../../src-main/bench/programs'
import { PASSES } from '../../src-main/compiler/ssa/compile'
import { ApiError } from '../../src-main/protocol/errors'
import type { Progress } from '../../src-main/protocol/model'
import { decodeTrace } from '../../src-main/protocol/trace-codec'
import { examplesDir, workerFile } from '../../src-main/service/paths'
import { WorkerRunner, type WorkerRunnerOptions } from '../../src-main/service/runner'
import { tempFiles } from '../helpers'

const runners: WorkerRunner[] = []
const runner = (file: string, options?: WorkerRunnerOptions) => {
  const r = new WorkerRunner(file, options)
  runners.push(r)
  return r
}
afterEach(async () => {
  await Promise.all(runners.splice(0).map((r) => r.dispose()))
})

const source = { path: 'p.go', text: 'package p\nfunc A() {}\nfunc B() { x := ) }\n' }
const heapagg = { path: 'heapagg.go', text: readFileSync(join(examplesDir, 'heapagg.go'), 'utf8') }

const stand_ins = tempFiles({
  'crash.mjs': "import { parentPort } from 'node:worker_threads'\nparentPort.on('message', () => process.exit(3))\n",
  'hang.mjs': "import { parentPort } from 'node:worker_threads'\nparentPort.on('message', () => {})\n",
})

describe('WorkerRunner', () => {
  it('needs the built worker', () => {
    expect(existsSync(workerFile), `${workerFile} is missing: run npm run build`).toBe(true)
  })

  it('runs analysis in the real worker thread, with progress', async () => {
    const r = runner(workerFile)
    const progress: string[] = []
    const { result } = await r.run('analyze', source, { onProgress: (p) => progress.push(p.phase) })
    expect(result.functions.map((f) => f.name)).toEqual(['A', 'B'])
    expect(result.diagnostics.map((d) => `${d.line}:${d.col} ${d.message}`)).toEqual(['3:17 syntax error: unexpected )'])
    expect(progress).toContain('parse')
    // The thread is reused for the next job.
    expect((await r.run('analyze', { ...source, text: 'package p\nfunc C() {}\n' })).result.functions.map((f) => f.name)).toEqual(['C'])
    expect(r.threadsStarted).toBe(1)
  })

  it('reports an ssa job pass by pass and answers the compact trace with its size', async () => {
    const r = runner(workerFile)
    const progress: Progress[] = []
    const { result, bytes } = await r.run('ssa', { ...heapagg, func: 'half', arch: 'ppc64' }, { onProgress: (p) => progress.push(p) })
    const trace = decodeTrace(result.trace!)
    expect(trace.func).toBe('half')
    expect(trace.passes.map((p) => p.name)).toEqual(['start', ...PASSES.map((p) => p.name), 'stack frame'])
    expect(bytes).toBeGreaterThan(1000)
    const phases = progress.map((p) => p.phase)
    const passPhases = phases.filter((p) => PASSES.some((x) => x.name === p))
    expect(passPhases).toEqual(PASSES.map((p) => p.name))
    expect([...new Set(phases.slice(0, phases.indexOf('build') + 1))]).toEqual(['parse', 'typecheck', 'escape', 'build'])
    expect(phases.slice(-3)).toEqual(['stack frame', 'listing', 'encode'])
    const fractions = progress.filter((p) => passPhases.includes(p.phase)).map((p) => p.fraction!)
    expect(fractions).toEqual([...fractions].sort((x, y) => x - y))
    expect(fractions[0]).toBeGreaterThan(0)
    expect(fractions[fractions.length - 1]).toBeLessThan(1)
  })

  it('cancels a running ssa job cooperatively: the thread and its program cache survive', async () => {
    // Without cooperation the job would run on for about a second and its
    // thread would be terminated after the grace period.
    const r = runner(workerFile, { cancelGraceMs: 500 })
    const big = { path: 'big.go', text: bigFunctionProgram(2000) }
    await r.run('analyze', big) // parses and checks: the program is now cached
    const abort = new AbortController()
    const seen: string[] = []
    const running = r.run('ssa', { ...big, func: 'big', arch: 'amd64' }, {
      signal: abort.signal,
      onProgress: (p) => {
        seen.push(p.phase)
        abort.abort()
      },
    })
    await expect(running).rejects.toMatchObject({ code: 'cancelled' })
    expect(seen).toHaveLength(1)
    const phases: string[] = []
    const again = await r.run('analyze', big, { onProgress: (p) => phases.push(p.phase) })
    expect(again.result.functions.map((f) => f.name)).toContain('big')
    expect(phases).not.toContain('parse') // the same program, from the cache
    expect(r.threadsStarted).toBe(1)
    // A job after the cancelled one runs normally on the same thread.
    const small = await r.run('ssa', { ...heapagg, func: 'locals', arch: 'amd64' })
    expect(decodeTrace(small.result.trace!).func).toBe('locals')
    expect(r.threadsStarted).toBe(1)
  })

  // A big file spends seconds inside parsing and type checking: the flag is
  // checked there too (tree-sitter's progress callback, every few hundred
  // declarations), so a cancelled job stops soon and the thread survives.
  // (That the checks are inside the phases is tests/compiler/pipeline; here,
  // that the worker's flag reaches them.)
  for (const phase of ['parse', 'typecheck']) {
    it(`cancels a job on a big file inside ${phase} cooperatively`, async () => {
      const r = runner(workerFile, { cancelGraceMs: 2000 })
      const big = { path: 'huge.go', text: hugeGlobalsProgram(100_000) }
      const abort = new AbortController()
      const running = r.run('analyze', big, {
        signal: abort.signal,
        onProgress: (p) => {
          if (p.phase === phase) abort.abort()
        },
      })
      await expect(running).rejects.toMatchObject({ code: 'cancelled' })
      const next = await r.run('analyze', source)
      expect(next.result.functions.map((f) => f.name)).toEqual(['A', 'B'])
      expect(r.threadsStarted).toBe(1)
    })
  }

  it('cancels a hung job and a queued one; a job that ignores the flag loses its thread after the grace period', async () => {
    const r = runner(join(stand_ins, 'hang.mjs'), { cancelGraceMs: 50 })
    const first = new AbortController()
    const second = new AbortController()
    const a = r.run('analyze', source, { signal: first.signal })
    const b = r.run('analyze', source, { signal: second.signal })
    second.abort()
    await expect(b).rejects.toMatchObject({ code: 'cancelled' })
    first.abort()
    await expect(a).rejects.toMatchObject({ code: 'cancelled' })
    expect(r.threadsStarted).toBe(1)
    await new Promise((resolve) => setTimeout(resolve, 100))
    const third = new AbortController()
    const c = r.run('analyze', source, { signal: third.signal })
    expect(r.threadsStarted).toBe(2) // the hung thread was terminated; a fresh one runs this job
    third.abort()
    await expect(c).rejects.toMatchObject({ code: 'cancelled' })
  })

  it('reports a crashed worker as an internal error instead of hanging', async () => {
    const r = runner(join(stand_ins, 'crash.mjs'))
    const e = await r.run('analyze', source).catch((x: unknown) => x)
    expect(e).toBeInstanceOf(ApiError)
    expect(e).toMatchObject({ code: 'internal', message: 'worker exited with code 3' })
  })

  it('rejects queued jobs on dispose', async () => {
    const r = runner(join(stand_ins, 'hang.mjs'))
    const a = expect(r.run('analyze', source)).rejects.toMatchObject({ code: 'cancelled' })
    const b = expect(r.run('analyze', source)).rejects.toMatchObject({ code: 'cancelled' })
    await r.dispose()
    await Promise.all([a, b])
  })
})
