// Fuzz repro: a call result too big for SSA that comes back in registers is
// stored to a temporary of its own (ssagen's resultAddrOfCall; we read it
// from a stack slot it does not have), and `a, b = f()` assigns each result
// through an order temporary (as2func), a pointerful one zeroed before the
// call. Without the result temporary, v0 and v2 took its place in the merge.
package p

type T0 struct {
	f0 []int
	f1 *int
	f2 int
	f3 int
}

var g0 *int

func F2(x0 float64) {
	v0, v1 := F3(T0{make([]int, 8), new(int), 18, 7})
L0:
	for v2 := 0; v2 < cap(v1); v2 += 2 {
		v5 := g0 != nil
		if v5 {
			break L0
		}
	}
	var v6 []int = nil
	var v7 *func(int) int = nil
	_ = v6
	_ = v7
	v8, v9 := F3(v0)
	_ = v8
	_ = v9
}

func F3(x0 T0) (r0 T0, r1 [][4]int) {
	return x0, r1
}

type T0B struct {
	f0 int
	f1 int
	f2 []int
	f3 *int
}

//go:noinline
func F0B(x0 T0B) T0B {
	return T0B{f0: 0}
}

func F1B(x0 ...*int) (r0 *int) {
	v2 := F0B(T0B{f3: r0})
	if (*r0) > v2.f0 {
		v3 := new([16]int64)
		_ = v3
	}
	v8 := [8]int{0: 6}
	return F1B(append(x0, &v8[6], r0, nil)...)
}
