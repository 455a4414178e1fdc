// Built-ins min and max: the result is one of the arguments, so each
// argument flows to it (strings keep their data); constants fold.

package minmax

var sink string

// Strings leak to the result.
func strMin(a, b, c string) string { return min(a, b, c) }

// To the heap through a global.
func strMax(a, b string) { sink = max(a, b) }

// Dropped: nothing leaks.
func dropped(a, b string) { _ = min(a, b) }

// Integers carry no pointers.
func ints(x, y int) int { return max(x, y, 3) }

// A constant: nothing to analyse.
func konst() float64 { return min(1, 2.5) }
