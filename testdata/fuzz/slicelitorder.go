// Fuzz repro (seeds 179, 417): walk builds a slice literal's backing array
// into the statement's init in its turn, like &T{…}, although the slice
// itself is an SSA value: in append([]*T{new(T)}, &T{}, …) the literal comes
// before the &T{} arguments (order copied the new(T) calls out first), and
// in `return []…{…}, &T{}` before the &T{}. We built the &T{} first.
package p

type T struct {
	f0 int
	f1 int
	f2 [16]int
}

var g *int

func Append(x1 int) []*T {
	v3 := append([]*T{new(T)}, &T{}, &T{x1, x1, [16]int{}}, new(T))
	return v3
}

func Return(x0 int) (r0 [][3]int, r1 *T, r2 []*int) {
	v2 := 0
	return [][3]int{[3]int{v2}, {x0, v2}}, &T{f0: x0}, []*int{g, &v2}
}

func Call(f func([]*int, *T) int, x int) int {
	return f([]*int{&x}, &T{f1: x})
}
