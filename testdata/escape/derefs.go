// Package derefs exercises dereference distances along flow paths.
//
// Rules exercised:
//   - every edge carries a deref count: &x is -1, x is 0, *x is +1, **x is +2.
//   - a location escapes only if its address reaches an outliving location,
//     i.e. the summed derefs along the path end at -1 (clamped at 0 on the way).
//   - values copied out through enough derefs carry no pointer to the source.
//   - scalars (no pointers) cut the flow entirely.
package derefs

var sinkI int
var sinkP *int
var sinkPP **int

// addrToGlobal: &x of a pointer param (distance -1); gc: moved to heap: x.
func addrToGlobal(x *int) {
	sinkPP = &x
}

// valueToGlobal: x itself (distance 0); gc: leaking param: x.
func valueToGlobal(x *int) {
	sinkP = x
}

// derefToGlobal: *x (distance 1); gc: leaking param content: x.
func derefToGlobal(x **int) {
	sinkP = *x
}

// deref2ToGlobal: **x (distance 2); gc: leaking param content: x.
func deref2ToGlobal(x ***int) {
	sinkP = **x
}

// scalarOut: *x is an int, flow cut by type; gc: x does not escape.
func scalarOut(x *int) {
	sinkI = *x
}

// localChain: a <- b=&a <- c=&b, sink = *c (= b = &a); gc: moved to heap: a only.
func localChain() {
	a := 1
	b := &a
	c := &b
	sinkP = *c
}

// localChainDeep: sink = **c is an int; gc: nothing moves.
func localChainDeep() {
	a := 1
	b := &a
	c := &b
	sinkI = **c
}

// addrThenDeref: *&*&p leaves p itself; gc: moved to heap: x (p holds &x).
func addrThenDeref() {
	x := 2
	p := &x
	sinkP = *&*&p
}

// reassignedChain: q starts as &a then becomes &b, only via q to the heap; gc: moved to heap: a, b.
func reassignedChain(c bool) {
	a, b := 1, 2
	q := &a
	if c {
		q = &b
	}
	sinkP = q
}

// storeAddrOfLocalPtr: sinkPP = &p with p = &x; gc: moved to heap: x and p.
func storeAddrOfLocalPtr() {
	x := 3
	p := &x
	pp := &p
	sinkPP = pp
}

// derefThenAddrOfCopy: y := *p copies the int; &y escapes, x does not; gc: moved to heap: y.
func derefThenAddrOfCopy() {
	x := 4
	p := &x
	y := *p
	sinkP = &y
}
