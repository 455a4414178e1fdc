// The pipeline's Program: one parse and check per text, escape analysis once
// for every report level, walks of any batch recorded afterwards exactly as
// they would have been while solving, traces built only when asked for.
// (That each level's report is gc's is tests/escape/corpus and differential.)

import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { analyzeEscapes } from '../../src-main/compiler/escape/analyze'
import { escapeArtifact } from '../../src-main/compiler/escape/artifact'
import { Attr } from '../../src-main/compiler/escape/graph'
import { Program, pipelineCounters } from '../../src-main/compiler/pipeline'
import { examplesDir, projectRoot } from '../../src-main/service/paths'
import { hugeGlobalsProgram } from '../../src-main/bench/programs'
import { parseFile } from '../../src-main/compiler/syntax'
import { checkFile } from '../../src-main/compiler/types/check'

const escapeDir = join(projectRoot, 'testdata', 'escape')
const corpus = [
  ...readdirSync(escapeDir).filter((f) => f.endsWith('.go')).map((f) => join(escapeDir, f)),
  ...readdirSync(examplesDir).filter((f) => f.endsWith('.go')).map((f) => join(examplesDir, f)),
]
const heapagg = join(examplesDir, 'heapagg.go')

const counted = async <T>(run: () => Promise<T> | T): Promise<{ result: T; delta: typeof pipelineCounters }> => {
  const before = { ...pipelineCounters }
  const result = await run()
  const delta = { ...pipelineCounters }
  for (const k of Object.keys(delta) as (keyof typeof delta)[]) delta[k] -= before[k]
  return { result, delta }
}

describe('Program', () => {
  it('parses and checks once, analyses escapes once for every level, and builds a trace only when asked for', async () => {
    const text = readFileSync(heapagg, 'utf8')
    const { result: p, delta: loaded } = await counted(() => Program.load('./heapagg.go', text))
    expect(loaded).toMatchObject({ parses: 1, typechecks: 1, escapeAnalyses: 0, traces: 0 })
    const { delta } = await counted(() => {
      p.analyze()
      const m1 = p.escapeReport({ level: 1 })
      const m2 = p.escapeReport({ level: 2 })
      expect(m2.lines.length).toBeGreaterThan(m1.lines.length)
      expect(p.escapeResult({ level: 2, graphOf: 'closure' }).graph?.functions).toContain('closure')
      expect(p.escapeResult({ level: 1, graphOf: 'half' }).graph?.functions).toEqual(['half'])
      expect(p.ssa().functions).toContain('half')
      expect(p.ssaResult({ func: 'half', arch: 'amd64' }).trace?.func).toBe('half')
      expect(p.ssaResult({ func: 'half', arch: 'ppc64' }).trace?.arch).toBe('ppc64')
    })
    expect(delta).toEqual({ parses: 0, typechecks: 0, escapeAnalyses: 1, traces: 2 })
  })

  it('records the walks of any batch afterwards exactly as while solving, and leaves the analysis as it was', async () => {
    let batches = 0
    for (const file of corpus) {
      const p = await Program.load(`./${file.split('/').pop()}`, readFileSync(file, 'utf8'))
      if (p.diagnostics.length) continue
      const { parsed, checked } = p
      const lazy = analyzeEscapes(parsed.file, parsed.source, checked!.info, { path: p.path, level: 0 })
      const report = lazy.report({ level: 2 })
      const attrs = () => lazy.batches.map((b) => b.graph.locations.map((l) => [l.attrs, l.has(Attr.Escapes)]))
      const before = attrs()
      for (const b of lazy.batches) {
        const name = b.functions[0]!
        const recorded = analyzeEscapes(parsed.file, parsed.source, checked!.info, { path: p.path, level: 0, recordWalksOf: name })
        const same = recorded.batches.find((x) => x.functions.includes(name))!
        expect(escapeArtifact(b), `${file}: ${name}`).toEqual(escapeArtifact(same))
        batches++
      }
      expect(attrs(), file).toEqual(before)
      expect(lazy.report({ level: 2 }), file).toEqual(report)
    }
    expect(batches).toBeGreaterThan(50)
  })

  it('abandons work when its cancel check throws, and can do it again later', async () => {
    const p = await Program.load('./heapagg.go', readFileSync(heapagg, 'utf8'))
    const stop = new Error('stop')
    const seen: string[] = []
    expect(() =>
      p.ssaResult(
        { func: 'half', arch: 'amd64' },
        {
          progress: (x) => seen.push(x.phase),
          checkCancelled: () => {
            if (seen.includes('opt')) throw stop
          },
        },
      ),
    ).toThrow(stop)
    expect(seen[seen.length - 1]).toBe('opt')
    const again = p.ssaResult({ func: 'half', arch: 'amd64' })
    expect(again.trace?.passes.at(-1)?.name).toBe('stack frame')
  })

  // A big file spends seconds inside one phase: the check must run inside
  // parsing (tree-sitter's progress, the tree copy, the declarations) and
  // checking, not only between phases, or a cancelled job runs on.
  describe('checks for cancellation inside long phases', () => {
    const text = hugeGlobalsProgram(10_000)
    const stopAfter = (n: number) => {
      let calls = 0
      return {
        get calls() {
          return calls
        },
        check: () => {
          if (++calls >= n) throw new Error('stop')
        },
      }
    }

    it('inside parsing, at every step of it, and parses the next text afresh', async () => {
      let total = 0
      await parseFile('huge.go', text, () => void total++)
      expect(total).toBeGreaterThan(20)
      // The first checks come from tree-sitter, the last from the conversion to our AST.
      for (const n of [1, 2, Math.floor(total / 2), total]) {
        const stop = stopAfter(n)
        await expect(parseFile('huge.go', text, stop.check), `stop at call ${n}`).rejects.toThrow('stop')
        expect(stop.calls).toBe(n)
      }
      // A parse stopped inside tree-sitter must not leave it resuming the old text.
      const next = await parseFile('p.go', 'package p\n\nfunc F() {}\n')
      expect(next.diagnostics).toEqual([])
      expect(next.functions.map((f) => f.name)).toEqual(['F'])
    })

    it('inside type checking', async () => {
      const parsed = await parseFile('huge.go', text)
      let total = 0
      checkFile(parsed.file, parsed.source, () => void total++)
      expect(total).toBeGreaterThan(20)
      for (const n of [1, Math.floor(total / 2), total]) {
        const stop = stopAfter(n)
        expect(() => checkFile(parsed.file, parsed.source, stop.check), `stop at call ${n}`).toThrow('stop')
        expect(stop.calls).toBe(n)
      }
      expect(checkFile(parsed.file, parsed.source).diagnostics).toEqual([])
    })

    it('in Program.load, whose phases pass the check on', async () => {
      const phases: string[] = []
      let inParse = 0
      const load = Program.load('huge.go', text, {}, {
        progress: (p) => phases.push(p.phase),
        checkCancelled: () => {
          if (phases.at(-1) === 'parse' && ++inParse === 3) throw new Error('stop')
        },
      })
      await expect(load).rejects.toThrow('stop')
      expect(phases).toEqual(['parse'])
    })
  })
})

describe('dead code, as gc\'s front end drops it', () => {
  const src = `package p

var g *int

func F(x int) {
	if false {
		f := func() { g = new(int) }
		f()
	}
	switch {
	case false:
		_ = func() int { return 1 }()
	case true:
		g = &x
	}
	h := func() { g = &x }
	h()
	return
	_ = func() {}
}
`
  it('a closure under a static condition, an unselected case or after return has no name; the next is F.func1', async () => {
    const prog = await Program.load('./p.go', src)
    expect(prog.analyze().functions.map((f) => f.name)).toEqual(['F', 'F.func1'])
    expect(prog.ssa().functions).toEqual(['F', 'F.func1'])
    // F.func1 is h: the literal on line 16.
    expect(prog.analyze().functions[1]!.line).toBe(16)
    expect(prog.escapeReport({ level: 1 }).lines).toEqual(['./p.go:5:8: moved to heap: x', './p.go:16:7: func literal does not escape'])
  })
})
