// Fuzz repro: a field of an SSA-able literal (or call result) is selected
// from its value (StructSelect), as from walk's SSA-able temporary; stored
// to a stack temporary first, the store kept a later load of v2[6] from
// folding to zero and v2 stayed a merge candidate.
package p

type T1 struct {
	f0 int
}

type T2 struct {
	f0 int
	f1 int
	f2 int
	f3 *int
	f4 int
}

var g0 T2

var g1 *int

func F1(x0 func(int) *int) (r0 *func() int) {
	v2 := [8]int{T1{5}.f0, *g1}
	_ = v2[v2[6]]
	var v3 **int = nil
	v4 := [4]int{1, g0.f0, *g1, *g1}
	println(v4[g0.f4])
	var v5 [8]int
	_ = v5[1]
	_ = v3
	return F1(x0)
}
