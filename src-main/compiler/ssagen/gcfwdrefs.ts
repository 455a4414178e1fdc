// gc's FwdRefs, shadowed for its value ids (ssa/gcids.ts). Our builder
// resolves a variable read on the spot (Braun et al.); gc instead makes a
// FwdRef value at every first read of a variable a block did not define
// (s.variable), then, once the function is built, resolves them from a
// stack (simplePhiState.insertPhis): each becomes a Phi when two different
// values reach it, else a Copy, and looking a variable up at the end of a
// predecessor that neither defines nor reads it makes one more FwdRef there.
// Ids are handed out in that order, so this replays it on the side: a read
// records a FwdRef with the id gc gives it then; `finish` runs gc's
// resolution to number the later ones; our values made by the lookups take
// the id of gc's FwdRef in their block for their variable, and FwdRefs we
// have no value for (the Copies) stay as ghosts freed by the first deadcode.

import type { Block, Func, Value } from '../ssa/func'

interface FwdRef {
  id: number
  block: Block
  key: object
  /** Our value for it, when our lookup made one (Phi, Copy, Unknown). */
  value: Value | null
  /** Made by the resolution (at the end of its block), not at a read. */
  late: boolean
  /** The value before it in its block (null: first). */
  after: Value | null
}

type Def = Value | FwdRef

export class GcFwdRefs {
  /** Each block's definitions as gc's defvars holds them at the end of construction. */
  private readonly defs = new Map<Block, Map<object, Def>>()
  private readonly fwd = new Map<Block, Map<object, FwdRef>>()
  /** In the order gc finds them: blocks in order, each block's in creation order. */
  private readonly made: { v: Value; block: Block; key: object }[] = []

  constructor(private readonly f: Func) {}

  /** A definition of key in b by the program (not by our lookups). */
  define(b: Block, key: object, v: Value): void {
    this.defsOf(b).set(key, v)
  }

  /** A read of key in b (the current block): the first one b did not define makes gc's FwdRef, numbered now. */
  read(b: Block, key: object): void {
    const d = this.defsOf(b)
    if (d.has(key)) return
    let m = this.fwd.get(b)
    if (!m) this.fwd.set(b, (m = new Map()))
    const r: FwdRef = { id: this.f.gcIds.alloc(), block: b, key, value: null, after: b.values[b.values.length - 1] ?? null, late: false }
    m.set(key, r)
    d.set(key, r)
  }

  /** A value our lookup of key made in b: it stands for gc's FwdRef there. */
  lookedUp(v: Value, b: Block, key: object): void {
    this.made.push({ v, block: b, key })
  }

  /** A definition replaced everywhere (the entry's last memory, extended after the fact). */
  replace(old: Value, now: Value): void {
    for (const m of this.defs.values()) for (const [k, d] of m) if (d === old) m.set(k, now)
  }

  /** The function is built: resolve the FwdRefs in gc's order, then give our lookups' values their ids. */
  finish(): void {
    const reachable = reachableBlocks(this.f)
    const stack: FwdRef[] = []
    for (const b of this.f.blocks) for (const r of this.fwd.get(b)?.values() ?? []) stack.push(r)
    const outgoing = (start: Block, key: object): Def => {
      let b = start
      for (;;) {
        const d = this.defs.get(b)?.get(key)
        if (d) return d
        if (b.preds.length !== 1) break
        b = b.preds[0]!
        if (!reachable.has(b)) break
      }
      let m = this.fwd.get(b)
      if (!m) this.fwd.set(b, (m = new Map()))
      // Made after construction: at the end of the block.
      const r: FwdRef = { id: this.f.gcIds.alloc(), block: b, key, value: null, after: b.values[b.values.length - 1] ?? null, late: true }
      m.set(key, r)
      this.defsOf(b).set(key, r)
      stack.push(r)
      return r
    }
    // Only the numbering matters here: whether each becomes a Phi or a Copy, our values already say.
    while (stack.length > 0) {
      const r = stack.pop()!
      if (!reachable.has(r.block)) continue
      for (const p of r.block.preds) outgoing(p, r.key)
    }
    for (const { v, block, key } of this.made) {
      const r = this.fwd.get(block)?.get(key)
      if (r && !r.value) {
        r.value = v
        v.gcId = r.id
      }
    }
    for (const b of this.f.blocks) {
      const late: Value[] = []
      for (const r of this.fwd.get(b)?.values() ?? []) {
        if (!r.value) this.f.gcIds.addGhost(b, { id: r.id, after: r.after, invalid: false })
        else if (r.late && r.value.block === b) late.push(r.value)
      }
      // gc's resolution appends its FwdRefs to the block's end in the order it makes them: so do ours (the order deadcode frees them in).
      if (late.length > 1 || (late.length === 1 && b.values[b.values.length - 1] !== late[0])) {
        const moved = new Set(late)
        b.values = [...b.values.filter((v) => !moved.has(v)), ...late.sort((x, y) => x.gcId - y.gcId)]
      }
    }
    this.f.gcIds.settle(this.f.blocks)
  }

  private defsOf(b: Block): Map<object, Def> {
    let m = this.defs.get(b)
    if (!m) this.defs.set(b, (m = new Map()))
    return m
  }
}

function reachableBlocks(f: Func): Set<Block> {
  const seen = new Set<Block>([f.entry])
  const work = [f.entry]
  while (work.length > 0) for (const s of work.pop()!.succs) if (!seen.has(s)) (seen.add(s), work.push(s))
  return seen
}
