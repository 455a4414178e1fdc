// Package mathpkgs: calls of the math and math/bits intrinsics. Their
// parameters and results are scalars, so nothing flows through them: a
// pointer whose target they read does not escape, a value they compute
// carries no pointer, and the allocations around them are decided as without
// them.
package mathpkgs

import (
	"math"
	"math/bits"
)

var sink *uint64

// Reads through p for OnesCount64: p does not escape.
func popAt(p *uint64) int { return bits.OnesCount64(*p) }

// &x only feeds a read: x stays on the stack.
func local() int {
	x := uint64(7)
	p := &x
	return bits.Len64(*p)
}

// The rotated value is stored through p: p does not escape.
func store(p *uint64, x uint64) { *p = bits.RotateLeft64(x, 3) }

type pair struct{ hi, lo uint64 }

// Mul64's results fill a literal that is returned: &pair{...} escapes.
func newPair(x, y uint64) *pair {
	hi, lo := bits.Mul64(x, y)
	return &pair{hi, lo}
}

// Add64 with the carry chained: no flows at all.
func add128(a, b *pair) pair {
	lo, c := bits.Add64(a.lo, b.lo, 0)
	hi, _ := bits.Add64(a.hi, b.hi, c)
	return pair{hi, lo}
}

// Elements rewritten in place with Floor: s does not escape.
func floors(s []float64) {
	for i := range s {
		s[i] = math.Floor(s[i])
	}
}

// x escapes through sink; its value still only reaches TrailingZeros64.
func leak() int {
	x := uint64(1)
	sink = &x
	return bits.TrailingZeros64(x)
}

// The closure captures x by value and returns it to the caller: func literal escapes.
func closure(x uint64) func() int {
	return func() int { return bits.OnesCount64(x) }
}

// FMA of values loaded through pointers: none of them escapes.
func fma(a, b, c *float64) float64 { return math.FMA(*a, *b, *c) * math.Pi }
