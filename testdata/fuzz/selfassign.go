// Fuzz repro: ssagen skips x = x (issue 14904): no VarDef that would end
// x's life before the copy and let another variable share its slot.
package p

var g [8]int

func F(i int) int {
	var a [8]int
	a[i&7] = i
	g = [8]int{i}
	var b [8]int
	b[i&7] = g[i&3]
	g = b
	a = a
	return a[i&3]
}
