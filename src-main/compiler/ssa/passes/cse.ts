// gc's cse (ssa/cse.go): values are partitioned by (op, auxInt, #args,
// block for phis, type, aux), then classes are split by their arguments'
// classes until stable. In each class, a value dominated by another member
// is replaced (at its uses) by the topmost dominating one; deadcode removes
// it later. Memory values never merge. Like gc, the first two arguments of
// commutative ops are put in class order, which is visible in the dumps.

import { DomTree } from '../dom'
import { auxString, type Block, type Func, type Value } from '../func'
import { gcIdsUnique } from '../gcids'
import { GENERIC_OPS } from '../ops.generic'
import { ARCHES, opInfo } from '../opinfo'
import type { SsaType } from '../types'
import { isMemoryType, withStmt } from './deadcode'
import { memoryArg } from './fuse'

/** gc numbers auxes in first-seen order, once per function (lowered cse continues the numbering). */
const auxMaps = new WeakMap<Func, Map<string, number>>()
const auxKey = (v: Value): string => (v.aux ? `${v.aux.kind}:${auxString(v.aux)}` : '')

export function cse(f: Func): void {
  let auxIds = auxMaps.get(f)
  if (!auxIds) auxMaps.set(f, (auxIds = new Map()))
  const a: Value[] = []
  for (const b of f.blocks) {
    for (const v of b.values) {
      if (isMemoryType(v.type)) continue
      const k = auxKey(v)
      if (!auxIds.has(k)) auxIds.set(k, auxIds.size + 1)
      a.push(v)
    }
  }
  const partition = partitionValues(a, auxIds)

  // Members of a class share a positive number; a value alone (0 here) is
  // minus gc's id (gcids.ts: its order decides commutative operands; our id
  // if gc's are not all distinct). By id: classOf runs in every comparison of every sort.
  const cls = new Int32Array(f.numValues)
  const classOf = gcIdsUnique(f.blocks) ? (v: Value): number => cls[v.id] || -v.gcId : (v: Value): number => cls[v.id] || -v.id
  let pNum = 1
  for (const e of partition) {
    for (const v of e) cls[v.id] = pNum
    pNum++
  }

  // Each class is sorted by its arguments' classes, gc's refinement step. The
  // keys are read once per visit into a flat array; a class already in order
  // is not sorted again (a stable sort would leave it as it is), and one out
  // of order is sorted as positions, ties keeping their order (stable). A long
  // chain is refined one value per visit (gc's algorithm, which we follow step
  // by step: its class numbers order commutative arguments), so each visit
  // must stay cheap.
  let keys = new Int32Array(64)
  for (let changed = true; changed; ) {
    changed = false
    // partition grows while we walk it; new classes are visited in this same sweep.
    for (let i = 0; i < partition.length; i++) {
      const e = partition[i]!
      const m = e.length
      const v0 = e[0]!
      const n = v0.args.length
      if (opInfo(v0.op, v0.block.func.arch).commutative) {
        for (const v of e) {
          const a = v.args[0]!
          const b = v.args[1]!
          if (classOf(a) > classOf(b)) {
            v.args[0] = b
            v.args[1] = a
            v.touch()
          }
        }
      }
      if (keys.length < m * n) keys = new Int32Array(2 * m * n)
      for (let j = 0; j < m; j++) {
        const args = e[j]!.args
        for (let k = 0; k < n; k++) keys[j * n + k] = classOf(args[k]!)
      }
      const order = (x: number, y: number): number => {
        for (let k = 0; k < n; k++) {
          const d = keys[x * n + k]! - keys[y * n + k]!
          if (d !== 0) return d < 0 ? -1 : 1
        }
        return 0
      }
      let sorted = true
      for (let j = 1; j < m && sorted; j++) if (order(j - 1, j) > 0) sorted = false
      if (!sorted) {
        const idx = Array.from({ length: m }, (_, j) => j).sort(order)
        const vs = idx.map((j) => e[j]!)
        const ks = keys.slice(0, m * n)
        for (let j = 0; j < m; j++) {
          e[j] = vs[j]!
          for (let k = 0; k < n; k++) keys[j * n + k] = ks[idx[j]! * n + k]!
        }
      }
      // A LocalAddr's memory argument only orders it; it does not distinguish it.
      const skip = v0.op === 'LocalAddr' ? 1 : -1
      const splits = [0]
      for (let j = 1; j < m; j++) {
        for (let k = 0; k < n; k++) {
          if (k !== skip && keys[(j - 1) * n + k] !== keys[j * n + k]) {
            splits.push(j)
            break
          }
        }
      }
      if (splits.length === 1) continue
      partition[i] = partition[partition.length - 1]!
      partition.pop()
      i--
      splits.push(m)
      for (let j = 0; j + 1 < splits.length; j++) {
        const part = e.slice(splits[j], splits[j + 1])
        if (part.length === 1) {
          cls[part[0]!.id] = 0
          continue
        }
        for (const v of part) cls[v.id] = pNum
        pNum++
        partition.push(part)
      }
      changed = true
    }
  }

  const dom = new DomTree(f)
  const domOrder = preorder(dom, f)
  const storeScores = new Map<Value, number>()
  const rewrite = new Map<Value, Value>()
  for (const e of partition) {
    // Unreachable code takes no part (gc never sees any: deadcode ran before).
    const members = e.filter((v) => domOrder.has(v.block))
    members.sort((v, w) => {
      const c = domOrder.get(v.block)! - domOrder.get(w.block)!
      if (c !== 0) return c
      if (v.op === 'LocalAddr') return localAddrOrder(v, w, storeScores)
      // A statement-marked value makes the better survivor.
      const vs = v.pos.stmt === '+' && v.pos.line !== 0
      const ws = w.pos.stmt === '+' && w.pos.line !== 0
      return vs === ws ? 0 : vs ? -1 : 1
    })
    const left: (Value | null)[] = members
    for (let i = 0; i < left.length - 1; i++) {
      const v = left[i]
      if (!v) continue
      left[i] = null
      for (let j = i + 1; j < left.length; j++) {
        const w = left[j]
        if (!w) continue
        // Sorted in dominator-tree preorder: v's subtree is the run right after it.
        if (!dom.dominates(v.block, w.block)) break
        rewrite.set(w, v)
        left[j] = null
      }
    }
  }

  for (const b of f.blocks) {
    for (const v of b.values) {
      v.args.forEach((w, i) => {
        const x = rewrite.get(w)
        if (!x) return
        // w is about to lose its statement mark: v, same block and line, takes it.
        if (w.pos.stmt === '+' && w.pos.line !== 0 && w.block === v.block && w.pos.line === v.pos.line) {
          v.pos = withStmt(v.pos, '+')
          w.pos = withStmt(w.pos, '-')
        }
        v.setArg(i, x)
      })
    }
    b.controls.forEach((c, i) => {
      const x = rewrite.get(c)
      // nilcheckelim removes and reports nil checks itself.
      if (!x || c.op === 'NilCheck') return
      c.uses--
      x.uses++
      b.controls[i] = x
    })
  }
}

function preorder(dom: DomTree, f: Func): Map<Block, number> {
  const order = new Map<Block, number>()
  const stack = [f.entry]
  while (stack.length) {
    const b = stack.pop()!
    order.set(b, order.size)
    const kids = dom.children.get(b) ?? []
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!)
  }
  return order
}

/** Two LocalAddrs in one block: the one whose memory comes first in the block's store chain first. */
function localAddrOrder(v: Value, w: Value, scores: Map<Value, number>): number {
  const vm = v.args[1]!
  const wm = w.args[1]!
  if (vm === wm) return 0
  // A memory argument from outside the block is older than any from inside.
  if (vm.block !== v.block) return -1
  if (wm.block !== w.block) return 1
  return storeOrdering(vm, scores) - storeOrdering(wm, scores)
}

/** gc's storeOrdering: a value's position in its block's memory chain (1 = first). */
function storeOrdering(v: Value, cache: Map<Value, number>): number {
  let score = 1
  let w = v
  for (;;) {
    const s = cache.get(w)
    if (s !== undefined) {
      score += s
      break
    }
    if (w.op === 'Phi' || w.op === 'InitMem') break
    const m = memoryArg(w)
    if (!m || m.block !== w.block) break
    w = m
    score++
  }
  for (w = v; !cache.has(w); ) {
    cache.set(w, score)
    if (score === 1) break
    const m = memoryArg(w)
    if (!m) break
    w = m
    score--
  }
  return cache.get(v)!
}

// --- the initial partition (gc's partitionValues / cmpVal) ---------------

const opRank = new Map(GENERIC_OPS.map((o, i) => [o.name, i + 1_000_000]))
const archOpRank = new Map(Object.entries(ARCHES).map(([k, a]) => [k, new Map(a.ops.map((o, i) => [o.name, i]))]))
/** gc's Op numbers: architecture ops (in their table's order) come before the generic ones. */
const rankOf = (v: Value): number => opRank.get(v.op) ?? archOpRank.get(v.block.func.arch)?.get(v.op) ?? 0

function cmpVal(v: Value, w: Value, auxIds: Map<string, number>): number {
  if (v.op !== w.op) {
    const d = rankOf(v) - rankOf(w)
    return d !== 0 ? d : v.op < w.op ? -1 : 1
  }
  if (v.auxInt !== w.auxInt) return v.auxInt < w.auxInt ? -1 : 1
  if (v.args.length !== w.args.length) return v.args.length - w.args.length
  if (v.op === 'Phi' && v.block !== w.block) return v.block.id - w.block.id
  if (isMemoryType(v.type)) return v.gcId - w.gcId
  // Selects merge across types: several selects of one tuple must not survive.
  if (v.op !== 'Select0' && v.op !== 'Select1' && v.op !== 'SelectN') {
    const tc = compareTypes(v.type, w.type)
    if (tc !== 0) return tc
  }
  const va = auxKey(v)
  const wa = auxKey(w)
  if (va !== wa) {
    if (!v.aux) return -1
    if (!w.aux) return 1
    return auxIds.get(va)! - auxIds.get(wa)!
  }
  return 0
}

function partitionValues(a: Value[], auxIds: Map<string, number>): Value[][] {
  a.sort((v, w) => cmpVal(v, w, auxIds) || v.gcId - w.gcId)
  const out: Value[][] = []
  for (let i = 0; i < a.length; ) {
    let j = i + 1
    while (j < a.length && cmpVal(a[i]!, a[j]!, auxIds) === 0) j++
    if (j - i > 1) out.push(a.slice(i, j))
    i = j
  }
  return out
}

// gc's types.Kind order, for Type.Compare.
const BASIC_KIND: Record<string, number> = {
  int8: 1, uint8: 2, int16: 3, uint16: 4, int32: 5, uint32: 6, int64: 7, uint64: 8, int: 9, uint: 10, uintptr: 11,
  complex64: 12, complex128: 13, float32: 14, float64: 15, bool: 16, string: 27,
}
const KIND: Record<string, number> = { ptr: 17, func: 18, slice: 19, array: 20, struct: 21, unsafeptr: 28, mem: 34, flags: 34, void: 34, tuple: 35, results: 36 }

function gcKind(t: SsaType): number {
  const basic = BASIC_KIND[t.str]
  if (basic !== undefined) return basic
  if (t.str.startsWith('interface {')) return 24
  if (t.str.startsWith('map[')) return 23
  if (t.str.startsWith('chan ') || t.str.startsWith('<-chan ')) return 22
  if (t.kind === 'int' || t.kind === 'uint' || t.kind === 'float') {
    // A named numeric type: by size and signedness.
    const bySize: Record<string, Record<number, number>> = { int: { 1: 1, 2: 3, 4: 5, 8: 9 }, uint: { 1: 2, 2: 4, 4: 6, 8: 10 }, float: { 4: 14, 8: 15 } }
    return bySize[t.kind]![t.size] ?? 9
  }
  if (t.kind === 'bool') return 16
  return KIND[t.kind] ?? 21
}

/** The type name of a named type (`p.T` → `T`), or null. */
function symName(t: SsaType): string | null {
  if (BASIC_KIND[t.str] !== undefined) return null
  const m = /^(?:[\w/.]+\.)?(\w+)$/.exec(t.str)
  return m && t.str.includes('.') ? m[1]! : null
}

/** An approximation of gc's Type.Compare: kind, then name, then structure. */
export function compareTypes(t: SsaType, x: SsaType): number {
  if (t === x) return 0
  const tk = gcKind(t)
  const xk = gcKind(x)
  if (tk !== xk) return tk - xk
  const ts = symName(t)
  const xs = symName(x)
  if (ts !== xs) {
    if (ts === null) return -1
    if (xs === null) return 1
    if (ts.length !== xs.length) return ts.length - xs.length
    if (ts !== xs) return ts < xs ? -1 : 1
  }
  if (ts !== null) return t.str === x.str ? 0 : t.str < x.str ? -1 : 1
  if (tk === 34) return t.str.length !== x.str.length ? t.str.length - x.str.length : t.str < x.str ? -1 : t.str > x.str ? 1 : 0
  if (t.kind === 'tuple' || t.kind === 'results') {
    const tp = t.parts ?? []
    const xp = x.parts ?? []
    if (tp.length !== xp.length) return tp.length - xp.length
    for (let i = 0; i < tp.length; i++) {
      const c = compareTypes(tp[i]!, xp[i]!)
      if (c !== 0) return c
    }
    return 0
  }
  if (tk <= 16 || tk === 27 || tk === 28) return 0
  if (t.kind === 'array' && t.len !== x.len) return (t.len ?? 0) - (x.len ?? 0)
  if (t.elem && x.elem) return compareTypes(t.elem, x.elem)
  if (t.fields && x.fields) {
    for (let i = 0; i < t.fields.length && i < x.fields.length; i++) {
      const a = t.fields[i]!
      const b = x.fields[i]!
      if (a.name !== b.name) return a.name.length !== b.name.length ? a.name.length - b.name.length : a.name < b.name ? -1 : 1
      const c = compareTypes(a.type, b.type)
      if (c !== 0) return c
    }
    if (t.fields.length !== x.fields.length) return t.fields.length - x.fields.length
  }
  return t.str === x.str ? 0 : t.str < x.str ? -1 : 1
}
