// Fuzz repro (seed 60): escape analysis rewrites a make size that is a
// local defined once by a constant into that constant (rewriteWithLiterals)
// only after the batch is built. An address flowing straight to the heap is
// explained at once, while building, so its lines still print
// `make([]int, v0)`; explanations found by the walks, and the summary lines,
// print the rewritten `make([]int, 9)`. We printed 9 everywhere.
package p

var g []int

func A() {
	v0 := 9
	g = make([]int, v0)
}

func B(n int) {
	switch v0 := 9; v0 {
	case 1:
		v2 := 0
	L0:
		g = make([]int, v0)
		g = append(make([]int, v0), n, v2)
		goto L0
	}
}

func C() int {
	v0 := 100000
	s := make([]int, v0)
	return len(s)
}

func D() []int {
	v0 := 9
	s := make([]int, v0)
	return s
}
