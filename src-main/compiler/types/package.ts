// Package-level declarations: creating and declaring the objects of every
// top-level declaration, and attaching methods to their receiver types.

import type * as A from '../syntax/ast'
import type { Checker, DeclInfo } from './checker'
import { makeInt } from './constant'
import { arity, declare, newTypeName, objDecl } from './decls'
import type { ConstObj, FuncObj, Obj } from './objects'
import { newVar } from './objects'
import { fieldByName, methodByName } from './lookup'
import { Typ, under, type Signature, type Type } from './types'

const emptySignature = (): Signature => ({ kind: 'signature', recv: null, params: [], results: [], variadic: false })

interface Collected {
  /** Methods, resolved after all types. */
  methods: FuncObj[]
  /** Package-level objects in source order. */
  objects: Obj[]
}

/** Creates the objects of every package-level declaration and declares them. */
export function collectObjects(c: Checker): Collected {
  const out: Collected = { methods: [], objects: [] }
  const isMain = c.file.packageName.name === 'main'
  const add = (obj: Obj, d: Omit<DeclInfo, 'obj' | 'state' | 'deps' | 'typeSet'> & { deps?: Set<Obj> }, id: A.Ident | null) => {
    c.declInfos.set(obj, { obj, state: 'unresolved', deps: new Set(), typeSet: false, ...d })
    out.objects.push(obj)
    if (!id) return
    if (obj.kind !== 'func' && (id.name === 'init' || (id.name === 'main' && isMain))) {
      c.errorAtPos(id.pos, `cannot declare ${id.name} - must be func`, id.end)
      return
    }
    declare(c, c.pkgScope, id, obj)
  }
  for (const decl of c.file.decls) {
    c.tick()
    switch (decl.kind) {
      case 'VarDecl':
        for (const spec of decl.specs) {
          const vars = spec.names.map((id) => newVar(id.name, id.pos, 'global', Typ.invalid))
          arity(c, spec, false)
          const shared = spec.values.length === 1 && vars.length > 1 ? vars : undefined
          // The names of `var a, b = f()` share one initialiser, so one set of dependencies (as types2's one declInfo).
          const deps = new Set<Obj>()
          vars.forEach((v, index) => {
            add(v, { node: spec, index, ...(shared ? { lhs: shared, deps } : {}) }, spec.names[index]!)
            c.info.globals.push(v)
          })
        }
        break
      case 'ConstDecl':
        for (const spec of decl.specs) {
          arity(c, spec, true)
          spec.names.forEach((id, index) => {
            const obj: ConstObj = { kind: 'const', name: id.name, pos: id.pos, type: Typ.invalid, value: makeInt(0) }
            add(obj, { node: spec, index }, id)
          })
        }
        break
      case 'TypeDecl':
        for (const spec of decl.specs) {
          const obj = newTypeName(spec)
          add(obj, { node: spec, index: 0 }, spec.name)
          c.info.typeNames.push(obj)
        }
        break
      case 'FuncDecl': {
        const obj = newFunc(decl)
        const name = decl.name.name
        if (decl.recv) {
          if (name !== '_') out.methods.push(obj)
          add(obj, { node: decl, index: 0 }, null)
          c.recordDef(decl.name, obj)
        } else if (name === 'init' || (name === 'main' && isMain)) {
          if (decl.type.params.length > 0 || decl.type.results.length > 0) {
            c.errorAtPos(decl.name.pos, `func ${name} must have no arguments and no return values`, decl.name.end)
          }
          if (name === 'init' && !decl.body) c.errorAtPos(decl.name.pos, 'func init must have a body', decl.name.end)
          // init functions are not declared: they cannot be referred to.
          add(obj, { node: decl, index: 0 }, name === 'init' ? null : decl.name)
          if (name === 'init') c.recordDef(decl.name, obj)
        } else add(obj, { node: decl, index: 0 }, decl.name)
        c.info.funcs.push(obj)
        break
      }
    }
  }
  return out
}

function newFunc(decl: A.FuncDecl): FuncObj {
  const recv = receiverBase(decl.recv)
  const name = decl.name.name
  return {
    kind: 'func',
    name,
    pos: decl.name.pos,
    type: emptySignature(),
    decl,
    pragmas: decl.pragmas,
    recvBase: null,
    pointerRecv: recv?.pointer ?? false,
    gcName: recv ? (recv.pointer ? `(*${recv.name}).${name}` : `${recv.name}.${name}`) : name,
  }
}

/** The receiver's base type name as written: `T` or `*T`. */
function receiverBase(recv: A.Field | null): { name: string; pointer: boolean; node: A.TypeName } | null {
  if (!recv) return null
  let t = recv.type
  let pointer = false
  if (t.kind === 'PointerType') {
    pointer = true
    t = t.elem
  }
  return t.kind === 'TypeName' ? { name: t.name, pointer, node: t } : null
}

// ---------------------------------------------------------------- methods

/** Attaches each method to its receiver's named type (after all types are resolved). */
export function collectMethods(c: Checker, methods: FuncObj[]): void {
  for (const m of methods) {
    const recv = receiverBase(m.decl.recv)
    if (!recv) continue
    const obj = c.pkgScope.lookupLocal(recv.name)
    if (obj?.kind !== 'typename') continue // reported when the receiver type is checked
    let t: Type = obj.type
    if (obj.alias) {
      objDecl(c, obj)
      t = obj.type
    }
    if (t.kind !== 'named' || !c.declInfos.has(t.obj)) continue
    const base = t
    m.recvBase = base
    const alt = methodByName(base, m.name)
    if (alt) {
      c.errorAtPos(m.pos, `method ${base.obj.name}.${m.name} already declared at ${c.errors.where(alt.pos)}`)
      continue
    }
    const u = under(base)
    const field = u.kind === 'struct' && m.name !== '_' ? fieldByName(u.fields, m.name) : undefined
    if (field) {
      c.errorParts(m.pos, m.pos + m.name.length, [{ msg: `field and method with the same name ${m.name}` }, { pos: field.pos, msg: `other declaration of ${m.name}` }])
      continue
    }
    base.methods.push(m)
  }
}
