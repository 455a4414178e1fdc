// Walk's -d=escapedebug=1 lines: how each conversion of a concrete value to
// an interface gets its data word (read-only static data .stmp_N numbered
// per package in walk order, runtime.zeroVal, zerobase, staticuint64s, a
// stack temporary, or a runtime call with no line).

package convert

var sink any

type M interface{ M() }
type MyInt int

func (m MyInt) M() {}

type S struct{ a, b int64 }
type B struct{ x [200]int64 }
type E struct{}
type P struct{ p *int }

// A non-escaping parameter: a stack temporary named at the parameter.
func param(x int) { var a any = x; _ = a }

// A reassigned local: a stack temporary named at its declaration.
func reassigned(y int) {
	x := 5
	x += y
	var a any = x
	_ = a
}

// An expression that does not escape: printed as gc prints it.
func expr(x int) { var a any = x + 1; _ = a }

// Escaping: runtime.convT64, no line.
func escaping(x int) any { return x }

// Written conversions of constants: static data.
func written() {
	sink = any(42)
	sink = M(MyInt(3))
}

// A written conversion of a zero literal: runtime.zeroVal, printed with the conversion.
func writtenZero() { sink = any(S{}) }

// A bool constant: static data, then staticuint64s.
func boolConst() { sink = true }

// A string parameter that does not escape.
func strParam(s string) { var a any = s; _ = a }

// Float and array constants.
func floatConst() { sink = 1.5 }
func arrayConst() { var a any = [2]int{1, 2}; _ = a }

// A bool parameter: staticuint64s, named at the parameter.
func boolParam(b bool) { sink = b }

// Closures: the ones that capture are walked right after their function (last first),
// the others after every declared function.
func closures(y int) {
	a1 := func() {
		sink = 1
		_ = y
		a1a := func() { sink = 2; _ = y }
		a1a()
	}
	a2 := func() { sink = 3; _ = y }
	a3 := func() { sink = 9 }
	a1()
	a2()
	a3()
	sink = 4
}

// A method.
func (m MyInt) M2() { sink = 5 }

// A large zero literal (over 1024 bytes): static data, not zeroVal.
func largeZero() { var a any = B{}; _ = a }

// A large parameter: too big for a stack temporary.
func largeParam(b B) { var a any = b; _ = a }

// A written conversion between types with the same underlying type.
func nop(x int) { var a any = M(MyInt(x)); _ = a }

// A local bound once to a constant is replaced by it (escape's rewriteWithLiterals).
func boundOnce() {
	v := MyInt(7)
	w := 8
	sink = v
	sink = MyInt(w)
}

// A local bound once to a static literal, and to a zero one.
func boundLit() {
	v := S{1, 2}
	z := S{}
	sink = v
	sink = z
}

// Zero-sized values: zerobase (order made static data first for the literal).
func zeroSized(e E) {
	sink = E{}
	v := struct{}{}
	sink = v
	sink = e
}

// A for loop: condition, body, then the post statement.
func loop(n int) {
	for i := 0; i < n; sink = 10 {
		sink = 11
		i++
	}
}

// Pointer-shaped values are their own data word: no line.
func pointers(p *int, q P) {
	sink = p
	sink = q
}

// Fields and elements of parameters that do not escape.
func fields(s S, a [3]int, i int) {
	var x any = s.a
	var y any = a[i]
	_, _ = x, y
}

// Variadic arguments.
func variadic(args ...any) {
	for _, a := range args {
		sink = a
	}
}

func callVariadic() {
	v := 1000
	variadic(v, "s", 2.5)
}
