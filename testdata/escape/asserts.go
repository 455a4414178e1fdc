// Comma-ok type assertions `v, ok := x.(T)`: types2 records them as a tuple
// (T, bool), so gc's reader assigns them through two temporaries
// (`.autotmp_N, .autotmp_M := x.(T)`, "assign-pair-dot-type") and copies
// those with an explicit conversion on the first (`v, ok := T(.autotmp_N),
// .autotmp_M`); a blank's copy prints as `0` (deadlocals). Asserting a
// pointer-shaped type passes x's pointer on; any other concrete type is a
// dereference of the data word; an interface type passes the interface on.
package asserts

var sink any

type T struct{ p *int }

type B bool

// okPtr: the asserted pointer is returned under ok: x leaks to the result.
func okPtr(x any) *int {
	p, ok := x.(*int)
	if ok {
		return p
	}
	return nil
}

// blankOk: `p, _ :=` prints the blank's copy as 0.
func blankOk(x any) *int {
	p, _ := x.(*int)
	return p
}

// onlyOk: only ok is kept; x does not escape.
func onlyOk(x any) bool {
	_, ok := x.(*int)
	return ok
}

// assignOk: `=` into declared variables.
func assignOk(x any) *int {
	var p *int
	var ok bool
	p, ok = x.(*int)
	_ = ok
	return p
}

// varOk: `var p, ok = x.(T)` prints like `:=`.
func varOk(x any) *int {
	var p, ok = x.(*int)
	_ = ok
	return p
}

// intToSink: an int asserted out is a copy: x does not escape; v spills when converted again.
func intToSink(x any) {
	v, ok := x.(int)
	sink = v
	_ = ok
}

// anyOut: asserting to an interface type hands the interface on: x leaks to the heap.
func anyOut(x any) {
	v, ok := x.(any)
	sink = v
	_ = ok
}

// namedOk: ok into a named bool type: an implicit conversion, not printed.
func namedOk(x any) *int {
	var ok B
	var p *int
	p, ok = x.(*int)
	_ = ok
	return p
}

// intoField: the pointer stored into a heap struct's field goes to the heap.
func intoField(x any) *T {
	t := &T{}
	t.p, _ = x.(*int)
	return t
}

// structOut: a struct asserted out is a dereference; &t moves t to the heap.
func structOut(x any) *T {
	t, _ := x.(T)
	return &t
}

// namedResult: into a named result.
func namedResult(x any) (r *int) {
	r, _ = x.(*int)
	return
}

// ifInit: in an if statement's init.
func ifInit(x any) {
	if p, ok := x.(*int); ok {
		sink = p
	}
}

// structPtrField: the field of an asserted struct: content of x.
func structPtrField(x any) *int {
	if t, ok := x.(T); ok {
		return t.p
	}
	return nil
}

// loopOk: assertions in a loop, the result kept outside.
func loopOk(xs []any) *int {
	var last *int
	for _, x := range xs {
		if p, ok := x.(*int); ok {
			last = p
		}
	}
	return last
}

// intoIface: an int asserted into an interface variable: the temporary is converted at the copy and spills (#13805).
func intoIface() {
	j := 0
	var ok bool
	var y any = j
	sink, *(&ok) = y.(int)
}

// ptrIntoIface: a pointer asserted into an interface variable: the temporary is the data word (interface-converted at the copy).
func ptrIntoIface() {
	j := 0
	var ok bool
	var y any = &j
	sink, *(&ok) = y.(*int)
}

// ifaceIntoIface: an interface asserted into another interface type: no spill.
func ifaceIntoIface(x any) {
	var w any
	w, _ = x.(interface{ M() })
	sink = w
}

// structIntoIface: a struct asserted into an interface variable spills.
func structIntoIface(x any) {
	var w any
	w, _ = x.(T)
	sink = w
}
