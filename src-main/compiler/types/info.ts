// What the type checker tells later phases, as side tables keyed by AST node
// identity. Nothing here points back into the checker.

import type * as A from '../syntax/ast'
import type { FuncInfo } from '../../protocol/model'
import type { Constant } from './constant'
import type { BuiltinId, FuncObj, Obj, Scope, TypeNameObj, Var } from './objects'
import type { Signature, Type } from './types'

/**
 * How an expression may be used: a `constant` has a value; a `variable` is
 * addressable; `novalue` is a call without results; `type` is a type
 * written where an expression stands (conversions, make, new).
 */
export type ExprMode = 'novalue' | 'builtin' | 'type' | 'constant' | 'variable' | 'mapindex' | 'value'

export interface TypeAndValue {
  mode: ExprMode
  /** The final type: untyped constants get the type their context gave them. */
  type: Type
  value?: Constant
}

/** One step from a struct (or pointer to one) to one of its fields. */
export interface FieldStep {
  field: Var
  /** Index among the struct's fields. */
  index: number
  /** The value being selected from is a pointer and is dereferenced first. */
  deref: boolean
}

export interface FieldSelection {
  kind: 'field'
  /** Embedded fields walked through, then the selected field (last). */
  path: FieldStep[]
  field: Var
}

/**
 * How a method is selected, as gc's ops tell them apart:
 *  - `methodCall`: `x.M(…)`, called at once (ODOTMETH);
 *  - `methodValue`: `x.M` not called, a closure binding the receiver (OMETHVALUE);
 *  - `methodExpr`: `T.M` or `(*T).M`, a func whose first parameter is the receiver (OMETHEXPR).
 */
export type MethodSelectionKind = 'methodCall' | 'methodValue' | 'methodExpr'

export interface MethodSelection {
  kind: MethodSelectionKind
  /** Embedded fields walked through to reach the receiver (may be empty). */
  path: FieldStep[]
  method: FuncObj
  /**
   * How the receiver value is adjusted after the path: `addr` takes its
   * address for a pointer-receiver method (x must be addressable), `deref`
   * loads through a pointer for a value-receiver method. For `methodExpr`
   * the adjusted value is the first argument.
   */
  recvAdjust: 'none' | 'addr' | 'deref'
  /** The type selected from: x's type, or T / *T of a method expression (its first parameter's type). */
  recv: Type
}

export type Selection = FieldSelection | MethodSelection

export type CallInfo =
  | { kind: 'conversion'; to: Type }
  | { kind: 'builtin'; id: BuiltinId; /** For append/len/cap/copy/make/new/print(ln): the argument types as gc sees them. */ signature: Signature }
  /** A call of a package-level function by name, or through a local that only ever holds it (`f := g; f()`). */
  | { kind: 'direct'; func: FuncObj; signature: Signature; variadic: VariadicCall }
  /** x.M(…) (a `methodCall` selection): see TypeInfo.selections for the receiver adjustments. */
  | { kind: 'method'; func: FuncObj; signature: Signature; variadic: VariadicCall }
  /**
   * A method expression called, directly (`T.M(v, …)`) or through a local
   * variable that only ever holds it: gc calls the method directly, the first
   * argument being the receiver. `expr` is the `T.M` selector (see selections);
   * `signature` has the receiver as first parameter.
   */
  | { kind: 'methodExpr'; func: FuncObj; expr: A.Selector; signature: Signature; variadic: VariadicCall }
  /**
   * A call through a local variable that only ever holds the method value
   * `value` (`f := x.M; f()`). The method is known, but gc does not resolve
   * the callee (escape analysis treats it as a func-value call).
   */
  | { kind: 'methodValue'; func: FuncObj; value: A.Selector; signature: Signature; variadic: VariadicCall }
  /**
   * A call of a function literal, directly (`func(){…}()`) or through a local
   * variable that only ever holds that literal (gc's ir.StaticValue).
   */
  | { kind: 'closure'; closure: A.FuncLit; signature: Signature; variadic: VariadicCall }
  /** x.M(…) on an interface value: a dynamic call through the itab (OCALLINTER). */
  | { kind: 'interface'; func: FuncObj; signature: Signature; variadic: VariadicCall }
  /** Any other call through a func value. */
  | { kind: 'funcValue'; signature: Signature; variadic: VariadicCall }

/**
 * How a call to a variadic function passes its final arguments: `pack` from
 * index `from` (gc builds a slice of the remaining arguments), or `spread`
 * for `f(xs...)`. `none` for non-variadic callees.
 */
export type VariadicCall = { kind: 'none' } | { kind: 'pack'; from: number } | { kind: 'spread' }

export interface FunctionInfo {
  node: A.FuncDecl | A.FuncLit
  /** Package-level functions and methods; null for literals. */
  obj: FuncObj | null
  signature: Signature
  /** The enclosing function of a literal; null for declarations and literals in package-level initialisers. */
  parent: A.FuncDecl | A.FuncLit | null
  /** Receiver (if any) then parameters, in order. */
  params: Var[]
  results: Var[]
  /** Local variables in declaration order (not parameters or results; not those of nested literals). */
  locals: Var[]
  /** Literals only: free variables in order of first use, including those used only by nested literals. */
  captures: Var[]
  /** Function literals directly inside, in source order. */
  closures: A.FuncLit[]
}

/** One package-level initialisation, in the order gc runs them. */
export interface Initializer {
  lhs: Var[]
  rhs: A.Expr
}

export interface TypeInfo {
  /** Every checked expression (including TypeAsExpr nodes). */
  types: Map<A.Expr, TypeAndValue>
  /** The type each type expression denotes. */
  typeExprs: Map<A.TypeExpr, Type>
  /** Identifiers that declare an object (blank `_` declarations are absent). */
  defs: Map<A.Ident, Obj>
  /** Identifiers and type names that refer to an object. */
  uses: Map<A.Ident | A.TypeName, Obj>
  selections: Map<A.Selector, Selection>
  calls: Map<A.Call, CallInfo>
  functions: Map<A.FuncDecl | A.FuncLit, FunctionInfo>
  /** Where each break, continue and goto goes: the loop or switch, or the labelled statement. */
  branchTargets: Map<A.Branch, A.For | A.Range | A.Switch | A.TypeSwitch | A.Select | A.Labeled>
  /** Composite literals with an elided `&T` (elements of `[]*T{{…}}`). */
  implicitAddrLits: Set<A.CompositeLit>
  /**
   * Expressions whose value is converted implicitly to an interface type (gc's
   * implicit OCONVIFACE: assignments, arguments, results, literal elements,
   * the concrete side of a mixed comparison), keyed by the unparenthesised
   * expression, with the interface type.
   */
  ifaceConversions: Map<A.Expr, Type>
  /** Two-value uses: type assertions (`v, ok := x.(T)`, recorded as the tuple (T, bool)) and receives (`v, ok := <-ch`). */
  commaOk: Set<A.Expr>
  /** The variable a type switch binds (`switch v := x.(type)`) in each clause. */
  typeSwitchVars: Map<A.CaseClause, Var>
  /** The type of each valid case of a type switch (null: `nil`). */
  typeSwitchCases: Map<A.Expr, Type | null>
  /** Package-level objects in declaration order. */
  globals: Var[]
  funcs: FuncObj[]
  typeNames: TypeNameObj[]
  initOrder: Initializer[]
  packageScope: Scope
  /** Untyped constant shift counts and the type gc's typecheck gives them (uint; int32 for a rune): `a << 4` prints `a << uint(4)`. */
  shiftCounts: Map<A.Expr, Type>
  /** Literals whose statement gc's deadlocals removed (types/deadlocals.ts): they keep their names. */
  deadLocalLits: Set<A.FuncLit>
  /** The function outline with gc's names when dead code changed it (before deadlocals, which keeps names). */
  outline: FuncInfo[] | null
  /** Dead code was removed from the AST after checking (types/deadcode.ts): closures may be renumbered. */
  pruned: boolean
}

export function newTypeInfo(packageScope: Scope): TypeInfo {
  return {
    types: new Map(),
    typeExprs: new Map(),
    defs: new Map(),
    uses: new Map(),
    selections: new Map(),
    calls: new Map(),
    functions: new Map(),
    branchTargets: new Map(),
    implicitAddrLits: new Set(),
    ifaceConversions: new Map(),
    commaOk: new Set(),
    typeSwitchVars: new Map(),
    typeSwitchCases: new Map(),
    globals: [],
    funcs: [],
    typeNames: [],
    initOrder: [],
    packageScope,
    shiftCounts: new Map(),
    deadLocalLits: new Set(),
    outline: null,
    pruned: false,
  }
}
