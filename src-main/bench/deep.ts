// `npm run bench`, deep nesting: input gc compiles in about a second must not
// take us minutes. `ssascope ssa FILE --func F` (every pass, the listing, the
// trace) as a fresh process on 5,000 nested ifs and on a 10,001-term sum,
// against `go tool compile -l` on the same file in the same run, interleaved,
// best of RUNS (a loaded machine only ever adds time). The ratio that counts
// is CPU time: the goal is within about 10× of gc's.

import { writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { projectRoot } from '../service/paths'
import { measured } from './huge'
import { longSumProgram, nestedIfsProgram } from './programs'

const RUNS = 2
const round = (x: number) => Math.round(x * 100) / 100

type Run = ReturnType<typeof measured>
const better = (a: Run | null, b: Run): Run => (a && (a.cpuMs ?? a.ms) <= (b.cpuMs ?? b.ms) ? a : b)

export const DEEP_WORKLOADS = [
  { name: 'nested-ifs-5000', text: () => nestedIfsProgram(5000) },
  { name: 'sum-10001-terms', text: () => longSumProgram(10_001) },
]

export async function deepNestingBench(o: { emit: (o: object) => void; dir: string; only?: string }): Promise<void> {
  const cli = join(projectRoot, 'out', 'main', 'cli.js')
  const go = process.env['SSASCOPE_GO'] ?? 'go'
  const env = { ...process.env, GOFLAGS: '', GOWORK: 'off' }
  for (const w of DEEP_WORKLOADS) {
    if (o.only && o.only !== w.name) continue
    const file = join(o.dir, `${w.name}.go`)
    writeFileSync(file, w.text())
    try {
      let ours: Run | null = null
      let gc: Run | null = null
      let gcError: string | null = null
      for (let i = 0; i < RUNS; i++) {
        ours = better(ours, measured(process.execPath, [cli, 'ssa', file, '--func', 'F'], { cwd: o.dir }, o.dir))
        try {
          gc = better(gc, measured(go, ['tool', 'compile', '-p', 'p', '-l', '-o', join(o.dir, 'deep.o'), file], { cwd: o.dir, env }, o.dir))
        } catch (e) {
          gcError = e instanceof Error ? e.message : String(e)
        }
      }
      o.emit({
        bench: 'deep-nesting',
        workload: w.name,
        command: `ssascope ssa ${w.name}.go --func F`,
        ms: round(ours!.ms),
        cpuMs: ours!.cpuMs === null ? null : round(ours!.cpuMs),
        maxRssMB: ours!.maxRssMB === null ? null : round(ours!.maxRssMB),
        goToolCompileMs: gc ? round(gc.ms) : null,
        goToolCompileCpuMs: gc?.cpuMs != null ? round(gc.cpuMs) : null,
        goToolCompileMaxRssMB: gc?.maxRssMB != null ? round(gc.maxRssMB) : null,
        cpuRatioToGoToolCompile: gc?.cpuMs && ours!.cpuMs ? round(ours!.cpuMs / gc.cpuMs) : null,
        ratioToGoToolCompile: gc ? round(ours!.ms / gc.ms) : null,
        ...(gc ? {} : { goError: gcError }),
      })
    } catch (e) {
      o.emit({ bench: 'deep-nesting', workload: w.name, error: e instanceof Error ? e.message : String(e) })
      process.exitCode = 1
    }
  }
}
