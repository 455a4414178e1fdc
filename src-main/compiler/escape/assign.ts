// Destinations and assignments (gc's escape/assign.go): the hole a store
// goes to, stores through pointers as mutations, self-assignments ignored,
// and which locations count as reassigned. Methods of FnWalker (walker.ts).

import type * as A from '../syntax/ast'
import type { FieldStep } from '../types/info'
import { under } from '../types/types'
import type { VarKey } from './frames'
import { isBlank, stripParens } from './gcfmt'
import { holeTo, note, type Hole } from './holes'
import { isMapIndex } from './maps'
import { isSelfAssign } from './utils'
import type { Dst, FnWalker, Src, StmtRef } from './walker'

export const assignMethods = {
  /** gc's escape.addr: the hole for storing into dst. */
  addrOf(this: FnWalker, dst: Dst): Hole {
    if (!dst) return this.b.discard
    if ('named' in dst) return holeTo(this.b.oldLoc(dst.named))
    const e = stripParens(dst)
    if (isBlank(e)) return this.b.discard
    switch (e.kind) {
      case 'Ident': {
        const v = this.localVar(e)
        return v ? holeTo(this.b.oldLoc(v)) : this.b.heap
      }
      case 'Selector': {
        const s = this.info.selections.get(e)
        if (s?.kind !== 'field') return this.b.heap
        // Innermost-last: x.a.b is ODOT(ODOT(x, a), b).
        for (let j = s.path.length - 1; j >= 0; j--) {
          if (s.path[j]!.deref) {
            this.mutatePath(e, s.path, j)
            return this.b.heap
          }
        }
        return this.addrOf(e.x)
      }
      case 'Index': {
        if (isMapIndex(this, e)) return this.mapIndexAddr(e)
        this.discardExpr(e.index)
        const xt = this.typeOf(e.x)
        const u = xt && under(xt)
        if (u?.kind === 'array') return this.addrOf(e.x)
        this.mutate(e.x)
        return this.b.heap
      }
      case 'Star':
        this.mutate(e.x)
        return this.b.heap
      default:
        throw new Error(`escape: unexpected assignment destination ${e.kind}`)
    }
  },

  mutate(this: FnWalker, e: A.Expr): void {
    this.expr(this.b.mutator, e)
  },

  /** Evaluates the prefix x.steps[0..j) into the mutator hole (the pointer being stored through). */
  mutatePath(this: FnWalker, e: A.Selector, steps: FieldStep[], j: number): void {
    this.fieldPath(this.b.mutator, e, steps, j)
  },

  assignList(this: FnWalker, dsts: Dst[], srcs: Src[], why: string, where: StmtRef): void {
    const ks = dsts.map((d) => this.addrOf(d))
    const n = this.stmtNote(why, where)
    ks.forEach((k, i) => {
      const src = srcs[i] ?? null
      const dst = dsts[i]
      if (dst && src && !('named' in dst) && !('named' in src) && isSelfAssign(this.info, dst, src)) {
        this.b.line(where.pos, `${this.unit.name} ignoring self-assignment in ${where.print()}`, 1)
        k = this.b.discard
      }
      if (src) this.exprOrNamed(note(k, n), src)
    })
    this.reassigned(ks, where)
  },

  reassigned(this: FnWalker, ks: Hole[], where: Pick<StmtRef, 'id' | 'range'>): void {
    for (const k of ks) {
      const loc = k.dst
      const ref = loc.ref as VarKey | null
      if (ref && !where.range && this.b.env.defn.get(ref) === where.id) continue
      loc.reassigned = true
    }
  },
}
