// gc's regalloc pass: allocate (alloc.ts), place spills (spills.ts), give
// slots to what lives on the stack (stackalloc.ts), fix up merge edges
// (shuffle.ts), drop the copies nobody needed, and record every value's
// location in v.loc as gc prints it.
//
// Like gc, the result is not quite SSA: a value restored in one
// predecessor of a merge may be used after the merge, where its definition
// does not dominate the use, and the moves made for such edges may look
// unused. Nothing after regalloc may run deadcode.

import type { Func, Pos, Value } from '../../func'
import { RegAlloc } from './alloc'
import { locText, parseSlotName, type StackSlot } from './locs'
import { shuffle } from './shuffle'
import { placeSpills } from './spills'
import { stackalloc } from './stackalloc'

const tempRegs = new WeakMap<Func, Map<Value, number>>()

/** The scratch registers regalloc gave needIntTemp ops of f (for the verifier and the assembly listing). */
export const allocationTemps = (f: Func): Map<Value, number> | undefined => tempRegs.get(f)

export function regalloc(f: Func): void {
  if (f.arch === 'generic') throw new Error('regalloc: the function is not lowered')
  const s = new RegAlloc(f, (pos, t) => newAutotmp(f, pos, t))
  s.run()
  placeSpills(s)
  const stackLive = stackalloc(s, paramNames(f))
  shuffle(s, stackLive)
  deleteUnusedCopies(s)

  for (const v of s.dropped) {
    if (v.uses !== 0) throw new Error(`regalloc: recomputed value ${v} still has ${v.uses} uses`)
    v.setArgs([])
    v.op = 'Invalid'
  }
  for (const b of f.blocks) b.values = b.values.filter((v) => v.op !== 'Invalid')
  const inFunc = new Set<Value>()
  for (const b of f.blocks) for (const v of b.values) {
    inFunc.add(v)
    const h = s.home.get(v.id)
    v.loc = h ? locText(h, s.m.names) : undefined
  }
  f.pruneNames((v) => inFunc.has(v))
  tempRegs.set(f, s.temps)
}

/** A copy made to dodge an eviction that no merge edge ended up using goes, and so may its source. */
function deleteUnusedCopies(s: RegAlloc): void {
  for (let progress = true; progress; ) {
    progress = false
    for (const [c, used] of s.copies) {
      if (used || c.uses !== 0) continue
      c.setArgs([])
      c.op = 'Invalid'
      s.copies.delete(c)
      progress = true
    }
  }
}

/** gc's NewLocal: a compiler temporary `.autotmp_N`, N = the number of variables so far. */
function newAutotmp(f: Func, pos: Pos, type: Value['type']): StackSlot {
  const n = Math.max(f.locals.length, f.dclCount)
  const name = `.autotmp_${n}`
  f.dclCount = n + 1
  f.locals.push({ name, type, class: 'auto', file: '', line: pos.line, col: pos.col, addrTaken: false, temp: true })
  return { name, type, off: 0 }
}

/**
 * The function's parameters: their slots hold only the incoming values.
 * A function read back from a gc dump has no variable list; its parameters
 * are then the variables its argument values name.
 */
function paramNames(f: Func): Set<string> {
  if (f.locals.length) return new Set(f.locals.filter((l) => l.class === 'param').map((l) => l.name))
  const out = new Set<string>()
  for (const v of f.entry.values) {
    if ((v.op === 'Arg' || v.op === 'ArgIntReg' || v.op === 'ArgFloatReg') && v.aux?.kind === 'sym') out.add(parseSlotName(v.aux.name, v.type).name)
  }
  return out
}
