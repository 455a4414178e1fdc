// Fuzz repro (seed 20): walk turns each non-constant case into its own
// `if tag == e { goto body }`, whose goto sits in an empty then block. Two
// tests of one case so never share a target, fuse keeps the second test,
// and its read of a keeps the array live past the call: gc merges nothing.
package p

var g *[16]int

var h int

func F(x int) {
	var a [40]int
	G(*g)
	switch x {
	case a[8], h:
	}
}

func G(x [16]int) {}
