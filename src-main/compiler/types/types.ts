// Go types of the level-1 subset, as gc sees them: basic types (with the
// untyped constant kinds), pointers, arrays, slices, structs, signatures,
// named types and result tuples. Types are plain objects compared with
// `identical`, never with ===, except named types, which are unique by
// declaration. Sizes live in sizes.ts; printing in typestring.ts.

import type { FuncObj, TypeNameObj, Var } from './objects'

export type BasicKind =
  | 'invalid'
  | 'bool'
  | 'int' | 'int8' | 'int16' | 'int32' | 'int64'
  | 'uint' | 'uint8' | 'uint16' | 'uint32' | 'uint64' | 'uintptr'
  | 'float32' | 'float64'
  | 'untyped bool' | 'untyped int' | 'untyped rune' | 'untyped float' | 'untyped nil'

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

export type Type = BasicType | PointerType | ArrayType | SliceType | StructType | Signature | NamedType | TupleType | ChanType

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
  byte: basic('uint8', 'byte'),
  rune: basic('int32', 'rune'),
  untypedBool: basic('untyped bool'),
  untypedInt: basic('untyped int'),
  untypedRune: basic('untyped rune'),
  untypedFloat: basic('untyped float'),
  untypedNil: basic('untyped nil'),
} as const

// ---------------------------------------------------------------- constructors

export const pointerTo = (elem: Type): PointerType => ({ kind: 'pointer', elem })
export const sliceOf = (elem: Type): SliceType => ({ kind: 'slice', elem })
export const arrayOf = (elem: Type, len: number): ArrayType => ({ kind: 'array', len, elem })

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
export const isUntyped = (t: Type): boolean => t.kind === 'basic' && t.basic.startsWith('untyped')
export const isTyped = (t: Type): boolean => !isUntyped(t)
/** Types whose values can be constants (and that can be ordered with < when numeric). */
export const isConstType = (t: Type): boolean => isNumeric(t) || isBoolean(t)
export const isOrdered = (t: Type): boolean => isNumeric(t)
export const isPointer = (t: Type): boolean => under(t).kind === 'pointer'

/** Pointers, slices, funcs and channels have nil (maps and interfaces are not in the subset). */
export function hasNil(t: Type): boolean {
  const u = under(t)
  return u.kind === 'pointer' || u.kind === 'slice' || u.kind === 'signature' || u.kind === 'chan'
}

/** Whether values of t support == (slices and funcs only against nil). */
export function isComparable(t: Type): boolean {
  const u = under(t)
  switch (u.kind) {
    case 'basic':
      return u.basic !== 'untyped nil'
    case 'pointer':
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
    case 'chan':
      return b.kind === 'chan' && a.dir === b.dir && identical(a.elem, b.elem)
    case 'named':
      return false // named types are identical only to themselves
  }
}

function identicalVarTypes(a: Var[], b: Var[]): boolean {
  return a.length === b.length && a.every((v, i) => identical(v.type, b[i]!.type))
}

// The brief's single entry point for type facts: printing and layout.
export { typeString, diagnosticTypeString } from './typestring'
export { sizeof, alignof, offsetof, fieldOffsets } from './sizes'
