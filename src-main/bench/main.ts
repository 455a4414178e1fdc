// `npm run bench`: machine-readable figures, one JSON object per line. Each
// figure is measured next to the real Go toolchain doing comparable work in
// the same run (here: gofmt parsing the same file), so ratios stay meaningful
// across machines.

import { execFileSync } from 'node:child_process'
import { mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { analyzeSource } from '../compiler'
import { parseOutline } from '../compiler/syntax'
import { workerFile } from '../service/paths'
import { WorkerRunner } from '../service/runner'
import { exitQuietlyOnClosedStdout } from '../cli/stdout'

function syntheticProgram(funcs: number): string {
  const out = ['package bench', '', 'type T struct{ a, b int; next *T }', '']
  for (let i = 0; i < funcs; i++) {
    out.push(
      `func f${i}(xs []int, t *T) (sum int) {`,
      `\tfor i, x := range xs {`,
      `\t\tif x%${(i % 7) + 2} == 0 {`,
      `\t\t\tsum += x * i`,
      `\t\t} else {`,
      `\t\t\tsum -= t.a`,
      `\t\t}`,
      `\t}`,
      `\tg := func(y int) int { return y + t.b }`,
      `\treturn g(sum)`,
      `}`,
      '',
    )
  }
  return out.join('\n')
}

async function median(runs: number, f: () => Promise<unknown> | unknown): Promise<number> {
  const times: number[] = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await f()
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  return times[Math.floor(times.length / 2)]!
}

async function gofmtMs(file: string, runs: number): Promise<number | null> {
  const run = () => execFileSync('gofmt', ['-l', file], { stdio: 'ignore' })
  try {
    run()
  } catch {
    return null
  }
  return median(runs, run)
}

const emit = (o: object) => process.stdout.write(JSON.stringify(o) + '\n')
const round = (x: number) => Math.round(x * 100) / 100

async function main(): Promise<void> {
  exitQuietlyOnClosedStdout()
  const dir = mkdtempSync(join(tmpdir(), 'ssascope-bench-'))
  for (const funcs of [450, 4500]) {
    const text = syntheticProgram(funcs)
    const file = join(dir, `bench${funcs}.go`)
    writeFileSync(file, text)
    const lines = text.split('\n').length
    await parseOutline(file, text) // warm-up: loads the wasm grammar
    const ms = await median(7, () => parseOutline(file, text))
    const go = await gofmtMs(file, 7)
    emit({ bench: 'parse-outline', lines, functions: funcs * 2, ms: round(ms), gofmtMs: go === null ? null : round(go), ratioToGofmt: go ? round(ms / go) : null })
    const analyzed = await analyzeSource(file, text)
    if (analyzed.diagnostics.length > 0) throw new Error(`bench program does not check: ${analyzed.diagnostics[0]!.message}`)
    const analyzeMs = await median(5, () => analyzeSource(file, text))
    emit({ bench: 'analyze (parse + typecheck)', lines, ms: round(analyzeMs), gofmtMs: go === null ? null : round(go), ratioToGofmt: go ? round(analyzeMs / go) : null })
  }

  const runner = new WorkerRunner(workerFile)
  const small = syntheticProgram(20)
  await runner.run({ kind: 'analyze', path: 'w.go', text: small }) // starts the thread
  const rt = await median(21, () => runner.run({ kind: 'analyze', path: 'w.go', text: small }))
  const cold = await median(5, async () => {
    const r = new WorkerRunner(workerFile)
    await r.run({ kind: 'analyze', path: 'w.go', text: small })
    await r.dispose()
  })
  await runner.dispose()
  emit({ bench: 'worker-analyze-roundtrip', lines: small.split('\n').length, warmMs: round(rt), coldStartMs: round(cold) })
}

main().catch((e: unknown) => {
  process.stderr.write(`bench: ${e instanceof Error ? e.stack : e}\n`)
  process.exit(1)
})
