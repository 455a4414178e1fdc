// Package iface exercises interfaces: conversions, assertions, interface
// method calls and panic. Every function here is also built to SSA (the
// escape corpus is SSA's too): type switches and mixed comparisons, whose SSA
// construction is not done, are exercised by gc's test/escape*.go instead.
//
// Rules exercised:
//   - converting a non-pointer-shaped value to an interface (OCONVIFACE)
//     allocates its data word: "x escapes to heap" when the interface
//     escapes, "x does not escape" otherwise; constants and zero-sized
//     values still get the line (walk later uses static data instead).
//   - a pointer-shaped value (pointer, map, chan, func) is stored in the
//     data word directly: the pointer itself flows, no allocation.
//   - an interface parameter is tagged like a pointer ("leaking param: e",
//     "to result ~r0 level=0", "does not escape").
//   - a type assertion x.(T) to a pointer type passes the data word on
//     (derefs 0); to a non-pointer type it reads through it (derefs 1).
//   - an interface method call on a parameter is an unknown call: the
//     receiver's data and every pointer argument go to the heap.
//   - panic(x) sends its argument to the heap.
package iface

type I interface{ M() int }

type T struct{ p *int }

func (t T) M() int { return *t.p }

type P struct{ n int }

func (p *P) M() int { return p.n }

type E struct{}

func (E) M() int { return 0 }

var sinkE any
var sinkI I
var sinkP *int

// toAnyEscape: an int converted to a global any; gc: x escapes to heap.
func toAnyEscape(x int) {
	sinkE = x
}

// toAnyLocal: the converted value only compared; gc: x does not escape.
func toAnyLocal(x int) bool {
	var e any = x
	return e == nil
}

// ptrToIface: a pointer stored in an interface is the data word; gc: leaking param: p.
func ptrToIface(p *P) {
	sinkI = p
}

// ptrToIfaceResult: the pointer reaches the result; gc: leaking param: p to result ~r0 level=0.
func ptrToIfaceResult(p *P) I {
	return p
}

// structToIface: a struct holding a pointer is copied to the heap; its pointer content leaks.
func structToIface(t T) {
	sinkI = t
}

// constToIface: a constant conversion; gc: 42 escapes to heap.
func constToIface() {
	sinkE = 42
}

// zeroSized: a zero-sized value converted; gc: E{} escapes to heap.
func zeroSized() {
	sinkI = E{}
}

// explicitConv: any(x) written out, stored globally.
func explicitConv(x int) {
	sinkE = any(x)
}

// ifaceParamLeak: an interface parameter stored globally; gc: leaking param: e.
func ifaceParamLeak(e any) {
	sinkE = e
}

// ifaceParamResult: an interface parameter returned; gc: leaking param: e to result ~r0 level=0.
func ifaceParamResult(e any) any {
	return e
}

// ifaceParamNil: only compared with nil; gc: e does not escape.
func ifaceParamNil(e any) bool {
	return e != nil
}

// assertPtr: asserting to *P passes the data word on; gc: leaking param: e to result ~r0 level=0.
func assertPtr(e any) *P {
	return e.(*P)
}

// assertValue: asserting to T reads through the data word; gc: leaking param: e to result ~r0 level=1.
func assertValue(e any) T {
	return e.(T)
}

// assertPtrLeak: the asserted pointer stored globally; gc: leaking param: e.
func assertPtrLeak(e any) {
	sinkP = e.(*int)
}


// ifaceCall: a call through a parameter is an unknown call; gc: leaking param: i.
func ifaceCall(i I) int {
	return i.M()
}

// ifaceCallArg: pointer arguments of an interface call go to the heap.
func ifaceCallArg(w interface{ Put(*int) }, x *int) {
	w.Put(x)
}

// panicValue: panic's argument goes to the heap; gc: x escapes to heap.
func panicValue(x int) {
	panic(x)
}

// panicPtr: a pointer panicked leaks; gc: leaking param: p.
func panicPtr(p *P) {
	panic(p)
}

// sliceOfAny: a literal of interfaces converts each element; the slice stays local.
func sliceOfAny(a, b int) int {
	s := []any{a, b}
	return len(s)
}

// localAlloc: &P{} converted to a local interface does not escape.
func localAlloc() bool {
	var i I = &P{n: 1}
	return i != nil
}
