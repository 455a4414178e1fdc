// Imported packages: their names in the file scope, qualified identifiers
// (`unsafe.Pointer`, `unsafe.Sizeof`) and types2's messages about them. The
// parser has already refused every package the subset does not model.

import type * as A from '../syntax/ast'
import type { Checker } from './checker'
import { invalidOperand, type Operand } from './operand'
import type { Obj, PkgNameObj, Scope } from './objects'
import { Typ } from './types'
import { unsafePackage } from './unsafe'
import { bitsPackage, isIntrinsicId, mathPackage } from './mathpkgs'

/** The members of each modelled package, by import path. */
const PACKAGES: ReadonlyMap<string, { name: string; members: Scope }> = new Map([
  ['unsafe', { name: 'unsafe', members: unsafePackage }],
  ['math', { name: 'math', members: mathPackage }],
  ['math/bits', { name: 'bits', members: bitsPackage }],
])

/** Declares each import's name in the file scope (c.fileScope). */
export function declareImports(c: Checker): void {
  for (const spec of c.file.imports) {
    const pkg = PACKAGES.get(spec.path)
    if (!pkg) {
      c.unsupported(spec.pos, spec.end, `import "${spec.path}"`)
      continue
    }
    const name = spec.name?.name ?? pkg.name
    if (name === '_') continue
    if (name === '.') {
      c.unsupported(spec.name!.pos, spec.name!.end, 'dot import')
      continue
    }
    const obj: PkgNameObj = { kind: 'pkgname', name, pos: spec.pos, path: spec.path, members: pkg.members, spec, used: false }
    const alt = c.fileScopeAt(spec.pos).insert(obj)
    if (alt) {
      c.errorParts(spec.pos, spec.end, [{ msg: `${name} redeclared in this block` }, { pos: alt.pos, msg: `other declaration of ${name}` }])
    } else if (spec.name) c.recordDef(spec.name, obj)
  }
}

/** types2's checks once the package is resolved: names declared twice, imports never used. */
export function checkImports(c: Checker): void {
  for (const obj of c.fileScopes.flatMap((f) => [...f.scope.names.values()])) {
    if (obj.kind !== 'pkgname') continue
    const clash = c.pkgScope.lookupLocal(obj.name)
    if (clash) {
      c.errorParts(clash.pos, clash.pos + clash.name.length, [
        { msg: `${obj.name} already declared through import of package ${obj.name} ("${obj.path}")` },
        { pos: obj.pos, msg: `other declaration of ${obj.name}` },
      ])
    }
    if (!obj.used) {
      const as = obj.spec.name ? ` as ${obj.name}` : ''
      c.errorAtPos(obj.spec.pos, `"${obj.path}" imported${as} and not used`, obj.spec.end)
    }
  }
}

/** The package an identifier names, if it names one. */
export function pkgNameOf(c: Checker, e: A.Expr): PkgNameObj | null {
  if (e.kind !== 'Ident') return null
  const obj = c.lookup(e.name)
  return obj?.kind === 'pkgname' ? obj : null
}

/** `pkg.Name`: a member of an imported package as an operand. */
export function qualifiedIdent(c: Checker, pkg: PkgNameObj, pkgId: A.Ident, sel: A.Ident, expr: A.Expr | null): Operand {
  pkg.used = true
  c.recordUse(pkgId, pkg)
  const fail = invalidOperand(expr)
  const member: Obj | undefined = pkg.members.lookupLocal(sel.name)
  if (!member) {
    // types2 suggests a member spelled the same up to case.
    const alt = [...pkg.members.names.keys()].find((n) => n.toLowerCase() === sel.name.toLowerCase())
    c.errorAtPos(sel.pos, `undefined: ${pkg.name}.${sel.name}${alt ? ` (but have ${alt})` : ''}`, sel.end)
    return fail
  }
  c.recordUse(sel, member)
  switch (member.kind) {
    case 'typename':
      return { ...fail, mode: 'type', type: member.type }
    case 'builtin':
      // An intrinsic is modelled as a call only: as a func value it would need the package's code.
      if (isIntrinsicId(member.id) && c.calleeSelector !== expr) {
        c.unsupported(pkgId.pos, sel.end, `${pkg.name}.${sel.name} used as a function value (only calls of intrinsics are modelled)`)
        return fail
      }
      return { ...fail, mode: 'builtin', type: Typ.invalid, builtin: member.id }
    case 'const':
      return { ...fail, mode: 'constant', type: member.type, val: member.value }
    case 'unsupported':
      c.unsupported(pkgId.pos, sel.end, member.what)
      return fail
    default:
      return fail
  }
}
