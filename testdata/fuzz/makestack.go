// Fuzz repro: a make that does not escape and whose capacity is not
// constant gets walkMakeSlice's 32-byte stack buffer (if cap <= K, a
// struct{ _ [0]uintptr; arr [K]E } temporary sliced [:len:cap], else
// makeslice), and its len, here a literal's field, is read again at each
// use (safeExpr): the literal's temporary lives to the call and merges with
// the receiver's copy.
package p

type T0 struct {
	f0 [4]int
	f1 []int
	f2 func() int
	f3 int
}

type T1 struct {
	f0 []int
	f1 [4]int
}

var g0 func() int

var g2 []*int

func (r T1) M1(x0 []int) (func(int) int) {
	return func(p1_0 int) int { return 1 }
}

func F2(x0 *T1) {
	x0.M1(make([]int, T0{f1: make([]int, 1), f2: g0, f3: 4}.f3))
	var v0 *T0
	for v1, v2 := range g2 {
		v3 := v1
		switch v4 := (v1 / 9) - g0(); v4 {
		case v0.f3, 0:
			goto L0
			g2[v1 - v3] = v2
		L0:
		}
	}
}
