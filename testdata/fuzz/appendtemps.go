// Fuzz repro: walkAppend evaluates every item before growslice; an item
// that is not a name, a literal or a call result (here *(&g.f3), an array
// too big for SSA) is copied into a temporary of its own first. Read in
// place after growslice, there was no such temporary to merge with the
// literal's.
package p

type T struct {
	f0 *T
	f1 []int
	f2 int
	f3 [16]int
}

var g *T

func (r T) M0(x0 int, x1 []func(int) *int) [][16]int {
	return append(append(make([][16]int, 2, 19), [16]int{}, [16]int{15: x0}), *(&g.f3))
}

func Items(s [][4]int, p *[4]int, a [2][4]int, i int) [][4]int {
	return append(s, *p, a[i], [4]int{i})
}
