// Fuzz repro: a switch case is ordered in place (order's exprListInPlace):
// make([]int, v1) is called before the literal holding it is built, so the
// read of the literal's f0 folds to zero and its temporary goes.
package p

type T0 struct {
	f0 []int
	f1 [8]int
	f2 int
	f3 []int
	f4 func() int
}

type T2 struct {
	T0
	f0 int
	f1 []int
	f2 *int
	f3 int
	f4 int
}

var g0 []*int

var g2 *int

func (r T2) M1() *int {
	v0 := [8]int{2: *g2}
	if v1 := ((&T2{T0{f0: make([]int, 9), f3: make([]int, 5)}, 7, make([]int, 2, 14), &r.f0, 17, 9}).f3 * r.f3); v1 < v1 - v1 {
		switch v1 {
		case 9, (T2{f1: make([]int, v1), f3: 0, f4: v1}.f0):
			if g2 != nil && (v1 < v1) {
				goto L0
			}
			r.T0 = T0{f1: v0, f2: v1, f3: append([]int(nil), 5, v1)}
		L0:
		}
		v8 := T0{f1: v0, f2: 3, f4: func() int { return v1 }}
		v9 := g0[1]
		_ = v8
		_ = v9
	}
	return g0[v0[3]]
}
