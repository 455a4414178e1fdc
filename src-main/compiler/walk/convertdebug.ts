// gc's `-d=escapedebug=1` lines from walk (convert.go dataWord's diagnose):
// `file:line:col: convert: using global for interface value: .stmp_N` and
// its siblings, one per conversion of a concrete value to an interface, in
// gc's walk order: the declared functions in source order, each followed by
// the literals that capture variables (walked right after their function,
// last one first: gc's enqueueFunc pops them off a stack), then the literals
// that capture nothing, as gc's function list has them (read when their
// function's body is read: the last function's first). `.stmp_N` counts the
// read-only statics order makes, per package in that order.
//
// Other makers of `.stmp_N` (large or non-SSA-able array/struct literals,
// slice literals with constants, sends and map keys of constants, comparisons
// with literals, package-level initialisers) are not numbered here: with
// the flag on they are refused with `unsupported:`, as is a line that would
// name one of order's temporaries (`.autotmp_N`).

import type * as A from '../syntax/ast'
import { forEachChild, walkCode, type CodeNode } from '../syntax/children'
import type { SourceText } from '../syntax/source'
import type { TypeInfo } from '../types/info'
import { under, type Type } from '../types/types'
import { sizeof } from '../types/sizes'
import { canSSA, fromGo } from '../ssa/types'
import type { Diagnostic } from '../../protocol/model'
import type { FnUnit, Units } from '../escape/units'
import { isClosure } from '../escape/units'
import type { EscapeAnalysis } from '../escape/analyze'
import { Attr } from '../escape/graph'
import { gcPos } from '../escape/utils'
import { typeStr, type GcPrinter } from '../escape/gcfmt'
import { convNopOperand } from '../escape/static'
import { dataWord, type ConvertEnv, type DataWord } from './convert'

export interface ConvertDebugInput {
  path: string
  file: A.File
  source: SourceText
  info: TypeInfo
  units: Units
  env: ConvertEnv
  printer: GcPrinter
}

export interface ConvertDebugResult {
  /** The lines, in gc's walk order. */
  lines: string[]
  /** What is refused with the flag on (each stops the report). */
  diagnostics: Diagnostic[]
}

/** One conversion of a concrete value to an interface: `conv` as escape analysis knows it, x the operand. */
export interface ConvSite {
  conv: A.Expr
  x: A.Expr
}

const unparen = (e: A.Expr): A.Expr => {
  while (e.kind === 'Paren') e = e.x
  return e
}
const isIface = (t: Type | undefined): boolean => t !== undefined && t.kind !== 'tuple' && under(t).kind === 'interface'

/** The conversion of a concrete value that node n is (written, or implicit on n), if any. */
export function conversionsAt(info: TypeInfo, n: CodeNode): ConvSite[] {
  if (n.kind === 'VarDecl' || !('pos' in n)) return []
  const e = n as A.Expr
  const out: ConvSite[] = []
  if (e.kind === 'Call') {
    const ci = info.calls.get(e)
    if (ci?.kind === 'conversion' && isIface(ci.to) && e.args.length === 1) {
      const ft = info.types.get(unparen(e.args[0]!))?.type
      if (ft && !isIface(ft)) out.push({ conv: e, x: e.args[0]! })
    }
  }
  if (info.ifaceConversions.has(e)) {
    const ft = info.types.get(e)?.type
    if (ft && !isIface(ft)) out.push({ conv: e, x: e })
  }
  return out
}

/**
 * The nodes of one function body in order's evaluation order (children
 * before the node; a for loop's post statement after its body) or walk's
 * (the post statement before the body), literals not entered: `lit` is
 * called for each.
 */
function visitBody(root: CodeNode, node: (n: CodeNode) => void, lit: (l: A.FuncLit) => void, phase: 'order' | 'walk' = 'order'): void {
  const visit = (n: CodeNode): void => {
    if (n.kind === 'FuncLit') {
      lit(n)
      return
    }
    if (n.kind === 'For' && phase === 'order') {
      if (n.init) visit(n.init)
      if (n.cond) visit(n.cond)
      visit(n.body)
      if (n.post) visit(n.post)
    } else forEachChild(n, visit)
    node(n)
  }
  visit(root)
}

const bodyOf = (u: FnUnit): A.Block | null => u.decl?.body ?? u.lit?.body ?? null

/** The functions with bodies in gc's walk order (see the header). */
export function walkOrder(units: Units): FnUnit[] {
  const tops = units.all.filter((u) => u.decl?.body && !u.wrapper)
  const childLits = (u: FnUnit): FnUnit[] => {
    const out: FnUnit[] = []
    const body = bodyOf(u)
    if (body) visitBody(body, () => {}, (l) => {
      const c = units.ofLit.get(l)
      if (c) out.push(c)
    })
    return out
  }
  const order: FnUnit[] = []
  const enqueue = (fn: FnUnit) => {
    const todo = [fn]
    while (todo.length > 0) {
      const next = todo.pop()!
      order.push(next)
      todo.push(...childLits(next).filter(isClosure))
    }
  }
  for (const t of tops) enqueue(t)
  const preorder = (u: FnUnit, out: FnUnit[]) => {
    for (const c of childLits(u)) {
      out.push(c)
      preorder(c, out)
    }
  }
  for (const t of [...tops].reverse()) {
    const lits: FnUnit[] = []
    preorder(t, lits)
    for (const l of lits) if (!isClosure(l)) enqueue(l)
  }
  return order
}

const MESSAGES: Record<string, string> = {
  'zero-sized': 'using global for zero-sized interface value',
  'single-byte': 'using global for single-byte interface value',
  'zero value': 'using global for zero value interface value',
  global: 'using global for interface value',
  stack: 'using stack temporary for interface value',
}

export function convertDebugLines(input: ConvertDebugInput): ConvertDebugResult {
  const { info, source, path, env } = input
  const lines: string[] = []
  const diagnostics: Diagnostic[] = []
  const refuse = (offset: number, what: string) => {
    const p = source.position(offset)
    diagnostics.push({ file: path, line: p.line, col: p.col, severity: 'error', message: `unsupported: ${what} with -d=escapedebug`, from: offset, to: offset })
  }
  const at = (offset: number, text: string) => {
    const p = source.position(offset)
    return `${path}:${p.line}:${p.col}: ${text}`
  }
  refusePackageLevel(input, refuse)
  let stmp = 0
  const order = walkOrder(input.units)
  const walked = new Set(order)
  for (const u of input.units.all) {
    const body = bodyOf(u)
    if (body && !u.wrapper && !walked.has(u) && hasConversion(info, body)) refuse(body.pos, 'conversion to an interface in a function literal gc never compiles')
  }
  for (const u of order) {
    const body = bodyOf(u)!
    // order's pass: which operands become static data (numbered), which literals that replaces.
    const replaced = new Set<A.Expr>()
    const decided = new Map<A.Expr, { dw: DataWord; stmp: number }>()
    visitBody(body, (n) => {
      for (const site of conversionsAt(info, n)) {
        const dw = dataWord(env, site.conv, site.x)
        decided.set(site.conv, { dw, stmp: dw.stmp ? stmp++ : -1 })
        if (dw.stmp || dw.operand.kind === 'zeroVal') walkCode(unparen(site.x), (m) => {
          if (m.kind === 'CompositeLit') replaced.add(m)
        })
      }
    }, () => {})
    // walk's pass prints (a for loop's post statement before its body).
    visitBody(body, (n) => {
      if (n.kind === 'VarDecl' || !('pos' in n)) return
      for (const site of conversionsAt(info, n)) {
        const { dw, stmp: num } = decided.get(site.conv)!
        const msg = MESSAGES[dw.kind]
        if (!msg) continue
        const operand = operandText(input, u, site, dw, num)
        if (typeof operand === 'string') refuse(gcPos(unparen(site.x), source.text), operand)
        else lines.push(at(operand.pos, `convert: ${msg}: ${operand.text}`))
      }
      otherStatics(input, n as A.Expr | A.Stmt, replaced, refuse)
    }, () => {}, 'walk')
  }
  return { lines, diagnostics }
}

/** What dataWord prints for n and where, or why it is refused. */
function operandText(input: ConvertDebugInput, u: FnUnit, site: ConvSite, dw: DataWord, stmp: number): { pos: number; text: string } | string {
  const { info, source, printer } = input
  const text = source.text
  const x = unparen(site.x)
  switch (dw.operand.kind) {
    case 'stmp':
      return { pos: gcPos(x, text), text: `.stmp_${stmp}` }
    case 'zeroVal': {
      const inner = `(${typeStr(info.types.get(x)!.type)})(runtime.zeroVal@0)`
      if (site.conv === site.x) return { pos: gcPos(x, text), text: inner }
      const fun = unparen((site.conv as A.Call).fun)
      if (fun.kind !== 'Ident') return 'conversion of a zero literal to an unnamed interface type'
      return { pos: gcPos(x, text), text: `${printer.expr(fun)}(${inner})` }
    }
    case 'var': {
      const v = dw.operand.v
      const own = u.decl ?? u.lit
      if (v.varKind !== 'global' && v.owner !== own) return 'conversion of a captured variable to an interface'
      if (v.pos < 0) return 'conversion of an unnamed variable to an interface'
      return { pos: v.pos, text: v.name }
    }
    case 'expr': {
      if (!printable(info, x)) return 'conversion of this expression to an interface (walk rewrites it)'
      const nop = convNopOperand(info, x)
      const conv = info.calls.get(x as A.Call)
      const pos = nop ? gcPos(unparen(nop), text) : conv?.kind === 'conversion' ? gcPos(unparen((x as A.Call).args[0]!), text) : gcPos(x, text)
      return { pos, text: printer.expr(x) }
    }
    case 'copy':
      return "conversion to an interface through order's temporary copy"
  }
}

/** Expressions walk leaves as they are (no call, map read, string operation or receive turned into a temporary). */
function printable(info: TypeInfo, e: A.Expr): boolean {
  const x = unparen(e)
  if (info.types.get(x)?.value !== undefined) return true
  const t = info.types.get(x)?.type
  const str = t && t.kind !== 'tuple' && under(t).kind === 'basic' && /string/.test((under(t) as { basic: string }).basic)
  switch (x.kind) {
    case 'Ident':
      return info.uses.get(x)?.kind === 'var'
    case 'Binary':
      return !str && !['==', '!=', '<', '<=', '>', '>=', '&&', '||'].includes(x.op) && printable(info, x.x) && printable(info, x.y)
    case 'Unary':
      return ['-', '^', '+'].includes(x.op) && printable(info, x.x)
    case 'Star':
      return printable(info, x.x)
    case 'Selector':
      return info.selections.get(x)?.kind === 'field' && printable(info, x.x)
    case 'Index': {
      const xt = info.types.get(unparen(x.x))?.type
      const k = xt && xt.kind !== 'tuple' ? under(xt).kind : ''
      return (k === 'slice' || k === 'array') && printable(info, x.x) && printable(info, x.index)
    }
    case 'Call': {
      const nop = convNopOperand(info, x)
      return nop !== null && printable(info, nop)
    }
    default:
      return false
  }
}

function hasConversion(info: TypeInfo, root: CodeNode): boolean {
  let found = false
  walkCode(root, (n) => {
    if (found) return false
    if (conversionsAt(info, n).length > 0) found = true
    return !found
  })
  return found
}

/** Package-level initialisers gc's staticinit may give static data before any function is walked. */
function refusePackageLevel(input: ConvertDebugInput, refuse: (offset: number, what: string) => void): void {
  for (const d of input.file.decls) {
    if (d.kind !== 'VarDecl') continue
    walkCode(d, (n) => {
      if (n.kind === 'FuncLit' || n.kind === 'CompositeLit' || conversionsAt(input.info, n).length > 0) {
        refuse((n as A.Expr).pos, 'package-level initialiser with a literal or an interface conversion')
        return false
      }
      return true
    })
  }
}

/** gc's mapfast: the map runtime calls that take the key by value. */
function fastMapKey(t: Type): boolean {
  const u = under(t)
  if (u.kind !== 'map') return true
  if (sizeof(u.elem) > 128) return false
  const k = under(u.key)
  if (k.kind === 'pointer') return true
  if (k.kind !== 'basic') return false
  return /^(u?int(32|64)?|uintptr|string|unsafe\.Pointer)$/.test(k.basic)
}

const isConstOrLit = (info: TypeInfo, e: A.Expr): boolean => {
  const x = unparen(e)
  return info.types.get(x)?.value !== undefined || x.kind === 'CompositeLit'
}

/** Refuses the makers of `.stmp_N` other than conversions (see the header). */
function otherStatics(input: ConvertDebugInput, n: A.Expr | A.Stmt, replaced: Set<A.Expr>, refuse: (offset: number, what: string) => void): void {
  const info = input.info
  switch (n.kind) {
    case 'CompositeLit': {
      if (replaced.has(n)) return
      for (const el of n.elts) {
        const v = el.kind === 'KeyValue' ? el.value : el
        if (conversionsAt(info, unparen(v)).length > 0) return refuse(n.pos, 'conversion to an interface inside a composite literal')
      }
      const t = info.types.get(n)?.type
      if (!t || t.kind === 'tuple') return
      const u = under(info.implicitAddrLits.has(n) && under(t).kind === 'pointer' ? (under(t) as { elem: Type }).elem : t)
      if (u.kind === 'struct' || u.kind === 'array') {
        if (n.elts.length > 4 || !canSSA(fromGo(u))) refuse(n.pos, 'array or struct literal made from static data')
      } else if (u.kind === 'slice') {
        // slicelit: past gc's MaxSmallArraySize (256 bytes) the constant part is copied from static data.
        if (n.elts.length * sizeof(u.elem) > 256) refuse(n.pos, 'slice literal made from static data')
      } else if (u.kind === 'map' && n.elts.length > 25) refuse(n.pos, 'map literal made from static data')
      return
    }
    case 'Send':
      if (isConstOrLit(info, n.value)) refuse(n.pos, 'send of a constant or literal')
      return
    case 'Binary': {
      if (n.op !== '==' && n.op !== '!=') return
      const xt = info.types.get(unparen(n.x))?.type
      const yt = info.types.get(unparen(n.y))?.type
      if (isIface(xt) !== isIface(yt)) return refuse(n.opPos, 'comparison of an interface with a concrete value')
      const u = xt && xt.kind !== 'tuple' ? under(xt).kind : ''
      if ((u === 'struct' || u === 'array') && (isConstOrLit(info, n.x) || isConstOrLit(info, n.y))) refuse(n.opPos, 'comparison with a composite literal')
      return
    }
    case 'Index': {
      const t = info.types.get(unparen(n.x))?.type
      if (t && t.kind !== 'tuple' && under(t).kind === 'map' && !fastMapKey(t) && isConstOrLit(info, n.index)) refuse(n.pos, 'map key of a constant or literal')
      return
    }
    case 'Call': {
      const ci = info.calls.get(n)
      if (ci?.kind !== 'builtin' || ci.id !== 'delete' || n.args.length !== 2) return
      const t = info.types.get(unparen(n.args[0]!))?.type
      if (t && t.kind !== 'tuple' && !fastMapKey(t) && isConstOrLit(info, n.args[1]!)) refuse(n.pos, 'map key of a constant or literal')
      return
    }
    default:
      return
  }
}

/** conv.Esc() != EscNone: the conversions escape analysis found escaping (their allocation sites). */
export function escapingConversions(analysis: EscapeAnalysis): (conv: A.Expr) => boolean {
  const escaping = new Set<object>()
  for (const b of analysis.batches) for (const loc of b.graph.locations) if (loc.kind === 'alloc' && loc.ref && loc.has(Attr.Escapes)) escaping.add(loc.ref as object)
  return (conv) => escaping.has(conv)
}

/**
 * Per function, where its `.stmp_N` start (those of the functions walked
 * before it: their conversions' and `others`, walk's of literals) and how
 * many of them order makes for its own conversions (they come before walk's).
 */
export function staticsBefore(units: Units, info: TypeInfo, env: ConvertEnv, others: (u: FnUnit) => number): Map<FnUnit, { base: number; order: number }> {
  const out = new Map<FnUnit, { base: number; order: number }>()
  let n = 0
  for (const u of walkOrder(units)) {
    let order = 0
    visitBody(bodyOf(u)!, (node) => {
      for (const site of conversionsAt(info, node)) if (dataWord(env, site.conv, site.x).stmp) order++
    }, () => {})
    out.set(u, { base: n, order })
    n += order + others(u)
  }
  return out
}
