// Dead stores (gc's deadstore.go).
//
// dse: within a block, a Store or Zero whose bytes are all written again
// before any value reads memory is dead. Walking the store chain backwards
// we keep, per base pointer, the byte ranges later stores cover.
//
// dead auto elim (elimDeadAutosGeneric): a local whose address only ever
// reaches stores (never a load, call, phi, control or anything else that
// could read it) is never read; its VarDefs, Stores, Zeros and Moves go.
//
// Both turn a removed store into a Copy of its memory argument, as gc does;
// a later deadcode/copyelim cleans them up.

import type { Func, Value } from '../func'
import { auxString } from '../func'
import { opInfo } from '../opinfo'
import { canSSA, parseType, type SsaType } from '../types'
import { isMem, memoryArg } from './storeorder'

/** gc tracks at most this many disjoint byte ranges per pointer. */
const MAX_SHADOW_RANGES = 64

/** Turn a store into a Copy of its memory argument. */
function toCopy(v: Value, mem: Value): void {
  v.reset('Copy')
  v.addArg(mem)
}

/**
 * A local's identity: its name and type. gc uses the ir.Name, which dumps
 * do not show; two shadowed locals of one name and type would be taken for
 * one (dse could then drop a store to the outer one: a known gap).
 */
const localKey = (v: Value): string => `${v.aux ? auxString(v.aux) : ''}|${v.type.str}`

export function dse(f: Func): void {
  for (const b of f.blocks) {
    const loadUse = new Set<Value>()
    const storeUse = new Set<Value>()
    const localAddrs = new Map<string, Value>()
    const stores: Value[] = []
    for (const v of b.values) {
      if (v.op === 'Phi') continue // always first, never eliminated
      if (isMem(v.type)) {
        stores.push(v)
        for (const a of v.args) {
          if (a.block !== b || !isMem(a.type)) continue
          storeUse.add(a)
          // Calls, Moves and the like read memory as well as writing it.
          if (v.op !== 'Store' && v.op !== 'Zero' && v.op !== 'VarDef') loadUse.add(a)
        }
      } else {
        if (v.op === 'LocalAddr') {
          const k = localKey(v)
          if (!localAddrs.has(k)) localAddrs.set(k, v)
          continue
        }
        if (v.op === 'InlMark' || v.op === 'Convert') continue // not really memory uses (#67957)
        for (const a of v.args) if (a.block === b && isMem(a.type)) loadUse.add(a)
      }
    }
    if (stores.length === 0) continue
    const lasts = stores.filter((s) => !storeUse.has(s))
    if (lasts.length > 1) throw new Error(`dse: two final stores in ${b}: ${lasts[0]} and ${lasts[1]}`)
    if (lasts.length === 0) throw new Error(`dse: no last store in ${b} (cycle?)`)

    const shadowed = new Map<Value, ShadowRanges>()
    let v: Value | null = lasts[0]!
    let steps = 0
    while (v) {
      if (++steps > b.values.length + 1) throw new Error(`dse: store chain of ${b} loops`)
      if (loadUse.has(v)) shadowed.clear() // someone may read this memory state
      if (v.op === 'Store' || v.op === 'Zero') {
        let ptr = v.args[0]!
        let off = 0
        while (ptr.op === 'OffPtr') {
          off += ptr.auxInt64
          ptr = ptr.args[0]!
        }
        const sz = v.op === 'Store' ? storeSize(v) : v.auxInt64
        if (ptr.op === 'LocalAddr') ptr = localAddrs.get(localKey(ptr)) ?? ptr
        let si = shadowed.get(ptr)
        if (si && si.contains(off, off + sz)) {
          toCopy(v, v.op === 'Store' ? v.args[2]! : v.args[1]!)
        } else {
          if (!si) shadowed.set(ptr, (si = new ShadowRanges()))
          si.add(off, off + sz)
        }
      }
      if (v.op === 'Phi') break // the memory phi starts the block
      let prev: Value | null = null
      for (const a of v.args) {
        if (a.block === b && isMem(a.type)) {
          prev = a
          break
        }
      }
      v = prev
    }
  }
}

function storeSize(v: Value): number {
  if (v.aux?.kind !== 'type') throw new Error(`dse: ${v} Store has no type aux`)
  return v.aux.type.size
}

/** Disjoint byte ranges [lo, hi) known to be overwritten later. */
class ShadowRanges {
  private ranges: [number, number][] = []

  contains(lo: number, hi: number): boolean {
    return this.ranges.some(([l, h]) => lo >= l && hi <= h)
  }

  add(lo: number, hi: number): void {
    // gc stores ranges in 16 bits and caps their number.
    if (lo < 0 || hi > 0xffff || this.ranges.length >= MAX_SHADOW_RANGES) return
    let nlo = lo
    let nhi = hi
    const out: [number, number][] = []
    for (const [l, h] of this.ranges) {
      if (nhi < l || nlo > h) {
        out.push([l, h])
        continue
      }
      nlo = Math.min(nlo, l)
      nhi = Math.max(nhi, h)
    }
    out.push([nlo, nhi])
    this.ranges = out
  }
}

/**
 * Which locals dead auto elim may treat as autos. gc asks the ir.Name's
 * class (autos and parameters yes, results no): f.locals has it; dumps do
 * not show it, so:
 * a name with a VarDef or VarLive is a local (results never get one), a
 * parameter is one, `~rN` is a result, and so is a name whose type is one
 * of the results that live in memory (not SSA-able); anything else is a
 * local whose VarDef is gone (address-taken scalars have none).
 */
function autoClassifier(f: Func): (v: Value) => string | null {
  // Construction records the classes (f.locals); results can have a VarDef too (`x = u` for a memory result).
  if (f.locals.length) {
    const results = new Set(f.locals.filter((l) => l.class === 'result').map((l) => l.name))
    return (v) => (v.aux && !results.has(auxString(v.aux)) ? auxString(v.aux) : null)
  }
  const locals = new Set<string>()
  for (const b of f.blocks) {
    for (const v of b.values) {
      if (!v.aux) continue
      if (v.op === 'VarDef' || v.op === 'VarLive') locals.add(auxString(v.aux))
      else if (v.op === 'Arg' || v.op === 'ArgIntReg' || v.op === 'ArgFloatReg') locals.add(auxString(v.aux).replace(/\+\d+$/, ''))
    }
  }
  const memResults = new Set(resultTypes(f.typeStr).filter((t) => !canSSA(t) || isOpaque(t)).map((t) => t.str))
  return (v) => {
    if (!v.aux) return null
    const n = auxString(v.aux)
    if (v.op !== 'LocalAddr' || locals.has(n)) return n
    if (n.startsWith('~r')) return null
    if (v.type.elem && memResults.has(v.type.elem.str)) return null
    return n
  }
}

/** A named type read from a dump without its layout. */
const isOpaque = (t: SsaType): boolean => t.kind === 'struct' && t.size === 0 && (t.fields?.length ?? 0) === 0 && t.str !== 'struct {}'

/** The result types in a function's type string: `func(int) (int, [4]int)`, `method(T) func() *int`. */
export function resultTypes(typeStr: string): SsaType[] {
  let s = typeStr.replace(/^method\(/, '(')
  if (s.startsWith('(')) s = s.slice(closing(s, 0) + 1).trim()
  if (!s.startsWith('func(')) return []
  const rest = s.slice(closing(s, 4) + 1).trim()
  if (rest === '') return []
  const inner = rest.startsWith('(') ? rest.slice(1, closing(rest, 0)) : rest
  const parts: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < inner.length; i++) {
    const c = inner[i]!
    if ('([{'.includes(c)) depth++
    else if (')]}'.includes(c)) depth--
    else if (c === ',' && depth === 0) {
      parts.push(inner.slice(start, i).trim())
      start = i + 1
    }
  }
  parts.push(inner.slice(start).trim())
  return parts.filter((p) => p !== '').map((p) => parseType(p))
}

/** Index of the bracket closing s[open]. */
function closing(s: string, open: number): number {
  let depth = 0
  for (let i = open; i < s.length; i++) {
    if ('([{'.includes(s[i]!)) depth++
    else if (')]}'.includes(s[i]!) && --depth === 0) return i
  }
  return s.length - 1
}

export function elimDeadAutos(f: Func): void {
  const autoOf = autoClassifier(f)
  const addr = new Map<Value, string>() // values the address of an auto reaches
  const elim = new Map<Value, string>() // values that go if the auto does
  const move = new Map<string, Set<string>>() // Move &y &x with y unused: x is used only if y is
  const used = new Set<string>()

  const usedAdd = (n: string): boolean => {
    if (used.has(n)) return false
    used.add(n)
    const s = move.get(n)
    if (s) {
      move.delete(n)
      for (const m of s) usedAdd(m)
    }
    return true
  }

  const visit = (v: Value): boolean => {
    let changed = false
    let args = v.args
    switch (v.op) {
      case 'Addr':
        return false // globals
      case 'LocalAddr': {
        const n = autoOf(v)
        if (n && !addr.has(v)) {
          addr.set(v, n)
          return true
        }
        return false
      }
      case 'VarDef': {
        const n = autoOf(v)
        if (n && !elim.has(v)) {
          elim.set(v, n)
          return true
        }
        return false
      }
      case 'VarLive': {
        // Kept alive on purpose (open-coded defers rely on it).
        const n = autoOf(v)
        return n ? usedAdd(n) : false
      }
      case 'Store':
      case 'Move':
      case 'Zero': {
        const n = addr.get(args[0]!)
        if (n !== undefined && !elim.has(v)) {
          elim.set(v, n)
          changed = true
        }
        args = args.slice(1) // the other arguments may hold addresses of autos
      }
    }
    const info = opInfo(v.op, v.block.func.arch)
    if ((v.uses === 0 && v.op !== 'NilCheck' && !info.call && !info.hasSideEffects) || args.length === 0) return changed

    // An auto's address reaching memory, flags, a phi or a memory-using op may be read there.
    if (isMem(v.type) || v.type.kind === 'flags' || v.op === 'Phi' || memoryArg(v) !== null) {
      for (const a of args) {
        const n = addr.get(a)
        if (n === undefined) continue
        const nam = elim.get(v)
        if (nam !== undefined && v.op === 'Move' && !used.has(nam)) {
          // Move &nam &n: n is read only if nam is.
          if (used.has(n)) continue
          let s = move.get(nam)
          if (!s) move.set(nam, (s = new Set()))
          s.add(n)
          continue
        }
        changed = usedAdd(n) || changed
      }
      return changed
    }

    // Otherwise the address flows through v (pointer arithmetic, copies…).
    let node: string | null = null
    for (const a of args) {
      const n = addr.get(a)
      if (n === undefined) continue
      if (node === null) {
        if (!used.has(n)) node = n
      } else if (node !== n) {
        changed = usedAdd(n) || changed // only the first address is tracked
      }
    }
    if (node === null) return changed
    const known = addr.get(v)
    if (known === undefined) {
      addr.set(v, node)
      return true
    }
    if (known !== node) changed = usedAdd(node) || changed
    return changed
  }

  for (let iterations = 0; ; iterations++) {
    if (iterations === 4) return // gc gives up, eliminating nothing
    let changed = false
    for (const b of f.blocks) {
      for (const v of b.values) changed = visit(v) || changed
      for (const c of b.controls) {
        const n = addr.get(c)
        if (n !== undefined) changed = usedAdd(n) || changed
      }
    }
    if (!changed) break
  }

  for (const [v, n] of elim) {
    if (used.has(n)) continue
    const mem = memoryArg(v)
    if (!mem) throw new Error(`dead auto elim: ${v} ${v.op} has no memory argument`)
    toCopy(v, mem)
  }
}

// --- elim unread autos (gc's elimUnreadAutos) ------------------------------
//
// After lowering, addresses are folded into the machine ops, so this simpler
// version looks only at each op's effect on the variable its aux names: a
// local (or parameter) that no live value reads, addresses or otherwise
// needs is never read, and every write to it (stores, VarDefs) becomes a
// Copy of its memory argument.

/**
 * Which sym auxes name a local or parameter (gc: an ir.Name of class PAUTO,
 * or PPARAM in an ABIInternal function; results never qualify). From the
 * function's locals when it has them; a function read back from a dump has
 * none, so then: names of parameters (Arg auxes), compiler temporaries, and
 * names with a VarDef (results never get one; globals have a package prefix).
 */
function unreadAutoCandidates(f: Func): (name: string) => boolean {
  if (f.locals.length) {
    const ok = new Set(f.locals.filter((l) => l.class !== 'result').map((l) => l.name))
    return (n) => ok.has(n)
  }
  const ok = new Set<string>()
  for (const b of f.blocks) {
    for (const v of b.values) {
      if (v.aux?.kind !== 'sym') continue
      const n = auxString(v.aux)
      if (v.op === 'VarDef' || n.startsWith('.autotmp_')) ok.add(n)
      else if (v.op === 'Arg' || v.op === 'ArgIntReg' || v.op === 'ArgFloatReg') ok.add(n.replace(/\+-?\d+$/, ''))
    }
  }
  return (n) => ok.has(n)
}

export function elimUnreadAutos(f: Func): void {
  const isAuto = unreadAutoCandidates(f)
  const seen = new Set<string>()
  const stores: Value[] = []
  for (const b of f.blocks) {
    for (const v of b.values) {
      if (v.aux?.kind !== 'sym') continue
      const n = v.aux.name
      if (!isAuto(n)) continue
      const effect = opInfo(v.op, f.arch).symEffect
      if (effect === undefined || effect === 'None' || effect === 'Write') {
        // Possibly a store to a variable nobody reads.
        if (!seen.has(n)) stores.push(v)
      } else if (v.uses > 0) {
        // Read, addressed…: needed (dead loads may still be around, hence the use count).
        seen.add(n)
      }
    }
  }
  for (const s of stores) {
    if (seen.has((s.aux as { name: string }).name)) continue
    const mem = memoryArg(s)
    if (!mem) throw new Error(`elim unread autos: ${s} ${s.op} has no memory argument`)
    toCopy(s, mem)
  }
}
