// Exercises decompose user and decompose builtin: phis of structs, nested
// structs and 1-element arrays (split per field), phis of slices (split into
// pointer, length and capacity), slice loads and stores, and the names of
// split variables (locals `v.x`-style, parameters `p+8`-style).

package p

//go:noinline
func structPhi(c bool, a, b int) int {
	v := struct{ x, y int }{a, b}
	if c {
		v = struct{ x, y int }{b, a}
	}
	return v.x - v.y
}

//go:noinline
func nestedPhi(n int) int {
	var v struct {
		p *int
		q struct{ r, s int }
	}
	for i := 0; i < n; i++ {
		v.q.r += i
		v.q.s = v.q.r * 2
	}
	return v.q.r + v.q.s
}

//go:noinline
func arrayPhi(n int) int {
	var a [1]int
	for i := 0; i < n; i++ {
		a[0] += i
	}
	return a[0]
}

//go:noinline
func emptyPhi(c bool) struct{} {
	var e struct{}
	if c {
		e = struct{}{}
	}
	return e
}

//go:noinline
func structParam(p struct {
	a int
	b *int
}, c bool) int {
	if c {
		p.a++
	}
	return p.a + *p.b
}

//go:noinline
func slicePhi(s []int, c bool) int {
	t := s
	if c {
		t = s[1:]
	}
	return len(t) + cap(t) + t[0]
}

//go:noinline
func sliceLoop(s []int) int {
	n := 0
	for len(s) > 0 {
		n += s[0]
		s = s[1:]
	}
	return n
}

//go:noinline
func sliceStore(p *[]int, q *[]int) {
	*p = *q
}

//go:noinline
func sliceLoad(p *[]*int) int {
	s := *p
	return len(s) + cap(s)
}

//go:noinline
func localSlice(n int) []int {
	s := make([]int, 0, 4)
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return s
}

//go:noinline
func structOfSlice(c bool, a []int) int {
	v := struct {
		s []int
		n int
	}{a, 1}
	if c {
		v.n = 2
	}
	return len(v.s) + v.n
}
