package p

import "strings"

type T struct{ x, y int }

func clamp(v, lo int) int {
	if v < lo {
		return lo
	}
	return v
}

// Sum: a loop, a call, an inlined helper, named values, register allocation.
func Sum(xs []int, s string) (int, string) {
	t := 0
	for _, x := range xs {
		t += clamp(x, 1)
	}
	return t, strings.ToUpper(s)
}

// M: a method with a closure (gc's names: (*T).M and (*T).M.func1).
func (p *T) M(k int) int {
	f := func(a int) int { return a + p.x }
	return f(k) + p.y
}
