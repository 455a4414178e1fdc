// What the walk-rewrite tests compare against the real gc for one corpus
// program: the fuzzer's verdict (-m=2 lines, allocation calls, merge
// decisions, -S listings on amd64 and ppc64), the runtime calls as built,
// and op multisets after a pass.

import { expect } from 'vitest'
import { readFileSync } from 'node:fs'
import { basename } from 'node:path'
import { ssaProgram, type SsaProgram } from '../../src-main/compiler/ssagen'
import { findLive, printFunc } from '../../src-main/compiler/ssa/print'
import { gcSsaDumps, parseSsaDump, type DumpFunc } from '../../src-main/gcbridge'
import { gcFacts, verdict, type Verdict } from '../../src-main/fuzz/compare'
import { gcBatch } from '../../src-main/fuzz/gcrun'
import { ours, type OurResult } from '../../src-main/fuzz/ours'
import { funcNames } from '../../src-main/fuzz/run'
import { requireGo } from '../go-toolchain'

export interface WalkDiff {
  prog: SsaProgram
  verdict: Verdict
}

/** One Go file through gc (`go tool compile -l -S`, -m=2) and through ours, compared by the fuzzer's verdict. */
export async function againstGc(name: string, text: string): Promise<{ us: OurResult; v: Verdict }> {
  requireGo()
  const gc = (await gcBatch([{ name, text, funcs: await funcNames(name, text) }])).get(name)!
  if (gc.errors.length) throw new Error(`gc refused ${name}: ${gc.errors.join('\n')}`)
  const us = await ours(`./${name}`, text)
  return { us, v: verdict(gcFacts(gc), us) }
}

export async function walkDiff(file: string): Promise<WalkDiff> {
  const text = readFileSync(file, 'utf8')
  return { prog: await ssaProgram(file, text, { pkgPath: 'p' }), verdict: (await againstGc(basename(file), text)).v }
}

/** Nothing but listings differs from gc (-m=2 lines, allocation calls, merge decisions), and every function is built and listed on both arches. */
export function expectBuiltAndListed(d: WalkDiff): void {
  const v = d.verdict
  expect(v.failures.filter((f) => f.category !== 'listing').map((f) => `${f.category}: ${f.detail}`)).toEqual([])
  expect(v.pairs.length).toBe(2 * d.prog.functions.length)
  expect(v.pairs.every((p) => p.listed)).toBe(true)
}

/** Functions whose listing differs from gc's on some arch. */
export const listingDiffers = (v: Verdict): string[] => [...new Set(v.pairs.filter((p) => !p.sameListing).map((p) => p.func))]

const callsOf = (d: DumpFunc): string[] => d.blocks.flatMap((b) => b.values.filter((x) => x.op === 'StaticLECall').map((x) => (x.auxInt === undefined ? `${x.aux}` : `${x.aux} [${x.auxInt}]`)))

/** The static calls of every function as built (`start`), ours and gc's, by function. */
export async function callsAsBuilt(file: string, prog: SsaProgram, arch = 'amd64'): Promise<Map<string, { ours: string[]; gc: string[] }>> {
  const gc = await gcSsaDumps(file, prog.functions, ['start'], { goarch: arch })
  const out = new Map<string, { ours: string[]; gc: string[] }>()
  for (const fn of prog.functions) {
    const snap = prog.trace(fn, arch, { until: 'start' }).passes[0]!.snapshot
    out.set(fn, { ours: callsOf(parseSsaDump(printFunc(snap))), gc: callsOf(gc.get(fn)!.get('start')!) })
  }
  return out
}

/** Per function, how our live ops after `pass` differ from gc's (`Op+n`: n more of ours); only differing functions. */
export async function opDiffs(file: string, prog: SsaProgram, pass: string, arch = 'amd64'): Promise<string[]> {
  const gc = await gcSsaDumps(file, prog.functions, [pass], { goarch: arch })
  const diffs: string[] = []
  for (const fn of prog.functions) {
    const snap = prog.trace(fn, arch, { until: pass }).passes.find((p) => p.name === pass)!.snapshot
    const { live } = findLive(snap)
    const count = new Map<string, number>()
    for (const b of snap.blocks) for (const x of b.values) if (live.has(x.id)) count.set(x.op, (count.get(x.op) ?? 0) + 1)
    for (const b of gc.get(fn)!.get(pass)!.blocks) for (const x of b.values) if (!x.dead) count.set(x.op, (count.get(x.op) ?? 0) - 1)
    const d = [...count].filter(([, n]) => n !== 0)
    if (d.length) diffs.push(`${fn}: ${d.map(([op, n]) => `${op}${n > 0 ? '+' : ''}${n}`).join(' ')}`)
  }
  return diffs
}
