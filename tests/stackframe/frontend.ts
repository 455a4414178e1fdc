// gc's fn.Dcl for each function of a file as our SSA construction records it
// (f.locals), for attaching to gc's own trim dumps. Temporaries are left out:
// gc's walk names its own, and the stack frame phase finds those in the SSA.

import { readFileSync } from 'node:fs'
import { ssaProgram } from '../../src-main/compiler/ssagen'
import type { LocalVar } from '../../src-main/compiler/ssa/func'

export async function frontEndLocals(path: string): Promise<Map<string, LocalVar[]>> {
  const prog = await ssaProgram(path, readFileSync(path, 'utf8'), { pkgPath: 'p' })
  if (prog.diagnostics.length) throw new Error(`${path}: ${prog.diagnostics[0]!.message}`)
  const out = new Map<string, LocalVar[]>()
  for (const name of prog.functions) out.set(name, prog.compileFunc(name, 'amd64', { until: 'start' }).func.locals.filter((l) => !l.temp))
  return out
}
