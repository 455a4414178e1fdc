// SSA dumps from the real compiler, many functions and passes per run.
//
// gc 1.26 accepts any number of `ssa/<pass>/dump=F` items in one `-d=` list
// (comma-separated; `build` is the `start` column, `all` is every pass plus
// build and genssa). Each writes `<F>_<NN>__<pass>.dump` (NN counts that
// function's dumps; ' ', '/', ':' become '_') into $GOSSADIR, else the cwd.
// A `-d` item cannot hold a comma, so names like `G[go.shape.int,go.shape.string]`
// fall back to one `GOSSAFUNC=F+` run each (stdout).

import { mkdtemp, readdir, readFile, rm, statfs, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { defaultGoBin, goEnv, importPaths, run } from './toolchain'
import { parseGossafuncStdout, parseSsaDump, type DumpFunc } from './ssadump'

export interface GcSsaOptions {
  /** GOARCH for the compile (e.g. 'ppc64'); default: the environment's. */
  goarch?: string
  /** The go binary; default $SSASCOPE_GO or 'go'. */
  go?: string
  /** Extra compiler flags (before the file). `-p=p -l` are always given. */
  flags?: string[]
  timeoutMs?: number
}

/** func name (gc's f.Name) → pass ('start' or gc's pass name with spaces) → function after that pass. */
export type GcSsaDumps = Map<string, Map<string, DumpFunc>>

/** Keep each `-d` argument well under Linux's 128 KiB per-argument limit. */
const MAX_D_ARG = 100_000

/** gc's dump file name mangling (ssa/compile.go DumpFileForPhase). */
const mangle = (s: string): string => s.replace(/[ /:]/g, '_')

/** The `-d` phase name: `start` is gc's `build`; spaces become `_`. */
function phaseFlag(pass: string): string {
  if (pass === 'genssa') throw new Error('gcSsaDumps: genssa dumps assembly, not SSA')
  return pass === 'start' || pass === 'build' ? 'build' : mangle(pass)
}

/** Pass name as a map key, from a file's phase part. No gc pass name contains '_'. */
const passKey = (phase: string): string => (phase === 'build' ? 'start' : phase.replace(/_/g, ' '))

interface Ctx {
  go: string
  env: NodeJS.ProcessEnv
  file: string
  dir: string
  importcfg: string | null
  opts: GcSsaOptions
}

async function compile(ctx: Ctx, extra: string[], env: NodeJS.ProcessEnv = ctx.env): Promise<string> {
  const args = ['tool', 'compile', '-p=p', '-l', '-o', join(ctx.dir, 'x.o')]
  if (ctx.importcfg) args.push(`-importcfg=${ctx.importcfg}`)
  args.push(...(ctx.opts.flags ?? []), ...extra, ctx.file)
  const out = await run(ctx.go, args, { cwd: ctx.dir, env, timeoutMs: ctx.opts.timeoutMs ?? 120_000 })
  if (out.timedOut) throw new Error(`go tool compile timed out on ${ctx.file}`)
  if (out.code !== 0) throw new Error(`go tool compile ${ctx.file} failed (status ${out.code}):\n${(out.stderr || out.stdout).trim()}`)
  return out.stdout
}

const importcfgCache = new Map<string, Promise<string>>()

/** `packagefile` lines for the file's imports, built with the same GOARCH (go list uses the build cache). */
async function importcfgFor(ctx: Ctx): Promise<string | null> {
  const text = await readFile(ctx.file, 'utf8')
  if (!/^\s*import\b/m.test(text)) return null
  const pkgs = (await importPaths(text)).filter((p) => p !== 'unsafe' && p !== 'C').sort()
  if (pkgs.length === 0) return null
  // Per go binary too: another release's export data does not load (`expected [go object … go1.27.0 …]`).
  const key = `${ctx.go}\u0000${ctx.env['GOARCH'] ?? ''} ${pkgs.join(' ')}`
  let cfg = importcfgCache.get(key)
  if (!cfg) {
    cfg = run(ctx.go, ['list', '-export', '-deps', '-f', '{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}', ...pkgs], {
      cwd: ctx.dir,
      env: ctx.env,
      timeoutMs: 600_000,
    }).then((out) => {
      if (out.code !== 0) throw new Error(`go list -export ${pkgs.join(' ')}: ${out.stderr.trim()}`)
      return out.stdout
    })
    cfg.catch(() => importcfgCache.delete(key))
    importcfgCache.set(key, cfg)
  }
  const path = join(ctx.dir, 'importcfg')
  await writeFile(path, await cfg)
  return path
}

/**
 * gc's dump printer is unbuffered (one write(2) per field, ~50 per value), so
 * on a disk-backed /tmp the dumps cost 5-10x the compile. Use tmpfs when it
 * has room: a full tmpfs would silently truncate dumps (gc ignores write errors).
 */
let scratchRoot: Promise<string> | undefined
function scratch(): Promise<string> {
  scratchRoot ??= (async () => {
    if (process.platform !== 'linux') return tmpdir()
    try {
      const fs = await statfs('/dev/shm')
      return fs.bavail * fs.bsize >= 1 << 30 ? '/dev/shm' : tmpdir()
    } catch {
      return tmpdir()
    }
  })()
  return scratchRoot
}

async function withCtx<T>(file: string, opts: GcSsaOptions, body: (ctx: Ctx) => Promise<T>): Promise<T> {
  const dir = await mkdtemp(join(await scratch(), 'ssascope-gcssa-'))
  try {
    const env = goEnv({ GOSSADIR: dir, ...(opts.goarch ? { GOARCH: opts.goarch } : {}) })
    delete env['GOSSAFUNC'] // a caller's GOSSAFUNC would add stdout noise and an ssa.html
    const ctx: Ctx = { go: opts.go ?? defaultGoBin(), env, file: resolve(file), dir, importcfg: null, opts }
    ctx.importcfg = await importcfgFor(ctx)
    return await body(ctx)
  } finally {
    await rm(dir, { recursive: true, force: true })
  }
}

/**
 * gc's names (f.Name) of the functions compiled from `file`: the `p.`-prefixed
 * STEXT symbols of `-S` (closures, wrappers and instantiations included; the
 * runtime-type helpers like `type:.eq.T` are not dumpable by name and left out).
 */
export async function gcFuncNames(file: string, opts: GcSsaOptions = {}): Promise<string[]> {
  return withCtx(file, opts, (ctx) => listFuncs(ctx))
}

async function listFuncs(ctx: Ctx): Promise<string[]> {
  const out = await compile(ctx, ['-S'])
  const names: string[] = []
  for (const m of out.matchAll(/^p\.(.+?) STEXT/gm)) names.push(m[1]!)
  return [...new Set(names)]
}

/**
 * The named functions of `file` after each of `passes` ('start' = as built;
 * gc's pass names with spaces or underscores; 'all' = start and every pass
 * that ran). One compile for all names without a comma, plus one per name
 * with a comma. Functions gc did not compile, and passes that did not run,
 * are absent from the result. `funcs: 'all'` lists them first (one more compile).
 */
export async function gcSsaDumps(file: string, funcs: string[] | 'all', passes: string[] | 'all', opts: GcSsaOptions = {}): Promise<GcSsaDumps> {
  return withCtx(file, opts, async (ctx) => {
    const names = funcs === 'all' ? await listFuncs(ctx) : [...new Set(funcs)]
    const phases = passes === 'all' ? ['all'] : [...new Set(passes.map(phaseFlag))]
    const result: GcSsaDumps = new Map()
    const viaFlags = names.filter((f) => !f.includes(','))
    const viaEnv = names.filter((f) => f.includes(','))

    // Several -d lists only when one would be too long; each run is one process.
    const groups: string[][] = [[]]
    let len = 0
    for (const f of viaFlags) {
      const items = phases.map((p) => `ssa/${p}/dump=${f}`)
      const n = items.join(',').length + 1
      if (len + n > MAX_D_ARG && groups[groups.length - 1]!.length > 0) {
        groups.push([])
        len = 0
      }
      groups[groups.length - 1]!.push(...items)
      len += n
    }
    for (const g of groups) if (g.length > 0) await compile(ctx, [`-d=${g.join(',')}`])
    await collectFiles(ctx.dir, viaFlags, passes === 'all' ? null : new Set(phases), result)

    for (const f of viaEnv) {
      const stdout = await compile(ctx, [], { ...ctx.env, GOSSAFUNC: `${f}+` })
      const want = passes === 'all' ? null : new Set(passes.map((p) => passKey(phaseFlag(p))))
      const got = new Map<string, DumpFunc>()
      for (const d of parseGossafuncStdout(stdout)) {
        if (d.func.name === f && (!want || want.has(d.pass)) && !got.has(d.pass)) got.set(d.pass, withoutDead(d.func))
      }
      if (got.size > 0) result.set(f, got)
    }
    return result
  })
}

/** Reads `<F>_<NN>__<phase>.dump` files into `out`, in NN (pass) order. */
async function collectFiles(dir: string, funcs: string[], phases: Set<string> | null, out: GcSsaDumps): Promise<void> {
  const files = (await readdir(dir)).filter((n) => n.endsWith('.dump'))
  // Longest mangled name first, so `a` never claims `a_01__x_01__build.dump`.
  const byName = funcs.map((f) => ({ f, m: mangle(f) + '_' })).sort((a, b) => b.m.length - a.m.length)
  const found: { f: string; seq: number; phase: string; file: string }[] = []
  for (const file of files) {
    const owner = byName.find((x) => file.startsWith(x.m))
    const m = owner && /^(\d+)__(.+)\.dump$/.exec(file.slice(owner.m.length))
    if (!owner || !m) continue
    const phase = m[2]!
    if (phase === 'genssa' || (phases && !phases.has(phase))) continue
    found.push({ f: owner.f, seq: Number(m[1]), phase, file })
  }
  found.sort((a, b) => a.seq - b.seq)
  const texts = await Promise.all(found.map((x) => readFile(join(dir, x.file), 'utf8')))
  found.forEach((x, i) => {
    let passes = out.get(x.f)
    if (!passes) out.set(x.f, (passes = new Map()))
    try {
      passes.set(passKey(x.phase), parseSsaDump(texts[i]!))
    } catch (e) {
      throw new Error(`${x.file}: ${(e as Error).message}`)
    }
  })
}

/** GOSSAFUNC stdout prints dead values and blocks; dump files do not. Make them agree. */
function withoutDead(f: DumpFunc): DumpFunc {
  return {
    ...f,
    blocks: f.blocks.filter((b) => !b.dead).map((b) => ({ ...b, values: b.values.filter((v) => !v.dead) })),
  }
}
