// Package funcvals exercises calls through function values.
//
// Rules exercised:
//   - a call whose callee is not statically known sends every argument to
//     the heap (no tags to consult).
//   - a func-typed variable assigned once from a named func or a func
//     literal is resolved statically (ir.StaticValue): its tags are used.
//   - the callee operand of a dynamic call does not itself escape; a func
//     param that is only called "does not escape" (tag: calls param).
//   - a closure that reaches the callee of an unknown call loses track of
//     its results: what it returns is assumed to reach the heap.
package funcvals

var sinkP *int
var sinkF func(*int)

// readOnly: helper that only reads p; gc: p does not escape.
func readOnly(p *int) int {
	return *p
}

// callParam: calls its func param with p; gc: f does not escape, leaking param: p.
func callParam(f func(*int) int, p *int) int {
	return f(p)
}

// dynamicLocal: &x passed through a func param call; gc: moved to heap: x.
func dynamicLocal(f func(*int) int) int {
	x := 1
	return f(&x)
}

// staticViaVar: f := readOnly is resolved statically; gc: x stays on the stack.
func staticViaVar() int {
	x := 2
	f := readOnly
	return f(&x)
}

// reassignedVar: f may be readOnly or another func, so the call is dynamic; gc: moved to heap: x.
func reassignedVar(c bool) int {
	x := 3
	f := readOnly
	if c {
		f = func(p *int) int { return *p + 1 }
	}
	return f(&x)
}

// staticClosureVar: f := func literal, never reassigned; gc: resolved statically, x stays.
func staticClosureVar() int {
	x := 4
	f := func(p *int) int { return *p * 2 }
	return f(&x)
}

// passClosure: closure passed to callParam; gc: func literal does not escape, moved to heap: x (args of unknown calls leak).
func passClosure() int {
	x := 5
	return callParam(func(p *int) int { return *p }, &x)
}

// callResult: calls f and returns its result; gc: f does not escape.
func callResult(f func() *int) *int {
	return f()
}

// closureResultsLost: closure returning &y reaches the callee of an unknown call; gc: moved to heap: y.
func closureResultsLost() int {
	y := 6
	p := callResult(func() *int { return &y })
	return *p
}

// funcParamStored: a func param stored to a global; gc: leaking param: f.
func funcParamStored(f func(*int)) {
	sinkF = f
}

// globalFuncCall: call through a global func variable; gc: leaking param: p.
func globalFuncCall(p *int) {
	sinkF(p)
}

// funcInStruct: call through a func-typed struct field; gc: leaking param: p, h does not escape.
func funcInStruct(h *handler, p *int) {
	h.fn(p)
}

// handler holds a func field.
type handler struct {
	fn func(*int)
}

// chainedStatic: g := f; f := func literal — gc follows the chain of single
// assignments (ir.StaticValue) and uses the literal's tags; gc: new(int) does not escape.
func chainedStatic() int {
	f := func(p *int) int { return *p }
	g := f
	return g(new(int))
}
