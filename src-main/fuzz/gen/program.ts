// A whole random program: struct types with methods, globals, functions
// whose signatures are all known before any body is written (so bodies call
// each other, recursion included). Every top-level name carries a suffix,
// so many programs compile together as one package.

import { Rng } from '../rng'
import { block, line, part, type Item, type Program } from '../tree'
import { expr } from './expr'
import { flushUnread, stmts } from './stmt'
import {
  INT, array, fn, ptr, randomType, resultsStr, slice, tyStr,
  type Env, type FnCtx, type FuncDef, type Gen, type MethodDef, type StructDef, type Ty, type Var,
} from './types'

export interface GenOptions {
  /** Suffix of every top-level name (default `_<seed>`). */
  suffix?: string
  /** Package name (default p). */
  pkg?: string
}

export function generate(seed: number, opts: GenOptions = {}): Program {
  const g: Gen = { rng: new Rng(seed), sfx: opts.suffix ?? `_${seed}`, structs: [], globals: [], funcs: [] }
  const r = g.rng
  const decls: Item[] = []

  // Struct types first (a later one may embed or point to an earlier one).
  const nStructs = r.range(1, 3)
  for (let i = 0; i < nStructs; i++) {
    const def: StructDef = { name: `T${i}${g.sfx}`, fields: [], methods: [] }
    const self: Ty = { k: 'struct', def }
    const nf = r.range(1, 5)
    if (i > 0 && r.chance(0.3)) def.fields.push({ name: g.structs[0]!.name, ty: { k: 'struct', def: g.structs[0]! }, embedded: true })
    for (let j = 0; j < nf; j++) {
      const ty = r.weighted<() => Ty>([
        [6, () => INT],
        [4, () => ptr(INT)],
        [2, () => slice(INT)],
        [2, () => array(r.pick([2, 4, 8]), INT)],
        [1, () => ptr(self)],
        [1, () => fn([], [INT])],
        [2, () => randomType(g, 1)],
      ])()
      def.fields.push({ name: `f${j}`, ty, embedded: false })
    }
    g.structs.push(def)
  }
  for (const def of g.structs) {
    decls.push(line(`type ${def.name} struct {\n${def.fields.map((f) => '\t' + (f.embedded ? f.name : `${f.name} ${tyStr(f.ty)}`)).join('\n')}\n}`))
  }

  // Signatures: methods, then functions.
  const bodies: { recv: Var | null; def: FuncDef | MethodDef; name: string; head: string; params: string[]; noinline: boolean; named: boolean }[] = []
  for (const def of g.structs) {
    const nm = r.range(0, 2)
    for (let j = 0; j < nm; j++) {
      const m: MethodDef = { name: `M${j}`, ptr: r.chance(0.6), params: randomParams(g), results: randomResults(g) }
      def.methods.push(m)
    }
  }
  const nFuncs = r.range(2, 5)
  for (let i = 0; i < nFuncs; i++) {
    const params = randomParams(g)
    const variadic = r.chance(0.2)
    if (variadic) params.push(slice(r.chance(0.6) ? ptr(INT) : randomType(g, 1)))
    g.funcs.push({ name: `F${i}${g.sfx}`, params, results: randomResults(g), ...(variadic ? { variadic } : {}) })
  }

  // Globals: sinks of every kind escape analysis cares about.
  const nGlobals = r.range(1, 4)
  for (let i = 0; i < nGlobals; i++) {
    const ty = r.weighted<() => Ty>([
      [4, () => ptr(INT)],
      [2, () => slice(ptr(INT))],
      [2, () => randomType(g)],
      [1, () => fn([], [INT])],
      [1, () => (g.structs.length > 0 ? ptr({ k: 'struct', def: r.pick(g.structs) }) : INT)],
    ])()
    const v: Var = { name: `g${i}${g.sfx}`, ty, read: true, kind: 'global', fnLevel: -1 }
    g.globals.push(v)
    decls.push(line(`var ${v.name} ${tyStr(ty)}`))
  }

  for (const def of g.structs) {
    for (const m of def.methods) {
      const recvTy: Ty = m.ptr ? ptr({ k: 'struct', def }) : { k: 'struct', def }
      const recv: Var = { name: 'r', ty: recvTy, read: true, kind: 'recv', fnLevel: 0 }
      bodies.push({ recv, def: m, name: `${def.name}.${m.name}`, head: `func (r ${tyStr(recvTy)}) ${m.name}`, params: m.params.map((_, k) => `x${k}`), noinline: false, named: false })
    }
  }
  for (const f of g.funcs) {
    bodies.push({ recv: null, def: f, name: f.name, head: `func ${f.name}`, params: f.params.map((_, k) => `x${k}`), noinline: r.chance(0.15), named: f.results.length > 0 && r.chance(0.25) })
  }

  for (const b of bodies) decls.push(body(g, b))
  return { pkg: opts.pkg ?? 'p', decls }
}

function randomParams(g: Gen): Ty[] {
  const n = g.rng.weighted([[2, 0], [4, 1], [3, 2], [1, 3]] as const)
  const out: Ty[] = []
  for (let i = 0; i < n; i++) out.push(randomType(g))
  return out
}

function randomResults(g: Gen): Ty[] {
  const n = g.rng.weighted([[3, 0], [6, 1], [2, 2]] as const)
  const out: Ty[] = []
  for (let i = 0; i < n; i++) out.push(g.rng.chance(0.4) ? ptr(INT) : randomType(g))
  return out
}

function body(g: Gen, b: { recv: Var | null; def: FuncDef | MethodDef; head: string; params: string[]; noinline: boolean; named: boolean; name: string }): Item {
  const r = g.rng
  const params: Var[] = b.def.params.map((t, i) => ({ name: b.params[i]!, ty: t, read: true, kind: 'param', fnLevel: 0 }))
  const named: Var[] | null = b.named ? b.def.results.map((t, i) => ({ name: `r${i}`, ty: t, read: true, kind: 'result', fnLevel: 0 })) : null
  const fnCtx: FnCtx = { name: b.name, results: b.def.results, named, counter: { v: 0, label: 0, closure: 0 }, budget: { left: r.range(4, 16) }, level: 0 }
  const scope: Var[] = [...(b.recv ? [b.recv] : []), ...params, ...(named ?? [])]
  const env: Env = { scopes: [scope, []], fn: fnCtx, depth: 0, loop: false, breakable: false, loopLabels: [] }
  const items = stmts(g, env, 20)
  items.push(...flushUnread(env.scopes[1]!))
  const results = b.def.results
  if (results.length > 0) {
    if (named && r.chance(0.5)) items.push(line('return'))
    else items.push(line(`return ${results.map((t) => expr(g, env, t, 1).text).join(', ')}`))
  }
  const variadic = 'variadic' in b.def && b.def.variadic
  const sig = `(${params.map((p, i) => (variadic && i === params.length - 1 ? `${p.name} ...${tyStr((p.ty as Ty & { k: 'slice' }).elem)}` : `${p.name} ${tyStr(p.ty)}`)).join(', ')})${named ? ` (${named.map((v) => `${v.name} ${tyStr(v.ty)}`).join(', ')})` : resultsStr(results)}`
  return block(`${b.noinline ? '//go:noinline\n' : ''}${b.head}${sig} {`, [part(items)])
}

