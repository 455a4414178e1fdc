// writebarrier (gc's writebarrier.go): a Store, Move or Zero of a type with
// pointers into memory that may be in the heap gets the write barrier:
//
//	if runtime.writeBarrier != 0 {        // b, now an If (unlikely)
//	    buf := WB(n)                       // bThen: the pointers the GC must see
//	    buf[0] = val; buf[1] = *ptr        //   (wbZero/wbMove calls for Zero/Move)
//	}
//	*ptr = val                             // bEnd: the plain stores, then WBend
//
// Consecutive barriered stores share one test. No barrier is needed for
// stores to the stack, of values that are not heap pointers (nil, global
// addresses) into places that hold none, nor into the still-zero parts of a
// fresh allocation (runtime.newobject's result, tracked per memory state).

import { NO_POS, type Aux, type Block, type Func, type Pos, type Value } from '../func'
import { T, ptrTo, results, type SsaType } from '../types'
import { qualifiedTypeString } from '../../types/typestring'
import { constVal } from './prove/simplify'
import { memoryArg, storeOrder } from './storeorder'

const PTR_SIZE = 8
/** Write buffer entries one WB call can request (runtime's wbMaxEntriesPerCall). */
const MAX_ENTRIES = 8
/** Where the package of our programs is, for type symbols (`type:p.T`): gc is run with -p=p. */
const PKG = 'p'

interface ZeroRegion {
  base: Value
  /** Bit i: word i of base is known zero. */
  mask: bigint
}

const uintptrPtr = ptrTo(T.uintptr)

export function writebarrier(f: Func): void {
  // The SelectN [1] (memory) of each call.
  const select1 = new Map<Value, Value>()
  for (const b of f.blocks) for (const v of b.values) if (v.op === 'SelectN' && v.auxInt === 1n) select1.set(v.args[0]!, v)
  const zeroes = computeZeroMap(f, select1)

  let sb: Value | null = null
  let wbaddr: Value | null = null
  let const0: Value | null = null
  const nv = (b: Block, pos: Pos, op: string, type: SsaType, args: Value[], auxInt = 0n, aux: Aux | null = null): Value =>
    f.newValue(b, op, type, args, auxInt, aux, NOT_STMT_OPS.has(op) && pos.line !== 0 ? { ...pos, stmt: '-' } : pos)

  for (const b of [...f.blocks]) {
    let nWB = 0
    for (const v of b.values) {
      if ((v.op === 'Store' || v.op === 'Move' || v.op === 'Zero') && needwb(v, zeroes)) {
        v.op = `${v.op}WB`
        nWB++
      }
    }
    if (nWB === 0) continue
    if (!wbaddr) {
      sb = f.entry.values.find((v) => v.op === 'SB') ?? nv(f.entry, NO_POS, 'SB', T.uintptr, [])
      wbaddr = nv(f.entry, f.entry.pos, 'Addr', ptrTo(T.uint32), [sb], 0n, { kind: 'sym', name: 'runtime.writeBarrier' })
      const0 = constVal(f, 'Const32', T.uint32, 0n)
    }
    b.values = storeOrder(b.values)

    let cur = b
    while (nWB > 0) {
      const seq = lastSequence(cur.values)
      if (!seq) throw new Error(`writebarrier: ${nWB} barriered stores left in ${cur} but none found`)
      nWB -= expand(cur, seq)
    }
  }

  /** Expand one sequence of stores at the end of b; returns how many WB ops it rewrote. */
  function expand(b: Block, { start, end, last }: { start: number; end: number; last: Value }): number {
    const stores = b.values.slice(start, end)
    const after = b.values.slice(end)
    b.values = b.values.slice(0, start)
    let mem = memoryArg(stores[0]!)!
    const pos = stores[0]!.pos
    // A nil check right before the store is repeated in both branches, for late nilcheck.
    const a0 = stores[0]!.args[0]!
    const nilcheck = a0.op === 'NilCheck' && a0.args[1] === mem ? a0 : null

    const bThen = f.newBlock('Plain')
    const bEnd = f.newBlock(b.kind)
    bThen.pos = pos
    bEnd.pos = b.pos
    b.pos = pos
    bEnd.controls = b.controls
    b.controls = []
    bEnd.likely = b.likely
    bEnd.succs = b.succs
    for (const s of new Set(bEnd.succs)) s.preds = s.preds.map((p) => (p === b ? bEnd : p))
    b.succs = []

    // Test the flag: a 32-bit load, so no partial register write.
    let flag = nv(b, pos, 'Load', T.uint32, [wbaddr!, mem])
    flag = nv(b, pos, 'Neq32', T.bool, [flag, const0!])
    b.kind = 'If'
    b.setControl(flag)
    b.likely = -1
    b.addEdgeTo(bThen)
    b.addEdgeTo(bEnd)
    bThen.addEdgeTo(bEnd)

    let memThen = mem
    const nilcheckThen = nilcheck ? nv(bThen, nilcheck.pos, 'NilCheck', nilcheck.type, [nilcheck.args[0]!, memThen]) : null

    // Pointer stores first: new values and old contents into the write buffer.
    const writes: { ptr: Value; pos: Pos }[] = []
    const flush = (): void => {
      if (writes.length === 0) return
      const call = nv(bThen, pos, 'WB', results([uintptrPtr, T.mem]), [memThen], BigInt(writes.length))
      const buf = nv(bThen, pos, 'Select0', uintptrPtr, [call])
      memThen = nv(bThen, pos, 'Select1', T.mem, [call])
      writes.forEach((w, i) => {
        const slot = nv(bThen, w.pos, 'OffPtr', uintptrPtr, [buf], BigInt(i * PTR_SIZE))
        memThen = nv(bThen, w.pos, 'Store', T.mem, [slot, w.ptr, memThen], 0n, { kind: 'type', type: T.uintptr })
      })
      writes.length = 0
    }
    const addEntry = (p: Pos, ptr: Value): void => {
      writes.push({ ptr, pos: p })
      if (writes.length === MAX_ENTRIES) flush()
    }
    const srcs = new Set<Value>()
    const dsts = new Set<Value>()
    let rewritten = 0
    for (const w of stores) {
      if (w.op !== 'StoreWB') continue
      const [ptr, val] = [w.args[0]!, w.args[1]!]
      if (!srcs.has(val) && !isGlobalAddr(val)) {
        srcs.add(val)
        addEntry(w.pos, val)
      }
      if (!dsts.has(ptr) && needWBdst(ptr, w.args[2]!, zeroes)) {
        dsts.add(ptr)
        // The old value, so the GC sees what is overwritten.
        const old = nv(bThen, w.pos, 'Load', T.uintptr, [ptr === nilcheck ? nilcheckThen! : ptr, memThen])
        addEntry(w.pos, old)
      }
      rewritten++
    }
    flush()

    // Then the rare Zeros and Moves, as runtime calls.
    for (const w of stores) {
      if (w.op !== 'ZeroWB' && w.op !== 'MoveWB') continue
      const dst = w.args[0] === nilcheck ? nilcheckThen! : w.args[0]!
      const taddr = nv(b, w.pos, 'Addr', T.uintptr, [sb!], 0n, { kind: 'sym', name: `type:${linkName(storeType(w))}` })
      const fn = w.op === 'ZeroWB' ? 'runtime.wbZero' : 'runtime.wbMove'
      const args = w.op === 'ZeroWB' ? [taddr, dst] : [taddr, dst, w.args[1]!]
      const call = nv(bThen, w.pos, 'StaticCall', T.mem, [...args, memThen], BigInt(args.length * PTR_SIZE), { kind: 'call', fn })
      memThen = nv(bThen, w.pos, 'SelectN', T.mem, [call], 0n)
      rewritten++
    }

    // Merge memory, then the plain stores.
    mem = nv(bEnd, pos, 'Phi', T.mem, [mem, memThen])
    const nilcheckEnd = nilcheck ? nv(bEnd, nilcheck.pos, 'NilCheck', nilcheck.type, [nilcheck.args[0]!, mem]) : null
    for (const w of stores) {
      const dst = w.args[0] === nilcheck && nilcheck ? nilcheckEnd! : w.args[0]!
      switch (w.op) {
        case 'StoreWB':
        case 'Store':
          mem = nv(bEnd, w.pos, 'Store', T.mem, [dst, w.args[1]!, mem], 0n, w.aux)
          break
        case 'ZeroWB':
          mem = nv(bEnd, w.pos, 'Zero', T.mem, [dst, mem], w.auxInt, w.aux)
          break
        case 'MoveWB':
          mem = nv(bEnd, w.pos, 'Move', T.mem, [dst, w.args[1]!, mem], w.auxInt, w.aux)
          break
        case 'VarDef':
        case 'VarLive':
          mem = nv(bEnd, w.pos, w.op, T.mem, [mem], 0n, w.aux)
      }
    }
    // The last store becomes WBend (its uses stay), marking the end of the preemption-unsafe code.
    for (const w of stores) if (w !== last) w.setArgs([])
    last.reset('WBend')
    last.type = T.mem
    last.pos = { ...last.pos, stmt: '-' }
    last.block = bEnd
    last.addArg(mem)
    bEnd.values.push(last)
    if (nilcheck && nilcheck.uses === 0) {
      nilcheck.reset('Invalid')
      nilcheck.block.values = nilcheck.block.values.filter((v) => v !== nilcheck)
    }
    for (const w of after) w.block = bEnd
    bEnd.values.push(...after)
    return rewritten
  }
}

/** Ops gc never makes statement boundaries (numberlines.go notStmtBoundary). */
const NOT_STMT_OPS = new Set(['Copy', 'Phi', 'VarDef', 'VarLive', 'Unknown', 'FwdRef', 'Arg', 'ArgIntReg', 'ArgFloatReg'])

/**
 * The last run of barriered stores in the block (plain stores, at most two
 * in a row, and VarDef/VarLive may sit between them), as indices.
 */
function lastSequence(values: Value[]): { start: number; end: number; last: Value } | null {
  let last: Value | null = null
  let start = 0
  let end = 0
  let nonPtrStores = 0
  let hasMove = false
  for (let i = values.length - 1; i >= 0; i--) {
    const w = values[i]!
    if (w.op === 'StoreWB' || w.op === 'MoveWB' || w.op === 'ZeroWB') {
      start = i
      if (!last) {
        last = w
        end = i + 1
      }
      nonPtrStores = 0
      if (w.op === 'MoveWB') hasMove = true
    } else if (w.op === 'VarDef' || w.op === 'VarLive') {
      continue
    } else if (w.op === 'Store') {
      if (!last) continue
      // A plain store before a wbMove may write its source (#71228).
      if (++nonPtrStores > 2 || hasMove) break
    } else if (last) break
  }
  return last ? { start, end, last } : null
}

function storeType(v: Value): SsaType {
  if (v.aux?.kind !== 'type') throw new Error(`writebarrier: ${v} ${v.op} has no type aux`)
  return v.aux.type
}

const BUILTIN_TYPES = new Set([
  'bool', 'int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr',
  'float32', 'float64', 'complex64', 'complex128', 'string', 'error', 'any', 'unsafe.Pointer',
])

/** gc's link name of a type: named types qualified by their package (`[]p.T`). */
export function linkName(t: SsaType): string {
  if (t.go) return qualifiedTypeString(t.go, PKG)
  // A type read from a dump: a bare identifier that is not predeclared is one of the package's.
  const s = t.str
  if (/^[A-Za-z_]\w*$/.test(s)) return BUILTIN_TYPES.has(s) ? s : `${PKG}.${s}`
  switch (t.kind) {
    case 'ptr':
      if (s.startsWith('*') && t.elem) return `*${linkName(t.elem)}`
      break
    case 'slice':
      if (s.startsWith('[]') && t.elem) return `[]${linkName(t.elem)}`
      break
    case 'array':
      if (s.startsWith('[') && t.elem) return `[${t.len}]${linkName(t.elem)}`
      break
    case 'struct':
      if (s.startsWith('struct {') && t.fields?.length) return `struct { ${t.fields.map((f) => `${f.name} ${linkName(f.type)}`).join('; ')} }`
  }
  return s
}

const stripOffsets = (v: Value): Value => {
  while (v.op === 'OffPtr' || v.op === 'AddPtr' || v.op === 'PtrIndex' || v.op === 'Copy') v = v.args[0]!
  return v
}

/** An address on the stack: no barrier ever. */
export function isStackAddr(v: Value): boolean {
  return ['SP', 'LocalAddr', 'SelectNAddr', 'GetCallerSP'].includes(stripOffsets(v).op)
}

/** The address of a global (or nil): never a heap pointer. */
export function isGlobalAddr(v: Value): boolean {
  v = stripOffsets(v)
  if (v.op === 'Addr' && v.args[0]!.op === 'SB') return true
  if (v.op === 'ConstNil') return true
  return v.op === 'Load' && isReadOnlyGlobalAddr(v.args[0]!)
}

/**
 * Read-only data, which holds no heap pointers. gc asks the symbol's section;
 * dumps show only names: type descriptors and string data are read-only.
 */
function isReadOnlyGlobalAddr(v: Value): boolean {
  if (v.op === 'ConstNil') return true
  if (v.op !== 'Addr' || v.aux?.kind !== 'sym') return false
  return v.aux.name.startsWith('type:') || v.aux.name.startsWith('go:string.')
}

/** Might [ptr, ptr+size) hold heap pointers at memory state mem? */
function mightContainHeapPointer(ptr: Value, size: number, mem: Value, zeroes: Map<Value, ZeroRegion>): boolean {
  if (isReadOnlyGlobalAddr(ptr)) return false
  let off = 0
  while (ptr.op === 'OffPtr') {
    off += ptr.auxInt64
    ptr = ptr.args[0]!
  }
  if (off % PTR_SIZE !== 0) return true // go.dev/issue/61187
  if (size % PTR_SIZE !== 0) throw new Error(`writebarrier: unaligned pointer write of ${size} bytes`)
  if (off < 0 || off + size > 64 * PTR_SIZE) return true
  const z = zeroes.get(mem)
  if (!z || z.base !== ptr) return true
  const m = ((1n << BigInt(size / PTR_SIZE)) - 1n) << BigInt(off / PTR_SIZE)
  return (z.mask & m) !== m
}

function needwb(v: Value, zeroes: Map<Value, ZeroRegion>): boolean {
  const t = storeType(v)
  if (!t.hasPointers) return false
  const dst = v.args[0]!
  if (isStackAddr(dst)) return false
  // Zero and Move carry their size; a Store's is its type's.
  const size = v.op === 'Store' ? t.size : v.auxInt64
  if (mightContainHeapPointer(dst, size, memoryArg(v)!, zeroes)) return true
  switch (v.op) {
    case 'Store':
      return !isGlobalAddr(v.args[1]!)
    case 'Zero':
      return false // nil is not a heap pointer
    case 'Move':
      return mightContainHeapPointer(v.args[1]!, size, v.args[2]!, zeroes)
  }
  throw new Error(`writebarrier: unknown store op ${v.op}`)
}

/** Must the GC see what *ptr held (unless it is known zero)? */
function needWBdst(ptr: Value, mem: Value, zeroes: Map<Value, ZeroRegion>): boolean {
  let off = 0
  while (ptr.op === 'OffPtr') {
    off += ptr.auxInt64
    ptr = ptr.args[0]!
  }
  if (off % PTR_SIZE !== 0) return true
  if (off < 0 || off >= 64 * PTR_SIZE) return true
  const z = zeroes.get(mem)
  if (!z || z.base !== ptr) return true
  return ((z.mask >> BigInt(off / PTR_SIZE)) & 1n) === 0n
}

/** A fresh zeroed object (runtime.newobject or a size-specialized malloc), and the memory state where it is zero. */
function isNewObject(v: Value, select1: Map<Value, Value>): Value | null {
  if (v.op !== 'SelectN' || v.auxInt !== 0n) return null
  const mem = select1.get(v.args[0]!)
  if (!mem) return null
  const call = mem.args[0]!
  // StaticLECall: our own functions still have it where 'expand calls' is not modelled.
  if ((call.op !== 'StaticCall' && call.op !== 'StaticLECall') || call.aux?.kind !== 'call') return null
  const fn = call.aux.fn
  const specialized = /^runtime\.(mallocgcSmallNoScanSC|mallocgcSmallScanNoHeaderSC|mallocgcTinySize)/.test(fn)
  if (!(fn === 'runtime.newobject' || (specialized && v.type.kind !== 'unsafeptr'))) return null
  return v.args[0] === call ? mem : null
}

/** For each memory state, which of the first 64 words of one fresh object are still zero. */
function computeZeroMap(f: Func, select1: Map<Value, Value>): Map<Value, ZeroRegion> {
  const zeroes = new Map<Value, ZeroRegion>()
  for (const b of f.blocks) {
    for (const v of b.values) {
      const mem = isNewObject(v, select1)
      if (!mem) continue
      const nptr = Math.min(64, Math.floor((v.type.elem?.size ?? 0) / PTR_SIZE))
      zeroes.set(mem, { base: v, mask: (1n << BigInt(nptr)) - 1n })
    }
  }
  for (let changed = true, rounds = 0; changed; rounds++) {
    if (rounds > 10_000) throw new Error('writebarrier: zero map does not converge')
    changed = false
    for (const b of f.blocks) {
      for (const v of b.values) {
        if (v.op !== 'Store') continue
        const z = zeroes.get(memoryArg(v)!)
        if (!z) continue
        let ptr = v.args[0]!
        let off = 0
        let size = storeType(v).size
        while (ptr.op === 'OffPtr') {
          off += ptr.auxInt64
          ptr = ptr.args[0]!
        }
        if (ptr !== z.base) continue // another object, or an alias: nothing known
        // Round out to whole pointer words.
        const d = off % PTR_SIZE // truncated, like Go's %
        off -= d
        size += d
        if (size % PTR_SIZE !== 0) size += PTR_SIZE - (size % PTR_SIZE)
        let mask = z.mask
        for (let i = Math.max(off, 0); i < Math.min(off + size, 64 * PTR_SIZE); i += PTR_SIZE) mask &= ~(1n << BigInt(i / PTR_SIZE))
        if (mask === 0n) continue
        const old = zeroes.get(v)
        if (!old || old.base !== z.base || old.mask !== mask) {
          zeroes.set(v, { base: z.base, mask })
          changed = true
        }
      }
    }
  }
  return zeroes
}

