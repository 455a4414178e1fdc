// Fuzz repro: an elided `&T` in `[]*T{{…}}` prints as gc prints it,
// `&T{...} does not escape`; we printed `&*T{...}`.
package p

type T struct {
	a [8]int
	b int
}

func F() int {
	v := []*T{{b: 1}, &T{b: 2}, nil}
	w := [2]*T{&T{b: 3}, {}}
	return len(v) + w[0].b + w[1].b
}
