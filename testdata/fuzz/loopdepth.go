// Fuzz repro: loop depth as gc's escape analysis counts it. A `{ … }` is
// flattened in gc's IR, so a looping label inside it deepens the loop
// depth for the statements after the block (`x0 = new(…)` then outlives
// x0 and escapes). A range variable's per-iteration copy counts as a
// reassignment that a closure at the same loop depth forgives; one in a
// nested loop captures the variable by reference.
package p

type T struct {
	f0 *int
	f1 *int
	f2 *int
}

func Block(x0 *func() int) {
	{
		v1 := 0
	L0:
		v3 := *new(T)
		if v1 < 4 {
			goto L0
		}
		_ = v3
	}
	x0 = new(func() int)
	_ = x0
}

func Nested(n int) {
	var v0 int
	for v2 := range n {
		for v3 := 0; v3 < n; v3++ {
			f := func() { v0 = v2 }
			f()
		}
	}
	_ = v0
}

func Same(s []int) {
	var v0 int
	for _, v2 := range s {
		f := func() { v0 = v2 }
		f()
	}
	_ = v0
}

func Deeper(s []int) {
	for i, v2 := range s {
		for range 3 {
			f := func() int { return v2 + i }
			f()
		}
	}
}
