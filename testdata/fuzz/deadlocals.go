// Fuzz repro: gc's deadlocals pass runs before escape analysis and drops an
// assignment to a local or parameter that is never read, from something
// without effects (a name, a constant, a function literal): the literal's
// closure then has no escape line (a capturing one is not even compiled,
// a non-capturing one still is), and later closures keep their numbers. We
// analysed them all ("func literal does not escape").
package p

var g *int

func F(x0 func() *int, n int) int {
	x0 = func() *int { return &n }
	v4 := func() {}
	v4 = v4
	var big [8]int
	big = big
	h := func() int { return n + 1 }
	return h()
}

func G(x0 [40]int, x2 func() int) (*int, *int) {
L0:
	for v0 := 0; v0 < x0[19]; v0 += 2 {
		v3 := func(a1_0 int) {
			_ = x2
		}
		v3 = v3
		continue L0
	}
	return g, g
}

func H(n int, a *int) *int {
	b := new(int)
	a, b = &n, b
	return b
}

// A closure capturing v2 reads it for deadlocals: its assignments stay (captured by reference).
func Captured(r *int) *int {
	var v2 func(int) int
	_ = func(a int) *int {
		v2 = v2
		return &a
	}(9)
	v1 := new(func() int)
	func() {
		var v3 *func() int = nil
		v3 = v1
		v3 = v3
	}()
	return r
}

func pair(p *int) (*int, int) { return p, 0 }

// The blank's copy of the call's second result is dropped: -m=2 prints `v1, _ := (*int)(.autotmp_2), 0`.
func Blank(p *int) *int {
	v1, _ := pair(p)
	g = v1
	var v2, _ = pair(p)
	return v2
}
