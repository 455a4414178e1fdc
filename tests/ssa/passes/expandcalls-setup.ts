// Helpers for the expand calls differential test and probes: a gc dump names
// neither a function's parameters (only live Args do) nor the layout of its
// named types, so both are taken from our own front end for the same file.

import { readFileSync } from 'node:fs'
import { parseSignature } from '../../../src-main/compiler/ssa/abi'
import type { Func, LocalVar } from '../../../src-main/compiler/ssa/func'
import { fromGo } from '../../../src-main/compiler/ssa/types'
import { collectUnits } from '../../../src-main/compiler/escape/units'
import { parseFile } from '../../../src-main/compiler/syntax/parse'
import { checkFile } from '../../../src-main/compiler/types/check'

/** Each function's parameters (receiver first) and results as gc's fn.Dcl lists them, by gc name. */
export async function signatures(goFile: string): Promise<Map<string, LocalVar[]>> {
  const out = new Map<string, LocalVar[]>()
  const parsed = await parseFile(goFile, readFileSync(goFile, 'utf8'))
  if (parsed.diagnostics.length) return out
  const { info } = checkFile(parsed.file, parsed.source)
  for (const u of collectUnits(parsed.file, info).all) {
    if (!u.info) continue
    try {
      const vars = [...u.info.params.map((v) => ({ v, cls: 'param' as const })), ...u.info.results.map((v) => ({ v, cls: 'result' as const }))]
      out.set(
        u.name,
        vars.map(({ v, cls }) => ({ name: v.irName, type: fromGo(v.type), class: cls, file: goFile, line: 0, col: 0, addrTaken: v.addrTaken, temp: false })),
      )
    } catch {
      // a parameter type SSA cannot represent: the pass falls back to the dump's header
    }
  }
  return out
}

const BASIC = new Set(['bool', 'int', 'uint', 'float'])

/** Give a function read from a gc dump its parameter and result names (f.locals). */
export function withSignature(f: Func, sigs: Map<string, LocalVar[]>): Func {
  const s = sigs.get(f.name)
  const hdr = parseSignature(f.typeStr)
  // gc turns a directly called closure's captures into parameters: our declared list does not fit then.
  if (!s || s.filter((l) => l.class === 'param').length !== hdr.params.length) return f
  // Basic types as gc spells them (`byte`, not our checker's `uint8`).
  const spelled = [...hdr.params, ...hdr.results]
  f.locals = s.map((l, i) => (BASIC.has(spelled[i]?.kind ?? '') && spelled[i]!.size === l.type.size ? { ...l, type: spelled[i]! } : l))
  return f
}
