// The generator's model of Go types, variables and scopes: just enough to
// write programs that type-check (and that gc accepts: every local read,
// every label used, no constant overflow).

import type { Rng } from '../rng'

export type IntName = 'int' | 'int8' | 'int16' | 'int32' | 'int64' | 'uint' | 'uint8' | 'uint16' | 'uint32' | 'uint64' | 'uintptr'
export type BasicName = IntName | 'float32' | 'float64' | 'bool'

export type Ty =
  | { k: 'basic'; name: BasicName }
  | { k: 'ptr'; elem: Ty }
  | { k: 'slice'; elem: Ty }
  | { k: 'array'; len: number; elem: Ty }
  | { k: 'struct'; def: StructDef }
  | { k: 'func'; params: Ty[]; results: Ty[] }

export interface Field {
  name: string
  ty: Ty
  /** An embedded field (`S0`): its name is its type's. */
  embedded: boolean
}

export interface MethodDef {
  name: string
  ptr: boolean
  params: Ty[]
  results: Ty[]
}

export interface StructDef {
  name: string
  fields: Field[]
  methods: MethodDef[]
}

export interface FuncDef {
  name: string
  /** With `variadic`, the last is the slice the body sees (`...T` is `[]T`). */
  params: Ty[]
  results: Ty[]
  variadic?: boolean
}

export const INT: Ty = { k: 'basic', name: 'int' }
export const BOOL: Ty = { k: 'basic', name: 'bool' }
export const basic = (name: BasicName): Ty => ({ k: 'basic', name })
export const ptr = (elem: Ty): Ty => ({ k: 'ptr', elem })
export const slice = (elem: Ty): Ty => ({ k: 'slice', elem })
export const array = (len: number, elem: Ty): Ty => ({ k: 'array', len, elem })
export const fn = (params: Ty[], results: Ty[]): Ty => ({ k: 'func', params, results })

export function tyStr(t: Ty): string {
  switch (t.k) {
    case 'basic':
      return t.name
    case 'ptr':
      return '*' + tyStr(t.elem)
    case 'slice':
      return '[]' + tyStr(t.elem)
    case 'array':
      return `[${t.len}]${tyStr(t.elem)}`
    case 'struct':
      return t.def.name
    case 'func':
      return `func(${t.params.map(tyStr).join(', ')})${resultsStr(t.results)}`
  }
}

export function resultsStr(rs: Ty[]): string {
  if (rs.length === 0) return ''
  if (rs.length === 1 && rs[0]!.k !== 'func') return ' ' + tyStr(rs[0]!)
  return ` (${rs.map(tyStr).join(', ')})`
}

export const same = (a: Ty, b: Ty): boolean => tyStr(a) === tyStr(b)

export const isInt = (t: Ty): t is { k: 'basic'; name: IntName } => t.k === 'basic' && t.name !== 'bool' && !t.name.startsWith('float')
export const isFloat = (t: Ty): boolean => t.k === 'basic' && t.name.startsWith('float')
export const isNumeric = (t: Ty): boolean => isInt(t) || isFloat(t)
export const isBool = (t: Ty): boolean => t.k === 'basic' && t.name === 'bool'
/** Types `nil` converts to. */
export const nilable = (t: Ty): boolean => t.k === 'ptr' || t.k === 'slice' || t.k === 'func'
/** Types println prints. */
export const printable = (t: Ty): boolean => t.k === 'basic' || t.k === 'ptr'

/** Size in bytes on a 64-bit target (for choosing big locals). */
export function sizeOf(t: Ty): number {
  switch (t.k) {
    case 'basic':
      return t.name === 'bool' || t.name.endsWith('8') ? 1 : t.name.endsWith('16') ? 2 : t.name.endsWith('32') ? 4 : 8
    case 'ptr':
    case 'func':
      return 8
    case 'slice':
      return 24
    case 'array':
      return t.len * sizeOf(t.elem)
    case 'struct':
      return t.def.fields.reduce((s, f) => s + Math.max(sizeOf(f.ty), 8), 0)
  }
}

export interface Var {
  name: string
  ty: Ty
  /** Read somewhere (gc refuses a local that is only written). */
  read: boolean
  kind: 'local' | 'param' | 'global' | 'result' | 'recv'
  /** Function nesting level it was declared at (0 = the top-level function). */
  fnLevel: number
}

/** What a function body being generated needs to know. */
export interface FnCtx {
  name: string
  results: Ty[]
  /** Named results, when the function has them. */
  named: Var[] | null
  /** Counters for fresh local names and labels, shared by nested closures. */
  counter: { v: number; label: number; closure: number }
  /** Statements left to write in this top-level function (closures share it): keeps programs small. */
  budget: { left: number }
  level: number
}

export interface Env {
  scopes: Var[][]
  fn: FnCtx
  /** Statement nesting depth. */
  depth: number
  /** Inside a loop (break/continue without a label are legal). */
  loop: boolean
  /** Inside a switch or loop (a bare break is legal). */
  breakable: boolean
  /** Enclosing labelled loops, for `break L` / `continue L`. */
  loopLabels: string[]
}

/** Program-wide state: declared types, globals, functions, the random source. */
export interface Gen {
  rng: Rng
  /** Appended to every top-level name, so many programs can share one package. */
  sfx: string
  structs: StructDef[]
  globals: Var[]
  funcs: FuncDef[]
}

export function visible(env: Env, g: Gen): Var[] {
  return [...g.globals, ...env.scopes.flat()]
}

export function declare(env: Env, name: string, ty: Ty, kind: Var['kind'] = 'local'): Var {
  const v: Var = { name, ty, read: false, kind, fnLevel: env.fn.level }
  env.scopes[env.scopes.length - 1]!.push(v)
  return v
}

export const freshVar = (env: Env): string => `v${env.fn.counter.v++}`
export const freshLabel = (env: Env): string => `L${env.fn.counter.label++}`

/** A random type, biased to what escape analysis and stack-slot merging care about. */
export function randomType(g: Gen, depth = 0): Ty {
  const r = g.rng
  const leaf = (): Ty =>
    r.weighted<Ty>([
      [10, INT],
      [2, basic(r.pick(['int8', 'int16', 'int32', 'int64', 'uint', 'uint8', 'uint32', 'uint64', 'uintptr'] as const))],
      [1, basic(r.pick(['float32', 'float64'] as const))],
      [2, BOOL],
    ])
  if (depth >= 2) return leaf()
  return r.weighted<() => Ty>([
    [8, leaf],
    [5, () => ptr(randomType(g, depth + 1))],
    [4, () => slice(randomType(g, depth + 1))],
    [3, () => array(r.pick([2, 3, 4, 8, 16, 40]), randomType(g, depth + 2))],
    [g.structs.length > 0 ? 4 : 0, () => ({ k: 'struct', def: r.pick(g.structs) })],
    [g.structs.length > 0 ? 3 : 0, () => ptr({ k: 'struct', def: r.pick(g.structs) })],
    [2, () => fn(r.chance(0.5) ? [INT] : [], [r.chance(0.6) ? INT : ptr(INT)])],
  ])()
}
