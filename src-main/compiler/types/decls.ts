// Declarations: resolving package-level objects lazily in dependency order
// (so declaration order does not matter), detecting invalid declaration
// cycles, and local var/const/type declarations. Collection is in
// package.ts.

import type * as A from '../syntax/ast'
import { initConst, initVar, initVars } from './assign'
import type { Checker, DeclInfo } from './checker'
import { makeInt } from './constant'
import type { SubError } from './errors'
import { expr } from './expr'
import { exprString as exprStringOf } from './exprstring'
import { newFunctionInfo } from './functions'
import type { ConstObj, FuncObj, Obj, Scope, TypeNameObj, Var } from './objects'
import { newVar } from './objects'
import { diagnosticTypeString as ts } from './typestring'
import { noteStaticFunc } from './staticfuncs'
import { signature, typExpr } from './typexpr'
import { isConstType, isValid, Typ, under, type NamedType } from './types'
import { validType } from './validtype'

/** Declares obj under id in scope, reporting a redeclaration. */
export function declare(c: Checker, scope: Scope, id: A.Ident, obj: Obj): void {
  if (id.name !== '_') {
    const alt = scope.insert(obj)
    if (alt) {
      const parts: SubError[] = [{ msg: `${id.name} redeclared in this block` }]
      if (alt.pos >= 0) parts.push({ pos: alt.pos, msg: `other declaration of ${id.name}` })
      c.errorParts(id.pos, id.end, parts)
      return
    }
    if (obj.kind === 'var' && obj.varKind === 'local' && c.fn && obj.owner === c.fn.node) c.fn.info.locals.push(obj)
  }
  c.recordDef(id, obj)
}

// ---------------------------------------------------------------- lazy resolution

/** Resolves a package-level object (no-op for locals and resolved ones). */
export function objDecl(c: Checker, obj: Obj): void {
  const d = c.declInfos.get(obj)
  if (!d || d.state === 'resolved') return
  if (d.state === 'resolving') {
    resolveCycle(c, d)
    return
  }
  d.state = 'resolving'
  c.objPath.push(obj)
  const saved = { scope: c.scope, fn: c.fn, decl: c.decl, iota: c.iota, errpos: c.errpos, calls: c.hasCallOrRecv, callee: c.calleeSelector }
  c.scope = c.fileScopeAt(obj.pos)
  c.fn = null
  c.iota = null
  c.errpos = null
  c.calleeSelector = null
  try {
    switch (obj.kind) {
      case 'const':
        c.decl = d
        constDecl(c, obj, d.node as A.ConstSpec, d.index, d)
        break
      case 'var':
        c.decl = d
        varDecl(c, obj, d)
        break
      case 'typename':
        typeDecl(c, obj, d.node as A.TypeSpec)
        break
      case 'func':
        funcDecl(c, obj)
        break
      default:
        break
    }
  } finally {
    Object.assign(c, { scope: saved.scope, fn: saved.fn, decl: saved.decl, iota: saved.iota, errpos: saved.errpos, hasCallOrRecv: saved.calls, calleeSelector: saved.callee })
    c.objPath.pop()
    d.state = 'resolved'
  }
}

/** obj is referred to while being resolved: decide whether that cycle is allowed. */
function resolveCycle(c: Checker, d: DeclInfo): void {
  const obj = d.obj
  if (obj.kind === 'const' || obj.kind === 'var') {
    if (!validCycle(c, obj) || !d.typeSet) {
      obj.type = Typ.invalid
      d.typeSet = true
    }
  } else if (obj.kind === 'typename') {
    if (!validCycle(c, obj)) setInvalid(obj)
  } else if (obj.kind === 'func') validCycle(c, obj)
}

function setInvalid(obj: TypeNameObj): void {
  if (obj.type.kind === 'named') obj.type.underlying = Typ.invalid
  else obj.type = Typ.invalid
}

/** Cycles through values only (caught by init order) or through defined types are fine. */
function validCycle(c: Checker, obj: Obj): boolean {
  const cycle = c.objPath.slice(c.objPath.indexOf(obj))
  const nval = cycle.filter((o) => o.kind === 'const' || o.kind === 'var').length
  const ndef = cycle.filter((o) => o.kind === 'typename' && !o.alias).length
  if (nval === cycle.length) return true
  if (nval === 0 && ndef > 0) return true
  cycleError(c, cycle)
  return false
}

/** Reports a declaration cycle starting at its first object in the source. */
export function cycleError(c: Checker, cycle: Obj[]): void {
  let start = 0
  cycle.forEach((o, i) => o.pos < cycle[start]!.pos && (start = i))
  let obj = cycle[start]!
  const isType = obj.kind === 'typename'
  if (cycle.length === 1) {
    c.errorAtPos(obj.pos, isType ? `invalid recursive type: ${obj.name} refers to itself` : `invalid cycle in declaration: ${obj.name} refers to itself`)
    return
  }
  const parts = [{ pos: obj.pos, msg: isType ? `invalid recursive type ${obj.name}` : `invalid cycle in declaration of ${obj.name}` }]
  for (let i = 0; i < cycle.length; i++) {
    const next = cycle[(start + i + 1) % cycle.length]!
    parts.push({ pos: obj.pos, msg: `${obj.name} refers to ${next.name}` })
    obj = next
  }
  c.errorParts(parts[0]!.pos, parts[0]!.pos, parts)
}

function constDecl(c: Checker, obj: ConstObj, spec: A.ConstSpec, index: number, d: DeclInfo | null): void {
  const setTyped = () => d && (d.typeSet = true)
  c.iota = makeInt(spec.iota)
  try {
    let typeKnown = false
    if (spec.type) {
      const t = typExpr(c, spec.type)
      if (isValid(t) && !isConstType(t)) {
        c.errorAtPos(spec.type.pos, `invalid constant type ${ts(t)}`, spec.type.end)
        obj.type = Typ.invalid
        setTyped()
        return
      }
      obj.type = t
      typeKnown = true
      setTyped()
    }
    const init = spec.values[index]
    if (!init) {
      obj.type = Typ.invalid
      return
    }
    // Errors in a repeated initialiser are reported at the constant.
    if (spec.implicit) c.errpos = obj.pos
    const x = expr(c, init)
    initConst(c, obj, x, typeKnown || (d?.typeSet ?? false))
    setTyped()
  } finally {
    c.iota = null
    c.errpos = null
  }
}

function varDecl(c: Checker, obj: Var, d: DeclInfo): void {
  const spec = d.node as A.ValueSpec
  const lhs = d.lhs ?? [obj]
  const infos = lhs.map((v) => c.declInfos.get(v)!)
  if (spec.type) {
    const t = typExpr(c, spec.type)
    for (const v of lhs) v.type = t
    for (const i of infos) i.typeSet = true
  }
  if (d.lhs) {
    // `var a, b = f()`: the names are initialised together.
    for (const i of infos) if (i !== d) i.state = 'resolving'
    initVars(c, lhs, [spec.values[0]!], null, infos.map((i) => i.typeSet))
    for (const i of infos) i.state = 'resolved'
    return
  }
  const init = spec.values[d.index]
  if (!init) {
    if (!spec.type) obj.type = Typ.invalid
    return
  }
  initVar(c, obj, expr(c, init), 'variable declaration', d.typeSet)
}

function typeDecl(c: Checker, obj: TypeNameObj, spec: A.TypeSpec): void {
  if (obj.alias) {
    obj.type = typExpr(c, spec.type)
    return
  }
  const named = obj.type as NamedType
  const rhs = typExpr(c, spec.type)
  c.namedRHS.set(named, rhs)
  const aliases = aliasChain(c, spec.type)
  if (aliases.length > 0) c.namedAliases.set(named, aliases)
  if (named.underlying === Typ.invalid) named.underlying = rhs.kind === 'named' ? rhs.underlying : rhs
}

/** The aliases a type expression goes through (`type A B; type B = C`: [B]), for cycle reports. */
function aliasChain(c: Checker, t: A.TypeExpr): TypeNameObj[] {
  const chain: TypeNameObj[] = []
  while (t.kind === 'TypeName') {
    const obj = c.info.uses.get(t)
    if (obj?.kind !== 'typename' || !obj.alias || chain.includes(obj)) break
    chain.push(obj)
    const d = c.declInfos.get(obj)
    if (!d) break
    t = (d.node as A.TypeSpec).type
  }
  return chain
}

function funcDecl(c: Checker, obj: FuncObj): void {
  const decl = obj.decl
  const scope = c.openScope(true)
  c.closeScope()
  c.funcScopes.set(decl, scope)
  const { sig, recvVar } = signature(c, decl.type, decl.recv, scope, decl)
  obj.type = sig
  if (recvVar && decl.recv) validRecv(c, obj, recvVar, decl.recv)
  const info = newFunctionInfo(decl, obj, sig, null)
  c.info.functions.set(decl, info)
}

/** The receiver must be T or *T for a local defined type T that is not a pointer. */
function validRecv(c: Checker, m: FuncObj, recv: Var, field: A.Field): void {
  const base = field.type.kind === 'PointerType' ? field.type.elem : field.type
  let t = recv.type
  if (t.kind === 'pointer') t = t.elem
  if (!isValid(t)) return
  const at = (msg: string) => c.errorAtPos(base.pos, msg, base.end)
  if (t.kind === 'named') {
    const u = under(t)
    if (u.kind === 'pointer') at(`invalid receiver type ${ts(t)} (pointer or interface type)`)
    else if (m.recvBase !== t) at(`invalid receiver type ${ts(t)}`)
  } else if (t.kind === 'basic') at(`cannot define new methods on non-local type ${ts(t)}`)
  else at(`invalid receiver type ${ts(recv.type)}`)
}

// ---------------------------------------------------------------- local declarations

export function declStmt(c: Checker, d: A.VarDecl | A.ConstDecl | A.TypeDecl): void {
  switch (d.kind) {
    case 'ConstDecl':
      for (const spec of d.specs) {
        arity(c, spec, true)
        const objs = spec.names.map((id): ConstObj => ({ kind: 'const', name: id.name, pos: id.pos, type: Typ.invalid, value: makeInt(0) }))
        objs.forEach((obj, i) => constDecl(c, obj, spec, i, null))
        objs.forEach((obj, i) => declare(c, c.scope, spec.names[i]!, obj))
      }
      break
    case 'VarDecl':
      for (const spec of d.specs) {
        arity(c, spec, false)
        const owner = c.fn?.node ?? null
        const vars = spec.names.map((id) => newVar(id.name, id.pos, 'local', Typ.invalid, owner))
        let typeKnown = false
        if (spec.type) {
          const t = typExpr(c, spec.type)
          for (const v of vars) v.type = t
          typeKnown = true
        }
        if (spec.values.length === 1 && vars.length > 1) initVars(c, vars, spec.values, null, vars.map(() => typeKnown))
        else if (spec.values.length > 0 && spec.values.length === vars.length) {
          vars.forEach((v, i) => initVar(c, v, expr(c, spec.values[i]!), 'variable declaration', typeKnown))
        } else if (spec.values.length > 0) {
          for (const e of spec.values) expr(c, e)
        } else if (!typeKnown) for (const v of vars) v.type = Typ.invalid
        if (spec.values.length === 1 && vars.length === 1) noteStaticFunc(c, vars[0]!, spec.values[0]!)
        vars.forEach((v, i) => declare(c, c.scope, spec.names[i]!, v))
      }
      break
    case 'TypeDecl':
      for (const spec of d.specs) {
        const obj = newTypeName(spec)
        declare(c, c.scope, spec.name, obj)
        typeDecl(c, obj, spec)
        if (obj.type.kind === 'named') validType(c, obj.type)
      }
      break
  }
}

export function newTypeName(spec: A.TypeSpec): TypeNameObj {
  const obj: TypeNameObj = { kind: 'typename', name: spec.name.name, pos: spec.name.pos, type: Typ.invalid, alias: spec.alias }
  if (!spec.alias) obj.type = { kind: 'named', obj, underlying: Typ.invalid, methods: [] } satisfies NamedType
  return obj
}

/** `var a, b = 1` and friends: names and values must pair up. */
export function arity(c: Checker, spec: A.ValueSpec | A.ConstSpec, isConst: boolean): void {
  const l = spec.names.length
  const r = spec.values.length
  if (!isConst && spec.type && r === 0) return
  const inherited = 'implicit' in spec && spec.implicit
  if (l < r) {
    const n = spec.values[l]!
    if (inherited) c.errorAtPos(spec.pos, `extra init expr at ${c.errors.where(n.pos)}`)
    else c.errorAt(n, `extra init expr ${exprStringOf(n)}`)
  } else if (l > r && (isConst || r !== 1)) {
    const n = spec.names[r]!
    c.errorAtPos(n.pos, `missing init expr for ${n.name}`, n.end)
  }
}
