// Type expressions: names, pointers, arrays, slices, structs, function
// signatures, maps (maps.ts), channels and interfaces (iface.ts).

import type * as A from '../syntax/ast'
import type { Checker } from './checker'
import { toInt } from './constant'
import { declare } from './decls'
import { expr, ident, rawExpr } from './expr'
import { pkgNameOf, qualifiedIdent } from './imports'
import { interfaceType } from './iface'
import { newVar, Scope, type Var } from './objects'
import { diagnosticTypeString as ts } from './typestring'
import { mapType } from './maps'
import { arrayOf, isInteger, isUntyped, isValid, pointerTo, sliceOf, Typ, under, type Signature, type StructType, type Type } from './types'

export function typExpr(c: Checker, t: A.TypeExpr): Type {
  const type = typInternal(c, t)
  c.info.typeExprs.set(t, type)
  return type
}

function typInternal(c: Checker, t: A.TypeExpr): Type {
  switch (t.kind) {
    case 'TypeName': {
      // The converter stands in `_` for a malformed type it already reported; a written `_` is an error.
      if (t.name === '_' && c.text.slice(t.pos, t.end) !== '_') return Typ.invalid
      const x = ident(c, t, true)
      return x.mode === 'type' ? x.type : Typ.invalid
    }
    // Like types2, composites of an invalid type stay composites: `[]T` with T
    // undefined is still a slice, which keeps follow-on messages accurate.
    case 'QualifiedType': {
      const pkg = pkgNameOf(c, t.pkg)
      if (!pkg) {
        c.errorAtPos(t.pkg.pos, `undefined: ${t.pkg.name}`, t.pkg.end)
        return Typ.invalid
      }
      const x = qualifiedIdent(c, pkg, t.pkg, t.sel, null)
      if (x.mode === 'type') return x.type
      if (x.mode !== 'invalid') c.errorAtPos(t.pos, `${t.pkg.name}.${t.sel.name} (${x.mode === 'builtin' ? 'built-in' : 'value'}) is not a type`, t.end)
      return Typ.invalid
    }
    case 'PointerType':
      return pointerTo(typExpr(c, t.elem))
    case 'SliceType':
      return sliceOf(typExpr(c, t.elem))
    case 'ArrayType': {
      if (!t.len) {
        c.errorAtPos(t.pos, 'invalid use of [...] array (outside a composite literal)', t.end)
        typExpr(c, t.elem)
        return Typ.invalid
      }
      const n = arrayLength(c, t.len)
      const elem = typExpr(c, t.elem)
      return n >= 0 ? arrayOf(elem, n) : Typ.invalid
    }
    case 'StructType':
      return structType(c, t)
    case 'FuncType':
      return signature(c, t, null, new Scope(c.scope, true), null).sig
    case 'MapType':
      return mapType(c, t)
    case 'ChanType':
      return { kind: 'chan', dir: t.dir, elem: typExpr(c, t.elem) }
    case 'InterfaceType':
      return interfaceType(c, t)
  }
}

/** The constant length of an array type, or -1 after an error. */
export function arrayLength(c: Checker, e: A.Expr): number {
  if (e.kind === 'Ident') {
    const obj = c.lookup(e.name)
    if (!obj) {
      c.errorAtPos(e.pos, `undefined array length ${e.name} or missing type constraint`, e.end)
      return -1
    }
    if (obj.kind !== 'const') {
      c.errorAtPos(e.pos, `invalid array length ${e.name}`, e.end)
      return -1
    }
  }
  const x = expr(c, e)
  if (x.mode !== 'constant') {
    if (x.mode !== 'invalid') c.errorOperand(x, `array length ${c.str(x)} must be constant`)
    return -1
  }
  if (isUntyped(x.type) || isInteger(x.type)) {
    const v = x.val ? toInt(x.val) : null
    if (v !== null && v >= 0n && v <= (1n << 63n) - 1n) return Number(v)
  }
  c.errorOperand(x, isInteger(x.type) ? `invalid array length ${c.str(x)}` : `array length ${c.str(x)} must be integer`)
  return -1
}

function structType(c: Checker, t: A.StructType): StructType {
  const fields: Var[] = []
  const seen = new Map<string, Var>()
  for (const f of t.fields) {
    const type = typExpr(c, f.type)
    const add = (name: string, pos: number, id: A.Ident | null, embedded: boolean) => {
      const v = newVar(name, pos, 'field', type)
      v.embedded = embedded
      if (id) c.recordDef(id, v)
      const alt = seen.get(name)
      if (alt && name !== '_') {
        c.errorParts(pos, pos + name.length, [{ msg: `${name} redeclared` }, { pos: alt.pos, msg: `other declaration of ${name}` }])
      } else seen.set(name, v)
      fields.push(v)
    }
    if (f.embedded) {
      const name = embeddedName(f.type)
      if (name === null) {
        c.errorAtPos(f.type.pos, `invalid embedded field type ${ts(type)}`, f.type.end)
        continue
      }
      // Neither T nor *T may be a pointer type.
      const base = type.kind === 'pointer' ? type.elem : type
      if (isValid(base) && under(base).kind === 'pointer') c.errorAtPos(f.type.pos, 'embedded field type cannot be a pointer', f.type.end)
      add(name.name, name.pos, null, true)
    } else for (const id of f.names) add(id.name, id.pos, id, false)
  }
  return { kind: 'struct', fields }
}

/** `T` for `T` and `*T`; null for anything else. */
function embeddedName(t: A.TypeExpr): { name: string; pos: number } | null {
  if (t.kind === 'PointerType') t = t.elem
  return t.kind === 'TypeName' ? { name: t.name, pos: t.pos } : null
}

/**
 * A signature with its parameter objects, declared in `scope` (the function's
 * scope). `owner` is the function the parameters belong to.
 */
export function signature(
  c: Checker,
  t: A.FuncType,
  recv: A.Field | null,
  scope: Scope,
  owner: A.FuncDecl | A.FuncLit | null,
): { sig: Signature; recvVar: Var | null } {
  let index = 0
  const collect = (fields: A.Field[], kind: 'param' | 'result', variadic: boolean): Var[] => {
    const vars: Var[] = []
    fields.forEach((f, fi) => {
      let type = typExpr(c, f.type)
      if (variadic && fi === fields.length - 1) type = sliceOf(type)
      const make = (id: A.Ident | null, pos: number) => {
        const name = id?.name ?? ''
        const v = newVar(name, pos, kind, type, owner)
        const n = kind === 'result' ? vars.length : index++
        v.irName = name === '' || name === '_' ? `${kind === 'result' ? '~r' : '~p'}${n}` : name
        if (id) declare(c, scope, id, v)
        vars.push(v)
      }
      if (f.names.length === 0) make(null, f.type.pos)
      else for (const id of f.names) make(id, id.pos)
    })
    return vars
  }
  let recvVar: Var | null = null
  if (recv) {
    const [v] = collect([recv], 'param', false)
    recvVar = v ?? null
    if (recvVar) recvVar.receiver = true
  }
  const params = collect(t.params, 'param', t.variadic)
  const results = collect(t.results, 'result', false)
  const sig: Signature = { kind: 'signature', recv: recvVar, params, results, variadic: t.variadic }
  c.info.typeExprs.set(t, sig)
  return { sig, recvVar }
}

export function exprAsType(c: Checker, e: A.Expr): Type {
  switch (e.kind) {
    case 'TypeExpr':
      return typExpr(c, e.type)
    case 'Paren':
      return exprAsType(c, e.x)
    case 'Star': {
      const t = exprAsType(c, e.x)
      return isValid(t) ? pointerTo(t) : t
    }
    case 'Ident': {
      const x = ident(c, e, true)
      return x.mode === 'type' ? x.type : Typ.invalid
    }
    default: {
      const { x } = rawExpr(c, e)
      if (x.mode === 'type') return x.type
      if (x.mode !== 'invalid') c.errorOperand(x, x.mode === 'novalue' ? `${c.str(x)} used as type` : `${c.str(x)} is not a type`)
      return Typ.invalid
    }
  }
}
