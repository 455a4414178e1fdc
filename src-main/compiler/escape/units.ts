// The functions escape analysis visits, as gc's ir.Func list has them:
// declarations and methods in source order, function literals (closures),
// and the compiler-generated wrappers gc analyses too ((*T).M for value
// methods, T.M-fm for method values). Then gc's bottom-up walk over the
// reference graph (ir.VisitFuncsBottomUp) groups them into batches: callees
// before callers, mutually recursive functions together, and a literal that
// captures variables always with the function that encloses it.

import type * as A from '../syntax/ast'
import { walkCode } from '../syntax/children'
import type { FieldStep, FunctionInfo, MethodSelection, TypeInfo } from '../types/info'
import { lookupFieldOrMethod } from '../types/lookup'
import type { FuncObj, Var } from '../types/objects'
import { pointerTo, under, type NamedType, type Signature, type Type } from '../types/types'
import type { FuncScope } from './graph'
import type { Leaks } from './leaks'
import type { TempVar } from './frames'

/**
 * A compiler-generated wrapper's recipe: call `method` on the receiver
 * (a parameter, or the hidden `.this` of a method value's `-fm` function)
 * through the embedded fields of `path`, then the implicit `&` or `*`.
 */
export interface WrapperSpec {
  kind: 'method' | 'methodValue'
  method: FuncObj
  /** The wrapper's receiver type (`T`, `*T`) or `.this`'s type. */
  recvType: Type
  path: FieldStep[]
  adjust: 'none' | 'addr' | 'deref'
  /** gc emits a tail call (results are not returned through the wrapper). */
  tail: boolean
}

export interface FnUnit {
  /** gc's name: `F`, `(*T).M`, `F.func1`, `(*T).M-fm`. */
  name: string
  decl: A.FuncDecl | null
  lit: A.FuncLit | null
  wrapper: WrapperSpec | null
  /** The checker's facts; null for wrappers. */
  info: FunctionInfo | null
  signature: Signature
  /** The function a literal is written in (null for declarations, wrappers and package-level literals). */
  parent: FnUnit | null
  /** Literals only: the variables it captures (gc's ClosureVars), in first-use order. */
  captures: Var[]
  /** A go/defer wrapper (escape/concur.ts): the temporaries it captures. */
  goDefer?: TempVar[]
  /** Functions this one references: callees, method values and expressions, literals written in it. */
  refs: FnUnit[]
  scope: FuncScope
  /** 0 not analysed, 1 in the batch being analysed, 2 tagged. */
  state: 0 | 1 | 2
  /** Parameter tags (receiver first), once tagged. */
  tags: Leaks[]
}

/** gc's ir.Func.IsClosure: a literal that captures at least one variable. */
export const isClosure = (u: FnUnit): boolean => u.lit !== null && u.captures.length > 0

export interface Units {
  all: FnUnit[]
  ofFunc: Map<FuncObj, FnUnit>
  ofLit: Map<A.FuncLit, FnUnit>
}

export function collectUnits(file: A.File, info: TypeInfo): Units {
  const units: Units = { all: [], ofFunc: new Map(), ofLit: new Map() }
  const add = (u: Omit<FnUnit, 'refs' | 'state' | 'tags' | 'scope'>, outer: FnUnit | null): FnUnit => {
    const unit: FnUnit = { ...u, refs: [], state: 0, tags: [], scope: { name: u.name, outer: outer?.scope ?? null, resultsLost: false } }
    sink.push(unit)
    return unit
  }
  // Literals no compiled function reaches any more come after every declaration, in the order gc reads
  // them (gc's function list has every literal there; the others are reached from where they are written).
  const orphans: FnUnit[] = []
  let sink = units.all
  /** `inLit`: they are written in a literal (named F.func1.1, not F.func1.func1); `gone`: that literal is never compiled. */
  const addLiterals = (parent: FnUnit | null, prefix: string, lits: A.FuncLit[], counter: { n: number }, inLit = false, gone = false) => {
    for (const lit of lits) {
      const fi = info.functions.get(lit)!
      const name = `${prefix}${inLit ? '.' : '.func'}${++counter.n}`
      // deadlocals removed its statement, or it is written in a literal that is never compiled: one that
      // captures is never compiled either (its name stays taken), one that captures nothing is still a
      // function of its own, and so are those of its literals that capture nothing.
      if (gone || info.deadLocalLits.has(lit)) {
        if (fi.captures.length > 0) addLiterals(null, name, fi.closures, { n: 0 }, true, true)
        else {
          const outer = sink
          sink = orphans
          addLiteral(null, name, lit, fi)
          sink = outer
        }
        continue
      }
      addLiteral(parent, name, lit, fi)
    }
  }
  const addLiteral = (parent: FnUnit | null, name: string, lit: A.FuncLit, fi: FunctionInfo) => {
    const u = add({ name, decl: null, lit, wrapper: null, info: fi, signature: fi.signature, parent, captures: fi.captures }, parent)
    units.ofLit.set(lit, u)
    addLiterals(u, name, fi.closures, { n: 0 }, true)
  }
  const initLits = { n: 0 }
  for (const d of file.decls) {
    if (d.kind === 'FuncDecl') {
      const fi = info.functions.get(d)
      if (!fi?.obj) continue
      const u = add({ name: fi.obj.gcName, decl: d, lit: null, wrapper: null, info: fi, signature: fi.signature, parent: null, captures: [] }, null)
      units.ofFunc.set(fi.obj, u)
      addLiterals(u, u.name, fi.closures, { n: 0 })
    } else if (d.kind === 'VarDecl') {
      addLiterals(null, 'init', literalsIn(d), initLits)
    }
  }
  units.all.push(...orphans)
  addWrappers(units, info, add)
  for (const u of units.all) u.refs = references(u, units, info)
  return units
}

/** Function literals directly inside a package-level declaration, in source order. */
function literalsIn(decl: A.VarDecl): A.FuncLit[] {
  const out: A.FuncLit[] = []
  walkCode(decl, (n) => {
    if (n.kind !== 'FuncLit') return true
    out.push(n)
    return false
  })
  return out
}

/**
 * The wrappers gc generates and analyses (noder.MakeWrappers): for every
 * defined type T, T.M and (*T).M for each method of its method sets that is
 * not declared with exactly that receiver (value methods of T, methods
 * promoted through embedded fields), and one `-fm` per method value.
 */
function addWrappers(units: Units, info: TypeInfo, add: (u: Omit<FnUnit, 'refs' | 'state' | 'tags' | 'scope'>, outer: null) => FnUnit): void {
  const wrapper = (name: string, spec: WrapperSpec, sig: Signature) =>
    add({ name, decl: null, lit: null, wrapper: spec, info: null, signature: sig, parent: null, captures: [] }, null)
  for (const tn of info.typeNames) {
    if (tn.alias || tn.type.kind !== 'named' || under(tn.type).kind === 'pointer') continue
    const named = tn.type as NamedType
    for (const name of methodNames(named)) {
      for (const recvType of [named, pointerTo(named)] as Type[]) {
        const r = lookupFieldOrMethod(recvType, false, name)
        if (r.kind !== 'method' || !units.ofFunc.has(r.method)) continue
        if (r.path.length === 0 && r.method.pointerRecv === (recvType.kind === 'pointer')) continue
        const spec = wrapperSpec('method', r.method, recvType, r.path, r.recvType)
        wrapper(`${recvName(recvType)}.${name}`, spec, wrapperSignature(r.method.type, recvType))
      }
    }
  }
  const seen = new Set<string>()
  for (const [sel, s] of info.selections) {
    if (s.kind !== 'methodValue' || !units.ofFunc.has(s.method)) continue
    const recvType = methodValueRecvType(info, sel, s)
    const name = `${recvName(recvType)}.${s.method.name}-fm`
    if (seen.has(name)) continue
    seen.add(name)
    const r = lookupFieldOrMethod(recvType, true, s.method.name)
    if (r.kind !== 'method') continue
    wrapper(name, wrapperSpec('methodValue', s.method, recvType, r.path, r.recvType), wrapperSignature(s.method.type, null))
  }
}

function wrapperSpec(kind: WrapperSpec['kind'], method: FuncObj, recvType: Type, path: FieldStep[], reached: Type): WrapperSpec {
  const reachedPtr = under(reached).kind === 'pointer'
  const adjust = method.pointerRecv ? (reachedPtr ? 'none' : 'addr') : reachedPtr ? 'deref' : 'none'
  const tail = kind === 'method' && recvType.kind === 'pointer' && method.pointerRecv && path.length > 0
  return { kind, method, recvType, path, adjust, tail }
}

/** Names of the methods in T's method sets: its own and those of embedded types, sorted as gc sorts them. */
function methodNames(t: NamedType): string[] {
  const names = new Set<string>()
  const seen = new Set<Type>()
  const visit = (x: Type) => {
    if (x.kind === 'pointer') x = x.elem
    if (seen.has(x)) return
    seen.add(x)
    if (x.kind === 'named') for (const m of x.methods) names.add(m.name)
    const u = under(x)
    if (u.kind === 'struct') for (const f of u.fields) if (f.embedded) visit(f.type)
  }
  visit(t)
  return [...names].sort()
}

/** The type of a method value's receiver expression after gc's implicit `&` or `*` (the `-fm` wrapper's `.this`). */
export function methodValueRecvType(info: TypeInfo, sel: A.Selector, s: MethodSelection): Type {
  let t = s.path.length > 0 ? s.path[s.path.length - 1]!.field.type : info.types.get(sel.x)!.type
  if (s.recvAdjust === 'addr') t = { kind: 'pointer', elem: t }
  else if (s.recvAdjust === 'deref' && t.kind === 'pointer') t = t.elem
  return t
}

function recvName(t: Type): string {
  return t.kind === 'pointer' && t.elem.kind === 'named' ? `(*${t.elem.obj.name})` : t.kind === 'named' ? t.obj.name : '?'
}

function wrapperSignature(sig: Signature, recvType: Type | null): Signature {
  const recv = recvType && sig.recv ? { ...sig.recv, type: recvType } : null
  return { ...sig, recv }
}

/** What gc's bottom-up visitor follows from a function: named functions, methods, and literals written in it. */
function references(u: FnUnit, units: Units, info: TypeInfo): FnUnit[] {
  const refs: FnUnit[] = []
  const addFunc = (f: FuncObj | undefined) => {
    const r = f && units.ofFunc.get(f)
    if (r) refs.push(r)
  }
  if (u.wrapper) {
    addFunc(u.wrapper.method)
    return refs
  }
  walkCode(u.decl?.body ?? u.lit?.body, (n) => {
    switch (n.kind) {
      case 'FuncLit': {
        const lit = units.ofLit.get(n)
        if (lit) refs.push(lit)
        return false
      }
      case 'Ident': {
        const obj = info.uses.get(n)
        if (obj?.kind === 'func') addFunc(obj)
        return false
      }
      case 'Selector': {
        const s = info.selections.get(n)
        if (s && s.kind !== 'field') addFunc(s.method)
        return true
      }
      default:
        return true
    }
  })
  return refs
}

/**
 * gc's ir.VisitFuncsBottomUp: a depth-first walk that reports each strongly
 * connected group of functions once everything it references is done.
 * Literals that capture variables never start a group of their own.
 */
export function bottomUpBatches(units: FnUnit[], analyze: (batch: FnUnit[], recursive: boolean) => void): void {
  const ids = new Map<FnUnit, number>()
  const DONE = Number.MAX_SAFE_INTEGER
  const stack: FnUnit[] = []
  let visitgen = 0
  const visit = (n: FnUnit): number => {
    const known = ids.get(n)
    if (known !== undefined) return known
    const id = ++visitgen
    ids.set(n, id)
    let min = ++visitgen
    stack.push(n)
    for (const r of n.refs) {
      const m = visit(r)
      if (m < min) min = m
    }
    if ((min === id || min === id + 1) && !isClosure(n)) {
      const i = stack.lastIndexOf(n)
      const batch = stack.splice(i)
      for (const x of batch) ids.set(x, DONE)
      analyze(batch, min === id)
    }
    return min
  }
  for (const u of units) if (!isClosure(u)) visit(u)
}

