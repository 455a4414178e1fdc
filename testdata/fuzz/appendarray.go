// Fuzz repro: appending a value that is not SSA-able (a [16]int literal, a
// big struct) copies it with a Move, as gc's append does; we stored a
// Dereference, which no lowering rule takes ("checkLower: not lowered:
// Dereference [16]int").
package p

type T struct{ a, b, c, d, e int }

func F(x0 [4]int) int {
	n := 0
	for v0, v1 := range x0 {
		v2 := append([][16]int(nil), [16]int{v0, v1, v0, v1})
		n += len(v2)
	}
	return n
}

func G(s []T, t T) []T {
	return append(s, t, T{a: 1})
}
