// `npm run fuzz -- --seeds A-B [--batch N] [--shrink N] [--max-tests N] [--out DIR] [--json]`
// `npm run fuzz -- --print SEED`          the program a seed generates
// `npm run fuzz -- --check FILE.go…`      one file each, compared the same way (repros, corpus)
// `npm run fuzz -- --golden FILE.go…`     gc's facts beside each file, for the corpus test (testdata/fuzz)
//
// Generates random programs inside the subset, compiles each with the real
// gc and with our pipeline, and compares escape -m=2 lines, allocation
// calls, merge decisions and listings on amd64 and ppc64.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { basename, join } from 'node:path'
import { findGo, MODELLED_GO_MINOR } from '../gcbridge/toolchain'
import { exitQuietlyOnClosedStdout } from '../cli/stdout'
import { generate } from './gen/program'
import { printProgram } from './tree'
import { fuzz, funcNames } from './run'
import { figures, formatSummary } from './report'
import { gcBatch } from './gcrun'
import { ours } from './ours'
import { gcFacts, verdict } from './compare'
import { formatGolden } from './golden'

const USAGE = `usage: npm run fuzz -- [--seeds A-B|A,B,…] [--batch N] [--shrink N] [--max-tests N] [--out DIR] [--json]
       npm run fuzz -- --print SEED
       npm run fuzz -- --check FILE.go…
       npm run fuzz -- --golden FILE.go…     write FILE.golden: gc's facts for the corpus test
`

export function parseSeeds(spec: string): number[] {
  const out: number[] = []
  for (const part of spec.split(',')) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim())
    if (!m) throw new Error(`bad seed list ${JSON.stringify(spec)}: want A-B or A,B,…`)
    const a = Number(m[1])
    const b = m[2] === undefined ? a : Number(m[2])
    if (b < a) throw new Error(`bad seed range ${part}`)
    for (let s = a; s <= b; s++) out.push(s)
  }
  return out
}

async function main(argv: string[]): Promise<number> {
  exitQuietlyOnClosedStdout()
  const opts: Record<string, string> = {}
  const files: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--json' || a === '--help' || a === '-h') opts[a.replace(/^-+/, '')] = 'true'
    else if (a === '--check' || a === '--golden') opts[a.slice(2)] = 'true'
    else if (a.startsWith('--')) {
      const eq = a.indexOf('=')
      if (eq > 0) opts[a.slice(2, eq)] = a.slice(eq + 1)
      else if (i + 1 < argv.length) opts[a.slice(2)] = argv[++i]!
      else throw new Error(`${a} needs a value\n${USAGE}`)
    } else files.push(a)
  }
  if (opts['help'] || opts['h']) {
    process.stdout.write(USAGE)
    return 0
  }
  if (opts['print'] !== undefined) {
    process.stdout.write(printProgram(generate(Number(opts['print']))))
    return 0
  }
  const go = await findGo(undefined, MODELLED_GO_MINOR)
  if (typeof go === 'string') {
    process.stderr.write(`fuzz: ${go}\n`)
    return 2
  }
  if (opts['check']) return check(files)
  if (opts['golden']) return golden(files)

  const seeds = parseSeeds(opts['seeds'] ?? '1-100')
  const out = opts['out']
  if (out) mkdirSync(out, { recursive: true })
  const summary = await fuzz(seeds, {
    batch: Number(opts['batch'] ?? 20),
    shrink: Number(opts['shrink'] ?? 5),
    maxTests: Number(opts['max-tests'] ?? 250),
    log: (s) => process.stderr.write(s + '\n'),
    onFailure: out ? (seed, text) => writeFileSync(join(out, `s${seed}.go`), text) : undefined,
  })
  if (out) for (const r of summary.repros) writeFileSync(join(out, `repro-${r.failure.category}-${r.seed}.go`), r.text)
  if (opts['json']) process.stdout.write(JSON.stringify({ go: go.version, seeds: summary.seeds.length, figures: figures(summary.programs), ms: summary.ms, failures: summary.programs.filter((p) => p.verdict.failures.length > 0).map((p) => ({ seed: p.seed, failures: p.verdict.failures })), repros: summary.repros }) + '\n')
  else process.stdout.write(formatSummary(summary, go.version))
  return 0
}

/** Each file alone: gc and ours, every category; prints the failures. Exit 1 when any file differs. */
async function check(paths: string[]): Promise<number> {
  let bad = 0
  for (const path of paths) {
    const name = basename(path)
    const text = readFileSync(path, 'utf8')
    const gc = (await gcBatch([{ name, text, funcs: await funcNames(name, text) }])).get(name)!
    const v = verdict(gcFacts(gc), await ours(`./${name}`, text))
    if (v.failures.length === 0) process.stdout.write(`${path}: identical\n`)
    for (const f of v.failures) process.stdout.write(`${path}: ${f.category}: ${f.detail}\n`)
    if (v.failures.some((f) => f.category !== 'listing')) bad++
  }
  return bad > 0 ? 1 : 0
}

async function golden(paths: string[]): Promise<number> {
  for (const path of paths) {
    const name = basename(path)
    const text = readFileSync(path, 'utf8')
    const gc = (await gcBatch([{ name, text, funcs: await funcNames(name, text) }], { parts: { listing: false } })).get(name)!
    if (gc.errors.length > 0) throw new Error(`${path}: gc refused it:\n${gc.errors.join('\n')}`)
    writeFileSync(path.replace(/\.go$/, '.golden'), formatGolden(gcFacts(gc)))
  }
  return 0
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e) => {
    process.stderr.write(`fuzz: ${e instanceof Error ? e.message : String(e)}\n`)
    process.exit(2)
  },
)
