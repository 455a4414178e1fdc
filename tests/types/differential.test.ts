import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { describe, expect, it } from 'vitest'
import { goUnavailable, requireGo, skipDifferential, type GoToolchain } from '../go-toolchain'
import { tempFiles } from '../helpers'
import { GOLDEN } from './programs'
import { diagnose } from './helpers'
import { MAP_ERRORS } from './mapprograms'

// Invalid programs beyond the goldens, compared only against the real go.
const MORE: Record<string, string> = {
  maps: MAP_ERRORS,
  'named pointer types': `type T struct{ x int }

func (T) M() {}

type PT *T

func f(p PT) int {
	p.M()
	return p.x
}
`,
  'constants': `const a int8 = 200
const b = 1 << 600 << 600
const c = 10 / 0
const d float32 = 1e100
const e = len([3]int{})
const f = g()
const (
	x uint8 = 255 + iota
	y
)
const h []int = nil
var i = iota

func g() int { return 1 }
`,
  'struct literals': `type P struct{ X, Y int }

func f() {
	_ = P{1}
	_ = P{1, 2, 3}
	_ = P{X: 1, 2}
	_ = P{Z: 1}
	_ = P{x: 1}
	_ = P{X: 1, X: 2}
	_ = [2]int{1, 2, 3}
	_ = []int{0: 1, 0: 2}
	_ = int{}
	_ = P{X: true}
}
`,
  'package unsafe': `import (
	"unsafe"
	u2 "unsafe"
)

import _ "unsafe"

type T struct {
	a int8
	b struct{ c int8; D int64 }
	*E
}

type E struct{ X int }

func (T) M() {}

var t T

const bad = unsafe.Offsetof(t.D)
const bad2 = unsafe.Offsetof(t.X)
const bad3 = unsafe.Offsetof(t.M)
var q = unsafe.Pointer
var r unsafe.Sizeof

func f(p *int, f float64, n uint) uintptr {
	x := unsafe.Sizeof
	_ = x
	_ = unsafe
	_ = unsafe.Foo
	_ = unsafe.add
	_ = unsafe.Offsetof(p)
	_ = unsafe.Add(p, 1)
	_ = unsafe.Add(unsafe.Pointer(p), 1.5)
	_ = unsafe.Slice(f, 2)
	_ = unsafe.Slice(p, -1)
	_ = unsafe.SliceData(p)
	_ = unsafe.String(p, 1)
	_ = unsafe.String((*byte)(unsafe.Pointer(p)), f)
	_ = unsafe.StringData(p)
	_ = unsafe.StringData("x")
	_ = (*float64)(unsafe.Pointer(&f))
	_ = (*int)(uintptr(unsafe.Pointer(p)))
	_ = unsafe.Pointer(f)
	_ = unsafe.Sizeof(1, 2)
	return unsafe.Sizeof(p) + unsafe.Alignof(n) + uintptr(unsafe.Pointer(p))
}
`,
  'unsafe shadowed': `import "unsafe"

var unsafe = 1
`,
  'shifts': `func f(s uint, i int) {
	var f float64 = 1 << s
	var g int = 1.0 << s
	var h = 1 << s
	_ = 1 << 70
	var j int64 = 1 << 63
	_ = i << 1.5
	_ = i << s
	_ = 2.5 << 1
	_, _, _ = f, g, h
	_ = j
}
`,
  'pointer methods': `type T struct{ n int }

func (t *T) Set(n int) { t.n = n }
func (t T) Get() int    { return t.n }

func mk() T { return T{} }

type E struct{ T }

func f() {
	mk().Set(1)
	_ = mk().Get()
	T{}.Set(2)
	var e E
	e.Set(3)
	E{}.Set(4)
	var pe *E
	pe.Set(5)
	pe.Get()
}
`,
  'promoted methods and method expressions': `type Inner struct{ n int }

func (i *Inner) Set(n int)         { i.n = n }
func (i Inner) Get() int           { return i.n }
func (Inner) Sum(xs ...int) int    { return len(xs) }
func (_ Inner) Pair(a int, b bool) {}

type Outer struct {
	Inner
	k int
}

type ByPtr struct{ *Inner }

type PT *Inner

type X struct{}

func (X) Get() int { return 0 }

type Amb struct {
	Inner
	X
}

func f(o Outer, po *Outer) {
	var _ bool = Outer.Set
	var _ bool = (*Outer).Set
	var _ bool = Outer.Get
	var _ bool = (*Outer).Get
	var _ bool = ByPtr.Set
	var _ bool = Inner.Pair
	var _ bool = (Inner).Sum
	var _ bool = o.Sum
	var _ bool = po.Set
	_ = PT.Get
	_ = (*PT).Get
	_ = Amb.Get
	_ = (**Inner).Get
	_ = Inner.Get == nil
	_ = o.Get == nil
	g := o.Get
	_ = Outer{}.Set
	_ = Outer{}.Get
	_ = Outer.Get(o, 1)
	_ = ByPtr.Sum(ByPtr{}, 1, 2)
	_ = o.Sum(1.5)
}
`,
  'typed constants': `const c int8 = 100

func f() {
	_ = c * 2
	_ = c + c
	_ = -c - c
	const d uint8 = 1
	_ = d - 2
	_ = ^d
	var x int8 = c
	_ = x + 200
	_ = x << 8
	const e = 1.0 / 0
	_ = 1.0 / 0.0
}
`,
  'local declarations': `func f() {
	const (
		a = iota * 100
		b
		c
	)
	var v int8 = c
	_ = v
	type T struct{ next T }
	type U int
	var u U = 1
	var i int = u
	_ = i
}
`,
  'gotos': `func f(x int) {
	if x > 0 {
		goto L
	}
	var y int
	_ = y
L:
	for {
		break L
	}
	goto M
	for {
	M:
	}
}
`,
  'appends and builtins': `func f(s []int, t []float64, a [3]int) {
	_ = append(s, 1.5)
	_ = append(s, t...)
	_ = append(a, 1)
	_ = append(nil, 1)
	_ = append()
	copy(s, t)
	copy(a, s)
	_ = len(1)
	_ = cap(s, s)
	_ = make([]int, -1)
	_ = make([]int, 1.5)
	var x = len(a)
	const y = len(a)
	const z = len(s)
	_, _ = x, y
}
`,
  'var declarations': `var a, b = 1, 2, 3
var c, d int = 1
var e, f = g()
var h int = g()

func g() (int, int) { return 1, 2 }

func k() {
	var x, y = 1
	var z = g()
	_, _, _ = x, y, z
}
`,
  'methods': `type T struct{}

func (T) M(a int) int { return a }

func f(g func(int) int) {
	var t T
	t.M()
	t.M(1, 2)
	t.M(true)
	g(1, 2)
	func(x int) {}(1.5)
	var h func()
	_ = h()
}
`,
  'array lengths': `var n = 3

const m = -1

type A [n]int
type B [m]int
type C [1.5]int
type D [k]int

func f() {
	var a [2]int
	_ = a[2]
	_ = [...]int{5: 1, 2}[6]
}
`,
  'invalid operations': `type S struct{ a []int }

func f(a []int, s S, fn func(), p *int, arr [2][]int) {
	_ = a == a
	_ = s == s
	_ = fn == fn
	_ = arr == arr
	_ = p < p
	_ = nil == nil
	_ = a[1.5]
	_ = a[-1]
	var x [3]int
	_ = x[5]
	_ = x[1:5]
	_ = a[3:2]
	_ = &f()
	_ = *a
	_ = 1 << 1.5
	_ = 1 >> -1
	var fl float64
	_ = fl << 2
	_ = a[fl]
}
`,
  'interfaces': `type I interface{ M() int }

type T struct{}

func (T) M() int { return 0 }

type P struct{}

func (*P) M() int { return 1 }

type W struct{}

func (W) M() bool { return false }

type N struct{}

func f(e any, i I, n int) {
	var _ I = P{}
	var _ I = W{}
	var _ I = N{}
	_ = n.(int)
	_ = i.(N)
	_ = i.(W)
	_ = i.N()
	switch v := e.(type) {
	case int, int:
	}
	switch e.(type) {
	case T:
	case T:
	}
	_ = e == []int{}
	var _ error = T{}
	_ = i.(*T).M
}
`,
}

const run = promisify(execFile)

/** gc's diagnostics for one file package (all errors: -gcflags=-e), continuation lines joined. */
async function gcDiagnostics(go: GoToolchain, src: string): Promise<string[]> {
  const dir = tempFiles({ 'go.mod': 'module p\n\ngo 1.26\n', 'p.go': src })
  let out = ''
  try {
    await run(go.bin, ['build', '-gcflags=-e', '-o', '/dev/null', '.'], { cwd: dir, env: { ...process.env, GOFLAGS: '', GOWORK: 'off' } })
  } catch (e) {
    out = (e as { stderr?: string }).stderr ?? ''
  }
  const lines: string[] = []
  for (const line of out.split('\n')) {
    if (line === '' || line.startsWith('#')) continue
    if (line.startsWith('\t') && lines.length > 0) lines[lines.length - 1] += '\n' + line
    else lines.push(line)
  }
  return lines
}

const programs = [...GOLDEN.map((g) => [g.name, g.src] as const), ...Object.entries(MORE)]

describe.skipIf(skipDifferential)(`diagnostics equal the real go's${goUnavailable ? ` (${goUnavailable})` : ''}`, () => {
  it('for every invalid program', async () => {
    const go = requireGo()
    const results = await Promise.all(
      programs.map(async ([name, body]) => {
        const src = `package p\n\n${body}`
        const [gc, ours] = await Promise.all([gcDiagnostics(go, src), diagnose(body)])
        return { name, gc, ours }
      }),
    )
    for (const r of results) {
      expect(r.gc.length, `${r.name}: gc reported nothing`).toBeGreaterThan(0)
      expect(r.ours, r.name).toEqual(r.gc)
    }
  }, 120_000)
})
