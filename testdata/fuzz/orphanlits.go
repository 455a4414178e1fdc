// Fuzz repro (seed 42): a literal nothing compiled reaches any more. gc
// runs deadlocals on every function that is not a closure, literals that
// capture nothing included, and compiles every such literal on its own,
// after all the declarations, in the order it reads them. F.func1 captures
// and its statement goes, so it is never compiled, but F.func1.1 inside it
// captures nothing and still is; F.func2's statement goes and, as a function
// of its own, so does its `z`, leaving F.func2.1 alone. We dropped F.func1.1
// with its parent, analysed F.func2.1 with F.func2 ("func literal does not
// escape") and put them all before G.
package p

func F(n int) {
	v := func() *int {
		_ = func(p int) *int { return &p }
		_ = func(q int) *int { return &n }
		return &n
	}
	w := func(p2 int) *int {
		z := func(p3 int) *int { return &p3 }
		z = z
		return &p2
	}
	k := func(p4 int) *int { return &p4 }
	v = v
	w = w
	k = k
}

func G(x *int) *int { return x }

var sink *int

// Seed 42's shape: the only call of v4 is in a case after a constant-true one.
func H(x0 **int, x1 int) *int {
	v4 := func(a *int) *int {
		v3 := []*int{a, &x1}
		_ = func(p4 int) *int { return &p4 }
		_ = v3
		return sink
	}
	switch {
	case true:
	case sink != nil:
		v4(sink)
	}
	return *x0
}
