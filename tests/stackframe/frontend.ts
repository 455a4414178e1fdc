// gc's fn.Dcl for each function of a file, from our front end (parse, type
// check, escape analysis): parameters, results, then the declared locals, as
// `f.locals` needs them. Until SSA construction fills f.locals itself, the
// tests attach these to gc's own trim dumps. Walk/order temporaries
// (`.autotmp_N`) are not declared in the source: the stack frame phase finds
// them in the SSA.

import { readFileSync } from 'node:fs'
import { analyzeEscapes } from '../../src-main/compiler/escape/analyze'
import { Attr } from '../../src-main/compiler/escape/graph'
import type { LocalVar } from '../../src-main/compiler/ssa/func'
import { fromGo, ptrTo } from '../../src-main/compiler/ssa/types'
import { parseFile } from '../../src-main/compiler/syntax'
import { checkFile } from '../../src-main/compiler/types/check'
import type { Var } from '../../src-main/compiler/types/objects'

export async function frontEndLocals(path: string): Promise<Map<string, LocalVar[]>> {
  const parsed = await parseFile(path, readFileSync(path, 'utf8'))
  if (parsed.diagnostics.length) throw new Error(`${path}: ${parsed.diagnostics[0]!.message}`)
  const checked = checkFile(parsed.file, parsed.source)
  if (checked.diagnostics.length) throw new Error(`${path}: ${checked.diagnostics[0]!.message}`)
  const esc = analyzeEscapes(parsed.file, parsed.source, checked.info, { path, level: 0 })
  const heap = new Set<object>()
  for (const b of esc.batches) for (const loc of b.graph.locations) if (loc.ref && loc.has(Attr.Escapes) && loc.kind !== 'alloc') heap.add(loc.ref as object)
  const out = new Map<string, LocalVar[]>()
  for (const u of esc.units.all) {
    if (!u.info || u.wrapper) continue
    const locals: LocalVar[] = []
    const heapAddrs: LocalVar[] = []
    const add = (v: Var, cls: LocalVar['class']): void => {
      const p = parsed.source.position(v.pos)
      const type = fromGo(v.type)
      const base = { file: path, line: p.line, col: p.col, temp: false }
      if (heap.has(v)) {
        // gc keeps a heap-moved parameter or result and adds `&x`; a heap-moved local is only `&x`.
        heapAddrs.push({ ...base, name: `&${v.irName}`, type: ptrTo(type), class: 'auto', addrTaken: false })
        if (cls === 'auto') return
      }
      locals.push({ ...base, name: v.irName, type, class: cls, addrTaken: v.addrTaken || esc.byRef.has(v) })
    }
    for (const v of u.info.params) add(v, 'param')
    for (const v of u.info.results) add(v, 'result')
    for (const v of u.info.locals) add(v, 'auto')
    out.set(u.name, [...locals, ...heapAddrs])
  }
  return out
}
