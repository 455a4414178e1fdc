// Fuzz repro (seed 148): past 4 elements, gc's anylit fills a literal's
// temporary (or a variable built in place) by copying a read-only template
// of its constant elements, then storing the rest. A constant field read
// back (`.f3`) loads from the temporary instead of folding, so the
// temporary is a merge candidate gc merges with the array's.
package p

type T0 struct {
	f0 int
	f1 [8]int
}

type T1 struct {
	T0
	f0 func() int
	f1 int
	f2 int
	f3 int
}

// Read through the temporary: gc loads 27 from it (a merge candidate).
func F(r T0) int {
	a := T1{r, nil, 9, 8, 27}.f3
	G()
	b := [5]int{1, 2, 3, 4, r.f0}[0]
	return a + b
}

// Built in place: x keeps its constant fields from the template.
func H(r T0) int {
	x := T1{T0{f0: 3, f1: [8]int{r.f0}}, nil, 9, 8, 27}
	G()
	y := [8]int{6: r.f0, 1: 2, 3, 4, 7, 9}
	G()
	return x.f3 + x.T0.f0 + y[2]
}

func G() {}
