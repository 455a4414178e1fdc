// Package slicing exercises slices, slice literals, slicing and make.
//
// Rules exercised:
//   - s[i] on a slice is a deref (+1); a[i] on an array is not.
//   - s[i:j] is the same location as s; a[i:j] on an array takes &a.
//   - []T{...} allocates a backing array: "[]T{...} escapes/does not escape".
//   - make([]T, n) with a constant or variable size: "make(...) does not
//     escape" when it stays local (variable sizes get a small stack buffer).
//   - elements stored into a slice flow to the backing array (s[i] = v is a
//     store through a pointer: v flows to the heap).
package slicing

var sinkS []int
var sinkPS []*int
var sinkP *int
var sinkI int

// indexDeref: s[0] of []*int to a global; gc: leaking param content: s.
func indexDeref(s []*int) {
	sinkP = s[0]
}

// sliceLeak: the slice header itself to a global; gc: leaking param: s.
func sliceLeak(s []int) {
	sinkS = s
}

// subslice: s[1:] returned; gc: leaking param: s to result ~r0 level=0.
func subslice(s []int) []int {
	return s[1:]
}

// elemToResult: s[2] returned; gc: leaking param: s to result ~r0 level=1.
func elemToResult(s []*int) *int {
	return s[2]
}

// arrayElem: a[0] of an array param returned; gc: leaking param: a to result ~r0 level=0.
func arrayElem(a [2]*int) *int {
	return a[0]
}

// sliceOfArray: a[:] stored globally takes &a; gc: moved to heap: a.
func sliceOfArray() {
	var a [8]int
	sinkS = a[:]
}

// sliceOfArrayLocal: a[2:4] used locally; gc: a stays on the stack.
func sliceOfArrayLocal() int {
	var a [8]int
	s := a[2:4]
	s[0] = 1
	return a[2]
}

// literalLocal: []int{...} read locally; gc: []int{...} does not escape.
func literalLocal() int {
	s := []int{1, 2, 3}
	return s[0] + len(s)
}

// literalEscapes: []int{...} stored to a global; gc: []int{...} escapes to heap.
func literalEscapes() {
	sinkS = []int{4, 5}
}

// literalOfPointers: &x as an element of a local slice literal, only *s[0] read; gc: x stays, []*int{...} does not escape.
func literalOfPointers() int {
	x := 1
	s := []*int{&x}
	return *s[0]
}

// literalOfPointersOut: element read out to a global; gc: moved to heap: x, []*int{...} does not escape.
func literalOfPointersOut() {
	x := 2
	s := []*int{&x}
	sinkP = s[0]
}

// storeElem: s[0] = &x stores through the slice; gc: moved to heap: x, make does not escape.
func storeElem() {
	x := 3
	s := make([]*int, 2)
	s[0] = &x
}

// makeConst: constant-size make used locally; gc: make([]int, 10) does not escape.
func makeConst() int {
	s := make([]int, 10)
	s[3] = 1
	return s[3]
}

// makeVar: variable-size make used locally; gc: make([]int, n) does not escape.
func makeVar(n int) int {
	s := make([]int, n)
	return len(s)
}

// makeEscapes: make returned; gc: make([]int, n) escapes to heap.
func makeEscapes(n int) []int {
	return make([]int, n)
}

// makeLenCap: make with len and cap, local; gc: make([]int, 2, 8) does not escape.
func makeLenCap() int {
	s := make([]int, 2, 8)
	return cap(s)
}

// makeKnownVar: size in a never-reassigned local is rewritten to a constant; gc: make([]int, 16) does not escape.
func makeKnownVar() int {
	n := 16
	s := make([]int, n)
	return len(s)
}

// rangeElems: range value of []*int flows like s[i]; gc: leaking param content: s.
func rangeElems(s []*int) {
	for _, p := range s {
		sinkP = p
	}
}

// zeroSized: make of zero-size elements is never stack allocated; gc: make([]struct {}, n) escapes to heap.
func zeroSized(n int) int {
	s := make([]struct{}, n)
	return len(s)
}
