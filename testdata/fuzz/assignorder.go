// Fuzz repro (seed 286, ppc64): in `a[i] = *g &^ a[i&3]` gc evaluates the
// right-hand side first, then a[i]'s address with its bounds check (a[i&3]
// needs none: walk marks it bounded). The load and the store end in
// different blocks sharing one MOVDaddr of a, so on ppc64 mergelocals
// evicts a and merges nothing; amd64 addresses a from SP and merges a and b.
package p

var g *int

func H(i int) int {
	var a [4]int
	a[i] = *g &^ a[i&3]
	if i > 2 {
		return a[0]
	}
	var b [4]int
	b[i] = *g
	G()
	return b[2]
}

func G() {}
