// Statements and blocks. Every local a block declares is read before the
// block ends (a trailing `_ = v` where nothing else read it), every label
// is used, and forward gotos jump over no declaration, so gc accepts the
// result.

import { block, line, part, type Item } from '../tree'
import {
  attempt, args, callArgs, convType, composite, expr, fieldsOf, indexExpr, literal, methodsReturning, nonConst, readVar, varsOf, type Expr,
} from './expr'
import {
  BOOL, INT, array, declare, freshLabel, freshVar, isInt, isNumeric, printable, ptr, randomType, resultsStr, same, tyStr, visible,
  type Env, type FnCtx, type Gen, type Ty, type Var,
} from './types'

/** A header expression: composite literals there need parentheses (the `if x == T{} {` ambiguity). */
const header = (e: Expr | string): string => {
  const t = typeof e === 'string' ? e : e.text
  return t.includes('{') ? `(${t})` : t
}

/** A nested scope: statements, then reads of what they declared and nothing read. */
export function scoped(env: Env, extra: Var[], body: (inner: Env) => Item[]): Item[] {
  const inner: Env = { ...env, scopes: [...env.scopes, [...extra]], depth: env.depth + 1 }
  const items = body(inner)
  return [...items, ...flushUnread(inner.scopes[inner.scopes.length - 1]!)]
}

export function flushUnread(scope: Var[]): Item[] {
  const out: Item[] = []
  for (const v of scope) {
    if (v.read || v.kind !== 'local') continue
    v.read = true
    out.push(line(`_ = ${v.name}`))
  }
  return out
}

export function stmts(g: Gen, env: Env, n: number): Item[] {
  const out: Item[] = []
  for (let i = 0; i < n && (env.fn.budget.left > 0 || (i === 0 && env.depth === 0)); i++) out.push(...stmt(g, env))
  return out
}

type S = () => Item[] | null

export function stmt(g: Gen, env: Env, noDecl = false): Item[] {
  const r = g.rng
  env.fn.budget.left--
  const nest = env.depth < 3 && env.fn.budget.left > 2
  const ps: [number, S][] = [
    [noDecl ? 0 : 10, () => decl(g, env)],
    [10, () => assign(g, env, noDecl)],
    [4, () => callStmt(g, env)],
    [nest ? 5 : 0, () => ifStmt(g, env)],
    [nest ? 5 : 0, () => forStmt(g, env)],
    [nest ? 4 : 0, () => switchStmt(g, env)],
    [nest && !noDecl ? 4 : 0, () => closureStmt(g, env)],
    [nest ? 1 : 0, () => [block('{', [part(scoped(env, [], (e) => stmts(g, e, r.range(1, 3))))])]],
    [nest && !noDecl ? 2 : 0, () => gotoLoop(g, env)],
    [nest && !noDecl ? 2 : 0, () => gotoForward(g, env)],
    [!noDecl ? 2 : 0, () => bigLocal(g, env)],
    [env.breakable ? 1 : 0, () => [line(env.loop ? r.pick(['break', 'continue']) : 'break')]],
    [1, () => [line(`println(${printArgs(g, env)})`)]],
  ]
  for (let i = 0; i < 10; i++) {
    const s = attempt(g, env, r.weighted(ps))
    if (s) return s
  }
  return [line(`println(${printArgs(g, env)})`)]
}

function printArgs(g: Gen, env: Env): string {
  const vs = varsOf(g, env, printable)
  const n = g.rng.range(1, 2)
  const out: string[] = []
  for (let i = 0; i < n; i++) out.push(vs.length > 0 && g.rng.chance(0.7) ? readVar(g.rng.pick(vs)) : expr(g, env, INT, 1).text)
  return out.join(', ')
}

/** `v := e` / `var v T = e` / `var v T`. */
function decl(g: Gen, env: Env, ty: Ty = randomType(g)): Item[] {
  const r = g.rng
  const name = freshVar(env)
  if (r.chance(0.15)) {
    declare(env, name, ty)
    return [line(`var ${name} ${tyStr(ty)}`)]
  }
  const e = expr(g, env, ty)
  declare(env, name, ty)
  if (e.konst || (ty.k === 'basic' && ty.name !== 'int' && ty.name !== 'bool' && ty.name !== 'float64') || r.chance(0.1)) return [line(`var ${name} ${tyStr(ty)} = ${e.text}`)]
  return [line(`${name} := ${e.text}`)]
}

/** Arrays and structs big enough to be stack-slot merge candidates, used in one region of the code. */
function bigLocal(g: Gen, env: Env): Item[] {
  const r = g.rng
  const ty = r.chance(0.7) ? array(r.pick([4, 8, 16, 32, 64]), r.chance(0.8) ? INT : ptr(INT)) : r.chance(0.5) && g.structs.length > 0 ? { k: 'struct' as const, def: r.pick(g.structs) } : array(r.pick([3, 5, 10]), INT)
  const name = freshVar(env)
  const init = r.chance(0.5) ? `var ${name} ${tyStr(ty)}` : `${name} := ${composite(g, env, ty, 1).text}`
  const v = declare(env, name, ty)
  const out: Item[] = [line(init)]
  if (ty.k === 'array') {
    out.push(line(`${name}[${indexExpr(g, env, ty.len, 1)}] = ${expr(g, env, ty.elem, 1).text}`))
    if (r.chance(0.6)) {
      v.read = true
      out.push(line(`${r.pick(['println', 'sink'])}(${name}[${indexExpr(g, env, ty.len, 1)}])`.replace(/^sink\((.*)\)$/, `_ = $1`)))
    }
  }
  return out
}

function assign(g: Gen, env: Env, noDecl = false): Item[] | null {
  const r = g.rng
  const all = visible(env, g)
  const kind = r.weighted<string>([[8, 'var'], [3, 'opassign'], [2, 'incdec'], [4, 'store'], [3, 'field'], [3, 'elem'], [1, 'swap'], [2, 'multi'], [2, 'global'], [1, 'copy'], [2, 'append']])
  switch (kind) {
    case 'var': {
      const vs = all.filter((v) => v.kind !== 'recv' || r.chance(0.3))
      if (vs.length === 0) return null
      const v = r.pick(vs)
      return [line(`${v.name} = ${expr(g, env, v.ty).text}`)]
    }
    case 'opassign': {
      const vs = all.filter((v) => isNumeric(v.ty))
      if (vs.length === 0) return null
      const v = r.pick(vs)
      const ops = isInt(v.ty) ? ['+=', '-=', '*=', '|=', '&=', '^=', '<<=', '>>='] : ['+=', '-=', '*=']
      const op = r.pick(ops)
      const rhs = op === '<<=' || op === '>>=' ? String(r.range(1, 5)) : expr(g, env, v.ty, 1).text
      return [line(`${v.name} ${op} ${rhs}`)]
    }
    case 'incdec': {
      const vs = all.filter((v) => isNumeric(v.ty))
      if (vs.length === 0) return null
      return [line(`${r.pick(vs).name}${r.pick(['++', '--'])}`)]
    }
    case 'store': {
      const ps = all.filter((v) => v.ty.k === 'ptr')
      if (ps.length === 0) return null
      const p = r.pick(ps)
      return [line(`*${readVar(p)} = ${expr(g, env, (p.ty as Ty & { k: 'ptr' }).elem).text}`)]
    }
    case 'field': {
      const cands: { v: Var; path: string; ty: Ty }[] = []
      for (const v of all) {
        const def = v.ty.k === 'struct' ? v.ty.def : v.ty.k === 'ptr' && v.ty.elem.k === 'struct' ? v.ty.elem.def : null
        if (def) for (const f of fieldsOf(def)) cands.push({ v, path: f.path, ty: f.ty })
      }
      if (cands.length === 0) return null
      const c = r.pick(cands)
      if (c.v.ty.k === 'ptr') readVar(c.v)
      return [line(`${c.v.name}.${c.path} = ${expr(g, env, c.ty).text}`)]
    }
    case 'elem': {
      const cs = all.filter((v) => v.ty.k === 'slice' || v.ty.k === 'array' || (v.ty.k === 'ptr' && v.ty.elem.k === 'array'))
      if (cs.length === 0) return null
      const c = r.pick(cs)
      const t = c.ty.k === 'ptr' ? (c.ty.elem as Ty & { k: 'array' }) : (c.ty as Ty & { k: 'slice' | 'array' })
      if (c.ty.k !== 'array') readVar(c)
      return [line(`${c.name}[${indexExpr(g, env, t.k === 'array' ? t.len : 0, 1)}] = ${expr(g, env, t.elem).text}`)]
    }
    case 'swap': {
      const v = r.pick(all.length > 0 ? all : [null])
      if (!v) return null
      const ws = all.filter((w) => w !== v && same(w.ty, v.ty))
      if (ws.length === 0) return null
      const w = r.pick(ws)
      v.read = w.read = true
      return [line(`${v.name}, ${w.name} = ${w.name}, ${v.name}`)]
    }
    case 'multi': {
      const fs = g.funcs.filter((f) => f.results.length >= 2)
      if (fs.length === 0 || noDecl) return null
      const f = r.pick(fs)
      const names = f.results.map(() => (r.chance(0.2) ? '_' : freshVar(env)))
      const call = `${f.name}(${callArgs(g, env, f, 0)})`
      if (names.every((n) => n === '_')) return [line(`_, _ = ${call}`.replace(/^(_, )+_ = /, `${f.results.map(() => '_').join(', ')} = `))]
      f.results.forEach((t, i) => names[i] !== '_' && declare(env, names[i]!, t))
      return [line(`${names.join(', ')} := ${call}`)]
    }
    case 'global': {
      if (g.globals.length === 0) return null
      const v = r.pick(g.globals)
      if (v.ty.k === 'slice' && r.chance(0.5)) return [line(`${v.name} = append(${v.name}, ${expr(g, env, v.ty.elem, 1).text})`)]
      return [line(`${v.name} = ${expr(g, env, v.ty).text}`)]
    }
    case 'copy': {
      const ss = all.filter((v) => v.ty.k === 'slice')
      if (ss.length === 0) return null
      const s = r.pick(ss)
      return [line(`copy(${readVar(s)}, ${nonNil(g, env, s.ty)})`)]
    }
    case 'append': {
      const ss = all.filter((v) => v.ty.k === 'slice')
      if (ss.length === 0) return null
      const s = r.pick(ss)
      const t = s.ty as Ty & { k: 'slice' }
      return [line(`${s.name} = append(${readVar(s)}, ${r.chance(0.2) ? nonNil(g, env, t) + '...' : expr(g, env, t.elem, 1).text})`)]
    }
  }
  return null
}

/** A slice expression that is not untyped nil (append and copy need the type). */
function nonNil(g: Gen, env: Env, ty: Ty): string {
  const e = expr(g, env, ty, 1)
  return e.konst ? `${convType(ty)}(nil)` : e.text
}

function callStmt(g: Gen, env: Env): Item[] | null {
  const r = g.rng
  const c = r.weighted<string>([[4, 'func'], [3, 'method'], [2, 'funcvar']])
  if (c === 'func') {
    const f = r.pick(g.funcs)
    return [line(`${f.name}(${callArgs(g, env, f, 0)})`)]
  }
  if (c === 'method') {
    const ms = methodsReturning(g, env, null)
    if (ms.length === 0) return null
    const m = r.pick(ms)
    return [line(`${readVar(m.v)}.${m.m.name}(${args(g, env, m.m.params, 0)})`)]
  }
  const fvs = varsOf(g, env, (t) => t.k === 'func')
  if (fvs.length === 0) return null
  const f = r.pick(fvs)
  return [line(`${readVar(f)}(${args(g, env, (f.ty as Ty & { k: 'func' }).params, 0)})`)]
}

function ifStmt(g: Gen, env: Env): Item[] {
  const r = g.rng
  const parts = []
  const init = r.chance(0.2)
  const inner: Env = { ...env, scopes: [...env.scopes, []] }
  let head: string
  if (init) {
    const name = freshVar(env)
    const e = expr(g, env, INT)
    const v = declare(inner, name, INT)
    v.read = true
    head = `if ${name} := ${header(e)}; ${name} ${r.pick(['<', '>', '=='])} ${header(expr(g, inner, INT, 2))} {`
  } else {
    const cond = r.weighted<() => string>([[10, () => header(expr(g, env, BOOL))], [1, () => 'false'], [1, () => 'true']])()
    head = `if ${cond} {`
  }
  parts.push(part(scoped(inner, [], (e) => stmts(g, e, r.range(1, 3)))))
  if (r.chance(0.25)) parts.push(part(scoped(inner, [], (e) => stmts(g, e, r.range(1, 2))), `} else if ${header(expr(g, inner, BOOL))} {`, true))
  if (r.chance(0.4)) parts.push(part(scoped(inner, [], (e) => stmts(g, e, r.range(1, 3))), '} else {', true))
  return [block(head, parts)]
}

function forStmt(g: Gen, env: Env): Item[] {
  const r = g.rng
  const label = r.chance(0.15) ? freshLabel(env) : null
  const loopEnv: Env = { ...env, loop: true, breakable: true, loopLabels: label ? [...env.loopLabels, label] : env.loopLabels }
  const vars: Var[] = []
  const mk = (name: string, ty: Ty, read = false): string => {
    vars.push({ name, ty, read, kind: 'local', fnLevel: env.fn.level })
    return name
  }
  const kind = r.weighted<string>([[5, 'three'], [4, 'range'], [2, 'rangeint'], [2, 'cond'], [1, 'forever']])
  let head: string
  switch (kind) {
    case 'three': {
      const i = mk(freshVar(env), INT, true)
      head = `for ${i} := 0; ${i} < ${header(expr(g, env, INT, 1))}; ${i}${r.pick(['++', ' += 2'])} {`
      break
    }
    case 'range': {
      const ss = varsOf(g, env, (t) => t.k === 'slice' || t.k === 'array' || (t.k === 'ptr' && t.elem.k === 'array'))
      if (ss.length === 0) {
        const i = mk(freshVar(env), INT)
        head = `for ${i} := range ${r.range(1, 5)} {`
        break
      }
      const s = r.pick(ss)
      const elem = s.ty.k === 'ptr' ? (s.ty.elem as Ty & { k: 'array' }).elem : (s.ty as Ty & { k: 'slice' | 'array' }).elem
      const src = readVar(s)
      const form = s.ty.k === 'ptr' ? 0 : r.int(3)
      if (form === 0) head = `for ${mk(freshVar(env), INT)} := range ${src} {`
      else if (form === 1) head = `for _, ${mk(freshVar(env), elem)} := range ${src} {`
      else head = `for ${mk(freshVar(env), INT)}, ${mk(freshVar(env), elem)} := range ${src} {`
      break
    }
    case 'rangeint':
      head = r.chance(0.5) ? `for range ${header(expr(g, env, INT, 1))} {` : `for ${mk(freshVar(env), INT)} := range ${header(expr(g, env, INT, 1))} {`
      break
    case 'cond':
      head = `for ${header(expr(g, env, BOOL, 1))} {`
      break
    default:
      head = 'for {'
  }
  const body = scoped(loopEnv, vars, (e) => {
    const early = label && r.chance(0.2) ? block(`if ${header(expr(g, e, BOOL, 1))} {`, [part([line(`${r.pick(['break', 'continue'])} ${label}`)])]) : null
    const items = stmts(g, e, r.range(1, 3))
    if (early) items.unshift(early)
    else if (label) items.push(block(`if ${header(expr(g, e, BOOL, 1))} {`, [part([line(`${r.pick(['break', 'continue'])} ${label}`)])]))
    if (kind === 'forever' || kind === 'cond') items.push(block(`if ${header(expr(g, e, BOOL, 1))} {`, [part([line('break')])]))
    return items
  })
  const loop = block(head, [part(body)])
  return label ? [line(`${label}:`), loop] : [loop]
}

function switchStmt(g: Gen, env: Env): Item[] {
  const r = g.rng
  const kind = r.weighted<string>([[4, 'tag'], [3, 'tagless'], [2, 'const'], [1, 'init']])
  const inner: Env = { ...env, breakable: true, scopes: [...env.scopes, []] }
  let head: string
  let caseExpr: () => string
  const used = new Set<string>()
  const constCase = (ty: Ty): string => {
    for (let i = 0; i < 5; i++) {
      const c = literal(g, ty)
      if (!used.has(c)) {
        used.add(c)
        return c
      }
    }
    return nonConst(g, inner, ty, 2)?.text ?? (() => {
      const c = String(100 + used.size)
      used.add(c)
      return c
    })()
  }
  const nonConstCase = (ty: Ty): string => {
    const e = nonConst(g, inner, ty, 2)
    return e ? header(e) : constCase(ty)
  }
  switch (kind) {
    case 'tag': {
      const ty = r.chance(0.8) ? INT : randomIntType(g)
      const tag = nonConst(g, env, ty, 1)
      head = `switch ${header(tag ?? expr(g, env, ty, 1))} {`
      caseExpr = () => (r.chance(0.7) ? constCase(ty) : nonConstCase(ty))
      break
    }
    case 'tagless':
      head = 'switch {'
      caseExpr = () => r.weighted<() => string>([[8, () => header(expr(g, inner, BOOL, 1))], [1, () => 'false'], [1, () => 'true']])()
      break
    case 'const': {
      head = `switch ${r.range(0, 4)} {`
      caseExpr = () => (r.chance(0.8) ? constCase(INT) : nonConstCase(INT))
      break
    }
    default: {
      const name = freshVar(env)
      const e = expr(g, env, INT, 1)
      declare(inner, name, INT).read = true
      head = `switch ${name} := ${header(e)}; ${name} {`
      caseExpr = () => (r.chance(0.6) ? constCase(INT) : nonConstCase(INT))
    }
  }
  const parts = []
  const n = r.range(1, 4)
  for (let i = 0; i < n; i++) {
    const k = r.chance(0.25) ? 2 : 1
    const exprs: string[] = []
    for (let j = 0; j < k; j++) exprs.push(caseExpr())
    parts.push(part(scoped(inner, [], (e) => stmts(g, e, r.range(0, 2))), `case ${exprs.join(', ')}:`, true))
  }
  if (r.chance(0.4)) parts.splice(r.int(parts.length + 1), 0, part(scoped(inner, [], (e) => stmts(g, e, r.range(0, 2))), 'default:', true))
  return [block(head, parts)]
}

function randomIntType(g: Gen): Ty {
  return { k: 'basic', name: g.rng.pick(['int8', 'uint8', 'int32', 'uint64'] as const) }
}

/** A closure at statement level: assigned and called, called at once, stored in a global, or its result used. */
function closureStmt(g: Gen, env: Env): Item[] {
  const r = g.rng
  const params: Ty[] = r.chance(0.5) ? [] : [r.chance(0.7) ? INT : ptr(INT)]
  const results: Ty[] = r.chance(0.4) ? [] : [r.chance(0.5) ? INT : r.chance(0.5) ? ptr(INT) : randomType(g)]
  const fnTy: Ty = { k: 'func', params, results }
  const level = env.fn.level + 1
  const fnCtx: FnCtx = { name: `${env.fn.name}.func`, results, named: null, counter: env.fn.counter, budget: env.fn.budget, level }
  const pnames = params.map((_, i) => `a${env.fn.counter.v++}_${i}`)
  const pvars: Var[] = params.map((t, i) => ({ name: pnames[i]!, ty: t, read: true, kind: 'param', fnLevel: level }))
  const inner: Env = { scopes: [...env.scopes, pvars], fn: fnCtx, depth: env.depth + 1, loop: false, breakable: false, loopLabels: [] }
  const body = [...stmts(g, inner, r.range(1, 4)), ...flushUnread(inner.scopes[inner.scopes.length - 1]!)]
  if (results.length > 0) body.push(line(`return ${results.map((t) => expr(g, inner, t, 1).text).join(', ')}`))
  const sig = `func(${params.map((t, i) => `${pnames[i]} ${tyStr(t)}`).join(', ')})${resultsStr(results)}`
  const form = r.weighted<string>([[4, 'var'], [3, 'now'], [results.length === 1 ? 2 : 0, 'value'], [g.globals.some((v) => same(v.ty, fnTy)) ? 1 : 0, 'global']])
  const callArgs = (): string => args(g, env, params, 0)
  switch (form) {
    case 'var': {
      const name = freshVar(env)
      const v = declare(env, name, fnTy)
      const out: Item[] = [block(`${name} := ${sig} {`, [part(body)])]
      const calls = r.range(0, 2)
      for (let i = 0; i < calls; i++) {
        v.read = true
        out.push(line(results.length === 1 && r.chance(0.5) ? `_ = ${name}(${args(g, env, params, 0)})` : `${name}(${args(g, env, params, 0)})`))
      }
      return out
    }
    case 'now':
      return [block(`${results.length > 0 ? '_ = ' : ''}${sig} {`, [part(body)], `}(${callArgs()})`)]
    case 'value': {
      const name = freshVar(env)
      const tail = `}(${callArgs()})`
      declare(env, name, results[0]!)
      return [block(`${name} := ${sig} {`, [part(body)], tail)]
    }
    default: {
      const gv = r.pick(g.globals.filter((v) => same(v.ty, fnTy)))
      return [block(`${gv.name} = ${sig} {`, [part(body)])]
    }
  }
}

/** A backward goto: a loop made of a label and a conditional jump (gc's "looping label"). */
function gotoLoop(g: Gen, env: Env): Item[] {
  const r = g.rng
  const label = freshLabel(env)
  const n = freshVar(env)
  const counter = declare(env, n, INT)
  counter.read = true
  const body = stmts(g, env, r.range(1, 3))
  return [
    line(`${n} := 0`),
    line(`${label}:`),
    ...(body.length > 0 ? body : [line(`${n}++`)]),
    line(`${n}++`),
    block(`if ${n} < ${r.range(2, 4)} {`, [part([line(`goto ${label}`)])]),
  ]
}

/** A forward goto over statements that declare nothing at this level. */
function gotoForward(g: Gen, env: Env): Item[] {
  const r = g.rng
  const label = freshLabel(env)
  const skipped: Item[] = []
  const k = r.range(1, 2)
  for (let i = 0; i < k; i++) skipped.push(...stmt(g, env, true))
  return [block(`if ${header(expr(g, env, BOOL, 1))} {`, [part([line(`goto ${label}`)])]), ...skipped, line(`${label}:`), line(`println(${printArgs(g, env)})`)]
}

