// Package embedded exercises promoted fields and methods through embedding.
//
// Rules exercised:
//   - a promoted field x.f is x.inner.f in gc's IR (dots spelled out).
//   - promoted methods called on an outer value take the address of the
//     embedded field when the receiver is a pointer.
//   - embedding by pointer dereferences on the way (dot of pointer).
package embedded

type inner struct {
	p *int
	n int
}

func (in *inner) keep() { sink = in.p }

func (in inner) get() *int { return in.p }

type outer struct {
	inner
	q *int
}

type viaPtr struct {
	*inner
}

var sink *int
var sinkO *outer

// promotedField: o.p is o.inner.p; gc: moved to heap: x.
func promotedField() {
	x := 1
	var o outer
	o.p = &x
	sink = o.p
}

// promotedThroughPtr: v.p is (*v.inner).p; gc: leaking param content: v.
func promotedThroughPtr(v viaPtr) {
	sink = v.p
}

// promotedMethodPtr: o.keep() calls (*inner).keep(&o.inner); gc: leaking param content: o? (keep leaks in.p).
func promotedMethodPtr(o *outer) {
	o.keep()
}

// promotedMethodValue: o.get() copies o.inner; gc: leaking param: o to result level=0? see golden.
func promotedMethodValue(o outer) *int {
	return o.get()
}

// storeThroughEmbedded: v.n = 1 writes through the embedded pointer.
func storeThroughEmbedded(v viaPtr) {
	v.n = 1
}

// outerAddr: &o.inner.n takes o's address; gc: moved to heap: o.
func outerAddr() {
	var o outer
	sinkO = &o
	o.n = 2
}
