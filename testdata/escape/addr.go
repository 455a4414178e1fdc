// Package addr exercises the address-of operator and deref distances.
//
// Rules exercised:
//   - &x flowing to a package-level variable or to a result moves x to the
//     heap; &x used only inside the frame keeps x on the stack.
//   - &param moves the parameter itself to the heap.
//   - the address of a field or array element moves the whole variable.
//   - every flow edge carries a deref count: &x is -1, x is 0, *x is +1,
//     **x is +2; x moves only if the summed count from an outliving
//     location to x is -1 (counts are clamped at 0 along the way).
//   - scalars (no pointers) cut flows.
package addr

type pair struct {
	a, b int
}

type holder struct {
	p *int
}

var sink *int
var sinkI int
var sinkPP **int
var sinkPair *pair
var global holder

// toGlobal: &x stored to a global; gc: moved to heap: x.
func toGlobal() {
	x := 1
	sink = &x
}

// returned: &x returned as the result; gc: moved to heap: x.
func returned() *int {
	x := 2
	return &x
}

// localOnly: &x only dereferenced locally; gc: x stays on the stack, no diagnostic.
func localOnly() int {
	x := 3
	p := &x
	*p += 4
	return x
}

// paramAddr: address of a scalar parameter stored to a global; gc: moved to heap: v.
func paramAddr(v int) {
	sink = &v
}

// fieldAddr: address of one field escapes; gc: moved to heap: s (the whole struct).
func fieldAddr() {
	var s pair
	s.a = 1
	sink = &s.b
}

// elemAddr: address of an array element escapes; gc: moved to heap: arr.
func elemAddr() {
	var arr [4]int
	sink = &arr[2]
}

// twoLevels: &p stored globally where p = &x; gc: moved to heap: x and p.
func twoLevels() {
	x := 5
	p := &x
	sinkPP = &p
}

// viaGlobalField: &x stored in a field of a global struct; gc: moved to heap: x.
func viaGlobalField() {
	x := 6
	global.p = &x
}

// compareOnly: comparing two addresses; gc: neither x nor y moves.
func compareOnly() bool {
	x, y := 1, 2
	return &x == &y
}

// structAddrEscapes: &s of a whole struct variable to a global; gc: moved to heap: s.
func structAddrEscapes() {
	s := pair{a: 1, b: 2}
	sinkPair = &s
}

// copiedOut: *(&x) copies the value, not the address; gc: x stays on the stack.
func copiedOut() int {
	x := 7
	y := *&x
	return y
}

// deref2ToGlobal: **x (distance 2); gc: leaking param content: x.
func deref2ToGlobal(x ***int) {
	sink = **x
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
	sink = *c
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
	sink = *&*&p
}

// reassignedChain: q starts as &a then becomes &b, only via q to the heap; gc: moved to heap: a, b.
func reassignedChain(c bool) {
	a, b := 1, 2
	q := &a
	if c {
		q = &b
	}
	sink = q
}

// derefThenAddrOfCopy: y := *p copies the int; &y escapes, x does not; gc: moved to heap: y.
func derefThenAddrOfCopy() {
	x := 4
	p := &x
	y := *p
	sink = &y
}
