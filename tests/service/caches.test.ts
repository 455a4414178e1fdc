// One path from request to compiler: the service answers analyze, escape and
// ssa from one program per text (parsed once), switching function or arch
// builds only the new trace, repeated requests are answered from the
// service's encoded results, every cache is bounded, and a cancelled job
// leaves the caches usable.

import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { pipelineCounters } from '../../src-main/compiler/pipeline'
import { checkerRuns, PASSES } from '../../src-main/compiler/ssa/compile'
import type { Args } from '../../src-main/protocol/api'
import { decodeTrace } from '../../src-main/protocol/trace-codec'
import { approxBytes, SourceCache } from '../../src-main/service/cache'
import { examplesDir } from '../../src-main/service/paths'
import { InProcessRunner, type JobRunner } from '../../src-main/service/runner'
import { Service } from '../../src-main/service/service'

const heapagg = { path: 'examples/heapagg.go', text: readFileSync(join(examplesDir, 'heapagg.go'), 'utf8') }

function service(runner: JobRunner = new InProcessRunner(), resultCacheBytes?: number): Service {
  return new Service({ runner, examplesDir, version: '0', transport: 'in-process', ...(resultCacheBytes !== undefined ? { resultCacheBytes } : {}) })
}

/** Counts the jobs that reach the runner. */
function countingRunner(inner: JobRunner): JobRunner & { jobs: string[] } {
  const jobs: string[] = []
  return {
    jobs,
    run: (method, args, ctx) => {
      jobs.push(method)
      return inner.run(method, args, ctx)
    },
    dispose: () => inner.dispose(),
  }
}

async function delta(run: () => Promise<unknown>): Promise<typeof pipelineCounters> {
  const before = { ...pipelineCounters }
  await run()
  const d = { ...pipelineCounters }
  for (const k of Object.keys(d) as (keyof typeof d)[]) d[k] -= before[k]
  return d
}

describe('the service on one program per text', () => {
  it('parses once across analyze, escape and ssa; switching function or arch builds only the new trace', async () => {
    const runner = countingRunner(new InProcessRunner())
    const s = service(runner)
    const d = await delta(async () => {
      await s.call('analyze', heapagg)
      await s.call('escape', { ...heapagg, level: '1' })
      await s.call('escape', { ...heapagg, level: '2', func: 'closure' })
      await s.call('escape', { ...heapagg, level: '2', func: 'half' })
      await s.call('ssa', { ...heapagg, func: 'half', arch: 'amd64' })
      await s.call('ssa', { ...heapagg, func: 'half', arch: 'ppc64' })
      await s.call('ssa', { ...heapagg, func: 'locals', arch: 'amd64' })
    })
    expect(d).toEqual({ parses: 1, typechecks: 1, escapeAnalyses: 1, traces: 3 })
    // Asked again: the encoded result from the service, no job at all.
    const phases: string[] = []
    const jobs = runner.jobs.length
    const again = await delta(async () => {
      const r = await s.call('ssa', { ...heapagg, func: 'half', arch: 'amd64' }, { onProgress: (p) => phases.push(p.phase) })
      expect(decodeTrace(r.trace!).func).toBe('half')
    })
    expect(again.traces).toBe(0)
    expect(runner.jobs.length).toBe(jobs)
    expect(phases).toEqual(['cached'])
    // Another text is another program.
    expect(await delta(() => s.call('analyze', { ...heapagg, text: heapagg.text + '\n' }))).toMatchObject({ parses: 1 })
  })

  it('runs the checker when the ssa call asks (check), else as SSASCOPE_CHECK says (on in tests); each choice is its own trace', async () => {
    expect(process.env['SSASCOPE_CHECK']).toBe('1')
    const s = service()
    const runs = async (args: Partial<Args<'ssa'>>) => {
      const before = checkerRuns.count
      const traces = (await delta(() => s.call('ssa', { ...heapagg, func: 'half', arch: 'amd64', ...args }))).traces
      return { checks: checkerRuns.count - before, traces }
    }
    expect(await runs({ check: false })).toEqual({ checks: 0, traces: 1 })
    const on = await runs({ check: true })
    expect(on.traces).toBe(1)
    expect(on.checks).toBeGreaterThan(PASSES.filter((p) => p.run).length / 2)
    // Unset: SSASCOPE_CHECK=1 (vitest.config.mts), the same trace as check: true, from the cache.
    expect(await runs({})).toEqual({ checks: 0, traces: 0 })
    await expect(s.call('ssa', { ...heapagg, func: 'half', arch: 'amd64', check: 'yes' as unknown as boolean })).rejects.toThrow(/check must be true or false/)
  })

  it('after an edit, a function whose body, callees and surroundings did not change keeps its trace', async () => {
    const src = (g: string, h: string, above = '') =>
      `package p\n${above}\nfunc g(x int) int {\n\treturn x * ${g}\n}\n\nfunc f(x int) int {\n\treturn g(x) + 1\n}\n\nfunc h(p *int) int {\n\treturn *p + ${h}\n}\n`
    const s = service()
    const traced = async (text: string, func: string) => {
      let trace: unknown
      const d = await delta(async () => {
        trace = (await s.call('ssa', { path: 'edit.go', text, func, arch: 'amd64' })).trace
      })
      return { traces: d.traces, parses: d.parses, trace }
    }
    const first = await traced(src('3', '4'), 'f')
    expect(first).toMatchObject({ traces: 1, parses: 1 })
    // h changed (same lines): f's trace is kept, the new text is parsed and checked.
    const kept = await traced(src('3', '5'), 'f')
    expect(kept).toMatchObject({ traces: 0, parses: 1 })
    expect(kept.trace).toEqual(first.trace)
    // h itself is built for the new text.
    expect((await traced(src('3', '5'), 'h')).traces).toBe(1)
    // A callee's body changed: f is built again.
    expect((await traced(src('7', '5'), 'f')).traces).toBe(1)
    // A line above moves every position: built again.
    expect((await traced(src('7', '5', '// moved'), 'f')).traces).toBe(1)
    // A declaration outside the bodies (a new global) may change anything: built again.
    expect((await traced(src('7', '5', 'var sink int'), 'f')).traces).toBe(1)
    // Back to a text whose f is known: from the cache.
    expect((await traced(src('7', '6', 'var sink int'), 'f')).traces).toBe(0)
  })

  it('reports every pass of an ssa job as progress', async () => {
    const seen: { phase: string; fraction?: number }[] = []
    await service().call('ssa', { ...heapagg, func: 'args', arch: 'amd64' }, { onProgress: (p) => seen.push(p) })
    const passes = seen.filter((p) => PASSES.some((x) => x.name === p.phase))
    expect(passes.map((p) => p.phase)).toEqual(PASSES.map((p) => p.name))
    expect(passes.every((p, i) => i === 0 || p.fraction! > passes[i - 1]!.fraction!)).toBe(true)
  })

  it('rejects a cancelled ssa job with ApiError cancelled; the program stays cached and the next job works', async () => {
    const runner = new InProcessRunner()
    const s = service(runner)
    await s.call('analyze', heapagg)
    const abort = new AbortController()
    const cancelled = await delta(async () => {
      const call = s.call('ssa', { ...heapagg, func: 'closure', arch: 'amd64' }, {
        signal: abort.signal,
        onProgress: (p) => {
          if (p.phase === 'opt') abort.abort()
        },
      })
      await expect(call).rejects.toMatchObject({ name: 'ApiError', code: 'cancelled' })
    })
    expect(cancelled).toMatchObject({ parses: 0, escapeAnalyses: 1, traces: 1 })
    expect(s.results.size).toBe(0) // nothing kept of the abandoned trace
    const next = await delta(async () => {
      const r = await s.call('ssa', { ...heapagg, func: 'closure', arch: 'amd64' })
      expect(decodeTrace(r.trace!).passes.at(-1)!.name).toBe('stack frame')
    })
    expect(next).toEqual({ parses: 0, typechecks: 0, escapeAnalyses: 0, traces: 1 })
  })

  it('keeps a bounded number of programs and traces in the job env', async () => {
    const runner = new InProcessRunner({ programs: 2, traces: 2 })
    const texts = [0, 1, 2].map((i) => ({ ...heapagg, text: `${heapagg.text}\n// ${i}\n` }))
    const args = (i: number, func = 'half'): Args<'ssa'> => ({ ...texts[i]!, func, arch: 'amd64' })
    expect(await delta(async () => {
      for (const t of texts) await runner.run('analyze', t)
    })).toMatchObject({ parses: 3 })
    expect(runner.env.programs.size).toBe(2)
    expect(await delta(() => runner.run('analyze', texts[0]!))).toMatchObject({ parses: 1 }) // evicted: least recently used
    expect(await delta(() => runner.run('analyze', texts[2]!))).toMatchObject({ parses: 0 })
    expect(await delta(async () => {
      await runner.run('ssa', args(2))
      await runner.run('ssa', args(2, 'locals'))
      await runner.run('ssa', args(2)) // still kept
    })).toMatchObject({ traces: 2, parses: 0 })
    await runner.run('ssa', args(2, 'args'))
    expect(runner.env.traces.size).toBe(2)
    expect(await delta(() => runner.run('ssa', args(2, 'locals')))).toMatchObject({ traces: 1, parses: 0 })
  })

  it('keeps encoded results within its byte budget', async () => {
    const probe = await new InProcessRunner().run('ssa', { ...heapagg, func: 'half', arch: 'amd64' })
    const one = probe.bytes!
    expect(one).toBe(approxBytes(probe.result))
    const budget = 2 * heapagg.text.length + Math.floor(one * 1.5)
    const s = service(new InProcessRunner(), budget)
    await s.call('ssa', { ...heapagg, func: 'half', arch: 'amd64' })
    expect(s.results.size).toBe(1)
    await s.call('ssa', { ...heapagg, func: 'half', arch: 'ppc64' })
    expect(s.results.size).toBe(1)
    expect(s.results.weight).toBeLessThanOrEqual(budget)
    const phases: string[] = []
    await s.call('ssa', { ...heapagg, func: 'half', arch: 'ppc64' }, { onProgress: (p) => phases.push(p.phase) })
    expect(phases).toEqual(['cached'])
  })
})

describe('SourceCache', () => {
  it('evicts the least recently used entries beyond its budget', () => {
    const c = new SourceCache<string>({ budget: 3 })
    c.set('a.go', 'x', 'k1', 'v1')
    c.set('a.go', 'x', 'k2', 'v2')
    c.set('b.go', 'x', 'k1', 'v3')
    expect(c.get('a.go', 'x', 'k1')).toBe('v1') // now the most recent
    c.set('a.go', 'y', 'k1', 'v4')
    expect(c.size).toBe(3)
    expect(c.get('a.go', 'x', 'k2')).toBeUndefined()
    expect(c.get('a.go', 'x', 'k1')).toBe('v1')
    expect(c.get('a.go', 'y', 'k1')).toBe('v4')
    expect(c.get('b.go', 'x', 'k1')).toBe('v3')
  })

  it('weighs entries and the texts they keep, once per text, and refuses what cannot fit', () => {
    const c = new SourceCache<string>({ budget: 100, textWeight: (t) => t.length })
    const text = 'x'.repeat(40)
    c.set('a.go', text, 'k1', 'v1', 20)
    c.set('a.go', text, 'k2', 'v2', 20)
    expect(c.weight).toBe(80)
    c.set('a.go', text, 'k3', 'v3', 30) // 110: the oldest goes
    expect(c.weight).toBe(90)
    expect(c.get('a.go', text, 'k1')).toBeUndefined()
    c.set('b.go', 'z', 'k', 'big', 101)
    expect(c.get('b.go', 'z', 'k')).toBeUndefined()
    c.set('b.go', 'zz', 'k', 'v', 50) // evicts until within budget, dropping a's text with its last entry
    expect(c.weight).toBeLessThanOrEqual(100)
    expect(c.get('b.go', 'zz', 'k')).toBe('v')
  })
})
