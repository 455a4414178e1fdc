// Maps in escape analysis, as gc's escape package sees them: a map is an
// allocation (`make(map…)` and map literals spill into a location of their
// own), and everything stored in a map goes to the heap (map literal keys
// and values, the key of `m[k] = v`; the value goes there because the
// destination hole of a map put is the heap). Reading `m[k]` and `len(m)`,
// and `delete`, flow nothing; `clear(m)` mutates m. Methods of FnWalker.

import type * as A from '../syntax/ast'
import { under } from '../types/types'
import { stripParens } from './gcfmt'
import { note, type Hole } from './holes'
import type { FnWalker } from './walker'

/** Whether e is `m[k]` on a map (gc's OINDEXMAP). */
export function isMapIndex(w: FnWalker, e: A.Index): boolean {
  if (e.kind !== 'Index') return false
  const t = w.typeOf(e.x)
  return !!t && under(t).kind === 'map'
}

export const mapMethods = {
  /** `v, ok = m[k]` (gc's OAS2MAPR). */
  isCommaOkMapIndex(this: FnWalker, e: A.Expr): boolean {
    const x = stripParens(e)
    return x.kind === 'Index' && isMapIndex(this, x)
  },

  /** `m[k]` read: map and key are only evaluated. */
  mapIndexExpr(this: FnWalker, e: A.Index): void {
    this.discardExpr(e.x)
    this.discardExpr(e.index)
  },

  /** `m[k] = …` (gc's addr of OINDEXMAP): the key is stored in the map, the value goes to the heap. */
  mapIndexAddr(this: FnWalker, e: A.Index): Hole {
    this.discardExpr(e.x)
    this.assignHeap(e.index, 'key of map put', e)
    return this.b.heap
  },

  /** `map[K]V{k: v, …}`: the map is an allocation; its keys and values are stored in the heap. */
  mapLit(this: FnWalker, k: Hole, e: A.CompositeLit): void {
    this.spill(k, { kind: 'maplit', node: e }, () => this.p.expr(e), this.pos(e))
    for (const elt of e.elts) {
      if (elt.kind !== 'KeyValue') continue
      this.assignHeap(elt.key, 'map literal key', e)
      this.assignHeap(elt.value, 'map literal value', e)
    }
  },

  /** `make(map[K]V[, hint])`: an allocation; the hint is only evaluated. */
  makeMap(this: FnWalker, k: Hole, e: A.Call): void {
    this.spill(k, { kind: 'makemap', node: e }, () => this.p.expr(e), e.lparen)
    if (e.args[1]) this.discardExpr(e.args[1])
  },

  /** gc's assignHeap: evaluates src into the heap, noted `why` at `where`. */
  assignHeap(this: FnWalker, src: A.Expr, why: string, where: A.Expr): void {
    this.expr(note(this.b.heap, this.exprNote(why, where)), src)
  },
}
