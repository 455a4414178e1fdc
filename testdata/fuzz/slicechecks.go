// Fuzz repro: a slice literal (and a `...` pack, and a make with a constant
// capacity that does not escape) is sliced out of its array as gc's slice
// does it: a nil check and the bounds checks (0 <= len, len <= cap), each a
// branch. Without them, the allocations of one statement shared one block
// and compared in another order than gc's block by block.
package p

type T0 struct {
	f0 []int
}

type T2 struct {
	f0 int
	f3 T0
}

var g0 *T0

var g1 int

func (r *T2) M1(x0 *T0) {
	if x0 == nil && (g0 != nil || true) {
		goto L0
	}
	F1(make([]bool, 3, 18), make([]int, 1, 6), append([][]bool(nil), []bool{false, false}, make([]bool, g1), []bool{true}))
L0:
}

//go:noinline
func F1(x0 []bool, x1 []int, x2 [][]bool) *int {
	return *new(*int)
}

func Pack(a int) [][]int {
	return append(append(make([][]int, 2), *new([]int)), []int{a, 5, a}, []int{0, a}, make([]int, a))
}

func V(xs ...*int) {}

func Packs(a, b int) {
	V(&a, &b)
	s := make([]int, a, 4)
	_ = s
}
