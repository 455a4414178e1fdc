// Method calls, method values and method expressions: what TypeInfo tells
// later phases about each (selection kind, receiver adjustments, types, calls).

import { describe, expect, it } from 'vitest'
import type * as A from '../../src-main/compiler/syntax/ast'
import { exprString } from '../../src-main/compiler/types/exprstring'
import type { CallInfo, TypeInfo } from '../../src-main/compiler/types/info'
import { typeString } from '../../src-main/compiler/types/types'
import { check } from './helpers'

async function checked(src: string): Promise<TypeInfo> {
  const { info, lines } = await check(src)
  expect(lines).toEqual([])
  return info
}

/** Method selections in source order: kind, path (`*` = implicit deref), receiver adjustment, receiver type. */
function methodSelections(info: TypeInfo): string[] {
  return [...info.selections]
    .sort(([a], [b]) => a.pos - b.pos)
    .flatMap(([e, s]) => {
      if (s.kind === 'field') return []
      const path = s.path.map((p) => `${p.deref ? '*' : ''}${p.field.name}`).join('.')
      return [`${exprString(e)}: ${s.kind} [${path}] ${s.recvAdjust} ${typeString(s.recv)}`]
    })
}

/** The recorded type of each selector, by source text. */
function selectorTypes(info: TypeInfo): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [e, tv] of info.types) if (e.kind === 'Selector') out[exprString(e)] = `${tv.mode} ${typeString(tv.type)}`
  return out
}

const EMBEDDED = `package p

type Inner struct{ n int }

func (i *Inner) Set(n int) { i.n = n }
func (i Inner) Get() int    { return i.n }

type Outer struct {
	Inner
	k int
}

type ByPtr struct{ *Inner }

func f(o Outer, po *Outer, b ByPtr) {
	o.Set(1)
	_ = (po.Get)()
	s := o.Set
	g := po.Get
	bs := b.Set
	bg := b.Get
	e1 := Outer.Get
	e2 := (*Outer).Set
	e3 := (*Outer).Get
	e4 := Inner.Get
	e5 := (*Inner).Get
	e6 := (*Inner).Set
	e7 := ByPtr.Set
	_, _, _, _ = s, g, bs, bg
	_, _, _, _, _, _, _ = e1, e2, e3, e4, e5, e6, e7
}
`

describe('method selections', () => {
  it('tell calls, method values and method expressions apart, with the receiver adjustments', async () => {
    const info = await checked(EMBEDDED)
    expect(methodSelections(info)).toEqual([
      'o.Set: methodCall [Inner] addr Outer',
      'po.Get: methodCall [*Inner] none *Outer',
      // Method values: o.Set binds &o.Inner, po.Get copies (*po).Inner, b.Get copies *b.Inner.
      'o.Set: methodValue [Inner] addr Outer',
      'po.Get: methodValue [*Inner] none *Outer',
      'b.Set: methodValue [Inner] none ByPtr',
      'b.Get: methodValue [Inner] deref ByPtr',
      // Method expressions: the adjustments apply to the first argument.
      'Outer.Get: methodExpr [Inner] none Outer',
      '(*Outer).Set: methodExpr [*Inner] addr *Outer',
      '(*Outer).Get: methodExpr [*Inner] none *Outer',
      'Inner.Get: methodExpr [] none Inner',
      '(*Inner).Get: methodExpr [] deref *Inner',
      '(*Inner).Set: methodExpr [] none *Inner',
      'ByPtr.Set: methodExpr [Inner] none ByPtr',
    ])
  })

  it('type method values without the receiver and method expressions with it first', async () => {
    const types = selectorTypes(await checked(EMBEDDED))
    expect(types).toMatchObject({
      'o.Set': 'value func(int)',
      'po.Get': 'value func() int',
      'b.Get': 'value func() int',
      'Outer.Get': 'value func(Outer) int',
      '(*Outer).Set': 'value func(*Outer, int)',
      '(*Inner).Get': 'value func(*Inner) int',
      'ByPtr.Set': 'value func(ByPtr, int)',
    })
  })

  it('resolve the method objects, and a method value of a pointer method takes its receiver’s address', async () => {
    const info = await checked(`package p

type T struct{ n int }

func (t *T) P() int { return t.n }
func (t T) V() int  { return t.n }

func f(p *T) {
	var a, b, c T
	fa := a.P
	fb := b.V
	fc := T.V
	fp := p.P
	_, _, _, _ = fa, fb, fc(c), fp
}
`)
    const sels = [...info.selections.values()]
    expect(sels.flatMap((s) => (s.kind === 'field' ? [] : [s.method.gcName]))).toEqual(['(*T).P', 'T.V', 'T.V', '(*T).P'])
    const locals = [...info.functions.values()].find((fn) => fn.obj?.name === 'f')!.locals
    expect(Object.fromEntries(locals.filter((v) => v.name.length === 1).map((v) => [v.name, v.addrTaken]))).toEqual({ a: true, b: false, c: false })
  })

  it('make package-level initialisers depend on what the method refers to', async () => {
    const info = await checked(`package p

type V int

func (v V) W() int { return int(v) + z }

var y = V.W
var w = V(1).W
var z = 2
`)
    expect(info.initOrder.map((i) => exprString(i.rhs))).toEqual(['2', 'V.W', 'V(1).W'])
  })
})

describe('calls through method values and method expressions', () => {
  const src = `package p

type T struct{ n int }

func (t T) M(a int) int           { return t.n + a }
func (t *T) Sum(xs ...int) int    { return t.n + len(xs) }

func f(t T, h func(int) int) {
	_ = t.M(1)
	_ = (t.M)(2)
	_ = T.M(t, 3)
	_ = (*T).M(&t, 4)
	_ = (*T).Sum(&t, 5, 6)
	fe := T.M
	_ = fe(t, 7)
	fv := t.M
	_ = fv(8)
	fr := t.M
	fr = h
	_ = fr(9)
	fa := T.M
	_ = &fa
	_ = fa(t, 10)
	var fd func(*T, ...int) int = (*T).Sum
	_ = fd(&t)
}
`

  const describeCall = (info: TypeInfo, k: CallInfo): string => {
    const sel = (e: A.Selector) => `${exprString(e)} ${info.selections.get(e)?.kind}`
    switch (k.kind) {
      case 'method':
        return `method ${k.func.gcName}`
      case 'methodExpr':
        return `methodExpr ${k.func.gcName} via ${sel(k.expr)} ${JSON.stringify(k.variadic)} ${typeString(k.signature)}`
      case 'methodValue':
        return `methodValue ${k.func.gcName} via ${sel(k.value)} ${typeString(k.signature)}`
      default:
        return k.kind
    }
  }

  it('are classified like closure calls: statically known unless the variable changes', async () => {
    const info = await checked(src)
    const calls = Object.fromEntries(
      [...info.calls].filter(([c]) => c.fun.kind !== 'Ident' || c.fun.name !== 'len').map(([c, k]) => [exprString(c), describeCall(info, k)]),
    )
    expect(calls).toEqual({
      't.M(1)': 'method T.M',
      '(t.M)(2)': 'method T.M',
      'T.M(t, 3)': 'methodExpr T.M via T.M methodExpr {"kind":"none"} func(T, int) int',
      '(*T).M(&t, 4)': 'methodExpr T.M via (*T).M methodExpr {"kind":"none"} func(*T, int) int',
      '(*T).Sum(&t, 5, 6)': 'methodExpr (*T).Sum via (*T).Sum methodExpr {"kind":"pack","from":1} func(*T, ...int) int',
      'fe(t, 7)': 'methodExpr T.M via T.M methodExpr {"kind":"none"} func(T, int) int',
      'fv(8)': 'methodValue T.M via t.M methodValue func(int) int',
      'fr(9)': 'funcValue',
      'fa(t, 10)': 'funcValue',
      'fd(&t)': 'methodExpr (*T).Sum via (*T).Sum methodExpr {"kind":"pack","from":1} func(*T, ...int) int',
    })
  })
})
