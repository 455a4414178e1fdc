// Named language entities (objects) and the scopes that hold them. An object
// is created once per declaration; TypeInfo maps identifiers to objects.

import type * as A from '../syntax/ast'
import type { Constant } from './constant'
import type { InterfaceType, NamedType, Signature, Type } from './types'

export type VarKind = 'global' | 'local' | 'param' | 'result' | 'field'

interface ObjectBase {
  name: string
  /** Offset of the declaring identifier; -1 for predeclared objects. */
  pos: number
}

export interface Var extends ObjectBase {
  kind: 'var'
  varKind: VarKind
  type: Type
  /** The receiver of a method (varKind 'param'). */
  receiver: boolean
  /** Struct fields only: an embedded field. */
  embedded: boolean
  /**
   * gc's name for the variable: the source name, or `~pN` / `~rN` for unnamed
   * and blank parameters and results (N counts receiver and params together,
   * results separately), as ir.Func.DeclareParams names them.
   */
  irName: string
  /** `&x` is taken, or a pointer-receiver method is called on addressable x. */
  addrTaken: boolean
  /** Assigned after its declaration (=, op=, ++/--, range with =). */
  reassigned: boolean
  /** Used as a value somewhere (drives "declared and not used"). */
  used: boolean
  /** The function (declaration or literal) that declares a local/param/result. */
  owner: A.FuncDecl | A.FuncLit | null
}

export interface FuncObj extends ObjectBase {
  kind: 'func'
  type: Signature
  decl: A.FuncDecl
  /** `//go:` directives above the declaration, e.g. `go:noinline`. */
  pragmas: string[]
  /** Methods: the receiver's base named type and whether the receiver is a pointer. */
  recvBase: NamedType | null
  pointerRecv: boolean
  /** gc's name: `F`, `T.M` or `(*T).M`. */
  gcName: string
  /**
   * Interface methods only: the interface that declares it. Such a FuncObj
   * has no declaration (`decl` is never read: calls are classified
   * `interface` and go through the itab).
   */
  iface?: InterfaceType
}

export interface TypeNameObj extends ObjectBase {
  kind: 'typename'
  /** The named type it declares, or for an alias the type it stands for. */
  type: Type
  alias: boolean
}

export interface ConstObj extends ObjectBase {
  kind: 'const'
  type: Type
  value: Constant
}

export interface LabelObj extends ObjectBase {
  kind: 'label'
  stmt: A.Labeled
  used: boolean
}

export type BuiltinId = 'append' | 'cap' | 'clear' | 'close' | 'copy' | 'delete' | 'len' | 'make' | 'max' | 'min' | 'new' | 'print' | 'println' | 'panic' | 'recover' | UnsafeBuiltinId | IntrinsicId

/** A function of math or math/bits that gc intrinsifies (types/mathpkgs.ts), by import path and name. */
export type IntrinsicId = `math.${string}` | `math/bits.${string}`

/** The functions of package unsafe, spelled as gc's messages qualify them. */
export type UnsafeBuiltinId = 'unsafe.Sizeof' | 'unsafe.Alignof' | 'unsafe.Offsetof' | 'unsafe.Add' | 'unsafe.Slice' | 'unsafe.SliceData' | 'unsafe.String' | 'unsafe.StringData'

export interface BuiltinObj extends ObjectBase {
  kind: 'builtin'
  id: BuiltinId
}

export interface NilObj extends ObjectBase {
  kind: 'nil'
  type: Type
}

/** A predeclared name the subset does not support (string, any, panic, …). */
export interface UnsupportedObj extends ObjectBase {
  kind: 'unsupported'
  /** What to say after `unsupported: `. */
  what: string
}

/** An imported package's local name (`unsafe`, or `u` in `import u "unsafe"`). */
export interface PkgNameObj extends ObjectBase {
  kind: 'pkgname'
  /** The import path. */
  path: string
  /** The package's exported objects. */
  members: Scope
  /** The import spec, for "imported and not used". */
  spec: A.ImportSpec
  used: boolean
}

export type Obj = Var | FuncObj | TypeNameObj | ConstObj | LabelObj | BuiltinObj | NilObj | UnsupportedObj | PkgNameObj

export function newVar(name: string, pos: number, varKind: VarKind, type: Type, owner: Var['owner'] = null): Var {
  return {
    kind: 'var',
    name,
    pos,
    varKind,
    type,
    receiver: false,
    embedded: false,
    irName: name,
    addrTaken: false,
    reassigned: false,
    used: false,
    owner,
  }
}

const VAR_KINDS: Record<VarKind, string> = {
  global: 'package-level variable',
  local: 'local variable',
  param: 'parameter',
  result: 'result variable',
  field: 'struct field',
}

/** types2's objectKind, used in `x (local variable) is not a type`. */
export function objectKindName(obj: Obj): string {
  switch (obj.kind) {
    case 'var':
      return obj.receiver ? 'receiver' : VAR_KINDS[obj.varKind]
    case 'func':
      return obj.recvBase || obj.decl.recv ? 'method' : 'function'
    case 'typename':
      return obj.alias ? 'type alias' : 'defined type'
    case 'const':
      return 'constant'
    case 'label':
      return 'label'
    case 'builtin':
      return 'built-in function'
    case 'nil':
      return 'untyped nil'
    case 'unsupported':
      return 'unknown symbol'
    case 'pkgname':
      return 'package name'
  }
}

// ---------------------------------------------------------------- scopes

export class Scope {
  readonly names = new Map<string, Obj>()
  readonly children: Scope[] = []

  constructor(
    readonly parent: Scope | null,
    /** Function scopes bound "declared and not used" reporting. */
    readonly isFunc = false,
  ) {
    parent?.children.push(this)
  }

  lookupLocal(name: string): Obj | undefined {
    return this.names.get(name)
  }

  /** The innermost object named `name`. Locals are inserted as they are declared, so later ones stay hidden. */
  lookup(name: string): Obj | undefined {
    for (let s: Scope | null = this; s; s = s.parent) {
      // Most block scopes declare nothing (5,000 nested ifs): skip them without hashing.
      if (s.names.size === 0) continue
      const obj = s.names.get(name)
      if (obj) return obj
    }
    return undefined
  }

  /** Inserts obj; returns the object already declared under that name, if any. */
  insert(obj: Obj): Obj | undefined {
    const alt = this.names.get(obj.name)
    if (alt) return alt
    this.names.set(obj.name, obj)
    return undefined
  }
}
