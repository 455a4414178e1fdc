// Walking one function's body into its batch's graph (gc's escape struct):
// the walker's state and helpers. The walk itself lives by gc's seams in
// stmt.ts (statements), expr.ts (expressions), call.ts (calls and builtins)
// and assign.ts (destinations and assignments), installed on the prototype
// below; wrapper.ts walks compiler-generated wrapper bodies.

import type * as A from '../syntax/ast'
import type { TypeInfo } from '../types/info'
import type { Var } from '../types/objects'
import type { Type } from '../types/types'
import type { AllocSite, BatchBuilder } from './build'
import type { Frame, TempVar, VarKey } from './frames'
import { stripParens, type GcPrinter } from './gcfmt'
import type { Note } from './graph'
import { holeTo, type Hole } from './holes'
import type { FnUnit } from './units'
import { gcPos, hasPointers, isUntyped } from './utils'
import { walkCode } from '../syntax/children'
import { WrapperWalker } from './wrapper'
import { stmtMethods } from './stmt'
import { exprMethods } from './expr'
import { callMethods } from './call'
import { assignMethods } from './assign'
import { unsafeMethods } from './unsafe'
import { mapMethods } from './maps'
import { ifaceMethods } from './iface'
import { concurMethods } from './concur'
import { dotTypeMethods } from './dottype'

/** A destination or source that is not an AST expression: a temporary or a variable named by the compiler. */
export type Named = { named: VarKey }
export type Dst = A.Expr | Named | null
export type Src = A.Expr | Named | null

export interface StmtRef {
  /** Identity compared with Name.Defn. */
  id: object
  /** gc's position of the statement (its operator, `return`, `range`). */
  pos: number
  /** gc's %v of the statement. */
  print: () => string
  range?: boolean
}

type Seams = typeof stmtMethods & typeof exprMethods & typeof callMethods & typeof assignMethods & typeof unsafeMethods & typeof mapMethods & typeof ifaceMethods & typeof concurMethods & typeof dotTypeMethods
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface FnWalker extends Seams {}

/** Walks one function's body into the batch's graph (gc's escape struct). */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class FnWalker {
  loopDepth = 1
  readonly labels = new Map<A.Labeled, 'looping' | 'nonlooping'>()
  /** In a rewritten three-clause loop, the temporaries its init statement assigns instead of the loop variables. */
  readonly loopInitTemps = new Map<Var, TempVar>()
  readonly frame: Frame
  readonly info: TypeInfo
  readonly p: GcPrinter
  readonly text: string

  constructor(
    readonly b: BatchBuilder,
    readonly unit: FnUnit,
  ) {
    this.frame = b.env.frames.get(unit)!
    this.info = b.env.info
    this.p = b.env.printer
    this.text = b.env.source.text
  }

  walkFunc(): void {
    if (this.unit.wrapper) return new WrapperWalker(this.b, this.unit, this).walk()
    const body = this.unit.decl?.body ?? this.unit.lit?.body
    if (!body) return // a declaration without body: paramTag's rule (analyze.ts)
    this.findLoopingLabels(body)
    this.stmts(body.stmts)
  }

  /** A walker for a closure's body, which gc walks where the literal appears. */
  child(unit: FnUnit): FnWalker {
    return new FnWalker(this.b, unit)
  }

  pos(e: A.Expr): number {
    return gcPos(e, this.text)
  }

  exprNote(why: string, e: A.Expr, pos = this.pos(e)): Note {
    return this.b.note(why, pos, () => this.p.expr(e))
  }

  stmtNote(why: string, where: StmtRef): Note {
    return this.b.note(why, where.pos, where.print)
  }

  typeOf(e: A.Expr): Type | undefined {
    return this.info.types.get(stripParens(e))?.type
  }

  /**
   * Values without pointers flow nowhere: gc points the hole at the blank
   * location, keeping its derefs and addrtaken (`_ = *&a` still takes a's address).
   */
  scalarCut(k: Hole, t: Type | undefined): Hole {
    return k.derefs >= 0 && t && !isUntyped(t) && !hasPointers(t) ? { ...k, dst: this.b.discard.dst } : k
  }

  spill(k: Hole, site: AllocSite, display: () => string, pos: number): Hole {
    return this.b.spill(k, site, display, pos, this.loopDepth, this.unit)
  }

  tee(...ks: Hole[]): Hole {
    return this.b.tee(this.unit, this.loopDepth, ks)
  }

  localVar(e: A.Expr): Var | null {
    const x = stripParens(e)
    if (x.kind !== 'Ident') return null
    const v = this.info.uses.get(x) ?? this.info.defs.get(x)
    return v?.kind === 'var' && v.varKind !== 'global' && v.varKind !== 'field' ? v : null
  }

  dcl(v: VarKey): void {
    this.b.oldLoc(v).loopDepth = this.loopDepth
  }

  /** gc's e.dcl: declares v and returns the hole that assigns it. */
  dclHole(v: VarKey): Hole {
    this.dcl(v)
    return holeTo(this.b.oldLoc(v))
  }

  /** gc: a label is looping when a goto after it jumps back to it. */
  findLoopingLabels(body: A.Block): void {
    walkCode(body, (s) => {
      if (s.kind === 'FuncLit') return false
      if (s.kind === 'Labeled' && s.label.name !== '_') this.labels.set(s, 'nonlooping')
      if (s.kind === 'Branch' && s.tok === 'goto') {
        const target = this.info.branchTargets.get(s)
        if (target?.kind === 'Labeled' && this.labels.get(target) === 'nonlooping') this.labels.set(target, 'looping')
      }
      return true
    })
  }

}

Object.assign(FnWalker.prototype, stmtMethods, exprMethods, callMethods, assignMethods, unsafeMethods, mapMethods, ifaceMethods, concurMethods, dotTypeMethods)
