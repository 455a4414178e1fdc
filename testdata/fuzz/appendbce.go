// Fuzz repro: walkAppend takes its arguments apart with safeExpr, which
// copies an index that is not a name or constant to a temporary: walk then
// cannot prove `v3[x0&1]` in bounds there and prints no "index bounds
// check elided"; elsewhere (and inside a larger argument) it does.
package p

func F(x0 int) [][]int {
	v3 := [2]int{x0}
	return append([][]int(nil), append(make([]int, x0), v3[x0&1], x0, x0))
}

func G(x0 int, s []int) int {
	v3 := [2]int{x0}
	s = append(s, v3[x0&1])
	return v3[x0&1] + len(s)
}

func H(x0 int, b uint8, a [256]int, c [8]int) int {
	a[b]++
	c[x0&7] += 2
	c[x0&7], a[b] = 1, 2
	s := append([]int(nil), a[b], c[x0&7]+1)
	return len(s)
}
