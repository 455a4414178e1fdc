// The typed syntax tree of one Go file, independent of tree-sitter. Positions
// are UTF-16 offsets into the source text; SourceText turns them into gc's
// line:col. Nodes are plain objects so later phases can annotate side tables
// keyed by node identity (Map<Node, …>) without mutating the tree.

export interface Span {
  /** Offset of the node's first character. */
  pos: number
  /** Offset just past the node's last character. */
  end: number
}

// ---------------------------------------------------------------- types

export type TypeExpr = TypeName | QualifiedType | PointerType | ArrayType | SliceType | StructType | FuncType | MapType | InterfaceType | ChanType

/** A named type: `int`, `T`. */
export interface TypeName extends Span {
  kind: 'TypeName'
  name: string
}

/** A type from an imported package: `unsafe.Pointer`. */
export interface QualifiedType extends Span {
  kind: 'QualifiedType'
  pkg: Ident
  sel: Ident
}

export interface PointerType extends Span {
  kind: 'PointerType'
  elem: TypeExpr
}

export interface ArrayType extends Span {
  kind: 'ArrayType'
  /** null for `[...]T` in a composite literal. */
  len: Expr | null
  elem: TypeExpr
}

export interface SliceType extends Span {
  kind: 'SliceType'
  elem: TypeExpr
}

export interface StructType extends Span {
  kind: 'StructType'
  fields: Field[]
}

export interface FuncType extends Span {
  kind: 'FuncType'
  params: Field[]
  results: Field[]
  /** The last parameter is `...T`; its Field.type is T. */
  variadic: boolean
}

/** Parsed so that it can be reported as unsupported with a position. */
export interface MapType extends Span {
  kind: 'MapType'
  key: TypeExpr
  value: TypeExpr
}

export interface InterfaceType extends Span {
  kind: 'InterfaceType'
  /** Explicit methods `M(…) …`, in source order. */
  methods: InterfaceMethod[]
  /** Embedded interfaces (type names). */
  embeddeds: TypeExpr[]
}

export interface InterfaceMethod extends Span {
  name: Ident
  type: FuncType
}

export interface ChanType extends Span {
  kind: 'ChanType'
  /** `chan T`, `chan<- T` (send only), `<-chan T` (receive only). */
  dir: 'both' | 'send' | 'recv'
  elem: TypeExpr
}

/** A parameter, result, receiver or struct field group: `a, b int`. */
export interface Field extends Span {
  /** Empty for unnamed parameters/results and embedded fields. */
  names: Ident[]
  type: TypeExpr
  /** Struct fields only: an embedded field. */
  embedded?: boolean
}

// ---------------------------------------------------------------- expressions

export type Expr =
  | Ident
  | BasicLit
  | CompositeLit
  | KeyValue
  | FuncLit
  | Paren
  | Selector
  | Index
  | SliceExpr
  | Star
  | Unary
  | Binary
  | Call
  | TypeAsExpr
  | TypeAssert
  | BadExpr

export interface Ident extends Span {
  kind: 'Ident'
  name: string
}

export interface BasicLit extends Span {
  kind: 'BasicLit'
  litKind: 'int' | 'float' | 'imag' | 'rune' | 'string'
  /** The literal exactly as written. */
  raw: string
}

export interface CompositeLit extends Span {
  kind: 'CompositeLit'
  /** null only for elided types inside another composite literal. */
  type: TypeExpr | null
  /** Elements; keyed ones are KeyValue. */
  elts: Expr[]
}

export interface KeyValue extends Span {
  kind: 'KeyValue'
  key: Expr
  value: Expr
}

export interface FuncLit extends Span {
  kind: 'FuncLit'
  type: FuncType
  body: Block
}

export interface Paren extends Span {
  kind: 'Paren'
  x: Expr
}

/** `x.sel`: field, method, or (for named types) method expression. */
export interface Selector extends Span {
  kind: 'Selector'
  x: Expr
  sel: Ident
}

export interface Index extends Span {
  kind: 'Index'
  x: Expr
  index: Expr
}

export interface SliceExpr extends Span {
  kind: 'Slice'
  x: Expr
  low: Expr | null
  high: Expr | null
  max: Expr | null
}

/** `*x`: a dereference, or a pointer type where a type is expected. */
export interface Star extends Span {
  kind: 'Star'
  x: Expr
}

export type UnaryOp = '&' | '-' | '+' | '!' | '^' | '<-'

export interface Unary extends Span {
  kind: 'Unary'
  op: UnaryOp
  x: Expr
}

export type BinaryOp =
  | '+' | '-' | '*' | '/' | '%'
  | '&' | '|' | '^' | '<<' | '>>' | '&^'
  | '==' | '!=' | '<' | '<=' | '>' | '>='
  | '&&' | '||'

export interface Binary extends Span {
  kind: 'Binary'
  op: BinaryOp
  x: Expr
  y: Expr
  /** Offset of the operator: gc reports binary expressions there. */
  opPos: number
}

/** A call, a conversion `T(x)` or a builtin `make([]T, n)`; the checker decides which. */
export interface Call extends Span {
  kind: 'Call'
  fun: Expr
  args: Expr[]
  /** The call ends in `...`: `append(a, b...)`. */
  ellipsis: boolean
  /** Offset of `(`. */
  lparen: number
}

/** A type written where an expression stands: `[]int` in `make([]int, n)` or `[]byte(x)`. */
export interface TypeAsExpr extends Span {
  kind: 'TypeExpr'
  type: TypeExpr
}

/** `x.(T)`; gc positions it at the dot. */
export interface TypeAssert extends Span {
  kind: 'TypeAssert'
  x: Expr
  type: TypeExpr
  dot: number
}

/** An expression the converter could not represent; a diagnostic was reported. */
export interface BadExpr extends Span {
  kind: 'BadExpr'
}

// ---------------------------------------------------------------- statements

export type Stmt =
  | Block
  | ExprStmt
  | Assign
  | IncDec
  | DeclStmt
  | If
  | For
  | Range
  | Switch
  | TypeSwitch
  | Labeled
  | Branch
  | Return
  | Empty
  | BadStmt
  | GoDefer
  | Send
  | Select

export interface Block extends Span {
  kind: 'Block'
  stmts: Stmt[]
  /**
   * Made by dead-code pruning from an if with a static condition (gc's
   * OBLOCK, a scope of its own in escape analysis); a `{ … }` written in the
   * source is flattened into the enclosing list in gc's IR.
   */
  ofStaticIf?: true
}

export interface ExprStmt extends Span {
  kind: 'ExprStmt'
  x: Expr
}

export type AssignOp =
  | '=' | ':='
  | '+=' | '-=' | '*=' | '/=' | '%=' | '&=' | '|=' | '^=' | '<<=' | '>>=' | '&^='

export interface Assign extends Span {
  kind: 'Assign'
  op: AssignOp
  lhs: Expr[]
  rhs: Expr[]
}

export interface IncDec extends Span {
  kind: 'IncDec'
  x: Expr
  inc: boolean
}

export interface DeclStmt extends Span {
  kind: 'DeclStmt'
  decl: VarDecl | ConstDecl | TypeDecl
}

export interface If extends Span {
  kind: 'If'
  init: Stmt | null
  cond: Expr
  then: Block
  else: If | Block | null
}

/** All three-clause, condition-only and infinite `for` forms. */
export interface For extends Span {
  kind: 'For'
  init: Stmt | null
  cond: Expr | null
  post: Stmt | null
  body: Block
}

export interface Range extends Span {
  kind: 'Range'
  key: Expr | null
  value: Expr | null
  /** `:=` (true) or `=` (false); irrelevant when there is no key. */
  define: boolean
  x: Expr
  body: Block
}

export interface Switch extends Span {
  kind: 'Switch'
  init: Stmt | null
  /** null for `switch { … }`. */
  tag: Expr | null
  clauses: CaseClause[]
}

/** `switch [init;] [v :=] x.(type) { … }`. */
export interface TypeSwitch extends Span {
  kind: 'TypeSwitch'
  init: Stmt | null
  /** The bound name `v` of `v := x.(type)`, or null. */
  bind: Ident | null
  x: Expr
  /** Offset of the `.` of `x.(type)`. */
  dot: number
  /** Each case lists types (TypeExpr) and the identifier `nil`. */
  clauses: CaseClause[]
}

export interface CaseClause extends Span {
  /** null for `default:`. */
  list: Expr[] | null
  body: Stmt[]
}

export interface Labeled extends Span {
  kind: 'Labeled'
  label: Ident
  stmt: Stmt
}

export interface Branch extends Span {
  kind: 'Branch'
  tok: 'break' | 'continue' | 'goto' | 'fallthrough'
  label: Ident | null
}

export interface Return extends Span {
  kind: 'Return'
  results: Expr[]
}

export interface Empty extends Span {
  kind: 'Empty'
}

/** `go f(x)` / `defer f(x)`: call is whatever was written (the checker requires a call). */
export interface GoDefer extends Span {
  kind: 'GoDefer'
  tok: 'go' | 'defer'
  call: Expr
}

/** `ch <- v`. */
export interface Send extends Span {
  kind: 'Send'
  ch: Expr
  value: Expr
  /** Offset of `<-`. */
  arrow: number
}

export interface Select extends Span {
  kind: 'Select'
  clauses: CommClause[]
}

/** A select case: comm is a Send, an ExprStmt `<-ch`, or an Assign `v[, ok] =/:= <-ch`; null for `default:`. */
export interface CommClause extends Span {
  comm: Send | ExprStmt | Assign | null
  body: Stmt[]
}

/** A statement the converter could not represent; a diagnostic was reported. */
export interface BadStmt extends Span {
  kind: 'BadStmt'
}

// ---------------------------------------------------------------- declarations

export type Decl = FuncDecl | VarDecl | ConstDecl | TypeDecl

export interface FuncDecl extends Span {
  kind: 'FuncDecl'
  name: Ident
  recv: Field | null
  type: FuncType
  /** null for a body-less declaration (assembly or linkname). */
  body: Block | null
  /** `//go:` directives directly above, e.g. `go:noinline`. */
  pragmas: string[]
}

export interface ValueSpec extends Span {
  names: Ident[]
  type: TypeExpr | null
  values: Expr[]
  /** gc's deadlocals dropped the initialisation: the names are declared, not assigned (not even zeroed). */
  declOnly?: true
}

export interface VarDecl extends Span {
  kind: 'VarDecl'
  specs: ValueSpec[]
}

export interface ConstSpec extends ValueSpec {
  /** The value of `iota` in this spec. */
  iota: number
  /** Values and type repeated from the previous spec when omitted: `const (a = iota; b)`. */
  implicit: boolean
}

export interface ConstDecl extends Span {
  kind: 'ConstDecl'
  specs: ConstSpec[]
}

export interface TypeSpec extends Span {
  name: Ident
  type: TypeExpr
  /** `type A = B`. */
  alias: boolean
}

export interface TypeDecl extends Span {
  kind: 'TypeDecl'
  specs: TypeSpec[]
}

/** One imported package: `import "unsafe"`, `import u "unsafe"` or one spec of `import (…)`. */
export interface ImportSpec extends Span {
  kind: 'ImportSpec'
  /** The local name when one is written (`_` and `.` included). */
  name: Ident | null
  /** The path, unquoted. */
  path: string
  /** The path literal's span (types2 reports there). */
  pathPos: number
  pathEnd: number
  /** The whole `import` declaration: removing the only spec of a declaration removes the declaration. */
  decl: Span
}

export interface File extends Span {
  path: string
  packageName: Ident
  imports: ImportSpec[]
  decls: Decl[]
}
