// SSA value types. Every type is interned by gc's spelling, so types compare
// with === and a snapshot stores just the string. Go types map in through
// `fromGo`; memory, flags, tuples and call results are SSA's own.

import { alignof, fieldOffsets, sizeof } from '../types/sizes'
import { allMethods, under, type Type } from '../types/types'
import { typeString } from '../types/typestring'

export type TypeKind =
  | 'bool' | 'int' | 'uint' | 'float' | 'ptr' | 'unsafeptr' | 'func'
  | 'string' | 'slice' | 'array' | 'struct' | 'interface'
  | 'mem' | 'flags' | 'void' | 'tuple' | 'results'

export interface SsaField {
  name: string
  type: SsaType
  offset: number
}

export interface SsaType {
  /** gc's spelling. */
  readonly str: string
  /** Identity: the spelling, with named types told apart (two files may both declare `T`). */
  readonly key: string
  readonly kind: TypeKind
  readonly size: number
  readonly align: number
  /** Pointer target, slice or array element. */
  readonly elem?: SsaType
  readonly len?: number
  readonly fields?: readonly SsaField[]
  /** Tuple and call-result components. */
  readonly parts?: readonly SsaType[]
  readonly hasPointers: boolean
  /** The Go type, for types that came from the program. */
  readonly go?: Type
  /** Interfaces: no methods (an eface: type word, data word); else an iface (itab word, data word). */
  readonly empty?: boolean
}

const interned = new Map<string, SsaType>()

function intern(t: Omit<SsaType, 'key'> & { key?: string }): SsaType {
  const key = t.key ?? t.str
  const old = interned.get(key)
  if (old) return old
  const r = Object.defineProperty(t, 'key', { value: key, enumerable: true }) as SsaType
  interned.set(key, r)
  return r
}

const namedIds = new WeakMap<object, number>()
let nextNamedId = 1
/** A key for a Go type: its spelling with every named type made unique. */
function goKey(t: Type): string {
  switch (t.kind) {
    case 'named': {
      let id = namedIds.get(t.obj)
      if (id === undefined) namedIds.set(t.obj, (id = nextNamedId++))
      return `${t.obj.name}#${id}`
    }
    case 'pointer':
      return `*${goKey(t.elem)}`
    case 'slice':
      return `[]${goKey(t.elem)}`
    case 'array':
      return `[${t.len}]${goKey(t.elem)}`
    case 'struct':
      return `struct{${t.fields.map((f) => `${f.name} ${goKey(f.type)}`).join(';')}}`
    default:
      return typeString(t)
  }
}

function basic(str: string, kind: TypeKind, size: number): SsaType {
  return intern({ str, kind, size, align: size, hasPointers: false })
}

export const T = {
  bool: basic('bool', 'bool', 1),
  int8: basic('int8', 'int', 1),
  int16: basic('int16', 'int', 2),
  int32: basic('int32', 'int', 4),
  int64: basic('int64', 'int', 8),
  int: basic('int', 'int', 8),
  uint8: basic('uint8', 'uint', 1),
  uint16: basic('uint16', 'uint', 2),
  uint32: basic('uint32', 'uint', 4),
  uint64: basic('uint64', 'uint', 8),
  uint: basic('uint', 'uint', 8),
  uintptr: basic('uintptr', 'uint', 8),
  /** gc prints the aliases by the name the source used (`*byte`); parseType reads them back. */
  byte: basic('byte', 'uint', 1),
  rune: basic('rune', 'int', 4),
  float32: basic('float32', 'float', 4),
  float64: basic('float64', 'float', 8),
  /** A (data pointer, length) pair. */
  string: intern({ str: 'string', kind: 'string', size: 16, align: 8, hasPointers: true }),
  unsafePointer: intern({ str: 'unsafe.Pointer', kind: 'unsafeptr', size: 8, align: 8, hasPointers: true }),
  mem: intern({ str: 'mem', kind: 'mem', size: 0, align: 1, hasPointers: false }),
  flags: intern({ str: 'flags', kind: 'flags', size: 0, align: 1, hasPointers: false }),
  void: intern({ str: 'void', kind: 'void', size: 0, align: 1, hasPointers: false }),
  /** The predeclared interfaces, so gc dumps' `any` and `error` read back as interfaces. */
  any: intern({ str: 'any', kind: 'interface', size: 16, align: 8, hasPointers: true, empty: true }),
  error: intern({ str: 'error', kind: 'interface', size: 16, align: 8, hasPointers: true, empty: false }),
} as const

export function ptrTo(elem: SsaType): SsaType {
  return intern({ str: `*${elem.str}`, key: `*${elem.key}`, kind: 'ptr', size: 8, align: 8, elem, hasPointers: true })
}

export const bytePtr = ptrTo(T.uint8)

/** A call's results followed by memory, as gc prints them: `int,mem`, `unsafe.Pointer,mem`, `mem`. */
export function results(parts: SsaType[]): SsaType {
  return intern({ str: parts.map((p) => p.str).join(','), key: `(${parts.map((p) => p.key).join(',')})`, kind: 'results', size: 0, align: 1, parts, hasPointers: false })
}

/** A two-element tuple (Select0/Select1 ops); gc prints it like results, `int,flags`. */
export function tuple(a: SsaType, b: SsaType): SsaType {
  return intern({ str: `${a.str},${b.str}`, key: `tuple(${a.key},${b.key})`, kind: 'tuple', size: 0, align: 1, parts: [a, b], hasPointers: false })
}

const fromGoCache = new WeakMap<Type, SsaType>()

export function fromGo(t: Type): SsaType {
  const cached = fromGoCache.get(t)
  if (cached) return cached
  const r = convert(t)
  fromGoCache.set(t, r)
  return r
}

function convert(t: Type): SsaType {
  const str = typeString(t)
  const key = goKey(t)
  const old = interned.get(key)
  if (old) return old
  const u = under(t)
  const size = sizeof(t)
  const align = alignof(t)
  switch (u.kind) {
    case 'basic': {
      const b = (T as Record<string, SsaType>)[u.basic === 'untyped string' ? 'string' : u.basic]
      if (!b) throw new Error(`no SSA type for ${u.basic}`)
      return t.kind === 'named' ? intern({ ...b, str, key, go: t }) : b
    }
    case 'pointer':
      // Lazy: pointers are how types refer to themselves (type node struct{ next *node }).
      return intern(withLazyElem({ str, key, kind: 'ptr', size, align, hasPointers: true, go: t }, u.elem))
    case 'signature':
    case 'map': // a map is a pointer to the runtime's map header: pointer-shaped, like a func value
    // A channel is one pointer word (*hchan), like a func value.
    case 'chan':
      return intern({ str, key, kind: 'func', size, align, hasPointers: true, go: t })
    case 'slice':
      return intern(withLazyElem({ str, key, kind: 'slice', size, align, hasPointers: true, go: t }, u.elem))
    case 'array': {
      const elem = fromGo(u.elem)
      return intern({ str, key, kind: 'array', size, align, elem, len: u.len, hasPointers: u.len > 0 && elem.hasPointers, go: t })
    }
    case 'struct': {
      const offs = fieldOffsets(u)
      const fields = u.fields.map((f, i) => ({ name: f.name, type: fromGo(f.type), offset: offs[i]! }))
      return intern({ str, key, kind: 'struct', size, align, fields, hasPointers: fields.some((f) => f.type.hasPointers), go: t })
    }
    case 'interface':
      return intern({ str, key, kind: 'interface', size, align, hasPointers: true, go: t, empty: allMethods(u).length === 0 })
    default:
      throw new Error(`no SSA type for ${str}`)
  }
}

function withLazyElem<X extends object>(t: X, elem: Type): X {
  let e: SsaType | undefined
  return Object.defineProperty(t, 'elem', { get: () => (e ??= fromGo(elem)), enumerable: true })
}

/** A struct type SSA builds itself (closure records): `struct { F uintptr; X0 *int }`. */
export function structOf(fields: { name: string; type: SsaType }[], prefix = ''): SsaType {
  let off = 0
  let align = 1
  const fs: SsaField[] = fields.map((f) => {
    off = Math.ceil(off / f.type.align) * f.type.align
    const r = { name: f.name, type: f.type, offset: off }
    off += f.type.size
    align = Math.max(align, f.type.align)
    return r
  })
  const size = Math.ceil(off / align) * align
  const str = fields.length ? `${prefix}struct { ${fields.map((f) => `${f.name} ${f.type.str}`).join('; ')} }` : `${prefix}struct {}`
  return intern({ str, kind: 'struct', size, align, fields: fs, hasPointers: fs.some((f) => f.type.hasPointers) })
}

/** The runtime's _defer record deferprocStack takes (ssagen's deferstruct; fn at offset 24): 48 bytes, no pointers. */
export function deferRecordType(): SsaType {
  const { key: _key, ...t } = structOf([
    { name: 'heap', type: T.bool },
    { name: 'rangefunc', type: T.bool },
    { name: 'sp', type: T.uintptr },
    { name: 'pc', type: T.uintptr },
    { name: 'fn', type: T.uintptr },
    { name: 'link', type: T.uintptr },
    { name: 'head', type: T.uintptr },
  ])
  return intern({ ...t, str: 'runtime._defer' })
}

export const isInteger = (t: SsaType): boolean => t.kind === 'int' || t.kind === 'uint'
export const isSigned = (t: SsaType): boolean => t.kind === 'int'
export const isPtrShaped = (t: SsaType): boolean => t.kind === 'ptr' || t.kind === 'unsafeptr' || t.kind === 'func'
/** gc's CanSSA: small structs and arrays of at most one element are decomposed into SSA values. */
export function canSSA(t: SsaType): boolean {
  if (t.size > 4 * 8) return false
  if (t.kind === 'array') return (t.len ?? 0) <= 1 && canSSA(t.elem!)
  if (t.kind === 'struct') return t.fields!.length <= 4 && t.fields!.every((f) => canSSA(f.type))
  return true
}

/** A type known only by its name (a named type read from a gc dump): no layout. */
export function opaque(str: string): SsaType {
  return intern({ str, kind: 'struct', size: 0, align: 1, fields: [], hasPointers: true })
}

/** A runtime struct known by its layout only (internal/runtime/maps.Map, a map's group): fields are addressed with OffPtr. */
export function layoutStruct(str: string, size: number, align: number, hasPointers: boolean): SsaType {
  return intern({ str, kind: 'struct', size, align, fields: [], hasPointers })
}

/** internal/runtime/maps.Map, a map's header: used uint64, seed uintptr, dirPtr unsafe.Pointer, dirLen int, four bytes, clearSeq uint64. */
export const mapHeaderType = (): SsaType => layoutStruct('internal/runtime/maps.Map', 48, 8, true)

/** internal/runtime/maps.Iter (reflectdata's MapIterType): key and elem pointers first, 96 bytes. */
export const mapIterType = (): SsaType => layoutStruct('internal/runtime/maps.Iter', 96, 8, true)

/** reflectdata's MapGroupType for keys and elements stored inline: ctrl uint64, then 8 slots of struct{ key K; elem V }. */
export function mapGroupType(k: SsaType, e: SsaType): SsaType {
  const elemOff = Math.ceil(k.size / e.align) * e.align
  const align = Math.max(k.align, e.align)
  const slot = Math.ceil((elemOff + e.size) / align) * align
  return layoutStruct(`map.group[${k.str}]${e.str}`, 8 + 8 * slot, 8, k.hasPointers || e.hasPointers)
}

/** `map[K]V` or `map.group[K]V` split after the key's closing bracket. */
function mapParts(s: string, prefix: string): [string, string] | null {
  if (!s.startsWith(prefix)) return null
  let depth = 0
  for (let i = prefix.length - 1; i < s.length; i++) {
    if (s[i] === '[') depth++
    else if (s[i] === ']' && --depth === 0) return [s.slice(prefix.length, i), s.slice(i + 1)]
  }
  return null
}

export function funcType(str: string): SsaType {
  return intern({ str, kind: 'func', size: 8, align: 8, hasPointers: true })
}

export function sliceOf(elem: SsaType): SsaType {
  return intern({ str: `[]${elem.str}`, key: `[]${elem.key}`, kind: 'slice', size: 24, align: 8, elem, hasPointers: true })
}

export function arrayOf(elem: SsaType, len: number): SsaType {
  return intern({ str: `[${len}]${elem.str}`, key: `[${len}]${elem.key}`, kind: 'array', size: elem.size * len, align: elem.align, elem, len, hasPointers: len > 0 && elem.hasPointers })
}

/** Read gc's spelling of a type back (for gc dumps and tests): the inverse of `str` where it can be. */
export function parseType(s: string): SsaType {
  const known = interned.get(s)
  if (known) return known
  const top = splitTop(s, ',')
  // The text is ambiguous: a pair with flags is an op's tuple (ANDCCconst), the rest are call results.
  if (top.length === 2 && top[1] === 'flags') return tuple(parseType(top[0]!), T.flags)
  if (top.length > 1) return results(top.map(parseType))
  if (s.startsWith('*')) return ptrTo(parseType(s.slice(1)))
  if (s.startsWith('[]')) return sliceOf(parseType(s.slice(2)))
  const arr = /^\[(\d+)\](.*)$/.exec(s)
  if (arr) return arrayOf(parseType(arr[2]!), Number(arr[1]))
  if (s.startsWith('(') && s.endsWith(')')) {
    const parts = splitTop(s.slice(1, -1), ',')
    if (parts.length === 2) return tuple(parseType(parts[0]!), parseType(parts[1]!))
  }
  const st = /^((?:\w+\.)?)struct \{ (.*) \}$/.exec(s)
  if (st) {
    const fields = splitTop(st[2]!, ';').map((f) => {
      const fs = f.trim()
      const sp = fs.indexOf(' ')
      return { name: fs.slice(0, sp), type: parseType(fs.slice(sp + 1)) }
    })
    return structOf(fields, st[1])
  }
  if (s === 'struct {}') return structOf([])
  if (s.startsWith('func(')) return funcType(s)
  // Maps are pointer-shaped; the runtime's map structures have the layouts SSA construction gives them.
  if (mapParts(s, 'map[')) return funcType(s)
  // Channels are pointer-shaped too (gc's dumps of closures load them from the record).
  if (/^(chan |chan<- |<-chan )/.test(s)) return funcType(s)
  if (s === 'runtime._defer') return deferRecordType()
  if (s === 'internal/runtime/maps.Map') return mapHeaderType()
  if (s === 'internal/runtime/maps.Iter') return mapIterType()
  const group = mapParts(s, 'map.group[')
  if (group) return mapGroupType(parseType(group[0]), parseType(group[1]))
  return opaque(s)
}

function splitTop(s: string, sep: string): string[] {
  const out: string[] = []
  let depth = 0
  let start = 0
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!
    if (c === '(' || c === '[' || c === '{') depth++
    else if (c === ')' || c === ']' || c === '}') depth--
    else if (c === sep && depth === 0) {
      out.push(s.slice(start, i).trim())
      start = i + 1
    }
  }
  out.push(s.slice(start).trim())
  return out
}
