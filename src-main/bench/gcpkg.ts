// gc-package: one function of a real package (testdata/gcpkg/shapes: fmt,
// sort, strings, maps, interfaces, generics) as the gc bridge gets it — go
// list, the imports' export data from the build cache, `go tool compile`
// with GOSSAFUNC into a private GOSSADIR, -m=2 and mergelocalstrace=2, the
// ssa.html read into our model — for each release at hand. Next to it, what
// `go build` would cost for the same output: GOSSAFUNC and GOSSADIR are part
// of every package's cache key, so a fresh GOSSADIR rebuilds every
// dependency (the standard library included) — why the bridge compiles the
// package itself.

import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { gcPackageTrace, resolveToolchain } from '../gcbridge/gctrace'
import { goEnv, run, type GoToolchain } from '../gcbridge/toolchain'
import { projectRoot } from '../service/paths'

type Emit = (o: object) => void

const round = (x: number) => Math.round(x * 10) / 10
const PKG = join(projectRoot, 'testdata', 'gcpkg', 'shapes')
const FUNC = 'Total'

/** `go build` of the package with GOSSAFUNC into a fresh GOSSADIR (what the bridge avoids), wall ms. */
async function goBuildWithGossafunc(go: GoToolchain): Promise<number> {
  const dir = mkdtempSync(join(tmpdir(), 'ssascope-bench-gobuild-'))
  try {
    const t0 = performance.now()
    const r = await run(go.bin, ['build', '-o', join(dir, 'out.a'), `-gcflags=example.com/gcpkg/shapes=-m=2 -d=mergelocalstrace=2`, '.'], {
      cwd: PKG,
      env: goEnv({ GOSSAFUNC: FUNC, GOSSADIR: join(dir, 'ssa'), GOTOOLCHAIN: 'local' }),
      timeoutMs: 900_000,
    })
    if (r.code !== 0) throw new Error(`go build: ${r.stderr.trim()}`)
    return performance.now() - t0
  } finally {
    rmSync(dir, { recursive: true, force: true })
  }
}

export async function gcPackageBench({ emit }: { emit: Emit }): Promise<void> {
  for (const release of [undefined, 'go1.27.0']) {
    let go: GoToolchain
    try {
      go = await resolveToolchain(release)
    } catch (e) {
      emit({ bench: 'gc-package', release: release ?? 'go on PATH', skipped: e instanceof Error ? e.message : String(e) })
      continue
    }
    await gcPackageTrace(PKG, { func: FUNC, go }) // warm: the imports' export data in the build cache
    const runs: { ms: number; gcMs: number; values: number }[] = []
    for (let i = 0; i < 5; i++) {
      const t0 = performance.now()
      const r = await gcPackageTrace(PKG, { func: FUNC, go })
      const start = r.trace.passes.find((p) => p.name === 'start')!
      runs.push({ ms: performance.now() - t0, gcMs: r.ms, values: start.snapshot.blocks.reduce((n, b) => n + b.values.length, 0) })
    }
    runs.sort((a, b) => a.ms - b.ms)
    const mid = runs[Math.floor(runs.length / 2)]!
    const goBuildMs = await goBuildWithGossafunc(go)
    emit({
      bench: 'gc-package',
      release: go.release,
      package: 'testdata/gcpkg/shapes',
      func: FUNC,
      valuesAsBuilt: mid.values,
      /** The whole request: go list, imports from the cache, compile, reading ssa.html, -m=2 and the trace. */
      ms: round(mid.ms),
      /** Of which the go commands. */
      gcRunMs: round(mid.gcMs),
      goBuildWithGossafuncMs: round(goBuildMs),
      ratioToGoBuild: Math.round((mid.ms / goBuildMs) * 1000) / 1000,
    })
  }
}
