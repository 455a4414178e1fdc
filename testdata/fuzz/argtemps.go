// Fuzz repro: walk's argument temporaries (a receiver or an argument that
// may panic, here *x0 twice) are read when the call marshals its
// arguments, after the later ones are filled: both stay live to the call.
// Read when each was filled, the first died early and they merged.
package p

type T0 struct {
	f0 []int
	f1 *int
	f2 int
	f3 int
}

type T1 struct {
	f0 []int
	f1 *int
	f2 int
	f3 int
}

var g0 *int

func (r T0) M0(x0 T0) *int {
	v0 := &T1{}
	var v1 float32 = ((*new(float32)) + 0) + ((*new(float32)) - (*new(float32)))
	v2 := make([]func() int, 2)
	v3 := T1{f0: x0.f0}
	_ = v0
	_ = v1
	_ = v2
	_ = v3
	return &x0.f2
}

func (r T1) M1(x0 *T0) int8 {
	v1 := []*int{&r.f3}
	v2 := new(*float32)
	g0 = x0.M0(*x0)
	_ = v1
	_ = v2
	return r.M1(x0)
}
