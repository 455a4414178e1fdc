// memcombine (gc 1.26's ssa/memcombine.go): adjacent narrow loads ORed
// together into one wider value become one wide load, and a chain of narrow
// stores to adjacent addresses one wide store — encoding/binary's shapes.
// When the bytes are in the other endianness than the target's, the wide
// value goes through a byte swap (Bswap16/32/64), which lowering folds into
// a byte-reversed load or store where the arch has one (ppc64's MOVxBR) or
// emits as BSWAP (amd64). Both our targets allow unaligned accesses and have
// every byte swap; ppc64 is big-endian, ppc64le and amd64 little-endian.
//
// Like gc, the rewritten OR root becomes a Copy of the new value, merged
// stores are clobbered, and the values left dead are dropped at the end (gc
// leaves them to the next dead-code removal; its dumps do not show them).

import type { PassContext } from '../compile'
import type { Block, Func, Value } from '../func'
import { removable } from '../rewrite'
import { T, type SsaType } from '../types'

const REG_SIZE = 8
const bigEndian = (f: Func): boolean => f.arch === 'ppc64'

export function memcombine(f: Func, _ctx?: PassContext): void {
  const dead = new Set<Value>()
  combineAllLoads(f, dead)
  combineAllStores(f, dead)
  dropDead(f, dead)
}

// ---- addresses -------------------------------------------------------------

/** ptr+idx, idx null meaning 0. */
interface Base {
  ptr: Value
  idx: Value | null
}

const sameBase = (a: Base, b: Base): boolean => a.ptr === b.ptr && a.idx === b.idx

const isConstInt = (v: Value): boolean => v.op === 'Const32' || v.op === 'Const64'

/** The base address of p and the constant offset from it, peeling OffPtrs and one index's constant term. */
function splitPtr(p: Value): { base: Base; off: bigint } {
  let idx: Value | null = null
  let off = 0n
  for (;;) {
    if (p.op === 'OffPtr') {
      off += p.auxInt
      p = p.args[0]!
    } else if (p.op === 'AddPtr') {
      // A second index: keep the first one found.
      if (idx) return { base: { ptr: p, idx }, off }
      idx = p.args[1]!
      if (idx.op === 'Add32' || idx.op === 'Add64') {
        if (isConstInt(idx.args[0]!)) {
          off += idx.args[0]!.auxInt
          idx = idx.args[1]!
        } else if (isConstInt(idx.args[1]!)) {
          off += idx.args[1]!.auxInt
          idx = idx.args[0]!
        }
      }
      p = p.args[0]!
    } else return { base: { ptr: p, idx }, off }
  }
}

// ---- new values ------------------------------------------------------------

const sizeType = (size: number): SsaType => {
  const t = size === 8 ? T.uint64 : size === 4 ? T.uint32 : size === 2 ? T.uint16 : null
  if (!t) throw new Error(`memcombine: bad size ${size}`)
  return t
}

/** gc's f.ConstIntN: the constant of that op, type and value in the entry block, made there if missing. */
function constant(f: Func, op: string, type: SsaType, c: bigint): Value {
  const old = f.entry.values.find((v) => v.op === op && v.type === type && v.auxInt === c)
  return old ?? f.newValue(f.entry, op, type, [], c)
}

const shiftAmount = (f: Func, s: bigint): Value => constant(f, 'Const64', T.uint64, s)

function shifted(b: Block, v: Value, s: bigint, dir: 'left' | 'right', pos: Value['pos']): Value {
  const w = v.type.size * 8
  if (w !== 16 && w !== 32 && w !== 64) throw new Error(`memcombine: bad shift width ${w}`)
  const op = dir === 'left' ? `Lsh${w}x64` : `Rsh${w}Ux64`
  return b.func.newValue(b, op, v.type, [v, shiftAmount(b.func, s)], 0n, null, pos)
}

function zeroExtend(b: Block, v: Value, from: number, to: number, pos: Value['pos']): Value {
  return b.func.newValue(b, `ZeroExt${from * 8}to${to * 8}`, sizeType(to), [v], 0n, null, pos)
}

function truncate(b: Block, v: Value, from: number, to: number, pos: Value['pos']): Value {
  return b.func.newValue(b, `Trunc${from * 8}to${to * 8}`, sizeType(to), [v], 0n, null, pos)
}

function byteSwap(b: Block, v: Value, pos: Value['pos']): Value {
  return b.func.newValue(b, `Bswap${v.type.size * 8}`, v.type, [v], 0n, null, pos)
}

/** gc's clobber: the value becomes Invalid (dropping its arguments); what it used may now be dead. */
function clobber(v: Value, dead: Set<Value>): void {
  for (const a of v.args) dead.add(a)
  v.reset('Invalid')
}

/** Drop what the rewrites left unused (transitively), then the Invalid values. */
function dropDead(f: Func, dead: Set<Value>): void {
  const work = [...dead]
  while (work.length > 0) {
    const v = work.pop()!
    if (v.op === 'Invalid' || v.uses !== 0 || !removable(v)) continue
    work.push(...v.args)
    v.reset('Invalid')
  }
  for (const b of f.blocks) {
    // gc leaves them in place until the next rewrite frees them (gcids.ts).
    f.gcIds.dropLater(b, (v) => v.op === 'Invalid')
    b.values = b.values.filter((v) => v.op !== 'Invalid')
  }
  f.pruneNames((v) => v.op !== 'Invalid')
}

// ---- loads -----------------------------------------------------------------

const OR_SIZE: Record<string, number> = { Or64: REG_SIZE, Or32: 4, Or16: 2 }
const isOr = (v: Value): boolean => v.op in OR_SIZE

function combineAllLoads(f: Func, dead: Set<Value>): void {
  // An OR used by another OR is not the root of an OR tree.
  const inner = new Set<Value>()
  for (const b of f.blocks) for (const v of b.values) if (isOr(v)) for (const a of v.args) inner.add(a)
  for (const b of f.blocks) {
    // Roots before leaves: each tree breadth first, in block order.
    const order: Value[] = []
    for (const v of b.values) {
      if (!isOr(v) || inner.has(v)) continue
      for (let i = order.push(v) - 1; i < order.length; i++) for (const a of order[i]!.args) if (isOr(a)) order.push(a)
    }
    for (const v of order) {
      const max = OR_SIZE[v.op]
      if (max === undefined) continue // already rewritten
      for (let n = max; n > 1; n /= 2) if (combineLoads(v, n, dead)) break
    }
  }
}

const EXTS: Record<string, string[]> = {
  Or64: ['ZeroExt8to64', 'ZeroExt16to64', 'ZeroExt32to64'],
  Or32: ['ZeroExt8to32', 'ZeroExt16to32'],
  Or16: ['ZeroExt8to16'],
}

/** One loaded piece: its load, its offset from the common base and how far left it is shifted. */
interface Piece {
  load: Value
  offset: bigint
  shift: bigint
}

/** Merge n loads ORed together under root (each zero-extended, maybe shifted) into one load. */
function combineLoads(root: Value, n: number, dead: Set<Value>): boolean {
  const orOp = root.op
  const w = OR_SIZE[orOp]! * 8
  const shiftOp = `Lsh${w}x64`
  const f = root.block.func

  // The n operands of the OR tree (no node of it may be used elsewhere).
  const a: Value[] = [root]
  for (let i = 0; i < a.length && a.length < n; i++) {
    const v = a[i]!
    if (v.uses !== 1 && v !== root) return false
    if (v.op === orOp) {
      a[i] = v.args[0]!
      a.push(v.args[1]!)
      i--
    }
  }
  if (a.length !== n) return false

  // The first operand says what to look for: shift(ext(load)), maybe without the shift.
  let first = a[0]!
  if (first.op === shiftOp) first = first.args[0]!
  if (!EXTS[orOp]!.includes(first.op)) return false
  const extOp = first.op
  first = first.args[0]!
  if (first.op !== 'Load') return false
  const base = splitPtr(first.args[0]!).base
  const mem = first.args[1]!
  const size = BigInt(first.type.size)

  const pieces: Piece[] = []
  for (let v of a) {
    if (v.uses !== 1) return false
    let shift = 0n
    if (v.op === shiftOp) {
      if (v.args[1]!.op !== 'Const64') return false
      shift = v.args[1]!.auxInt
      v = v.args[0]!
      if (v.uses !== 1) return false
    }
    if (v.op !== extOp) return false
    const load = v.args[0]!
    if (load.op !== 'Load' || load.uses !== 1 || load.args[1] !== mem) return false
    const p = splitPtr(load.args[0]!)
    if (!sameBase(p.base, base)) return false
    pieces.push({ load, offset: p.off, shift })
  }

  // Adjacent in memory, and shifted in little- or big-endian order.
  pieces.sort((x, y) => (x.offset < y.offset ? -1 : x.offset > y.offset ? 1 : 0))
  const r0 = pieces[0]!
  if (pieces.some((p, i) => p.offset !== r0.offset + BigInt(i) * size)) return false
  const little = pieces.every((p, i) => p.shift === r0.shift + BigInt(i) * size * 8n)
  const big = pieces.every((p, i) => p.shift === r0.shift - BigInt(i) * size * 8n)
  if (!little && !big) return false

  // The new load goes where its memory is live: the block of the latest load.
  const loads = pieces.map((p) => p.load)
  const loadBlock = mergePoint(root.block, loads)
  if (!loadBlock) return false
  const posLoad = loads.find((l) => l.block === loadBlock)
  if (!posLoad) return false
  const pos = posLoad.pos

  // Bytes in the other order than the target's need a swap (only whole bytes can be swapped).
  const swap = (little && bigEndian(f)) || (big && !bigEndian(f))
  if (swap && size !== 1n) return false

  const total = n * Number(size)
  let v = f.newValue(loadBlock, 'Load', sizeType(total), [r0.load.args[0]!, mem], 0n, null, pos)
  if (swap) v = byteSwap(loadBlock, v, pos)
  if (total < root.type.size) v = zeroExtend(loadBlock, v, total, root.type.size, pos)
  if (little && r0.shift !== 0n) v = shifted(loadBlock, v, r0.shift, 'left', pos)
  const top = r0.shift - BigInt(n - 1) * size * 8n
  if (big && top !== 0n) v = shifted(loadBlock, v, top, 'left', pos)

  for (const x of root.args) dead.add(x)
  root.reset('Copy')
  root.addArg(v)
  for (const l of loads) clobber(l, dead)
  return true
}

/**
 * gc's mergePoint: walking back from b through single predecessors, the
 * first block holding one of the values, provided every value is found on
 * that walk (so all of them dominate it); null if not within 100 blocks.
 */
function mergePoint(b: Block, vals: Value[]): Block | null {
  let d = 100
  let found: Block | null = null
  let seen = 0
  let cur: Block = b
  while (d > 0) {
    const here = vals.filter((x) => x.block === cur).length
    if (!found && here > 0) found = cur
    if (found) {
      seen += here
      if (seen === vals.length) return found
    }
    if (cur.preds.length > 1 || cur.preds.length === 0) return null
    cur = cur.preds[0]!
    d--
  }
  return null
}

// ---- stores ----------------------------------------------------------------

const storeSize = (v: Value): number => (v.aux && v.aux.kind === 'type' ? v.aux.type.size : 0)

function combineAllStores(f: Func, dead: Set<Value>): void {
  for (const b of f.blocks) {
    // Stores whose memory another store of the block uses are not last in their chain.
    const notLast = new Set<Value>()
    for (const v of b.values) if (v.op === 'Store') notLast.add(v.args[2]!)
    // Later stores first: each chain from its last store back.
    const order: Value[] = []
    for (const v of b.values) {
      if (v.op !== 'Store' || notLast.has(v)) continue
      for (let x = v; ; x = x.args[2]!) {
        order.push(x)
        const next = x.args[2]!
        if (next.block !== b || next.op !== 'Store') break
      }
    }
    for (const v of order) {
      if (v.op !== 'Store') continue // already merged away
      const size = storeSize(v)
      if (size >= REG_SIZE || size === 0) continue
      combineStores(v, dead)
    }
  }
}

interface StoreRec {
  store: Value
  offset: bigint
  size: number
}

const TRUNCS = new Set(['Trunc64to8', 'Trunc64to16', 'Trunc64to32', 'Trunc32to8', 'Trunc32to16', 'Trunc16to8'])
const RSHU = new Set(['Rsh64Ux64', 'Rsh32Ux64', 'Rsh16Ux64'])

/** What a stored value truncates, if it is a truncation. */
const truncated = (v: Value): Value | null => (TRUNCS.has(v.op) ? v.args[0]! : null)

/** The value two stores of shifted pieces share: trunc(x) and trunc(x>>s), or trunc(x>>s) and trunc(x>>t). */
function shiftBase(a: StoreRec[]): Value | null {
  const x = truncated(a[0]!.store.args[1]!)
  const y = truncated(a[1]!.store.args[1]!)
  if (!x || !y) return null
  const x2 = RSHU.has(x.op) ? x.args[0]! : null
  const y2 = RSHU.has(y.op) ? y.args[0]! : null
  if (y2 === x) return x
  if (x2 === y) return y
  if (x2 === y2) return x2
  return null
}

/** How far right of base a store's value is shifted (-1: not a piece of base). */
function shiftOf(store: Value, base: Value): bigint {
  const v = truncated(store.args[1]!)
  if (!v) return -1n
  if (v === base) return 0n
  if (!RSHU.has(v.op) || v.args[0] !== base) return -1n
  const s = v.args[1]!
  return s.op === 'Const64' ? s.auxInt : -1n
}

/** Merge the chain of stores ending in root into one store of 2, 4 or 8 bytes, where they are adjacent. */
function combineStores(root: Value, dead: Set<Value>): void {
  const f = root.block.func
  const big = bigEndian(f)
  const r = splitPtr(root.args[0]!)
  const all: StoreRec[] = [{ store: root, offset: r.off, size: storeSize(root) }]
  let total = storeSize(root)
  // The stores before root in its chain, in this block, used only by the next one, fitting a register.
  for (let i = 1, x = root.args[2]!; i < 8; i++, x = x.args[2]!) {
    if (x.op !== 'Store' || x.block !== root.block || x.uses !== 1) break
    const size = storeSize(x)
    if (size === 0 || size > REG_SIZE - total) break
    const p = splitPtr(x.args[0]!)
    if (!sameBase(p.base, r.base)) break
    all.push({ store: x, offset: p.off, size })
    total += size
  }
  if (all.length <= 1) return

  // The longest prefix of the chain whose sizes add up to 8, 4 or 2 and whose addresses are contiguous.
  const bySize = new Map<number, StoreRec[]>()
  for (let i = 0, size = 0; i < all.length; i++) {
    size += all[i]!.size
    if (size === 8 || size === 4 || size === 2) bySize.set(size, all.slice(0, i + 1))
  }
  let a: StoreRec[] = []
  let aTotal = 0
  let mem: Value | null = null
  let pos = root.pos
  for (const s of [8, 4, 2]) {
    const cand = bySize.get(s)
    if (!cand || cand.length < 2) continue
    // The memory before the first store, and the first store's position (the chain's last element).
    mem = cand[cand.length - 1]!.store.args[2]!
    pos = cand[cand.length - 1]!.store.pos
    cand.sort((x, y) => (x.offset < y.offset ? -1 : x.offset > y.offset ? 1 : 0))
    if (cand.every((c, i) => i === 0 || c.offset === cand[i - 1]!.offset + BigInt(cand[i - 1]!.size))) {
      a = cand
      aTotal = s
      break
    }
  }
  if (a.length <= 1 || !mem) return
  const ptr = a[0]!.store.args[0]!

  /** root stores `val` of `type` at ptr; the others go. */
  const commit = (val: Value, type: SsaType): void => {
    for (const { store } of a) {
      if (store === root) {
        for (const x of root.args) dead.add(x)
        root.aux = { kind: 'type', type }
        root.pos = pos
        root.setArg(0, ptr)
        root.setArg(1, val)
        root.setArg(2, mem!)
      } else clobber(store, dead)
    }
  }

  // Constants: one wider constant, laid out in the target's byte order.
  if (a.every(({ store }) => ['Const32', 'Const16', 'Const8', 'ConstBool'].includes(store.args[1]!.op))) {
    let c = 0n
    for (const x of a) {
      const mask = (1n << BigInt(8 * x.size)) - 1n
      let s = 8n * (x.offset - a[0]!.offset)
      if (big) s = BigInt((aTotal - x.size) * 8) - s
      c |= (x.store.args[1]!.auxInt & mask) << s
    }
    const op = `Const${aTotal * 8}`
    const cv = constant(f, op, sizeType(aTotal), BigInt.asIntN(aTotal * 8, c))
    commit(cv, cv.type)
    return
  }

  // A copy: the stored values are loads from adjacent addresses on the same memory.
  let loadMem: Value | null = null
  let loadBase: Base | null = null
  let loadOff = 0n
  for (const x of a) {
    const load = x.store.args[1]!
    if (load.op !== 'Load' || load.uses !== 1 || load.type.kind === 'ptr') {
      loadMem = null
      break
    }
    const p = splitPtr(load.args[0]!)
    if (!loadMem) {
      loadMem = load.args[1]!
      loadBase = p.base
      loadOff = p.off
      continue
    }
    if (!sameBase(p.base, loadBase!) || load.args[1] !== loadMem || p.off !== loadOff + (x.offset - a[0]!.offset)) {
      loadMem = null
      break
    }
  }
  if (loadMem) {
    // The lowest load becomes the wide one.
    const load = a[0]!.store.args[1]!
    load.type = sizeType(aTotal)
    commit(load, load.type)
    return
  }

  // Pieces of one value: trunc(x >> s) at the right addresses.
  const sb = shiftBase(a)
  if (!sb || a.some((x) => !isPieceOf(x.store, sb))) return
  const shift0 = shiftOf(a[0]!.store, sb)
  let little = true
  for (let i = 1; i < a.length; i++) {
    if (shiftOf(a[i]!.store, sb) !== shift0 + (a[i]!.offset - a[0]!.offset) * 8n) {
      little = false
      break
    }
  }
  let isBig = true
  for (let i = 1, shiftedSize = 0n; i < a.length; i++) {
    shiftedSize += BigInt(a[i]!.size)
    if (shiftOf(a[i]!.store, sb) !== shift0 - shiftedSize * 8n) {
      isBig = false
      break
    }
  }
  if (!little && !isBig) return
  const swap = (little && big) || (isBig && !big)
  if (swap && a.length !== aTotal) return

  let sv = sb
  if (little && shift0 !== 0n) sv = shifted(root.block, sv, shift0, 'right', root.pos)
  const hi = shift0 - BigInt(aTotal - a[0]!.size) * 8n
  if (isBig && hi !== 0n) sv = shifted(root.block, sv, hi, 'right', root.pos)
  if (sv.type.size > aTotal) sv = truncate(root.block, sv, sv.type.size, aTotal, root.pos)
  if (swap) sv = byteSwap(root.block, sv, root.pos)
  commit(sv, sv.type)
}

/** The stored value is a piece of base: trunc(base) or trunc(base >> _). */
function isPieceOf(store: Value, base: Value): boolean {
  const v = truncated(store.args[1]!)
  if (!v) return false
  return v === base || (RSHU.has(v.op) && v.args[0] === base)
}
