// Fuzz repro: gc's order copies a call nested in a statement (`return
// F3(F1(x))`, `a[i] = f()`) into a temporary; one that is not SSA-able is a
// stack slot, a stack-slot merge candidate, reused by a later statement
// needing a temporary of the same type (order's free list). The move out
// of a call's result area is not forwarded (isVolatile), so both stay; we
// made no temporaries and merged nothing where gc merges 80 bytes.
package p

type T struct {
	f0 int
	f1 [4]int
	f2 []int
	f3 *int
	f4 int
}

var g int

//go:noinline
func F1(x0 float32) T {
	return F3(F1(x0))
}

func F3(x0 T) T {
	return T{f0: g, f1: [4]int{1: g}, f4: g}
}

func mk(i int) [8]int { return [8]int{i} }

func use(a [8]int) int { return a[1] }

func Reuse(i int, s [][8]int) int {
	s[i] = mk(i)
	n := use(mk(i + 1))
	n += use(mk(i + 2))
	return n
}
