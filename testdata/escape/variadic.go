// Package variadic exercises variadic calls and multi-value calls as arguments.
//
// Rules exercised:
//   - extra arguments of a variadic call are packed into an implicit slice
//     literal ("... argument"), a spill location of its own; with no extra
//     arguments the parameter gets nil.
//   - f(xs...) passes the slice itself.
//   - g(f()) with f returning several values goes through temporaries.
package variadic

var sinkP *int
var sinkS []*int

// keepAll: stores the variadic slice globally; gc: leaking param: ps.
func keepAll(ps ...*int) {
	sinkS = ps
}

// count: only reads the length; gc: ps does not escape.
func count(ps ...*int) int {
	return len(ps)
}

// first: returns the first element; gc: leaking param content: ps to result.
func first(ps ...*int) *int {
	return ps[0]
}

// packedEscapes: the packed slice leaks, its elements too; gc: moved to heap: x, y; ... argument escapes.
func packedEscapes() {
	x, y := 1, 2
	keepAll(&x, &y)
}

// packedLocal: count does not keep anything; gc: ... argument does not escape.
func packedLocal() int {
	x := 1
	return count(&x, &x)
}

// noExtra: no extra arguments, nothing packed.
func noExtra() int {
	return count()
}

// spread: passing a slice with ...; gc: leaking param: s.
func spread(s []*int) {
	keepAll(s...)
}

// firstOfPacked: the result is the element's content; gc: moved to heap: x.
func firstOfPacked() {
	x := 3
	sinkP = first(&x)
}

// pair returns two pointers.
func pair(p, q *int) (*int, *int) {
	return p, q
}

// take2 keeps its first argument.
func take2(a, b *int) {
	sinkP = a
}

// tupleArgs: take2(pair(&x, &y)) through temporaries; gc: moved to heap: x.
func tupleArgs() {
	x, y := 1, 2
	take2(pair(&x, &y))
}

// mixed: a fixed parameter then variadic ones.
func mixed(p *int, qs ...*int) *int {
	if len(qs) > 0 {
		return qs[0]
	}
	return p
}

// mixedCall: gc: moved to heap: z.
func mixedCall() {
	z := 4
	w := 5
	sinkP = mixed(&w, &z)
}
