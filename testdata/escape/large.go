// Package large exercises the size limits for stack allocation (amd64).
//
// Rules exercised:
//   - a declared variable larger than 128 KiB (MaxStackVarSize = 131072
//     bytes) is moved to the heap even if its address never escapes.
//   - implicit allocations (new(T), &T{...}, make with a constant size,
//     closures, method values) larger than 64 KiB
//     (MaxImplicitStackVarSize = 65536 bytes) escape to the heap.
//   - exactly at the limit still fits on the stack.
//   - make with a non-constant size is never "too large" (stack buffer +
//     runtime fallback).
//   - parameters are never moved for size reasons.
package large

type big64k [8192]int   // 65536 bytes
type over64k [8193]int  // 65544 bytes
type big128k [16384]int // 131072 bytes
type over128k [16385]int // 131080 bytes

// varAtLimit: a 128 KiB local array; gc: stays on the stack, no diagnostic.
func varAtLimit() int {
	var a big128k
	a[1] = 2
	return a[1]
}

// varOverLimit: a local array just over 128 KiB; gc: moved to heap: a.
func varOverLimit() int {
	var a over128k
	a[1] = 2
	return a[1]
}

// newAtLimit: new of a 64 KiB array; gc: new(big64k) does not escape.
func newAtLimit() int {
	p := new(big64k)
	p[0] = 1
	return p[0]
}

// newOverLimit: new of an array just over 64 KiB; gc: new(over64k) escapes to heap.
func newOverLimit() int {
	p := new(over64k)
	p[0] = 1
	return p[0]
}

// litOverLimit: &over64k{} literal used locally; gc: &over64k{} escapes to heap.
func litOverLimit() int {
	p := &over64k{}
	return p[3]
}

// valueBetweenLimits: a 100 KiB variable (between the two limits); gc: stays on the stack.
func valueBetweenLimits() int {
	var a [12800]int
	a[5] = 1
	return a[5]
}

// makeAtLimit: make with constant 8192 ints (64 KiB); gc: does not escape.
func makeAtLimit() int {
	s := make([]int, 8192)
	return s[0]
}

// makeOverLimit: make with constant 8193 ints; gc: make([]int, 8193) escapes to heap.
func makeOverLimit() int {
	s := make([]int, 8193)
	return s[0]
}

// makeBigVar: variable-size make used locally; gc: does not escape even if n is huge at run time.
func makeBigVar(n int) int {
	s := make([]int, n)
	return len(s)
}

// makeBigCap: constant len, constant cap over the limit; gc: make([]int, 1, 9000) escapes to heap.
func makeBigCap() int {
	s := make([]int, 1, 9000)
	return s[0]
}

// bigParam: a 128 KiB+ array parameter; gc: never moved (params live in the caller's frame).
func bigParam(a over128k) int {
	return a[0]
}

// sliceLitOverLimit: []int literal with 8193 elements (keyed); gc: []int{...} does not escape (slice literals get no size check).
func sliceLitOverLimit() int {
	s := []int{8192: 1}
	return s[8192]
}

// first: value receiver of a 64 KiB+ pointer-free array type; gc: no diagnostic (no pointers to tag).
func (b over64k) first() int {
	return b[0]
}

// methodValueOverLimit: method value b.first copies the receiver into its closure; gc: b.first escapes to heap.
func methodValueOverLimit() int {
	var b over64k
	f := b.first
	return f()
}
