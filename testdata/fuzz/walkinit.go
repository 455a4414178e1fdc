// Fuzz repro: what walk builds into a statement's init before the
// statement reads its operands. A literal argument becomes a temporary
// first, so a struct receiver read at the call stays live across it; an
// argument that might panic (`*r`, `s[i]`, a division) is copied to a
// temporary of its own (walkCall1's mayCall), a merge candidate when not
// SSA-able. We read operands where they appear and made neither.
package p

type T0 struct {
	f0 int
	f1 *int
	f2 []int
	f3 *int
}

type T2 struct {
	f0 []int
	f1 func(int) int
	f2 int
	f3 int
}

var g1 uint32

func (r T0) M0(x0 T0) int {
	return int(g1) + x0.f0
}

func Receiver(x0 T0, x1 int) *int {
	v0 := x0
	v1 := v0.M0(T0{f2: make([]int, 3)})
	return &v1
}

//go:noinline
func F0(x0 T2, x1 [8]int, x2 [16]int) (r0 int) {
	return x0.f2 + x1[1] + x2[2]
}

func (r *T2) Deref(s [][8]int, i int) int {
	v0 := F0(T2{}, [8]int{}, [16]int{9, 29, 8, 4}) & F0(*r, s[i], [16]int{0, 0, 9})
	return v0 + F0(*r, [8]int{}, [16]int{13: 40})
}

type T3 struct {
	f0 int16
	f1 int
	f2 int
	f3 *int
	f4 []int
}

var g3 *T3

func (r T3) V(x0 int32, x1 bool) {}

// The receiver *r is argument 0: through a pointer it may panic, so it is copied to a temporary too.
func (r *T3) P(x0 bool) T3 {
	r.V(89, r == new(T3))
	return g3.P(!x0)
}
