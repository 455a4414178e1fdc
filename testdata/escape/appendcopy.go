// Package appendcopy exercises the append and copy builtins.
//
// Rules exercised:
//   - append(s, v...): the appendee slice s flows to the result and to the
//     mutator; if its elements hold pointers they also flow to the heap
//     with one deref ("appendee slice"), since a new backing array may be
//     allocated and the elements copied into it.
//   - each appended element append(s, x, y) flows to the heap.
//   - append(s, t...): elements of t flow to the heap if they hold pointers
//     ("appended slice...").
//   - append itself is an allocation site: "append escapes to heap" /
//     "append does not escape" (Go 1.26 reports it).
//   - copy(dst, src): dst is mutated; src's elements flow to the heap if
//     they hold pointers ("copied slice").
package appendcopy

var sinkS []int
var sinkPS []*int

// appendInts: appendee of pointer-free ints returned; gc: leaking param: s to result ~r0 level=0, append escapes to heap.
func appendInts(s []int, v int) []int {
	return append(s, v)
}

// appendPtrs: appendee []*int returned; gc: s content to heap + to result ~r0 level=0, leaking param: p, append escapes.
func appendPtrs(s []*int, p *int) []*int {
	return append(s, p)
}

// appendedElem: appended pointer goes to the heap even if the result stays local; gc: leaking param: p, leaking param content: s.
func appendedElem(s []*int, p *int) int {
	s = append(s, p)
	return len(s)
}

// appendLocalAddr: append &x to a local slice; gc: moved to heap: x.
func appendLocalAddr() int {
	x := 1
	var s []*int
	s = append(s, &x)
	return len(s)
}

// appendDots: append(s, t...) with pointer elements; gc: leaking param content: s and t, append does not escape.
func appendDots(s, t []*int) int {
	s = append(s, t...)
	return len(s)
}

// appendDotsInts: append(s, t...) with ints; gc: t does not escape.
func appendDotsInts(s, t []int) int {
	s = append(s, t...)
	return len(s)
}

// appendLocalInts: local make + append of ints; gc: make and append do not escape.
func appendLocalInts() int {
	s := make([]int, 0, 4)
	s = append(s, 1, 2)
	return s[1]
}

// appendToGlobal: result of append stored globally; gc: append escapes to heap, leaking param: s.
func appendToGlobal(s []int) {
	sinkS = append(s, 3)
}

// copyInts: copy between int slices; gc: dst and src do not escape.
func copyInts(dst, src []int) int {
	return copy(dst, src)
}

// copyPtrs: copy of []*int; gc: dst does not escape, leaking param content: src.
func copyPtrs(dst, src []*int) int {
	return copy(dst, src)
}

// copyLocal: copy from a local slice literal into a make; gc: both do not escape.
func copyLocal() int {
	a := []int{1, 2, 3}
	b := make([]int, 3)
	copy(b, a)
	return b[2]
}

// appendSelfLoop: s = append(s, i) in a loop, only len used; gc: append does not escape.
func appendSelfLoop(n int) int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return len(s)
}
