// Our stack frame phase against gc's -d=mergelocalstrace, function by
// function. Where our Funcs come from is a parameter: gc's own trim dumps
// with f.locals from our construction (`gcTrimFuncs`: the phase alone), or
// our whole pipeline (`ourFuncs`: construction, every pass, the phase).

import { stackFrame, stackFrameTrace } from '../../src-main/compiler/stackframe'
import type { Func } from '../../src-main/compiler/ssa/func'
import { gcSsaDumps } from '../../src-main/gcbridge/gcssa'
import { gcMergeTraces, mergeDecisions, normalizeTrace, traceAtLevel } from '../../src-main/gcbridge/mergelocals'
import { funcFromDump } from '../../src-main/gcbridge/tofunc'
import { frontEndLocals } from './frontend'
import { readFileSync } from 'node:fs'
import { ssaProgram } from '../../src-main/compiler/ssagen'

/** The functions of a file after their last SSA pass, with f.locals filled, by gc name. */
export type FuncSource = (file: string, arch: string) => Promise<Map<string, Func>>

/** gc's trim dumps read back into Funcs, with f.locals from our front end. */
export const gcTrimFuncs: FuncSource = async (file, arch) => {
  const locals = await frontEndLocals(file)
  const names = [...locals.keys()]
  const dumps = await gcSsaDumps(file, names, ['trim'], { goarch: arch })
  const out = new Map<string, Func>()
  for (const name of names) {
    const d = dumps.get(name)?.get('trim')
    if (!d) continue
    const f = funcFromDump(d, arch)
    f.scheduled = true
    f.locals = locals.get(name)!
    out.set(name, f)
  }
  return out
}

/** Our pipeline end to end: each function built and run through trim (one that fails stops before the phase). */
export const ourFuncs: FuncSource = async (file, arch) => {
  const prog = await ssaProgram(file, readFileSync(file, 'utf8'), { pkgPath: 'p' })
  if (prog.diagnostics.length) throw new Error(`${file}: ${prog.diagnostics[0]!.message}`)
  return new Map(prog.functions.map((name) => [name, prog.compileFunc(name, arch, { until: 'trim' }).func]))
}

/** gc numbers its temporaries across walk and order, which we do not model: `.autotmp_10` is our `.autotmp_0`. */
const anyTemp = (t: string): string => t.replace(/\.autotmp_\d+/g, '.autotmp_N')

export interface FuncComparison {
  func: string
  /** Normalized traces (map-ordered runs sorted), levels 1–3. */
  gc: [string, string, string]
  ours: [string, string, string]
  /** Savings line and merge-state block. */
  sameDecisions: boolean
  sameLevel: [boolean, boolean, boolean]
  error?: string
}

/** Every function of `file` on `arch`, ours against gc's trace (one gc build, one dump run). */
export async function compareFile(file: string, arch: string, source: FuncSource = gcTrimFuncs): Promise<FuncComparison[]> {
  const [gc3, funcs] = await Promise.all([gcMergeTraces(file, 3, { goarch: arch }), source(file, arch)])
  const out: FuncComparison[] = []
  for (const [name, f] of funcs) {
    let ours3 = ''
    let error: string | undefined
    try {
      ours3 = stackFrameTrace(stackFrame(f, { file }), 3)
    } catch (e) {
      error = (e as Error).message
    }
    const theirs = gc3.get(name) ?? ''
    const gc = [1, 2, 3].map((l) => normalizeTrace(traceAtLevel(theirs, l))) as [string, string, string]
    const ours = [1, 2, 3].map((l) => normalizeTrace(traceAtLevel(ours3, l))) as [string, string, string]
    out.push({
      func: name,
      gc,
      ours,
      sameDecisions: error === undefined && anyTemp(mergeDecisions(gc[1])) === anyTemp(mergeDecisions(ours[1])),
      sameLevel: [0, 1, 2].map((i) => error === undefined && gc[i] === ours[i]) as [boolean, boolean, boolean],
      ...(error !== undefined ? { error } : {}),
    })
  }
  return out
}
