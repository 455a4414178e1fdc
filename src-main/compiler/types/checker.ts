// The checker's shared state: where we are (scope, function, declaration),
// what we have recorded, and how errors are reported. The checking itself
// lives in the other modules of this folder, as functions over a Checker.

import type * as A from '../syntax/ast'
import type { SourceText } from '../syntax/source'
import type { Constant } from './constant'
import { Reporter, type SubError } from './errors'
import type { ExprMode, FunctionInfo, TypeInfo } from './info'
import { newTypeInfo } from './info'
import { Scope, type Obj, type TypeNameObj, type Var } from './objects'
import { operandString, type Operand, type OperandMode } from './operand'
import { startPos } from './positions'
import type { BasicType, NamedType, Signature, Type } from './types'
import { defaultType, isUntyped } from './types'
import { universe } from './universe'
import type { VarMark } from './deadcode'

/** The function whose body is being checked. */
export interface FuncContext {
  node: A.FuncDecl | A.FuncLit
  sig: Signature
  info: FunctionInfo
  parent: FuncContext | null
}

/** A package-level declaration: its state for lazy, cycle-aware resolution and its init dependencies. */
export interface DeclInfo {
  obj: Obj
  state: 'unresolved' | 'resolving' | 'resolved'
  /** Package-level vars, consts and funcs its initialiser or body refers to, in first-use order. */
  deps: Set<Obj>
  /** The syntax it came from. */
  node: A.FuncDecl | A.ValueSpec | A.ConstSpec | A.TypeSpec
  /** Which name of the spec this object is (consts and vars). */
  index: number
  /** Consts and vars: the type is known (declared, or inferred already). */
  typeSet: boolean
  /** Vars: all names of a `var a, b = f()` spec share the one initialiser. */
  lhs?: Var[]
}

interface UntypedInfo {
  mode: OperandMode
  type: BasicType
  val?: Constant
  /** The left operand of a non-constant shift: its final type must be an integer. */
  isLhs: boolean
}

export class Checker {
  readonly errors: Reporter
  readonly info: TypeInfo
  readonly pkgScope: Scope
  /** Imported package names: the file scope, inside the package scope (declarations resolve from here). */
  readonly fileScope: Scope
  /** Every file's scope (its imports), by the offset where the file starts. */
  readonly fileScopes: { pos: number; scope: Scope }[]
  scope: Scope
  fn: FuncContext | null = null
  /** The package-level declaration being checked, for init-order dependencies. */
  decl: DeclInfo | null = null
  /** The value of iota inside a constant declaration. */
  iota: Constant | null = null
  /** The selector being called right now: `x.M` there is a method call, elsewhere a method value. */
  calleeSelector: A.Selector | null = null
  /** Where errors inside an inherited constant initialiser are reported (the constant's name). */
  errpos: number | null = null
  /** A call or receive was seen (len(arr) is constant only without them). */
  hasCallOrRecv = false
  readonly declInfos = new Map<Obj, DeclInfo>()
  /** Package-level objects being resolved, innermost last (for cycle reports). */
  readonly objPath: Obj[] = []
  readonly untyped = new Map<A.Expr, UntypedInfo>()
  /** Each function's outermost scope (parameters and body share it). */
  readonly funcScopes = new Map<A.FuncDecl | A.FuncLit, Scope>()
  /** The type written on the right of each `type T …` (the underlying type comes from it). */
  readonly namedRHS = new Map<NamedType, Type>()
  /** Named types checked not to contain themselves. */
  readonly validTypes = new Set<NamedType>()
  /** Aliases on the right of `type T A` (reported as part of recursive-type cycles). */
  readonly namedAliases = new Map<NamedType, TypeNameObj[]>()
  /** Named types found to contain themselves by value. */
  readonly infiniteTypes = new Set<NamedType>()
  /** Local variables initialised with a func literal, method value or method expression (staticfuncs.ts). */
  readonly staticFuncVars = new Map<Var, A.FuncLit | A.Selector | A.Ident>()
  /** Calls through such variables; resolved once we know the variable is never reassigned. */
  readonly staticFuncCalls: { call: A.Call; v: Var }[] = []
  /** Where variables were marked address-taken or reassigned (dead code pruning keeps only live marks). */
  readonly varMarks: VarMark[] = []

  /** Variables a `for … := range` declares: their static value is the range, never a conversion gc could devirtualize. */
  readonly rangeVars = new Set<Var>()

  private ticks = 0

  constructor(
    readonly file: A.File,
    readonly source: SourceText,
    private readonly checkCancelled: () => void = () => {},
    /** Offsets where each file of a several-file package starts (package.ts); one file scope per file. */
    fileStarts: number[] = [0],
  ) {
    this.errors = new Reporter(source)
    this.pkgScope = new Scope(universe)
    this.fileScopes = fileStarts.map((pos) => ({ pos, scope: new Scope(this.pkgScope) }))
    this.fileScope = this.fileScopes[0]!.scope
    this.scope = this.fileScope
    this.info = newTypeInfo(this.pkgScope)
  }

  /** Counts a unit of work (a declaration, a function body); every few hundred, asks whether the check was abandoned. */
  tick(): void {
    if ((++this.ticks & 0xff) === 0) this.checkCancelled()
  }

  get text(): string {
    return this.source.text
  }

  // ------------------------------------------------------------ errors

  /** An error at the start of expression e (types2's errorf(x, …)). */
  errorAt(e: A.Expr, msg: string): void {
    this.errorParts(startPos(e, this.text), e.end, [{ msg }])
  }

  errorAtPos(pos: number, msg: string, end = pos): void {
    this.errorParts(pos, end, [{ msg }])
  }

  /** An error whose first part is at `pos`; the others carry their own positions. */
  errorParts(pos: number, end: number, parts: SubError[]): void {
    if (this.errpos !== null) pos = end = this.errpos
    const [first, ...rest] = parts
    this.errors.report(pos, end, [{ pos, msg: first!.msg }, ...rest])
  }

  /** An error about operand x, placed at its expression. */
  errorOperand(x: Operand, msg: string): void {
    if (x.expr) this.errorAt(x.expr, msg)
    else this.errorAtPos(0, msg)
  }

  unsupported(pos: number, end: number, what: string): void {
    this.errorParts(pos, end, [{ msg: `unsupported: ${what}` }])
  }

  str(x: Operand): string {
    return operandString(x)
  }

  // ------------------------------------------------------------ scopes

  openScope(isFunc = false): Scope {
    this.scope = new Scope(this.scope, isFunc)
    return this.scope
  }

  closeScope(): void {
    this.scope = this.scope.parent!
  }

  /** The scope of the file holding offset `pos`. */
  fileScopeAt(pos: number): Scope {
    let scope = this.fileScope
    for (const f of this.fileScopes) if (f.pos <= pos) scope = f.scope
    return scope
  }

  lookup(name: string): Obj | undefined {
    return this.scope.lookup(name)
  }

  // ------------------------------------------------------------ recording

  recordDef(id: A.Ident, obj: Obj | null): void {
    if (obj && id.name !== '_') this.info.defs.set(id, obj)
  }

  recordUse(id: A.Ident | A.TypeName, obj: Obj): void {
    this.info.uses.set(id, obj)
  }

  /** Records x's type, or remembers it for later when it is still untyped. */
  record(x: Operand): void {
    if (!x.expr || x.mode === 'invalid') return
    if (isUntyped(x.type) && x.mode !== 'type') {
      const info: UntypedInfo = { mode: x.mode, type: x.type as BasicType, isLhs: false }
      if (x.val) info.val = x.val
      this.untyped.set(x.expr, info)
      return
    }
    this.recordTypeAndValue(x.expr, x.mode, x.type, x.val)
  }

  recordTypeAndValue(e: A.Expr, mode: OperandMode, type: Type, val?: Constant): void {
    if (mode === 'invalid') return
    const m: ExprMode = mode === 'nil' || mode === 'commaok' ? 'value' : mode
    this.info.types.set(e, val && mode === 'constant' ? { mode: m, type, value: val } : { mode: m, type })
  }

  /** Expressions still untyped at the end get their default type (nil stays untyped nil). */
  flushUntyped(): void {
    for (const [e, u] of this.untyped) {
      this.tick()
      this.recordTypeAndValue(e, u.mode, defaultType(u.type), u.val)
    }
    this.untyped.clear()
  }

  // ------------------------------------------------------------ package-level dependencies

  /** Notes that the current package-level declaration depends on obj. */
  addDeclDep(obj: Obj): void {
    if (!this.decl || !this.declInfos.has(obj)) return
    this.decl.deps.add(obj)
  }
}
