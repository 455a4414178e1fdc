// Fuzz repro: a rewrite rule written `@mem.Block (Load (OffPtr …) mem)`
// puts every value of its result in mem's block, the OffPtr too; we put
// the OffPtr in the matched value's block, and opt failed the checker
// ("v26 in b2 does not dominate its use by v27 in b1").
package p

type T struct {
	a int
	s []int
}

func F(s []int) []int {
	return (&T{a: s[2]}).s
}

func G(s []int, i int) int {
	t := T{a: s[i]}
	return len(t.s)
}
