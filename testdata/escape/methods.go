// Package methods exercises methods, receivers and method values.
//
// Rules exercised:
//   - a receiver is tagged like any other parameter ("leaking param: r",
//     "r does not escape", "to result ~r0 level=N").
//   - v.m() on an addressable value with a pointer receiver takes &v
//     implicitly; it only moves v if the receiver tag leaks.
//   - a direct method call uses the callee's tags; a method expression
//     T.m(v) / (*T).m(p) is a direct call too.
//   - a method value v.m allocates a closure ("v.m escapes to heap" /
//     "does not escape"); the receiver flows into it, and, because the
//     later call is unknown, into the method's receiver tag with results
//     assumed to reach the heap.
package methods

type counter struct {
	n   int
	ptr *int
}

var sinkP *int
var sinkC *counter
var sinkF func() int

// get: pointer receiver only read; gc: c does not escape.
func (c *counter) get() int {
	return c.n
}

// keep: pointer receiver stored globally; gc: leaking param: c.
func (c *counter) keep() {
	sinkC = c
}

// field: pointer receiver's field returned; gc: leaking param: c to result ~r0 level=1.
func (c *counter) field() *int {
	return c.ptr
}

// valueField: value receiver's field returned; gc: leaking param: c to result ~r0 level=0.
func (c counter) valueField() *int {
	return c.ptr
}

// valueCount: value receiver, only an int read; gc: c does not escape.
func (c counter) valueCount() int {
	return c.n
}

// callNoEscape: v.get() takes &v implicitly, get does not leak; gc: v stays on the stack.
func callNoEscape() int {
	var v counter
	return v.get()
}

// callKeep: v.keep() takes &v and keep leaks it; gc: moved to heap: v.
func callKeep() {
	var v counter
	v.keep()
}

// callField: v.field() returns v.ptr = &x, stored globally; gc: moved to heap: x, v stays.
func callField() {
	x := 1
	v := counter{ptr: &x}
	sinkP = v.field()
}

// valueFieldCall: value receiver returns its field to a global; gc: moved to heap: x.
func valueFieldCall() {
	x := 2
	v := counter{ptr: &x}
	sinkP = v.valueField()
}

// methodValueLocal: method value called locally, get's receiver tag does not leak; gc: v.get does not escape, v stays.
func methodValueLocal() int {
	var v counter
	f := v.get
	return f()
}

// methodValueResult: method value v.field, its result assumed to reach the heap; gc: moved to heap: x, &counter{...} and v.field do not escape.
func methodValueResult() int {
	x := 3
	v := &counter{ptr: &x}
	f := v.field
	f()
	return v.n
}

// methodValueEscapes: method value stored globally (value receiver copied); gc: v.valueCount escapes to heap.
func methodValueEscapes() {
	var v counter
	sinkF = v.valueCount
}

// methodExprCall: (*counter).keep(p) is a direct call; gc: leaking param: p.
func methodExprCall(p *counter) {
	(*counter).keep(p)
}

// methodExprValue: counter.valueField(v) with v holding a param; gc: leaking param: p to result ~r0 level=0.
func methodExprValue(p *int) *int {
	v := counter{ptr: p}
	return counter.valueField(v)
}

// autoDerefCall: p.valueCount() copies *p; gc: p does not escape.
func autoDerefCall(p *counter) int {
	return p.valueCount()
}
