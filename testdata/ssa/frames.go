// Stack frames: which locals and temporaries keep a slot, how big the frame
// is, and the names its slots print with. Each function's frame size (the
// TEXT line) or a slot's name shows whether the rule it exercises holds.
package p

var sink any

var sinkI int

// A pointer-holding local whose address is taken is stored after a VarDef
// (ssagen's assign); that VarDef stops late opt forwarding the load of a
// through the store to b, so a keeps its slot and the function its frame.
func chainDeep() {
	a := 1
	b := &a
	c := &b
	sinkI = **c
}

// escape's rewriteWithLiterals: n always holds 8, so the make has a
// constant capacity (a stack array, not the 32-byte variable-size buffer),
// and the temporary gc keeps n in numbers t's array .autotmp_6.
func makeKnown(i int) int {
	n := 8
	s := make([]int, n)
	t := make([]int, 4)
	s[i&7] = i
	t[i&3] = i
	return s[0] + t[0]
}

// The same rewrite of an interface conversion's operand (x becomes the
// constant 5, read-only data) also keeps x in a temporary: the array is .autotmp_5.
func convKnown(i int) int {
	x := 5
	sink = x
	s := make([]int, 4)
	s[i&3] = i
	return s[0]
}

var pa, pb, pc *[2]int32

// `var a, b, c T` is an ODCL and a zeroing per name in turn: a and b are
// zeroed right after the mallocgc their group shares, before c (which
// overflows the group's 16 bytes) gets its newobject, whose memory needs
// no zeroing: the stores are not all after the second call.
func declGroup() {
	var a, b, c [2]int32
	pa = &a
	pb = &b
	pc = &c
}

type big struct{ p [6]*int }

// A zero literal stored through a pointer clears the destination
// (walkAssign leaves a right side that is ir.IsZero to ssagen's Zero): no
// read-only copy of zeros is moved in (runtime.wbZero, not wbMove).
func clearBig(d *big, e *[5]int) {
	*d = big{}
	*e = [5]int{0, 0}
}

//go:noinline
func tick(x int) int { return x + 1 }

// gc names no value after a result (addNamedValue skips PPARAMOUT), so r's
// value spills across the second call to an unnamed slot (.autotmp_4),
// not to a slot named r.
func namedResult(a int) (r int) {
	r = tick(a) + a
	x := tick(r)
	r += x
	tick(x)
	return
}

type pair struct {
	n int
	f float64
}

func (p pair) get() float64 { return p.f + float64(p.n) }

// A method value through a pointer with a value receiver: walk builds the
// record (newobject), stores the wrapper, and only then loads *p for R, so
// the loaded fields need no spill slots across the allocation.
func methodValue(p *pair) func() float64 {
	return p.get
}
