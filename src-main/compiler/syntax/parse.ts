// tree-sitter's concrete syntax tree → our typed AST (ast.ts).
//
// Syntax errors come from syntax-errors.ts. Constructs outside the documented
// Go subset that have no AST node (imports, type switches, generics, …) are
// reported here as `unsupported: <what>` and replaced by Bad nodes, so later
// phases never see them.

import type { Diagnostic, FuncInfo } from '../../protocol/model'
import type * as A from './ast'
import { SourceText } from './source'
import { encodingErrors, syntaxErrors } from './syntax-errors'
import { listFunctions } from './functions'
import { FlatTree, type CstNode as SyntaxNode } from './cst'
import { parseGoTree, type SyntaxNode as TsNode } from './treesitter'
import { field, fieldAll, named, span } from './cstnodes'
import { stmtConversions } from './parsestmt'

export interface ParsedFile {
  file: A.File
  source: SourceText
  /** The function outline with gc's names, from the same tree. */
  functions: FuncInfo[]
  /** Syntax errors if there are any (gc stops there), else unsupported constructs. */
  diagnostics: Diagnostic[]
}

export async function parseFile(path: string, text: string, checkCancelled: () => void = () => {}): Promise<ParsedFile> {
  const source = new SourceText(path, text)
  const tree = await parseGoTree(text, checkCancelled)
  let flat: FlatTree
  let syntax: Diagnostic[]
  let deep: { startIndex: number; endIndex: number } | null = null
  try {
    // Bytes gc's reader refuses come first; the syntax errors they cause in tree-sitter are noise.
    const encoding = encodingErrors(source, tree.rootNode)
    syntax = encoding.length > 0 ? encoding : syntaxErrors(tree.rootNode, source)
    const node = syntax.length === 0 ? tooDeep(tree.rootNode, MAX_NESTING) : null
    deep = node && { startIndex: node.startIndex, endIndex: node.endIndex }
    flat = new FlatTree(tree, source, checkCancelled)
  } finally {
    tree.delete()
  }
  {
    const converter = new Converter(source, checkCancelled)
    let file: A.File
    try {
      if (deep) throw new RangeError('nesting')
      file = converter.file(flat.root)
    } catch (e) {
      if (!(e instanceof RangeError)) throw e
      // Nesting deeper than every phase's walks can follow: refused where it gets that deep.
      converter.unsupportedAt(deep?.startIndex ?? 0, deep?.endIndex ?? 0, 'nesting too deep')
      file = { path, pos: 0, end: text.length, packageName: { kind: 'Ident', name: '', pos: 0, end: 0 }, imports: [], decls: [] }
    }
    const diagnostics = syntax.length > 0 ? syntax : converter.diagnostics.sort((a, b) => a.from - b.from)
    return { file, source, functions: listFunctions(file, source), diagnostics }
  }
}

/**
 * Syntax tree depth the pipeline follows (recursive walks on the worker's
 * big stack, see service/runner.ts). gc itself compiles 600,000 nested
 * parentheses and dies of a stack overflow at 1,000,000.
 */
export const MAX_NESTING = 500_000

/** The first node (in source order) deeper than limit, found without recursion. */
export function tooDeep(root: TsNode, limit: number): TsNode | null {
  const c = root.walk()
  try {
    let depth = 0
    for (;;) {
      if (depth > limit) return c.currentNode
      if (c.gotoFirstChild()) {
        depth++
        continue
      }
      while (!c.gotoNextSibling()) {
        if (!c.gotoParent()) return null
        depth--
      }
    }
  } finally {
    c.delete()
  }
}

/** The packages whose import the subset models: the compiler's own `unsafe`, and math and math/bits for their intrinsics (types/mathpkgs.ts). */
export const SUPPORTED_IMPORTS: ReadonlySet<string> = new Set(['unsafe', 'math', 'math/bits'])

/** `"a", "b" and "c"`: the supported import paths for the refusal message. */
const supportedList = (): string => {
  const q = [...SUPPORTED_IMPORTS].map((p) => `"${p}"`)
  return q.length === 1 ? q[0]! : `${q.slice(0, -1).join(', ')} and ${q[q.length - 1]}`
}

/** An import path literal's value (paths hold no escapes worth decoding). */
function unquoteImportPath(lit: string): string {
  return lit.length >= 2 ? lit.slice(1, -1) : lit
}

const UNSUPPORTED_EXPRESSIONS: Record<string, string> = {
  type_instantiation_expression: 'generic instantiation',
  generic_type: 'generic type',
}

/** Declarations, types and expressions here; statements in parsestmt.ts. */
export class Converter {
  readonly diagnostics: Diagnostic[] = []

  constructor(
    private readonly src: SourceText,
    private readonly checkCancelled: () => void,
  ) {}

  unsupportedAt(from: number, to: number, what: string): void {
    const { line, col } = this.src.position(from)
    this.diagnostics.push({ file: this.src.path, line, col, severity: 'error', message: `unsupported: ${what}`, from, to })
  }

  unsupported(n: SyntaxNode, what: string): void {
    this.unsupportedAt(n.startIndex, n.endIndex, what)
  }

  // ------------------------------------------------------------ file and declarations

  file(root: SyntaxNode): A.File {
    let packageName: A.Ident = { kind: 'Ident', name: '', pos: 0, end: 0 }
    const decls: A.Decl[] = []
    const imports: A.ImportSpec[] = []
    let count = 0
    for (const n of named(root)) {
      if ((++count & 0x3ff) === 0) this.checkCancelled()
      switch (n.type) {
        case 'package_clause': {
          const id = named(n)[0]
          if (id) packageName = this.ident(id)
          break
        }
        case 'import_declaration':
          imports.push(...this.importDecl(n))
          break
        case 'function_declaration':
        case 'method_declaration':
          decls.push(this.funcDecl(n))
          break
        case 'var_declaration':
          decls.push(this.varDecl(n))
          break
        case 'const_declaration':
          decls.push(this.constDecl(n))
          break
        case 'type_declaration':
          decls.push(this.typeDecl(n))
          break
        case 'ERROR':
          break // reported by syntaxErrors
        default:
          this.unsupported(n, `top-level ${n.type.replace(/_/g, ' ')}`)
      }
    }
    return { path: this.src.path, pos: root.startIndex, end: root.endIndex, packageName, imports, decls }
  }

  /**
   * The specs of an import declaration we model (see SUPPORTED_IMPORTS); any
   * other package is refused, spanning its spec in a group and the whole
   * declaration otherwise, so the fidelity reducer can blank just that.
   */
  importDecl(n: SyntaxNode): A.ImportSpec[] {
    const specs = named(n).flatMap((c) => (c.type === 'import_spec_list' ? named(c) : [c])).filter((c) => c.type === 'import_spec')
    const out: A.ImportSpec[] = []
    for (const s of specs) {
      const pathNode = field(s, 'path')
      if (!pathNode) continue
      const path = unquoteImportPath(pathNode.text)
      if (!SUPPORTED_IMPORTS.has(path)) {
        const whole = specs.length === 1 ? n : s
        this.unsupported(whole, `import ${pathNode.text} (the subset imports only ${supportedList()})`)
        continue
      }
      const nameNode = field(s, 'name')
      out.push({
        kind: 'ImportSpec',
        ...span(s),
        name: nameNode ? this.ident(nameNode) : null,
        path,
        pathPos: pathNode.startIndex,
        pathEnd: pathNode.endIndex,
        decl: span(n),
      })
    }
    return out
  }

  funcDecl(n: SyntaxNode): A.FuncDecl {
    if (field(n, 'type_parameters')) this.unsupported(field(n, 'type_parameters')!, 'generic function')
    const recvList = field(n, 'receiver')
    let recv: A.Field | null = null
    if (recvList) {
      const fields = this.params(recvList).fields
      recv = fields[0] ?? null
    }
    const body = field(n, 'body')
    return {
      kind: 'FuncDecl',
      ...span(n),
      name: this.ident(field(n, 'name')),
      recv,
      type: this.signature(n),
      body: body ? this.block(body) : null,
      pragmas: pragmasAbove(n, this.src.text),
    }
  }

  /** The signature of a function declaration, literal or function type. */
  signature(n: SyntaxNode): A.FuncType {
    const params = this.params(field(n, 'parameters'))
    const resultNode = field(n, 'result')
    let results: A.Field[] = []
    if (resultNode?.type === 'parameter_list') results = this.params(resultNode).fields
    else if (resultNode) results = [{ ...span(resultNode), names: [], type: this.type(resultNode) }]
    return { kind: 'FuncType', ...span(n), params: params.fields, results, variadic: params.variadic }
  }

  params(list: SyntaxNode | null): { fields: A.Field[]; variadic: boolean } {
    const fields: A.Field[] = []
    let variadic = false
    const decls = named(list).filter((p) => p.type === 'parameter_declaration' || p.type === 'variadic_parameter_declaration')
    // tree-sitter-go can read the first names of a long group (`a, b, …, j int`) as unnamed
    // parameters of type `a`. Go's rule (all parameters named or none) puts them back.
    const anyNamed = decls.some((p) => fieldAll(p, 'name').length > 0)
    let pending: SyntaxNode[] = []
    for (const p of decls) {
      if (p.type === 'variadic_parameter_declaration') variadic = true
      const type = field(p, 'type')
      const names = fieldAll(p, 'name')
      if (anyNamed && names.length === 0 && type?.type === 'type_identifier') {
        pending.push(type)
        continue
      }
      fields.push({
        pos: (pending[0] ?? p).startIndex,
        end: p.endIndex,
        names: [...pending, ...names].map((id) => this.ident(id)),
        type: type ? this.type(type) : this.badType(p),
      })
      pending = []
    }
    // Names with no type after them: leave them as the unnamed parameters gc would reject.
    for (const t of pending) fields.push({ ...span(t), names: [], type: this.type(t) })
    return { fields, variadic }
  }

  varDecl(n: SyntaxNode): A.VarDecl {
    const specs = named(n).flatMap((c) => (c.type === 'var_spec_list' ? named(c) : [c])).filter((c) => c.type === 'var_spec')
    return { kind: 'VarDecl', ...span(n), specs: specs.map((s) => this.valueSpec(s)) }
  }

  valueSpec(s: SyntaxNode): A.ValueSpec {
    const type = field(s, 'type')
    return {
      ...span(s),
      names: fieldAll(s, 'name').filter((c) => c.type === 'identifier').map((id) => this.ident(id)),
      type: type ? this.type(type) : null,
      values: this.exprList(field(s, 'value')),
    }
  }

  constDecl(n: SyntaxNode): A.ConstDecl {
    const specs: A.ConstSpec[] = []
    let previous: A.ConstSpec | undefined
    named(n)
      .filter((c) => c.type === 'const_spec')
      .forEach((s, iota) => {
        const spec = this.valueSpec(s)
        const implicit = spec.values.length === 0 && spec.type === null && previous !== undefined
        // An omitted list repeats the previous one (re-evaluated with this iota).
        const cs: A.ConstSpec = implicit
          ? { ...spec, type: previous!.type, values: previous!.values, iota, implicit }
          : { ...spec, iota, implicit: false }
        specs.push(cs)
        previous = cs
      })
    return { kind: 'ConstDecl', ...span(n), specs }
  }

  typeDecl(n: SyntaxNode): A.TypeDecl {
    const specs: A.TypeSpec[] = []
    for (const s of named(n)) {
      if (s.type !== 'type_spec' && s.type !== 'type_alias') continue
      if (field(s, 'type_parameters')) this.unsupported(field(s, 'type_parameters')!, 'generic type')
      const type = field(s, 'type')
      specs.push({
        ...span(s),
        name: this.ident(field(s, 'name')),
        type: type ? this.type(type) : this.badType(s),
        alias: s.type === 'type_alias',
      })
    }
    return { kind: 'TypeDecl', ...span(n), specs }
  }

  // ------------------------------------------------------------ types

  type(n: SyntaxNode): A.TypeExpr {
    switch (n.type) {
      case 'type_identifier':
      case 'identifier':
        return { kind: 'TypeName', ...span(n), name: n.text }
      case 'parenthesized_type':
        return this.type(named(n)[0] ?? n)
      case 'qualified_type':
        return { kind: 'QualifiedType', ...span(n), pkg: this.ident(field(n, 'package')), sel: this.ident(field(n, 'name')) }
      case 'pointer_type':
        return { kind: 'PointerType', ...span(n), elem: this.childType(n) }
      case 'slice_type':
        return { kind: 'SliceType', ...span(n), elem: this.fieldType(n, 'element') }
      case 'array_type': {
        const len = field(n, 'length')
        return { kind: 'ArrayType', ...span(n), len: len ? this.expr(len) : null, elem: this.fieldType(n, 'element') }
      }
      case 'implicit_length_array_type':
        return { kind: 'ArrayType', ...span(n), len: null, elem: this.fieldType(n, 'element') }
      case 'struct_type':
        return { kind: 'StructType', ...span(n), fields: this.structFields(n) }
      case 'function_type':
        return this.signature(n)
      case 'map_type':
        return { kind: 'MapType', ...span(n), key: this.fieldType(n, 'key'), value: this.fieldType(n, 'value') }
      case 'interface_type':
        return this.interfaceType(n)
      case 'channel_type':
        return { kind: 'ChanType', ...span(n), dir: chanDir(n), elem: this.fieldType(n, 'value') }
      default: {
        this.unsupported(n, UNSUPPORTED_EXPRESSIONS[n.type] ?? `type ${n.type.replace(/_/g, ' ')}`)
        return this.badType(n)
      }
    }
  }

  interfaceType(n: SyntaxNode): A.InterfaceType {
    const methods: A.InterfaceMethod[] = []
    const embeddeds: A.TypeExpr[] = []
    for (const e of named(n)) {
      if (e.type === 'method_elem') {
        const sig = this.signature(e)
        methods.push({ ...span(e), name: this.ident(field(e, 'name')), type: sig })
      } else if (e.type === 'type_elem') {
        const parts = named(e)
        if (parts.length !== 1 || parts[0]!.type === 'negated_type') this.unsupported(e, 'type constraint')
        else embeddeds.push(this.type(parts[0]!))
      }
    }
    return { kind: 'InterfaceType', ...span(n), methods, embeddeds }
  }

  childType(n: SyntaxNode): A.TypeExpr {
    const c = named(n)[0]
    return c ? this.type(c) : this.badType(n)
  }

  fieldType(n: SyntaxNode, name: string): A.TypeExpr {
    const c = field(n, name)
    return c ? this.type(c) : this.badType(n)
  }

  /** A placeholder type after an error; named so the checker reports nothing more. */
  badType(n: SyntaxNode): A.TypeName {
    return { kind: 'TypeName', ...span(n), name: '_' }
  }

  structFields(n: SyntaxNode): A.Field[] {
    const list = named(n).find((c) => c.type === 'field_declaration_list')
    const fields: A.Field[] = []
    for (const f of named(list ?? null)) {
      if (f.type !== 'field_declaration') continue
      if (field(f, 'tag')) this.unsupported(field(f, 'tag')!, 'struct tag')
      const names = fieldAll(f, 'name').map((id) => this.ident(id))
      const typeNode = field(f, 'type')
      let type: A.TypeExpr = typeNode ? this.type(typeNode) : this.badType(f)
      // tree-sitter keeps the `*` of an embedded `*T` as a bare token beside the type.
      const embedded = names.length === 0
      if (embedded && f.children.some((c) => c?.type === '*')) type = { kind: 'PointerType', pos: f.startIndex, end: type.end, elem: type }
      fields.push({ ...span(f), names, type, embedded })
    }
    return fields
  }

  // ------------------------------------------------------------ statements

  exprList(n: SyntaxNode | null): A.Expr[] {
    if (!n) return []
    if (n.type !== 'expression_list') return [this.expr(n)]
    return named(n).map((c) => this.expr(c))
  }

  requiredExpr(n: SyntaxNode, name: string): A.Expr {
    const c = field(n, name)
    return c ? this.expr(c) : { kind: 'BadExpr', pos: n.endIndex, end: n.endIndex }
  }

  ident(n: SyntaxNode | null): A.Ident {
    if (!n) return { kind: 'Ident', name: '_', pos: 0, end: 0 }
    return { kind: 'Ident', ...span(n), name: n.text }
  }

  expr(n: SyntaxNode): A.Expr {
    switch (n.type) {
      case 'identifier':
      case 'field_identifier':
      case 'type_identifier':
      case 'true':
      case 'false':
      case 'nil':
      case 'iota':
        return { kind: 'Ident', ...span(n), name: n.text }
      case 'int_literal':
        return this.lit(n, 'int')
      case 'float_literal':
        return this.lit(n, 'float')
      case 'imaginary_literal':
        return this.lit(n, 'imag')
      case 'rune_literal':
        return this.lit(n, 'rune')
      case 'interpreted_string_literal':
      case 'raw_string_literal':
        return this.lit(n, 'string')
      case 'parenthesized_expression':
        return { kind: 'Paren', ...span(n), x: this.expr(named(n)[0] ?? n) }
      case 'selector_expression':
        return { kind: 'Selector', ...span(n), x: this.requiredExpr(n, 'operand'), sel: this.ident(field(n, 'field')) }
      case 'index_expression':
        return { kind: 'Index', ...span(n), x: this.requiredExpr(n, 'operand'), index: this.requiredExpr(n, 'index') }
      case 'slice_expression':
        return {
          kind: 'Slice',
          ...span(n),
          x: this.requiredExpr(n, 'operand'),
          low: this.optionalExpr(n, 'start'),
          high: this.optionalExpr(n, 'end'),
          max: this.optionalExpr(n, 'capacity'),
        }
      case 'unary_expression': {
        const op = field(n, 'operator')?.type ?? '+'
        const x = this.requiredExpr(n, 'operand')
        if (op === '*') return { kind: 'Star', ...span(n), x }
        return { kind: 'Unary', ...span(n), op: op as A.UnaryOp, x }
      }
      case 'binary_expression': {
        const op = field(n, 'operator')
        return {
          kind: 'Binary',
          ...span(n),
          op: (op?.type ?? '+') as A.BinaryOp,
          x: this.requiredExpr(n, 'left'),
          y: this.requiredExpr(n, 'right'),
          opPos: op?.startIndex ?? n.startIndex,
        }
      }
      case 'call_expression':
        return this.call(n)
      case 'type_assertion_expression': {
        const dot = n.children.find((c) => c?.type === '.')
        return { kind: 'TypeAssert', ...span(n), x: this.requiredExpr(n, 'operand'), type: this.fieldType(n, 'type'), dot: dot?.startIndex ?? n.startIndex }
      }
      case 'type_conversion_expression': {
        const type = field(n, 'type')
        const operand = field(n, 'operand')
        return {
          kind: 'Call',
          ...span(n),
          fun: type ? { kind: 'TypeExpr', ...span(type), type: this.type(type) } : { kind: 'BadExpr', ...span(n) },
          args: operand ? [this.expr(operand)] : [],
          ellipsis: false,
          lparen: type?.endIndex ?? n.startIndex,
        }
      }
      case 'composite_literal':
        return this.compositeLit(field(n, 'type'), field(n, 'body'), n)
      case 'func_literal':
        return { kind: 'FuncLit', ...span(n), type: this.signature(n), body: this.block(field(n, 'body') ?? n) }
      case 'slice_type':
      case 'array_type':
      case 'pointer_type':
      case 'struct_type':
      case 'function_type':
      case 'map_type':
      case 'channel_type':
      case 'interface_type':
      case 'parenthesized_type':
      case 'implicit_length_array_type':
      case 'qualified_type':
        return { kind: 'TypeExpr', ...span(n), type: this.type(n) }
      case 'ERROR':
        return { kind: 'BadExpr', ...span(n) }
      default:
        this.unsupported(n, UNSUPPORTED_EXPRESSIONS[n.type] ?? `expression ${n.type.replace(/_/g, ' ')}`)
        return { kind: 'BadExpr', ...span(n) }
    }
  }

  optionalExpr(n: SyntaxNode, name: string): A.Expr | null {
    const c = field(n, name)
    return c ? this.expr(c) : null
  }

  lit(n: SyntaxNode, litKind: A.BasicLit['litKind']): A.BasicLit {
    return { kind: 'BasicLit', ...span(n), litKind, raw: n.text }
  }

  call(n: SyntaxNode): A.Call {
    if (field(n, 'type_arguments')) this.unsupported(field(n, 'type_arguments')!, 'generic instantiation')
    const argList = field(n, 'arguments')
    const args: A.Expr[] = []
    let ellipsis = false
    for (const a of named(argList)) {
      if (a.type === 'variadic_argument') {
        ellipsis = true
        args.push(this.expr(named(a)[0] ?? a))
      } else args.push(this.expr(a))
    }
    return { kind: 'Call', ...span(n), fun: this.requiredExpr(n, 'function'), args, ellipsis, lparen: argList?.startIndex ?? n.endIndex }
  }

  compositeLit(typeNode: SyntaxNode | null, body: SyntaxNode | null, n: SyntaxNode): A.CompositeLit {
    const elts: A.Expr[] = []
    for (const e of named(body)) {
      if (e.type === 'keyed_element') {
        const [k, v] = named(e)
        elts.push({ kind: 'KeyValue', ...span(e), key: this.element(k ?? e), value: this.element(v ?? e) })
      } else if (e.type === 'literal_element') elts.push(this.element(e))
    }
    return { kind: 'CompositeLit', ...span(n), type: typeNode ? this.type(typeNode) : null, elts }
  }

  /** A literal element: an expression, or a nested literal with its type elided. */
  element(e: SyntaxNode): A.Expr {
    const inner = e.type === 'literal_element' ? (named(e)[0] ?? e) : e
    if (inner.type === 'literal_value') return this.compositeLit(null, inner, inner)
    return this.expr(inner)
  }
}

export interface Converter extends StmtConversions {}
type StmtConversions = typeof stmtConversions
Object.assign(Converter.prototype, stmtConversions)

// ------------------------------------------------------------ tree-sitter helpers

/** `<-chan T` starts with the arrow; `chan<- T` has it after `chan`. */
function chanDir(n: SyntaxNode): A.ChanType['dir'] {
  const toks = n.children.filter((c): c is SyntaxNode => c !== null && !c.isNamed).map((c) => c.type)
  if (toks[0] === '<-') return 'recv'
  return toks.includes('<-') ? 'send' : 'both'
}

/**
 * `//go:` directives between the previous declaration and this one: gc's
 * parser keeps collecting them until a declaration takes them, across blank
 * lines and other comments (escape2.go's `//go:noescape`, blank line, `func F3(…)`).
 */
function pragmasAbove(decl: SyntaxNode, text: string): string[] {
  const pragmas: string[] = []
  for (let c = decl.previousSibling; c?.type === 'comment'; c = c.previousSibling) {
    const m = /^\/\/(go:\w+)/.exec(c.text)
    if (m && (c.startIndex === 0 || text[c.startIndex - 1] === '\n')) pragmas.unshift(m[1]!)
  }
  return pragmas
}
