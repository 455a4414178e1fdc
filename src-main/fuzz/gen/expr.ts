// Typed expressions over what is in scope. Every producer checks that it
// applies (a variable of the right type exists, a field has the type…), so
// the result always type-checks; constants stay small so nothing overflows.

import {
  BOOL, INT, isBool, isFloat, isInt, isNumeric, nilable, same, tyStr, visible,
  type Env, type FuncDef, type Gen, type MethodDef, type StructDef, type Ty, type Var,
} from './types'

export interface Expr {
  text: string
  /** An untyped constant or nil: needs a typed context (`var x T = …`). */
  konst: boolean
}

const E = (text: string, konst = false): Expr => ({ text, konst })

/**
 * Runs a producer that may give up (null) or be rejected; what it marked
 * read stays marked only when its result is kept (a local that only a
 * discarded expression read would be "declared and not used").
 */
export function attempt<T>(g: Gen, env: Env, f: () => T | null, keep: (x: T) => boolean = () => true): T | null {
  const unread = visible(env, g).filter((v) => !v.read)
  const x = f()
  if (x !== null && keep(x)) return x
  for (const v of unread) v.read = false
  return null
}

/** A variable of type `ty`, marked read. */
export function readVar(v: Var): string {
  v.read = true
  return v.name
}

export function varsOf(g: Gen, env: Env, pred: (t: Ty) => boolean): Var[] {
  return visible(env, g).filter((v) => pred(v.ty))
}

/** A small literal of a basic type (never 0 when `nonzero`). */
export function literal(g: Gen, ty: Ty, nonzero = false): string {
  const r = g.rng
  if (isBool(ty)) return r.chance(0.5) ? 'true' : 'false'
  if (isFloat(ty)) return r.pick(['1.5', '2.0', '0.25', '3.0', '100.5'])
  return String(r.range(nonzero ? 1 : 0, r.chance(0.8) ? 9 : 100))
}

type Producer = () => Expr | null

/** An expression of type `ty`. */
export function expr(g: Gen, env: Env, ty: Ty, depth = 0): Expr {
  const r = g.rng
  const leafOnly = depth >= 3
  const ps: [number, Producer][] = []
  const vs = varsOf(g, env, (t) => same(t, ty))
  if (vs.length > 0) ps.push([leafOnly ? 30 : 12, () => E(readVar(r.pick(vs)))])

  if (ty.k === 'basic') {
    ps.push([leafOnly ? 10 : 4, () => E(literal(g, ty), true)])
    if (isNumeric(ty) && !leafOnly) {
      ps.push([6, () => binary(g, env, ty, depth)])
      ps.push([1, () => {
        const a = nonConst(g, env, ty, depth + 1)
        return a && E(`${r.pick(isInt(ty) ? ['-', '^'] : ['-'])}${paren(a)}`)
      }])
    }
    if (isInt(ty) && !leafOnly) {
      ps.push([3, () => shift(g, env, ty, depth)])
      ps.push([2, () => {
        const from = varsOf(g, env, (t) => (isInt(t) || isFloat(t)) && !same(t, ty))
        return from.length > 0 ? E(`${tyStr(ty)}(${readVar(r.pick(from))})`) : null
      }])
    }
    if (ty.k === 'basic' && ty.name === 'int' && !leafOnly) {
      ps.push([3, () => {
        const ss = varsOf(g, env, (t) => t.k === 'slice')
        return ss.length > 0 ? E(`${r.pick(['len', 'cap'])}(${readVar(r.pick(ss))})`) : null
      }])
    }
    if (isFloat(ty) && !leafOnly) {
      ps.push([1, () => {
        const from = varsOf(g, env, (t) => isInt(t))
        return from.length > 0 ? E(`${tyStr(ty)}(${readVar(r.pick(from))})`) : null
      }])
    }
    if (isBool(ty) && !leafOnly) {
      ps.push([8, () => compare(g, env, depth)])
      ps.push([2, () => E(`!${paren(expr(g, env, BOOL, depth + 1))}`)])
      ps.push([3, () => {
        const a = compare(g, env, depth + 1)
        return a && E(`${a.text} ${r.pick(['&&', '||'])} ${paren(expr(g, env, BOOL, depth + 1))}`)
      }])
    }
  }
  if (!leafOnly) {
    ps.push([4, () => deref(g, env, ty, depth)])
    ps.push([4, () => index(g, env, ty, depth)])
    ps.push([4, () => field(g, env, ty)])
    ps.push([3, () => call(g, env, ty, depth)])
    ps.push([1, () => literalField(g, env, ty, depth)])
  }
  switch (ty.k) {
    case 'ptr':
      ps.push([6, () => addrOf(g, env, ty.elem, depth)])
      ps.push([2, () => E(`new(${tyStr(ty.elem)})`)])
      if (!leafOnly && (ty.elem.k === 'struct' || ty.elem.k === 'array')) ps.push([3, () => E('&' + composite(g, env, ty.elem, depth + 1).text)])
      break
    case 'slice':
      ps.push([3, () => E(`make(${tyStr(ty)}, ${r.chance(0.5) ? literal(g, INT) : intExpr(g, env, depth + 1)})`)])
      ps.push([1, () => E(`make(${tyStr(ty)}, ${r.range(0, 3)}, ${r.range(4, 20)})`)])
      if (!leafOnly) {
        ps.push([3, () => composite(g, env, ty, depth + 1)])
        ps.push([3, () => slicing(g, env, ty, depth)])
        ps.push([3, () => appendExpr(g, env, ty, depth)])
      }
      break
    case 'array':
    case 'struct':
      ps.push([leafOnly ? 2 : 5, () => composite(g, env, ty, depth + 1)])
      break
    case 'func':
      ps.push([leafOnly ? 1 : 4, () => funcValue(g, env, ty, depth)])
      break
  }
  if (nilable(ty)) ps.push([1, () => E('nil', true)])

  // Try producers by weight until one applies.
  for (let tries = 0; tries < 20; tries++) {
    const e = attempt(g, env, r.weighted(ps))
    if (e) return e
  }
  return zero(ty)
}

/** An expression of type ty that is not a constant (for operands that must not fold). */
export function nonConst(g: Gen, env: Env, ty: Ty, depth: number): Expr | null {
  for (let i = 0; i < 6; i++) {
    const e = attempt(g, env, () => expr(g, env, ty, depth), (x) => !x.konst)
    if (e) return e
  }
  const vs = varsOf(g, env, (t) => same(t, ty))
  return vs.length > 0 ? E(readVar(g.rng.pick(vs))) : null
}

export const intExpr = (g: Gen, env: Env, depth: number): string => expr(g, env, INT, depth).text

/** Wraps anything but a primary expression (name, selector, call, index, literal) in parentheses. */
export function paren(e: Expr | string): string {
  const t = typeof e === 'string' ? e : e.text
  let depth = 0
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!
    if (c === '(' || c === '[' || c === '{') depth++
    else if (c === ')' || c === ']' || c === '}') depth--
    else if (depth === 0 && !/[\w.*]/.test(c)) return `(${t})`
    else if (depth === 0 && c === '*' && i > 0) return `(${t})`
  }
  return t.startsWith('*') || t.startsWith('func') ? `(${t})` : t
}

/** The zero value, when nothing else applies. */
export function zero(ty: Ty): Expr {
  if (ty.k === 'basic') return E(isBool(ty) ? 'false' : '0', true)
  if (nilable(ty)) return E(`${convType(ty)}(nil)`)
  return E(`${tyStr(ty)}{}`)
}

/** A type as the operand of a conversion: `(*T)(x)`, `(func() int)(x)`. */
export function convType(ty: Ty): string {
  const t = tyStr(ty)
  return /^\*|func/.test(t) ? `(${t})` : t
}

function binary(g: Gen, env: Env, ty: Ty, depth: number): Expr | null {
  const r = g.rng
  const a = nonConst(g, env, ty, depth + 1)
  if (!a) return null
  const ops = isInt(ty) ? ['+', '-', '*', '&', '|', '^', '&^', '/', '%'] : ['+', '-', '*', '/']
  const op = r.pick(ops)
  const b = op === '/' || op === '%' ? (r.chance(0.7) ? E(literal(g, ty, true), true) : nonConst(g, env, ty, depth + 1) ?? E('1', true)) : expr(g, env, ty, depth + 1)
  return r.chance(0.5) || b.konst ? E(`${paren(a)} ${op} ${paren(b)}`) : E(`${paren(b)} ${op} ${paren(a)}`)
}

function shift(g: Gen, env: Env, ty: Ty, depth: number): Expr | null {
  const r = g.rng
  const a = nonConst(g, env, ty, depth + 1)
  if (!a) return null
  const op = r.pick(['<<', '>>'])
  const counts = varsOf(g, env, isInt)
  const count = r.weighted<() => string>([
    [3, () => String(r.range(0, 7))],
    [1, () => `uint(${r.range(1, 6)})`],
    [counts.length > 0 ? 2 : 0, () => `uint(${readVar(r.pick(counts))})`],
    [counts.length > 0 ? 1 : 0, () => `(${readVar(r.pick(counts))} & 7)`],
  ])()
  const mask = r.chance(0.3) ? ` & ${r.range(1, 63)}` : ''
  return E(`${paren(a)} ${op} ${count}${mask}`)
}

function compare(g: Gen, env: Env, depth: number): Expr | null {
  const r = g.rng
  const kinds = varsOf(g, env, (t) => isNumeric(t) || t.k === 'ptr' || t.k === 'slice' || t.k === 'func')
  if (kinds.length === 0 || r.chance(0.3)) {
    return E(`${paren(nonConst(g, env, INT, depth + 1) ?? E('len([]int{})'))} ${r.pick(['<', '<=', '>', '>=', '==', '!='])} ${paren(expr(g, env, INT, depth + 1))}`)
  }
  const v = r.pick(kinds)
  const a = readVar(v)
  if (isNumeric(v.ty)) return E(`${a} ${r.pick(['<', '<=', '>', '>=', '==', '!='])} ${paren(expr(g, env, v.ty, depth + 1))}`)
  if (v.ty.k === 'ptr' && r.chance(0.5)) return E(`${a} ${r.pick(['==', '!='])} ${paren(expr(g, env, v.ty, depth + 1))}`)
  return E(`${a} ${r.pick(['==', '!='])} nil`)
}

/** `*p` for a pointer to ty. */
function deref(g: Gen, env: Env, ty: Ty, depth: number): Expr | null {
  const ps = varsOf(g, env, (t) => t.k === 'ptr' && same(t.elem, ty))
  if (ps.length === 0) return g.rng.chance(0.3) && ty.k !== 'func' ? E(`*${paren(addrOf(g, env, ty, depth + 1) ?? E(`new(${tyStr(ty)})`))}`) : null
  return E(`*${readVar(g.rng.pick(ps))}`)
}

/** `s[i]` / `a[i]` / `p[i]` for an element of type ty. */
function index(g: Gen, env: Env, ty: Ty, depth: number): Expr | null {
  const r = g.rng
  const cs = varsOf(g, env, (t) => ((t.k === 'slice' || t.k === 'array') && same(t.elem, ty)) || (t.k === 'ptr' && t.elem.k === 'array' && same(t.elem.elem, ty)))
  if (cs.length === 0) return null
  const v = r.pick(cs)
  const len = v.ty.k === 'array' ? v.ty.len : v.ty.k === 'ptr' && v.ty.elem.k === 'array' ? v.ty.elem.len : 0
  return E(`${readVar(v)}[${indexExpr(g, env, len, depth)}]`)
}

/** An index: a constant below `len` (when len > 0), or an int expression. */
export function indexExpr(g: Gen, env: Env, len: number, depth: number): string {
  const r = g.rng
  if (r.chance(0.5)) return String(r.int(len > 0 ? len : 4))
  const e = nonConst(g, env, INT, depth + 1)
  if (!e) return String(r.int(len > 0 ? len : 4))
  return r.chance(0.3) && len > 0 && (len & (len - 1)) === 0 ? `${paren(e)} & ${len - 1}` : e.text
}

/** Fields of a struct reachable by name (promoted through embedded ones, depth 1). */
export function fieldsOf(def: StructDef): { path: string; ty: Ty }[] {
  const out: { path: string; ty: Ty }[] = []
  for (const f of def.fields) {
    out.push({ path: f.name, ty: f.ty })
    if (f.embedded && f.ty.k === 'struct') {
      for (const h of f.ty.def.fields) if (!def.fields.some((x) => x.name === h.name)) out.push({ path: h.name, ty: h.ty })
    }
  }
  return out
}

/** `s.f` / `p.f` for a field of type ty. */
function field(g: Gen, env: Env, ty: Ty): Expr | null {
  const r = g.rng
  const cands: { v: Var; path: string }[] = []
  for (const v of visible(env, g)) {
    const def = v.ty.k === 'struct' ? v.ty.def : v.ty.k === 'ptr' && v.ty.elem.k === 'struct' ? v.ty.elem.def : null
    if (!def) continue
    for (const f of fieldsOf(def)) if (same(f.ty, ty)) cands.push({ v, path: f.path })
  }
  if (cands.length === 0) return null
  const c = r.pick(cands)
  return E(`${readVar(c.v)}.${c.path}`)
}

/** `T{…}.f`, `(&T{…}).f`, `[N]T{…}[i]`: fields and elements of literals. */
function literalField(g: Gen, env: Env, ty: Ty, depth: number): Expr | null {
  const r = g.rng
  const defs = g.structs.filter((d) => fieldsOf(d).some((f) => same(f.ty, ty)))
  if (defs.length === 0) return null
  const def = r.pick(defs)
  const f = r.pick(fieldsOf(def).filter((x) => same(x.ty, ty)))
  const lit = composite(g, env, { k: 'struct', def }, depth + 1).text
  return E(r.chance(0.5) ? `${lit}.${f.path}` : `(&${lit}).${f.path}`)
}

/** `&x`, `&x.f`, `&a[i]`, `&s[i]`: the address of something of type ty. */
export function addrOf(g: Gen, env: Env, ty: Ty, depth: number): Expr | null {
  const r = g.rng
  const ps: [number, () => Expr | null][] = []
  const vs = varsOf(g, env, (t) => same(t, ty))
  if (vs.length > 0) ps.push([6, () => E('&' + readVar(r.pick(vs)))])
  ps.push([2, () => {
    const f = field(g, env, ty)
    return f && E('&' + f.text)
  }])
  ps.push([2, () => {
    const i = index(g, env, ty, depth + 1)
    return i && E('&' + i.text)
  }])
  for (let i = 0; i < 4; i++) {
    const e = attempt(g, env, r.weighted(ps))
    if (e) return e
  }
  return null
}

/** Struct, array and slice literals (keyed or positional). */
export function composite(g: Gen, env: Env, ty: Ty, depth: number): Expr {
  const r = g.rng
  const inner = depth + 1
  if (ty.k === 'struct') {
    const fields = ty.def.fields
    if (fields.length === 0 || r.chance(0.2)) return E(`${ty.def.name}{}`)
    if (r.chance(0.3)) return E(`${ty.def.name}{${fields.map((f) => expr(g, env, f.ty, inner).text).join(', ')}}`)
    const chosen = fields.filter(() => r.chance(0.5))
    return E(`${ty.def.name}{${chosen.map((f) => `${f.name}: ${expr(g, env, f.ty, inner).text}`).join(', ')}}`)
  }
  if (ty.k === 'array' || ty.k === 'slice') {
    const max = ty.k === 'array' ? Math.min(ty.len, 4) : 4
    const n = r.int(max + 1)
    if (ty.k === 'array' && r.chance(0.3) && ty.len > 1) return E(`${tyStr(ty)}{${r.int(ty.len)}: ${elem(g, env, ty.elem, inner)}}`)
    const items: string[] = []
    for (let i = 0; i < n; i++) items.push(elem(g, env, ty.elem, inner))
    return E(`${tyStr(ty)}{${items.join(', ')}}`)
  }
  return expr(g, env, ty, depth)
}

/** A literal's element: elided type for `{…}` composites sometimes, as gofmt -s writes them. */
function elem(g: Gen, env: Env, ty: Ty, depth: number): string {
  if ((ty.k === 'struct' || ty.k === 'array') && g.rng.chance(0.4)) return composite(g, env, ty, depth).text.replace(/^[^{]*/, '')
  if (ty.k === 'ptr' && ty.elem.k === 'struct' && g.rng.chance(0.3)) return composite(g, env, ty.elem, depth).text.replace(/^[^{]*/, '')
  return expr(g, env, ty, depth).text
}

function slicing(g: Gen, env: Env, ty: Ty & { k: 'slice' }, depth: number): Expr | null {
  const r = g.rng
  const src = varsOf(g, env, (t) => (t.k === 'slice' || t.k === 'array') && same(t.elem, ty.elem))
  if (src.length === 0) return null
  const v = r.pick(src)
  const name = readVar(v)
  if (v.ty.k === 'array') {
    const n = v.ty.len
    const lo = r.int(n + 1)
    return E(r.weighted<string>([[2, `${name}[:]`], [2, `${name}[${lo}:]`], [1, `${name}[${lo}:${r.range(lo, n)}]`], [1, `${name}[:${r.range(0, n)}:${n}]`]]))
  }
  const i = (): string => nonConst(g, env, INT, depth + 1)?.text ?? '1'
  return E(r.weighted<() => string>([[2, () => `${name}[1:]`], [2, () => `${name}[:${i()}]`], [1, () => `${name}[${r.int(2)}:${r.range(2, 3)}]`], [1, () => `${name}[:0:0]`], [1, () => `${name}[${i()}:]`]])())
}

function appendExpr(g: Gen, env: Env, ty: Ty & { k: 'slice' }, depth: number): Expr | null {
  const r = g.rng
  const base = r.chance(0.7) ? varsOf(g, env, (t) => same(t, ty)) : []
  const typedNil = `${convType(ty)}(nil)`
  const other = (): string => {
    const e = expr(g, env, ty, depth + 1)
    return e.konst ? typedNil : e.text
  }
  const s = base.length > 0 ? readVar(r.pick(base)) : r.chance(0.5) ? typedNil : other()
  if (r.chance(0.25)) {
    const t = expr(g, env, ty, depth + 1)
    return E(`append(${s}, ${t.konst ? `${convType(ty)}(nil)` : t.text}...)`)
  }
  const n = r.range(1, 3)
  const items: string[] = []
  for (let i = 0; i < n; i++) items.push(expr(g, env, ty.elem, depth + 1).text)
  return E(`append(${s}, ${items.join(', ')})`)
}

/** Arguments for a parameter list. */
export function args(g: Gen, env: Env, params: Ty[], depth: number): string {
  return params.map((p) => expr(g, env, p, depth + 1).text).join(', ')
}

/** Arguments for a function: for a variadic one, none, some or `s...` for the last parameter. */
export function callArgs(g: Gen, env: Env, f: FuncDef, depth: number): string {
  if (!f.variadic) return args(g, env, f.params, depth)
  const fixed = f.params.slice(0, -1)
  const st = f.params[f.params.length - 1]! as Ty & { k: 'slice' }
  const r = g.rng
  const rest = r.weighted<() => string[]>([
    [2, () => []],
    [4, () => Array.from({ length: r.range(1, 3) }, () => expr(g, env, st.elem, depth + 1).text)],
    [2, () => {
      const e = expr(g, env, st, depth + 1)
      return [`${e.konst ? `${convType(st)}(nil)` : e.text}...`]
    }],
  ])()
  return [...fixed.map((p) => expr(g, env, p, depth + 1).text), ...rest].join(', ')
}

/** Calls with one result of type ty: functions, methods, func values. */
function call(g: Gen, env: Env, ty: Ty, depth: number): Expr | null {
  const r = g.rng
  const ps: (() => Expr | null)[] = []
  const fs = g.funcs.filter((f) => f.results.length === 1 && same(f.results[0]!, ty))
  if (fs.length > 0) ps.push(() => {
    const f = r.pick(fs)
    return E(`${f.name}(${callArgs(g, env, f, depth)})`)
  })
  const fvs = varsOf(g, env, (t) => t.k === 'func' && t.results.length === 1 && same(t.results[0]!, ty))
  if (fvs.length > 0) ps.push(() => {
    const v = r.pick(fvs)
    const t = v.ty as Ty & { k: 'func' }
    return E(`${readVar(v)}(${args(g, env, t.params, depth)})`)
  })
  const ms = methodsReturning(g, env, ty)
  if (ms.length > 0) ps.push(() => {
    const m = r.pick(ms)
    return E(`${readVar(m.v)}.${m.m.name}(${args(g, env, m.m.params, depth)})`)
  })
  if (ps.length === 0) return null
  return r.pick(ps)()
}

export function methodsReturning(g: Gen, env: Env, ty: Ty | null): { v: Var; m: MethodDef }[] {
  const out: { v: Var; m: MethodDef }[] = []
  for (const v of visible(env, g)) {
    const def = v.ty.k === 'struct' ? v.ty.def : v.ty.k === 'ptr' && v.ty.elem.k === 'struct' ? v.ty.elem.def : null
    if (!def) continue
    for (const m of def.methods) {
      if (ty === null ? true : m.results.length === 1 && same(m.results[0]!, ty)) out.push({ v, m })
    }
  }
  return out
}

/** A value of func type: a named function, a method value or expression, a one-line closure. */
function funcValue(g: Gen, env: Env, ty: Ty & { k: 'func' }, depth: number): Expr | null {
  const r = g.rng
  const ps: [number, () => Expr | null][] = []
  const fs = g.funcs.filter((f) => !f.variadic && same({ k: 'func', params: f.params, results: f.results }, ty))
  if (fs.length > 0) ps.push([2, () => E(r.pick(fs).name)])
  const mvs: string[] = []
  for (const v of visible(env, g)) {
    const def = v.ty.k === 'struct' ? v.ty.def : v.ty.k === 'ptr' && v.ty.elem.k === 'struct' ? v.ty.elem.def : null
    if (!def) continue
    for (const m of def.methods) if (same({ k: 'func', params: m.params, results: m.results }, ty)) mvs.push(`${v.name}.${m.name}`)
  }
  if (mvs.length > 0) ps.push([3, () => {
    const m = r.pick(mvs)
    readVar(visible(env, g).find((v) => v.name === m.split('.')[0])!)
    return E(m)
  }])
  // Method expressions: T.M is func(T, …), (*T).M is func(*T, …).
  const [first, ...rest] = ty.params
  const recv = first?.k === 'struct' ? first.def : first?.k === 'ptr' && first.elem.k === 'struct' ? first.elem.def : null
  if (recv) {
    const ms = recv.methods.filter((m) => (first!.k === 'ptr' || !m.ptr) && same({ k: 'func', params: m.params, results: m.results }, { k: 'func', params: rest, results: ty.results }))
    if (ms.length > 0) ps.push([3, () => E(`${first!.k === 'ptr' ? `(*${recv.name})` : recv.name}.${r.pick(ms).name}`)])
  }
  ps.push([4, () => closure1(g, env, ty, depth)])
  for (let i = 0; i < 4; i++) {
    const e = attempt(g, env, r.weighted(ps))
    if (e) return e
  }
  return null
}

/** A one-line closure: `func(a0 int) int { return a0 + v3 }`, `func() { v1++ }`. */
function closure1(g: Gen, env: Env, ty: Ty & { k: 'func' }, depth: number): Expr {
  const r = g.rng
  const names = ty.params.map((_, i) => `p${depth}_${i}`)
  const inner: Env = { ...env, scopes: [...env.scopes, ty.params.map((t, i) => ({ name: names[i]!, ty: t, read: true, kind: 'param' as const, fnLevel: env.fn.level + 1 }))] }
  const sig = `func(${ty.params.map((t, i) => `${names[i]} ${tyStr(t)}`).join(', ')})${ty.results.length === 0 ? '' : ty.results.length === 1 ? ' ' + tyStr(ty.results[0]!) : ` (${ty.results.map(tyStr).join(', ')})`}`
  if (ty.results.length === 0) {
    const ints = varsOf(g, inner, (t) => isInt(t) && t.k === 'basic')
    const body = ints.length > 0 && r.chance(0.7) ? `${r.pick(ints).name}++` : `println(${expr(g, inner, INT, depth + 2).text})`
    return E(`${sig} { ${body} }`)
  }
  return E(`${sig} { return ${ty.results.map((t) => expr(g, inner, t, depth + 2).text).join(', ')} }`)
}
