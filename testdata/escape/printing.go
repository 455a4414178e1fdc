// Package printing exercises println and other value-discarding expressions.
//
// Rules exercised:
//   - println's arguments are discarded: passing &x, a slice or a pointer
//     param to println makes nothing escape (unlike fmt.Println, which
//     would convert them to interfaces).
//   - expressions whose value is discarded or pointer-free (arithmetic,
//     comparisons, len/cap, conversions between numeric types, &&/||)
//     carry no flow.
//   - numeric conversions of pointer-free values cut flows.
package printing

var sinkP *int
var sinkI int

// printAddr: println(&x); gc: x stays on the stack.
func printAddr() {
	x := 1
	println(&x)
}

// printParam: println(p); gc: p does not escape.
func printParam(p *int) {
	println(p, *p)
}

// printSlice: println of a slice literal and make; gc: both do not escape.
func printSlice(n int) {
	s := []int{1, 2}
	t := make([]int, n)
	println(s, t, len(s)+cap(t))
}

// printNew: println(new(int)); gc: new(int) does not escape.
func printNew() {
	println(new(int))
}

// printMixed: println of bools, floats and unsigned values; gc: no diagnostics.
func printMixed(a int32, b float64, c uint8) {
	println(a > 0 && b < 1, float32(b), uint64(c), uintptr(a))
}

// compareAddrs: p == q and len(s) only; gc: p, q and s do not escape.
func compareAddrs(p, q *int, s []*int) bool {
	return p == q || len(s) > 2
}

// convertOut: *p converted to int64 then stored; gc: p does not escape.
func convertOut(p *int32) {
	sinkI = int(int64(*p) * 2)
}

// printThenLeak: println(p) and a real leak; gc: leaking param: p.
func printThenLeak(p *int) {
	println(p)
	sinkP = p
}

// printClosure: println of a closure's result; gc: func literal does not escape, x by value.
func printClosure() {
	x := 2
	f := func() int { return x * 3 }
	println(f())
}

// printNil: println of a nil pointer and an address compared to nil; gc: y stays.
func printNil() {
	var p *int
	y := 4
	println(p == nil, &y != nil, p)
}
