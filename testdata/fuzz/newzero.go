// Fuzz repro: a stack temporary (new, &T{}, a slice literal's array) is
// zeroed as gc's `tmp = nil` does: an SSA-able type stores its zero value
// (so *new(bool) folds to false and the loop never ends: what follows is
// dead, v3 and v6 are no candidates), others are cleared with Zero; a
// VarDef only when the type holds pointers.
package p

type T0 struct {
	f0 []int
	f1 *int
}

var g1 *int

var g2 *int

func F4(x0 int, x1 int) *T0 {
	for {
		var v0 [][]int = make([][]int, 4)
		v2 := make([]float32, 3, 18)
		if *new(bool) {
			break
		}
		_ = v0
		_ = v2
	}
	var v3 [32]int
	println(v3[x0 & 31])
	v6 := [8]int{6: x1}
	v6[v6[x1]] = (*g2) - x0
	return F4(*g1, x0 >> (x0 & 7) & 32)
}
