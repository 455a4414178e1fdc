import { describe, expect, it } from 'vitest'
import type * as A from '../../src-main/compiler/syntax/ast'
import { exprString } from '../../src-main/compiler/types/exprstring'
import type { FunctionInfo, TypeInfo } from '../../src-main/compiler/types/info'
import { typeString } from '../../src-main/compiler/types/types'
import { check } from './helpers'

async function checked(src: string): Promise<TypeInfo> {
  const { info, lines } = await check(src)
  expect(lines).toEqual([])
  return info
}

function fn(info: TypeInfo, name: string): FunctionInfo {
  const f = [...info.functions.values()].find((f) => f.obj?.gcName === name)
  if (!f) throw new Error(`no function ${name}`)
  return f
}

/** Function literals in source order. */
function literals(info: TypeInfo): FunctionInfo[] {
  return [...info.functions.values()].filter((f) => f.node.kind === 'FuncLit').sort((a, b) => a.node.pos - b.node.pos)
}

const names = (vars: { name: string }[]) => vars.map((v) => v.name)

describe('closures', () => {
  it('lists free variables in order of first use, through nested literals', async () => {
    const info = await checked(`package p

func outer(p int) func() int {
	x := 1
	y := 2
	inc := func() int {
		x++
		return func() int { return p + x + y }()
	}
	inc()
	return func() int { return y }
}
`)
    const [inc, inner, last] = literals(info)
    expect(names(inc!.captures)).toEqual(['x', 'p', 'y'])
    expect(names(inner!.captures)).toEqual(['p', 'x', 'y'])
    expect(names(last!.captures)).toEqual(['y'])
    expect(inner!.parent).toBe(inc!.node)
    expect(fn(info, 'outer').closures).toEqual([inc!.node, last!.node])
    expect(inc!.closures).toEqual([inner!.node])
  })

  it('does not capture globals, and literals in package initialisers have no parent', async () => {
    const info = await checked(`package p

var g = 1
var hook = func() int { return g }
`)
    const [hook] = literals(info)
    expect(hook!.captures).toEqual([])
    expect(hook!.parent).toBeNull()
  })
})

describe('variables', () => {
  it('lists each function’s parameters, results and locals in declaration order', async () => {
    const info = await checked(`package p

type T struct{ n int }

func (t *T) f(a, _ int, int8) (r int, _ bool, float64) {
	b := a
	var c, d int
	for i, v := range []int{b, c, d} {
		r += i + v
	}
	if e := r; e > 0 {
		{
			g := e
			_ = g
		}
	}
	return
}
`)
    const f = fn(info, '(*T).f')
    expect(f.params.map((v) => v.irName)).toEqual(['t', 'a', '~p2', '~p3'])
    expect(f.params[0]!.receiver).toBe(true)
    expect(f.results.map((v) => v.irName)).toEqual(['r', '~r1', '~r2'])
    expect(names(f.locals)).toEqual(['b', 'c', 'd', 'i', 'v', 'e', 'g'])
    expect(f.locals.every((v) => v.varKind === 'local' && v.owner === f.node)).toBe(true)
  })

  it('flags address-taken and reassigned variables', async () => {
    const info = await checked(`package p

type T struct{ a [4]int }

func (t *T) M() {}

func f(param int) {
	a := 1
	b := 2
	c := 3
	d := T{}
	e := [3]int{}
	s := []int{1}
	var t T
	var u T
	p := &u
	_ = &a
	b = 4
	c++
	d.M()
	_ = e[1:]
	_ = &s[0]
	_ = &t.a[2]
	p.M()
	param += 1
	_, _, _ = b, c, p
}
`)
    const f = fn(info, 'f')
    const flags = Object.fromEntries([...f.params, ...f.locals].map((v) => [v.name, `${v.addrTaken ? '&' : ''}${v.reassigned ? '=' : ''}`]))
    expect(flags).toEqual({ param: '=', a: '&', b: '=', c: '=', d: '&', e: '&', s: '', t: '&', u: '&', p: '' })
  })
})

describe('selections', () => {
  const src = `package p

type Inner struct{ n int }

func (i *Inner) Set(n int) { i.n = n }
func (i Inner) Get() int    { return i.n }

type Outer struct {
	Inner
	k int
}

type ByPtr struct {
	*Inner
}

func f(o Outer, po *Outer, b ByPtr) int {
	o.Set(1)
	po.Set(2)
	b.Set(3)
	_ = po.Get()
	_ = b.Get()
	return o.n + po.k + b.n
}
`
  it('records paths through embedded fields with implicit dereferences', async () => {
    const info = await checked(src)
    const sel = new Map([...info.selections].map(([e, s]) => [exprString(e), s]))
    const path = (e: string) => sel.get(e)!.path.map((s) => `${s.deref ? '*' : ''}${s.field.name}`)
    expect(path('o.n')).toEqual(['Inner', 'n'])
    expect(path('po.k')).toEqual(['*k'])
    expect(path('b.n')).toEqual(['Inner', '*n'])
    expect(path('po.Get')).toEqual(['*Inner'])
  })

  it('records address-of and dereference of method receivers', async () => {
    const info = await checked(src)
    const adjust = Object.fromEntries([...info.selections].flatMap(([e, s]) => (s.kind === 'field' ? [] : [[exprString(e), s.recvAdjust]])))
    expect(adjust).toEqual({ 'o.Set': 'addr', 'po.Set': 'addr', 'b.Set': 'none', 'po.Get': 'none', 'b.Get': 'deref' })
    expect(fn(info, 'f').params.find((v) => v.name === 'o')!.addrTaken).toBe(true)
  })
})

describe('calls', () => {
  it('classifies conversions, builtins, direct, method, closure and func-value calls', async () => {
    const info = await checked(`package p

type T int

func (T) M() {}

func g(xs ...int) int { return len(xs) }

func f(h func() int) {
	var t T
	inc := func() int { return 1 }
	other := func() int { return 2 }
	other = h
	_ = T(1)
	_ = g(1, 2)
	_ = g([]int{1}...)
	t.M()
	_ = inc()
	_ = other()
	_ = h()
	_ = func() int { return 3 }()
	println(len([]int{}))
}
`)
    const kinds = Object.fromEntries([...info.calls].map(([c, k]) => [exprString(c), k.kind === 'builtin' ? `builtin ${k.id}` : k.kind]))
    expect(kinds).toEqual({
      'len(xs)': 'builtin len',
      'T(1)': 'conversion',
      'g(1, 2)': 'direct',
      'g([]int{…}...)': 'direct',
      't.M()': 'method',
      'inc()': 'closure',
      'other()': 'funcValue',
      'h()': 'funcValue',
      'func() int {…}()': 'closure',
      'println(len([]int{}))': 'builtin println',
      'len([]int{})': 'builtin len',
    })
    const variadic = [...info.calls].filter(([c]) => exprString(c).startsWith('g(')).map(([, k]) => (k.kind === 'direct' ? k.variadic : null))
    expect(variadic).toEqual([{ kind: 'pack', from: 0 }, { kind: 'spread' }])
  })
})

describe('recorded types and values', () => {
  it('gives untyped constants the type of their context', async () => {
    const info = await checked(`package p

func f(s uint) {
	var u uint8 = 1 << 3
	var x int64 = 1 << s
	f := 2.5 * 2
	b := x > 1
	_, _, _ = u, f, b
}
`)
    const byText = new Map<string, string>()
    for (const [e, tv] of info.types) {
      const text = exprString(e)
      const v = tv.value ? ` = ${tv.value.value}` : ''
      if (!byText.has(text)) byText.set(text, `${tv.mode} ${typeString(tv.type)}${v}`)
    }
    expect(byText.get('1 << 3')).toBe('constant uint8 = 8')
    expect(byText.get('1 << s')).toBe('value int64')
    expect(byText.get('2.5 * 2')).toBe('constant float64 = 5')
    expect(byText.get('x > 1')).toBe('value bool')
  })

  it('orders package initialisation by dependencies', async () => {
    const info = await checked(`package p

var a = b + c
var b = f()
var c = 1
var d, e = two()

func f() int { return c }
func two() (int, int) { return 1, 2 }
`)
    expect(info.initOrder.map((i) => `${names(i.lhs).join(',')} = ${exprString(i.rhs)}`)).toEqual(['c = 1', 'b = f()', 'a = b + c', 'd,e = two()'])
  })

  it('records branch targets', async () => {
    const info = await checked(`package p

func f() {
outer:
	for {
		for range 3 {
			continue outer
		}
		break
	}
	goto end
end:
}
`)
    const targets = [...info.branchTargets].map(([b, t]) => `${b.tok} -> ${t.kind === 'Labeled' ? (t as A.Labeled).label.name : t.kind}`)
    expect(targets).toEqual(['continue -> For', 'break -> For', 'goto -> end'])
  })

  it('resolves identifiers to their objects', async () => {
    const { info } = await check(`package p

var g int

func f() int { return g }
`)
    const uses = [...info.uses].map(([id, o]) => `${id.name}:${o.kind}`)
    expect(uses).toEqual(['int:typename', 'int:typename', 'g:var'])
    expect([...info.defs].map(([id, o]) => `${id.name}:${o.kind}`)).toEqual(['g:var', 'f:func'])
  })
})
