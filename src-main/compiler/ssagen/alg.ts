// gc's equality algorithms for the comparable types of the subset (types.AlgType,
// compare.EqStructCost, walkCompare's inline test) on a 64-bit target that
// merges loads, as amd64 and ppc64 do: what walk's comparison of arrays and
// structs (compare.ts) decides from.

import type { SsaType } from '../ssa/types'

export type Alg = 'mem' | 'float' | 'special'

/** gc's AlgType for the comparable types of the subset. */
export function algOf(t: SsaType): Alg {
  switch (t.kind) {
    case 'float':
      return 'float'
    case 'array': {
      const a = algOf(t.elem!)
      if (a === 'mem' || t.len === 0) return 'mem'
      return t.len === 1 ? a : 'special'
    }
    case 'struct': {
      const fs = t.fields!
      if (fs.length === 1 && fs[0]!.name !== '_') return algOf(fs[0]!.type)
      for (let i = 0; i < fs.length; i++) {
        if (algOf(fs[i]!.type) !== 'mem' || fs[i]!.name === '_' || paddedField(t, i)) return 'special'
      }
      return 'mem'
    }
    default:
      return 'mem'
  }
}

function paddedField(t: SsaType, i: number): boolean {
  const fs = t.fields!
  const end = i + 1 < fs.length ? fs[i + 1]!.offset : t.size
  return fs[i]!.offset + fs[i]!.type.size !== end
}

/** compare.Memrun: the run of plain-memory fields from start (stopping after padding, before a blank or non-memory field). */
function memrun(t: SsaType, start: number): { size: number; next: number } {
  const fs = t.fields!
  let next = start
  for (;;) {
    next++
    if (next === fs.length || paddedField(t, next - 1)) break
    const f = fs[next]!
    if (f.name === '_' || algOf(f.type) !== 'mem') break
  }
  const last = fs[next - 1]!
  return { size: last.offset + last.type.size - fs[start]!.offset, next }
}

const REG_SIZE = 8

/** compare.EqStructCost with merged loads: a register compare per 8 bytes of each run. */
export function eqStructCost(t: SsaType): number {
  let cost = 0
  const fs = t.fields!
  for (let i = 0; i < fs.length; ) {
    if (fs[i]!.name === '_') {
      i++
      continue
    }
    const { size, next } = memrun(t, i)
    cost += Math.ceil(size / REG_SIZE)
    i = next
  }
  return cost
}

const isSimple = (t: SsaType): boolean => t.kind === 'int' || t.kind === 'uint' || t.kind === 'float' || t.kind === 'bool'

/** walkCompare's choice: compare inline, or call an equality function. */
export function compareInline(t: SsaType): boolean {
  if (t.kind === 'array') return t.len! <= 1 || (isSimple(t.elem!) && (t.len! <= 4 || t.elem!.size * t.len! <= 2 * REG_SIZE))
  return eqStructCost(t) <= 4
}

