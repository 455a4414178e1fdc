// Our values under their gc-style ids (Value.gcId) against gc's own dump
// after the same pass: each value gc lists must be ours with the same gc id,
// op and arguments (by gc id).

import { readFileSync } from 'node:fs'
import type { DumpFunc } from '../../src-main/gcbridge/ssadump'
import type { Func } from '../../src-main/compiler/ssa/func'
import { loadProgram } from '../../src-main/compiler/pipeline'

/** `vN = Op a b` per value of a block, by gc id (ours) or by id (gc's dump). */
export function linesOfOurs(f: Func): Map<string, string> {
  const out = new Map<string, string>()
  for (const b of f.blocks) for (const v of b.values) out.set(`v${v.gcId}`, `${b.ref}: v${v.gcId} = ${v.op} ${v.args.map((a) => `v${a.gcId}`).join(' ')}`.trimEnd())
  return out
}

export function linesOfGc(d: DumpFunc): Map<string, string> {
  const out = new Map<string, string>()
  for (const b of d.blocks) for (const v of b.values) if (!v.dead) out.set(v.id, `${b.id}: ${v.id} = ${v.op} ${v.args.join(' ')}`.trimEnd())
  return out
}

/** gc's values we do not have under the same gc id, op, block and arguments. */
export function gcIdMismatches(ours: Func, gc: DumpFunc): string[] {
  const mine = linesOfOurs(ours)
  const bad: string[] = []
  for (const [id, line] of linesOfGc(gc)) {
    const m = mine.get(id)
    if (m !== line) bad.push(`gc ${line} | ours ${m ?? '-'}`)
  }
  return bad
}

/** Our function `name` of `file` after `pass` (compiled until there). */
export async function oursAfter(file: string, name: string, arch: string, pass: string): Promise<Func> {
  const prog = await loadProgram(file, readFileSync(file, 'utf8'), { pkgPath: 'p' })
  return prog.ssa().compileFunc(name, arch, { until: pass }).func
}
