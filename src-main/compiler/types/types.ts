// Go types of the level-1 subset, as gc sees them: basic types (with the
// untyped constant kinds), pointers, arrays, slices, structs, signatures,
// named types and result tuples. Types are plain objects compared with
// `identical`, never with ===, except named types, which are unique by
// declaration. Sizes live in sizes.ts; printing in typestring.ts.

import type { FuncObj, TypeNameObj, Var } from './objects'
import { newVar } from './objects'

export type BasicKind =
  | 'invalid'
  | 'bool'
  | 'int' | 'int8' | 'int16' | 'int32' | 'int64'
  | 'uint' | 'uint8' | 'uint16' | 'uint32' | 'uint64' | 'uintptr'
  | 'float32' | 'float64'
  | 'unsafe.Pointer'
  | 'string'
  | 'untyped bool' | 'untyped int' | 'untyped rune' | 'untyped float' | 'untyped string' | 'untyped nil'

export interface BasicType {
  kind: 'basic'
  basic: BasicKind
  /** The spelling: `byte` and `rune` are uint8 and int32 under another name. */
  name: string
}

export interface PointerType {
  kind: 'pointer'
  elem: Type
}

export interface ArrayType {
  kind: 'array'
  len: number
  elem: Type
}

export interface SliceType {
  kind: 'slice'
  elem: Type
}

export interface StructType {
  kind: 'struct'
  /** Field objects (Var with varKind 'field'), in declaration order. */
  fields: Var[]
}

export interface Signature {
  kind: 'signature'
  /** The receiver of a method; null for functions and func types. */
  recv: Var | null
  params: Var[]
  results: Var[]
  /** The last parameter is `...T`; its type is []T. */
  variadic: boolean
}

export interface NamedType {
  kind: 'named'
  obj: TypeNameObj
  /** Set once the declaration is resolved; invalid until then. */
  underlying: Type
  /** Methods in declaration order (value and pointer receivers). */
  methods: FuncObj[]
}

/** `map[K]V` (a pointer to the runtime's map header, as gc lays it out). */
export interface MapType {
  kind: 'map'
  key: Type
  elem: Type
}

/**
 * An interface: its explicit methods (FuncObj with a receiver of the
 * interface type, `decl` unset) and embedded interfaces. The complete method
 * set is computed on first use by iface.ts (`allMethods`).
 */
export interface InterfaceType {
  kind: 'interface'
  methods: FuncObj[]
  embeddeds: Type[]
  /** Filled lazily: every method, own and embedded, sorted by name. */
  all?: FuncObj[]
}

/** `chan T`, `chan<- T`, `<-chan T`. */
export interface ChanType {
  kind: 'chan'
  dir: 'both' | 'send' | 'recv'
  elem: Type
}

/** The results of a call with several results. */
export interface TupleType {
  kind: 'tuple'
  vars: Var[]
}

export type Type = BasicType | PointerType | ArrayType | SliceType | StructType | Signature | NamedType | TupleType | MapType | InterfaceType | ChanType

// ---------------------------------------------------------------- basic types

function basic(kind: BasicKind, name: string = kind): BasicType {
  return { kind: 'basic', basic: kind, name }
}

/** The predeclared basic types, one object each. */
export const Typ = {
  invalid: basic('invalid', 'invalid type'),
  bool: basic('bool'),
  int: basic('int'),
  int8: basic('int8'),
  int16: basic('int16'),
  int32: basic('int32'),
  int64: basic('int64'),
  uint: basic('uint'),
  uint8: basic('uint8'),
  uint16: basic('uint16'),
  uint32: basic('uint32'),
  uint64: basic('uint64'),
  uintptr: basic('uintptr'),
  float32: basic('float32'),
  float64: basic('float64'),
  unsafePointer: basic('unsafe.Pointer'),
  string: basic('string'),
  byte: basic('uint8', 'byte'),
  rune: basic('int32', 'rune'),
  untypedBool: basic('untyped bool'),
  untypedInt: basic('untyped int'),
  untypedRune: basic('untyped rune'),
  untypedFloat: basic('untyped float'),
  untypedString: basic('untyped string'),
  untypedNil: basic('untyped nil'),
} as const

// ---------------------------------------------------------------- any and error

/** The predeclared `any`: printed `any`, identical to every other `interface{}`. */
export const anyType: InterfaceType = { kind: 'interface', methods: [], embeddeds: [], all: [] }

/** The predeclared `error`: `interface{ Error() string }`. */
export const errorType: NamedType = (() => {
  const iface: InterfaceType = { kind: 'interface', methods: [], embeddeds: [] }
  const obj: TypeNameObj = { kind: 'typename', name: 'error', pos: -1, type: Typ.invalid, alias: false }
  const named: NamedType = { kind: 'named', obj, underlying: iface, methods: [] }
  obj.type = named
  const recv = newVar('', -1, 'param', named)
  const sig: Signature = { kind: 'signature', recv, params: [], results: [newVar('', -1, 'result', Typ.string)], variadic: false }
  const m = { kind: 'func', name: 'Error', pos: -1, type: sig, decl: undefined as never, pragmas: [], recvBase: null, pointerRecv: false, gcName: 'error.Error', iface } satisfies FuncObj
  iface.methods.push(m)
  iface.all = [m]
  return named
})()

// ---------------------------------------------------------------- constructors

export const pointerTo = (elem: Type): PointerType => ({ kind: 'pointer', elem })
export const sliceOf = (elem: Type): SliceType => ({ kind: 'slice', elem })
export const arrayOf = (elem: Type, len: number): ArrayType => ({ kind: 'array', len, elem })
export const mapOf = (key: Type, elem: Type): MapType => ({ kind: 'map', key, elem })

// ---------------------------------------------------------------- structure

/** The underlying type: named types resolve to their declaration's type. */
export function under(t: Type): Type {
  return t.kind === 'named' ? t.underlying : t
}

/** Not the invalid type (a named type is valid even while its underlying type is being resolved). */
export function isValid(t: Type): boolean {
  return !(t.kind === 'basic' && t.basic === 'invalid')
}

function basicKindOf(t: Type): BasicKind | undefined {
  const u = under(t)
  return u.kind === 'basic' ? u.basic : undefined
}

const INTEGERS = new Set<BasicKind>(['int', 'int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr', 'untyped int', 'untyped rune'])
const UNSIGNED = new Set<BasicKind>(['uint', 'uint8', 'uint16', 'uint32', 'uint64', 'uintptr'])
const FLOATS = new Set<BasicKind>(['float32', 'float64', 'untyped float'])

export const isInteger = (t: Type): boolean => INTEGERS.has(basicKindOf(t) ?? 'invalid')
export const isUnsigned = (t: Type): boolean => UNSIGNED.has(basicKindOf(t) ?? 'invalid')
export const isFloat = (t: Type): boolean => FLOATS.has(basicKindOf(t) ?? 'invalid')
export const isNumeric = (t: Type): boolean => isInteger(t) || isFloat(t)
export const isBoolean = (t: Type): boolean => basicKindOf(t) === 'bool' || basicKindOf(t) === 'untyped bool'
export const isString = (t: Type): boolean => basicKindOf(t) === 'string' || basicKindOf(t) === 'untyped string'
export const isUntyped = (t: Type): boolean => t.kind === 'basic' && t.basic.startsWith('untyped')
export const isTyped = (t: Type): boolean => !isUntyped(t)
/** Types whose values can be constants (and that can be ordered with < when numeric). */
export const isConstType = (t: Type): boolean => isNumeric(t) || isBoolean(t) || isString(t)
export const isOrdered = (t: Type): boolean => isNumeric(t) || isString(t)
export const isPointer = (t: Type): boolean => under(t).kind === 'pointer'

/** Pointers, slices, maps and funcs have nil (and channels). */
export function hasNil(t: Type): boolean {
  const u = under(t)
  return u.kind === 'pointer' || u.kind === 'slice' || u.kind === 'signature' || isUnsafePointer(u) || u.kind === 'map' || u.kind === 'interface' || u.kind === 'chan'
}

export const isUnsafePointer = (t: Type): boolean => basicKindOf(t) === 'unsafe.Pointer'
export const isUintptr = (t: Type): boolean => basicKindOf(t) === 'uintptr'

export const isInterface = (t: Type): boolean => under(t).kind === 'interface'

/** Whether values of t support == (slices and funcs only against nil). */
export function isComparable(t: Type): boolean {
  const u = under(t)
  switch (u.kind) {
    case 'basic':
      return u.basic !== 'untyped nil'
    case 'pointer':
    case 'interface':
    case 'chan':
      return true
    case 'array':
      return isComparable(u.elem)
    case 'struct':
      return u.fields.every((f) => isComparable(f.type))
    default:
      return false
  }
}

/** The default type of an untyped constant kind. */
export function defaultType(t: Type): Type {
  if (t.kind !== 'basic') return t
  switch (t.basic) {
    case 'untyped bool':
      return Typ.bool
    case 'untyped int':
      return Typ.int
    case 'untyped rune':
      return Typ.rune
    case 'untyped float':
      return Typ.float64
    case 'untyped string':
      return Typ.string
    default:
      return t
  }
}

/** Whether a type has a name of its own (named or predeclared basic). */
export const hasName = (t: Type): boolean => t.kind === 'named' || t.kind === 'basic'

// ---------------------------------------------------------------- identity

export function identical(a: Type, b: Type): boolean {
  if (a === b) return true
  switch (a.kind) {
    case 'basic':
      return b.kind === 'basic' && a.basic === b.basic
    case 'pointer':
      return b.kind === 'pointer' && identical(a.elem, b.elem)
    case 'slice':
      return b.kind === 'slice' && identical(a.elem, b.elem)
    case 'map':
      return b.kind === 'map' && identical(a.key, b.key) && identical(a.elem, b.elem)
    case 'array':
      return b.kind === 'array' && a.len === b.len && identical(a.elem, b.elem)
    case 'struct':
      return (
        b.kind === 'struct' &&
        a.fields.length === b.fields.length &&
        a.fields.every((f, i) => {
          const g = b.fields[i]!
          return f.name === g.name && f.embedded === g.embedded && identical(f.type, g.type)
        })
      )
    case 'signature':
      return (
        b.kind === 'signature' &&
        a.variadic === b.variadic &&
        identicalVarTypes(a.params, b.params) &&
        identicalVarTypes(a.results, b.results)
      )
    case 'tuple':
      return b.kind === 'tuple' && identicalVarTypes(a.vars, b.vars)
    case 'interface':
      return b.kind === 'interface' && identicalInterfaces(a, b)
    case 'chan':
      return b.kind === 'chan' && a.dir === b.dir && identical(a.elem, b.elem)
    case 'named':
      return false // named types are identical only to themselves
  }
}

/** Same method names with identical signatures (method sets are compared, not declarations). */
function identicalInterfaces(a: InterfaceType, b: InterfaceType): boolean {
  const ma = allMethods(a)
  const mb = allMethods(b)
  return ma.length === mb.length && ma.every((m, i) => m.name === mb[i]!.name && identical(m.type, mb[i]!.type))
}

/**
 * The complete method set of an interface, sorted by name (types2's order
 * for "missing method" causes and gc's itab order). Embedded interfaces
 * contribute theirs; a name declared twice keeps its first declaration (the
 * checker reports the duplicate). Cached once the embedded types are resolved.
 */
export function allMethods(t: InterfaceType, seen: Set<InterfaceType> = new Set()): FuncObj[] {
  if (t.all) return t.all
  if (seen.has(t)) return []
  seen.add(t)
  const byName = new Map<string, FuncObj>()
  for (const m of t.methods) if (!byName.has(m.name)) byName.set(m.name, m)
  let complete = true
  for (const e of t.embeddeds) {
    if (e.kind === 'named' && e.underlying.kind === 'basic' && e.underlying.basic === 'invalid') complete = false
    const u = under(e)
    if (u.kind !== 'interface') continue
    for (const m of allMethods(u, seen)) if (!byName.has(m.name)) byName.set(m.name, m)
  }
  const list = [...byName.values()].sort((x, y) => (x.name < y.name ? -1 : x.name > y.name ? 1 : 0))
  if (complete) t.all = list
  return list
}

function identicalVarTypes(a: Var[], b: Var[]): boolean {
  return a.length === b.length && a.every((v, i) => identical(v.type, b[i]!.type))
}

// The brief's single entry point for type facts: printing and layout.
export { typeString, diagnosticTypeString } from './typestring'
export { sizeof, alignof, offsetof, fieldOffsets } from './sizes'
