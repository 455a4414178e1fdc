// Go programs shared by the type checker's tests: a tour of the level-1
// subset, and invalid programs with the diagnostics gc 1.26 prints for them.

// Each program is checked as ./p.go with `package p` prepended. The expected
// lines are exactly what `go build -gcflags=-e` (go1.26) prints for it;
// differential.test.ts re-checks a sample against the installed go.
export const GOLDEN: { name: string; src: string; want: string[] }[] = [
  {
    name: 'min and max',
    src: `func f(b bool, x int, y float64, s []int) {
	_ = min(b, b)
	_ = max(x, y)
	_ = min()
	_ = max(s)
	_ = min(x, 1.5)
}

const c = min(3, 1.5, 2)

var v = max(1, 2)

func g(x int8) int8 { return min(x, 3) }

func h(a, b string) string { return max(a, b) }
`,
    want: [
      './p.go:4:10: invalid argument: b (variable of type bool) cannot be ordered',
      './p.go:5:13: invalid argument: mismatched types int (previous argument) and float64 (type of y)',
      './p.go:6:6: invalid operation: not enough arguments for min() (expected 1, found 0)',
      './p.go:7:10: invalid argument: s (variable of type []int) cannot be ordered',
      './p.go:8:13: 1.5 (untyped float constant) truncated to int',
    ],
  },
  {
    name: 'slice to array conversions',
    src: `func f(s []string) [2]int {
	return [2]int(s)
}

func g(s []int) *[2]int8 {
	return (*[2]int8)(s)
}

func h(s []int) ([2]int, *[3]int) {
	return [2]int(s), (*[3]int)(s)
}
`,
    want: ['./p.go:4:16: cannot convert s (variable of type []string) to type [2]int', './p.go:8:20: cannot convert s (variable of type []int) to type *[2]int8'],
  },
  {
    name: 'argcount',
    src: `func f(a int, b bool) {}

func g() {
	f(1)
	f(1, true, 3)
	f()
}
`,
    want: [
      './p.go:6:4: not enough arguments in call to f\n\thave (number)\n\twant (int, bool)',
      './p.go:7:13: too many arguments in call to f\n\thave (number, bool, number)\n\twant (int, bool)',
      './p.go:8:2: not enough arguments in call to f\n\thave ()\n\twant (int, bool)',
    ],
  },
  {
    name: 'assignment',
    src: `func two() (int, int) { return 1, 2 }

func f() {
	x := two()
	a, b, c := 1, 2
	1 = 2
	y := 1
	y := 2
	_, _, _, _, _ = x, a, b, c, y
}
`,
    want: [
      './p.go:6:7: assignment mismatch: 1 variable but two returns 2 values',
      './p.go:7:13: assignment mismatch: 3 variables but 2 values',
      './p.go:8:2: cannot assign to 1 (neither addressable nor a map index expression)',
      './p.go:10:4: no new variables on left side of :=',
    ],
  },
  {
    name: 'calls',
    src: `func f(x int) {
	x()
	_ = len(x)
	_ = make([]int)
	_ = append(x, 1)
	_ = int(1.5)
	println
}
`,
    want: [
      './p.go:4:2: invalid operation: cannot call x (variable of type int): int is not a function',
      './p.go:5:10: invalid argument: x (variable of type int) for built-in len',
      './p.go:6:6: invalid operation: make([]int) expects 2 or 3 arguments; found 1',
      './p.go:7:13: invalid append: argument must be a slice; have x (variable of type int)',
      './p.go:8:10: cannot convert 1.5 (untyped float constant) to type int',
      './p.go:9:2: println (built-in) must be called',
    ],
  },
  {
    name: 'cannotuse',
    src: `type T struct{ x int }

func g(x int8) int8 { return x }

func f(a int, t T) *T {
	var b int8 = a
	b = a
	g(a)
	_ = b
	return t
}
`,
    want: [
      './p.go:8:15: cannot use a (variable of type int) as int8 value in variable declaration',
      './p.go:9:6: cannot use a (variable of type int) as int8 value in assignment',
      './p.go:10:4: cannot use a (variable of type int) as int8 value in argument to g',
      './p.go:12:9: cannot use t (variable of struct type T) as *T value in return statement',
    ],
  },
  {
    // Duplicates are found by value (types2's valueMap; a switch may have thousands of cases); booleans are not checked.
    name: 'duplicate cases',
    src: `type MyInt int

func f(x int, y float64, b bool, u uint64, m MyInt) {
	switch x {
	case 1, 2, 1:
	case 2:
	case 1 + 1:
	}
	switch y {
	case 1, 1.0:
	case 2.5, 2.5:
	}
	switch {
	case false:
	case false:
	}
	switch b {
	case true, true:
	}
	switch u {
	case 1<<64 - 1, 1<<64 - 1:
	}
	switch m {
	case 3, MyInt(3):
	}
	switch {
	case x > 1, x > 1:
	}
}
`,
    want: [
      './p.go:7:13: duplicate case 1 (constant of type int) in expression switch\n\t./p.go:7:7: previous case',
      './p.go:8:7: duplicate case 2 (constant of type int) in expression switch\n\t./p.go:7:10: previous case',
      './p.go:9:7: duplicate case 1 + 1 (constant 2 of type int) in expression switch\n\t./p.go:7:10: previous case',
      './p.go:12:10: duplicate case 1.0 (constant 1 of type float64) in expression switch\n\t./p.go:12:7: previous case',
      './p.go:13:12: duplicate case 2.5 (constant of type float64) in expression switch\n\t./p.go:13:7: previous case',
      './p.go:23:18: duplicate case 1 << 64 - 1 (constant 18446744073709551615 of type uint64) in expression switch\n\t./p.go:23:13: previous case',
      './p.go:26:10: duplicate case MyInt(3) (constant 3 of int type MyInt) in expression switch\n\t./p.go:26:7: previous case',
    ],
  },
  {
    // "previous case" points where gc's syntax tree puts an expression: operator, `(`.
    name: 'duplicate cases: positions',
    src: `type MyInt int

const k = 3

func f(m MyInt, x int) {
	switch m {
	case MyInt(3), 3:
	case (k), k:
	case -k + 0, -3:
	}
}
`,
    want: [
      './p.go:9:17: duplicate case 3 (constant of int type MyInt) in expression switch\n\t./p.go:9:12: previous case',
      './p.go:10:7: duplicate case (k) (constant 3 of int type MyInt) in expression switch\n\t./p.go:9:12: previous case',
      './p.go:10:12: duplicate case k (constant 3 of int type MyInt) in expression switch\n\t./p.go:9:12: previous case',
      './p.go:11:15: duplicate case -3 (constant of int type MyInt) in expression switch\n\t./p.go:11:10: previous case',
    ],
  },
  {
    // Forward gotos resolved by later labels, across blocks and declarations (gc's syntax/branches.go).
    name: 'gotos',
    src: `func f(x int) int {
	goto A
	goto B
	y := 1
	goto A
A:
	if x > 0 {
		goto C
		goto D
	}
	z := 2
	for {
		goto B
		goto E
	}
B:
	_ = y + z
	{
	C:
		x++
	}
D:
	var w int
	goto F
	{
		goto D
	}
	_ = w
F:
	goto G
	return x
}
`,
    want: [
      './p.go:4:7: goto A jumps over declaration of y at ./p.go:6:4',
      './p.go:5:7: goto B jumps over declaration of z at ./p.go:13:4',
      './p.go:10:8: goto C jumps into block starting at ./p.go:20:2',
      './p.go:11:8: goto D jumps over declaration of z at ./p.go:13:4',
      './p.go:16:8: label E not defined',
      './p.go:32:7: label G not defined',
    ],
  },
  {
    // Cycles through functions, a shared n:1 initialiser and mutually recursive functions.
    name: 'initialization cycles',
    src: `var a = b + f()
var b = 1

func f() int { return c }

var c = a
var d = d
var e, g = h()

func h() (int, int) { return g, 0 }

func k() int { return m() }
func m() int { return k() + n }

var n = 2
var p = k()
var q = r
var r = s
var s = q + a
`,
    want: [
      './p.go:3:5: initialization cycle for a\n\t./p.go:3:5: a refers to f\n\t./p.go:6:6: f refers to c\n\t./p.go:8:5: c refers to a',
      './p.go:9:5: initialization cycle: d refers to itself',
      './p.go:10:8: initialization cycle for g\n\t./p.go:10:8: g refers to h\n\t./p.go:12:6: h refers to g',
      './p.go:19:5: initialization cycle for q\n\t./p.go:19:5: q refers to r\n\t./p.go:20:5: r refers to s\n\t./p.go:21:5: s refers to q',
    ],
  },
  {
    name: 'cycles',
    src: `type R struct{ r R }

var x = y
var y = x
`,
    want: [
      './p.go:3:6: invalid recursive type: R refers to itself',
      './p.go:5:5: initialization cycle for x\n\t./p.go:5:5: x refers to y\n\t./p.go:6:5: y refers to x',
    ],
  },
  {
    name: 'fields',
    src: `type T struct{ n int }

func (t *T) Set(n int) { t.n = n }

func mk() T { return T{} }

func f(t T) {
	_ = t.m
	_ = t.N
	mk().Set(1)
	_ = T{1, 2}
	_ = T{m: 1}
}
`,
    want: [
      './p.go:10:8: t.m undefined (type T has no field or method m)',
      './p.go:11:8: t.N undefined (type T has no field or method N, but does have field n)',
      './p.go:12:7: cannot call pointer method Set on T',
      './p.go:13:11: too many values in struct literal of type T',
      './p.go:14:8: unknown field m in struct literal of type T',
    ],
  },
  {
    name: 'invalidop',
    src: `func f(a []int, b bool, p *int, fl float64) {
	_ = b + b
	_ = !a
	_ = a == a
	_ = p < p
	_ = fl % 2
	_ = *b
	_ = &f()
	_ = fl << 1
}
`,
    want: [
      './p.go:4:6: invalid operation: operator + not defined on b (variable of type bool)',
      './p.go:5:7: invalid operation: operator ! not defined on a (variable of type []int)',
      './p.go:6:6: invalid operation: a == a (slice can only be compared to nil)',
      './p.go:7:6: invalid operation: p < p (operator < not defined on pointer)',
      './p.go:8:6: invalid operation: operator % not defined on fl (variable of type float64)',
      './p.go:9:7: invalid operation: cannot indirect b (variable of type bool)',
      './p.go:10:7: not enough arguments in call to f\n\thave ()\n\twant ([]int, bool, *int, float64)',
      './p.go:10:7: f() (no value) used as value',
      './p.go:11:6: invalid operation: shifted operand fl (variable of type float64) must be integer',
    ],
  },
  {
    name: 'labels',
    src: `func f() {
L:
	for {
	}
	for {
		break M
	}
	goto N
	continue
}
`,
    want: [
      './p.go:4:1: label L defined and not used',
      './p.go:8:9: break label not defined: M',
      './p.go:10:7: label N not defined',
      './p.go:11:2: continue is not in a loop',
    ],
  },
  {
    name: 'methods',
    src: `type T struct{ n int }

func (t *T) P(a int) int { return t.n + a }
func (t T) V(a int) int  { return t.n + a }
func (T) U(a, b int)     {}
func (T) Z() int         { return 0 }

type Outer struct{ T }

type C struct{}

func (C) M(a [len([1]func(C){C.M})]int) {}

func f(t T, o Outer) {
	_ = T.P
	_ = Outer.P
	_ = T.n
	var a bool = (*T).V
	var b bool = T.U
	var c bool = (*Outer).Z
	var d bool = t.V
	var e bool = o.P
	_ = T{}.P
	T.V(t)
	T.V(t, 1, 2)
	_ = T.U(t, 1, 2)
	_, _, _, _, _ = a, b, c, d, e
}
`,
    want: [
      './p.go:14:10: invalid cycle in declaration: M refers to itself',
      './p.go:14:30: illegal cycle in method declaration',
      './p.go:17:8: invalid method expression T.P (needs pointer receiver (*T).P)',
      './p.go:18:12: invalid method expression Outer.P (needs pointer receiver (*Outer).P)',
      './p.go:19:8: T.n undefined (type T has no method n)',
      './p.go:20:15: cannot use (*T).V (value of type func(t *T, a int) int) as bool value in variable declaration',
      './p.go:21:15: cannot use T.U (value of type func(_ T, a int, b int)) as bool value in variable declaration',
      './p.go:22:15: cannot use (*Outer).Z (value of type func(*Outer) int) as bool value in variable declaration',
      './p.go:23:15: cannot use t.V (value of type func(a int) int) as bool value in variable declaration',
      './p.go:24:15: cannot use o.P (value of type func(a int) int) as bool value in variable declaration',
      './p.go:25:10: cannot call pointer method P on T',
      './p.go:26:6: not enough arguments in call to T.V\n\thave (T)\n\twant (T, int)',
      './p.go:27:12: too many arguments in call to T.V\n\thave (T, number, number)\n\twant (T, int)',
      './p.go:28:6: T.U(t, 1, 2) (no value) used as value',
    ],
  },
  {
    name: 'mismatched',
    src: `func f(a int, b int64) {
	_ = a + b
	_ = a == b
	a += b
}
`,
    want: [
      './p.go:4:6: invalid operation: a + b (mismatched types int and int64)',
      './p.go:5:11: invalid operation: a == b (mismatched types int and int64)',
      './p.go:6:2: invalid operation: a += b (mismatched types int and int64)',
    ],
  },
  {
    name: 'missingreturn',
    src: `func f(x int) int {
	if x > 0 {
		return 1
	}
}

func g(x int) int {
	for {
		if x > 0 {
			break
		}
	}
}
`,
    want: [
      './p.go:7:1: missing return',
      './p.go:15:1: missing return',
    ],
  },
  {
    name: 'nonbool',
    src: `func f(x int) {
	if x {
	}
	for x {
	}
}
`,
    want: [
      './p.go:4:5: non-boolean condition in if statement',
      './p.go:6:6: non-boolean condition in for statement',
    ],
  },
  {
    name: 'notused',
    src: `func f(a, b int) int {
	a + b
	f
	a == b
	len([]int{})
	1
	return 0
}
`,
    want: [
      './p.go:4:2: a + b (value of type int) is not used',
      './p.go:5:2: f (value of type func(a int, b int) int) is not used',
      './p.go:6:2: a == b (untyped bool value) is not used',
      './p.go:7:2: len([]int{}) (value of type int) is not used',
      './p.go:8:2: 1 (untyped int constant) is not used',
    ],
  },
  {
    name: 'redeclared',
    src: `var a int
var a int

func f(p int, p int) {
	x := 1
	var x int
	_ = x
}
`,
    want: [
      './p.go:4:5: a redeclared in this block\n\t./p.go:3:5: other declaration of a',
      './p.go:6:15: p redeclared in this block\n\t./p.go:6:8: other declaration of p',
      './p.go:8:6: x redeclared in this block\n\t./p.go:7:2: other declaration of x',
    ],
  },
  {
    name: 'returncount',
    src: `func f() (int, bool) {
	return 1
}

func g() {
	return 1
}
`,
    want: [
      './p.go:4:9: not enough return values\n\thave (number)\n\twant (int, bool)',
      './p.go:8:9: too many return values\n\thave (number)\n\twant ()',
    ],
  },
  {
    name: 'undefined',
    src: `func f() int {
	return y
}
`,
    want: [
      './p.go:4:9: undefined: y',
    ],
  },
  {
    name: 'unused',
    src: `func f() {
	a := 1
	var b int
	b = 2
	func() {
		c := 3
	}()
}
`,
    want: [
      './p.go:4:2: declared and not used: a',
      './p.go:5:6: declared and not used: b',
      './p.go:8:3: declared and not used: c',
    ],
  },
]

/** Every level-1 construct at least once; gc compiles it cleanly too (checked below). */
export const LEVEL1_TOUR = `package p

type T struct {
	x [10]int
	f float64
}

type Point struct{ X, Y int }

type Named int

type Inner struct{ a, b int }

func (i *Inner) Inc()    { i.a++ }
func (i Inner) Sum() int { return i.a + i.b }

type Outer struct {
	Inner
	p *Inner
	c int
}

type List struct {
	next *List
	val  int
}

type Alias = Point

const (
	A = iota
	B
	C
	D = 1 << iota
	E
)

const big = 1 << 62
const fl = 1.5
const typed int8 = 100

var global = 10
var g1, g2 = pair()
var hook = func() int { return global }
var arr = [...]int{1, 2, 3}
var grid [3][4]float32

func pair() (int, bool) { return 1, true }

func (n Named) Double() Named { return n * 2 }

//go:noinline
func ABC(i, j int) int {
	var t T
	t.x[i&3] = j
	return t.x[j&3]
}

func variadic(prefix int, xs ...int) int {
	s := prefix
	for _, x := range xs {
		s += x
	}
	return s
}

func named() (r int, ok bool) {
	r = 3
	ok = r > 2
	return
}

func closures() func() int {
	n := 0
	inc := func() int {
		n++
		return n
	}
	inc()
	return func() int { return inc() + n }
}

func control(n int) int {
	total := 0
	for i := 0; i < n; i++ {
		if i%2 == 0 {
			continue
		} else if i > 100 {
			break
		}
		total += i
	}
	for total < 1000 {
		total *= 2
	}
	for {
		if total > 0 {
			break
		}
	}
	for i := range 10 {
		total += i
	}
	for range 3 {
		total--
	}
	var k int
	for k = range arr {
	}
	_ = k
	switch total {
	case 1, 2:
		total = 0
	case 3:
	default:
		total++
	}
	switch {
	case total > 10:
		return 1
	}
	switch x := total * 2; x {
	case 4:
	}
outer:
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			if j == 1 {
				continue outer
			}
			if j == 2 {
				break outer
			}
		}
	}
	goto done
done:
	return total
}

func slices() []int {
	s := make([]int, 0, 10)
	s = append(s, 1, 2, 3)
	s = append(s, s...)
	t := s[1:3]
	u := s[:2:5]
	a := [5]int{1, 2, 3}
	v := a[:]
	p := &a
	w := p[1:]
	n := copy(t, u)
	_ = len(a) + cap(s) + n + len(p)
	var nilSlice []int
	if nilSlice == nil {
		nilSlice = v
	}
	m := [][]int{{1, 2}, {3}}
	ps := []*Point{{1, 2}, {X: 3}}
	_ = m
	_ = ps
	return append(w, nilSlice...)
}

func pointers() {
	x := 1
	p := &x
	*p = 2
	q := new(Point)
	q.X = 3
	(*q).Y = 4
	o := Outer{Inner: Inner{1, 2}, c: 3}
	o.Inc()
	o.a = o.Sum()
	o.p = &o.Inner
	o.p.Inc()
	var l List
	l.next = &List{val: 1}
	pp := &Point{1, 2}
	_ = pp.X
	var f func(int) int
	f = func(i int) int { return i + 1 }
	_ = f(1)
	var al Alias = Point{}
	_ = al
}

func conversions(i int, f float64, u uint8) float64 {
	var n Named = Named(i)
	n = n.Double()
	b := byte(i)
	r := rune(b)
	var i64 int64 = int64(r) << 3
	s := uint(1) << u
	x := float32(f) + 1.5
	_ = 1 << s
	var sh int64 = 1 << s
	c := 'a' + 1
	_ = c
	_ = -typed
	_ = ^u
	_ = !true
	_ = fl * 2
	_ = big
	return float64(x) + float64(i64) + float64(n) + f/2 + float64(sh)
}

func compare(a, b Point, s []int, f func()) bool {
	return a == b && s != nil && f != nil && a.X < b.Y || !(a != b)
}

func printing() {
	println(1, 2.5, true, 'x', global)
	print(A, B, C, D, E)
	println()
}

func multi() (int, int, int) {
	a, b := pair()
	_ = b
	x, y, z := 1, 2, 3
	x, y = y, x
	a, ok := pair()
	_ = ok
	return a + x, y, z
}

func array2d() float32 {
	grid[1][2] = 3
	return grid[1][2]
}

func init() {
	global = 11
}

func init() {
	_ = g1
	_ = g2
}

func recursive(n int) int {
	if n == 0 {
		return 1
	}
	return n * recursive(n-1)
}

func shadow(x int) int {
	{
		x := x + 1
		_ = x
	}
	if x := 2; x > 1 {
		return x
	}
	return x
}

func emptyStruct() struct{} { return struct{}{} }

func anonStruct() int {
	v := struct {
		a int
		b bool
	}{1, true}
	if v.b {
		return v.a
	}
	return 0
}

func funcTypes(g func(int, ...int) (int, bool)) {
	_, _ = g(1, 2, 3)
	h := func() {}
	h()
	func() {}()
}

func unusedParams(a, b int, _ float64) {}

func local() int {
	type L struct{ v int }
	const k = 3
	var l L
	l.v = k
	return l.v
}
`

/** More of the subset: embedding through pointers, recursion through closures, labelled loops, init order. */
export const LEVEL1_TOUR_2 = `package p

type Node struct {
	left, right *Node
	val         int
}

func (n *Node) Sum() int {
	if n == nil {
		return 0
	}
	return n.val + n.left.Sum() + n.right.Sum()
}

type Tree struct {
	*Node
	size int
}

type Vec [3]float64

func (v Vec) Dot(w Vec) float64 {
	s := 0.0
	for i := range v {
		s += v[i] * w[i]
	}
	return s
}

func (v *Vec) Scale(k float64) {
	for i := range v {
		v[i] *= k
	}
}

type Op func(int, int) int

func apply(op Op, a, b int) int { return op(a, b) }

func fib() func(int) int {
	var f func(int) int
	f = func(n int) int {
		if n < 2 {
			return n
		}
		return f(n-1) + f(n-2)
	}
	return f
}

func loops(xs []int) (sum int) {
	defer_ := 0
	_ = defer_
L:
	for i, x := range xs {
		switch {
		case x < 0:
			continue L
		case x > 100:
			break L
		case x == 50:
			break
		}
		sum += i * x
	}
	return
}

func structs() bool {
	a := struct{ x, y int }{1, 2}
	b := struct{ x, y int }{y: 2, x: 1}
	type P struct{ x, y int }
	c := P(a)
	return a == b && c.x == 1
}

func arrays() int {
	var m [4][4]int
	for i := 0; i < 4; i++ {
		for j := 0; j < 4; j++ {
			m[i][j] = i * j
		}
	}
	row := m[2]
	p := &m[1]
	p[0] = 7
	s := m[1][:]
	return row[3] + s[0] + len(m) + len(m[0])
}

func numeric(a int8, b uint16, c float32) float64 {
	x := int64(a)<<8 | int64(b)
	y := uint32(x) >> 3
	z := float64(c)*2.5 - float64(y)
	const mask = 0xFF &^ 0x0F
	w := b & mask
	return z + float64(w) + 1e-3 + 0x1p4
}

func tree() int {
	t := Tree{Node: &Node{val: 1, left: &Node{val: 2}}, size: 2}
	v := Vec{1, 2, 3}
	v.Scale(2)
	(&v).Scale(0.5)
	return t.Sum() + t.val + int(v.Dot(v)) + apply(func(a, b int) int { return a * b }, 3, 4) + fib()(10)
}

var counter int

func incr() int {
	counter++
	return counter
}

var (
	first  = incr()
	second = incr() + first
)

func multi(xs ...int) (min, max int) {
	if len(xs) == 0 {
		return 0, 0
	}
	min, max = xs[0], xs[0]
	for _, x := range xs[1:] {
		if x < min {
			min = x
		}
		if x > max {
			max = x
		}
	}
	return
}

func useMulti() int {
	lo, hi := multi(3, 1, 4, 1, 5)
	s := []int{9, 2}
	lo2, _ := multi(s...)
	return lo + hi + lo2
}

func bytes(b []byte) int {
	n := 0
	for _, c := range b {
		if c >= 'a' && c <= 'z' {
			n++
		}
	}
	var r rune = 'é'
	return n + int(r)
}
`
