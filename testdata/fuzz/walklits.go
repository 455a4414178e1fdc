// Fuzz repro: walk builds every composite literal argument into init
// (walkCompLit), a slice literal's array too, before the arguments that
// may panic go into temporaries; and a `...` pack is a slice literal whose
// array is zeroed before its elements are walked. Built in the wrong
// order, a zeroed array's copy or a literal's field read did not fold, and
// a temporary stayed a merge candidate that gc had dropped.
package p

type T0 struct {
	f0 int
	f1 int
}

type T1 struct {
	f0 int
}

type T2 struct {
	T0
	f0 *int
	f1 *T2
	f2 [4]int
	f3 func() int
	f4 int
}

var g0 *int

func (r *T1) M1(x0 T0) []int {
	if false {
		goto L0
	}
	if v0 := *g0; v0 == v0 &^ v0 {
		var v1 T2 = T2{T0{}, g0, &T2{T0: x0}, *new([4]int), func() int { return 7 }, v0}
		v3, v4 := F2(*(&v1.f1), []uint{0, 8, 1}, *new([8]int))
		v5 := func() *T1 {
			println(v0, v3)
			return *(&r)
		}()
		_ = v4
		_ = v5
	}
L0:
	return append(r.M1(x0), x0.f0, 1, r.f0)
}

func F2(x0 *T2, x1 []uint, x2 [8]int) (*int, T1) {
	var v5 **int
	v6 := *new([2]int)
	var v7 int = 24
	_ = v5
	_ = v6
	return g0, T1{f0: v7}
}

type U struct {
	f0 int
	f1 []int
	f2 int
	f3 *int
}

func H(x U, ps ...*int) {}

func Pack(n int) {
	v := U{n, make([]int, 0, 4), 5, new(int)}
	for n < 2 {
		n++
	}
	H(U{n, make([]int, 2, 8), 82, &v.f0}, U{n, make([]int, 8), n, &n}.f3, &n)
}
