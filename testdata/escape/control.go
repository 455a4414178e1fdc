// Package control exercises control flow and println: escape analysis is
// flow-insensitive.
//
// Rules exercised:
//   - the order of statements and which branch runs do not matter: any
//     assignment anywhere in the function adds a flow edge; overwriting a
//     pointer (p = nil) does not remove earlier flows.
//   - switch, if/else, labeled break/continue only matter through loop
//     depth (labels of break/continue never add depth).
//   - range over an array copies elements (no deref); over a slice each
//     element is a deref of the slice.
//   - op-assign, ++, -- and numeric conversions carry no pointer flow.
//   - code under a constant-false condition is removed before escape
//     analysis runs.
//   - println's arguments are discarded: nothing passed to it escapes.
package control

var sinkP *int

const debug = false

// switchBranches: p set to &a, &b or &c by a switch, then returned; gc: moved to heap: a, b, c.
func switchBranches(k int) *int {
	a, b, c := 1, 2, 3
	var p *int
	switch k {
	case 0:
		p = &a
	case 1, 2:
		p = &b
	default:
		p = &c
	}
	return p
}

// overwritten: p = &x, then p = nil before the store; gc: moved to heap: x (flow-insensitive).
func overwritten() {
	x := 4
	p := &x
	p = nil
	sinkP = p
}

// deadConstBranch: store under if debug (constant false); gc: x stays (branch removed first).
func deadConstBranch() int {
	x := 6
	if debug {
		sinkP = &x
	}
	return x
}

// labeledLoops: labeled break/continue, inner var kept by an outer-loop var; gc: moved to heap: y.
func labeledLoops(n int) int {
	t := 0
outer:
	for i := 0; i < n; i++ {
		var keep *int
		for j := 0; j < n; j++ {
			y := i * j
			if y > 10 {
				break outer
			}
			if y%2 == 0 {
				continue outer
			}
			keep = &y
		}
		if keep != nil {
			t += *keep
		}
	}
	return t
}

// rangeArray: range over an array param copies elements; gc: leaking param: a to result ~r0 level=0.
func rangeArray(a [3]*int) *int {
	var r *int
	for _, p := range a {
		r = p
	}
	return r
}

// rangeSlice: range over a slice param derefs it; gc: leaking param: s to result ~r0 level=1.
func rangeSlice(s []*int) *int {
	var r *int
	for _, p := range s {
		r = p
	}
	return r
}

// opAssign: +=, ++, -- and <<= on locals reached through a pointer; gc: nothing moves.
func opAssign(n int) int {
	x := n
	p := &x
	*p += 3
	x++
	*p--
	x <<= 1
	return *p
}

// forForms: infinite loop with break, while-style loop and a plain counter loop; gc: nothing moves.
func forForms(n int) int {
	t := 0
	for {
		t++
		if t > n {
			break
		}
	}
	for t > 0 {
		t -= 2
	}
	for i := 0; i < 3; i++ {
		t += i
	}
	return t
}

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

// printMixed: println of bools, floats and unsigned values; gc: no diagnostics.
func printMixed(a int32, b float64, c uint8) {
	println(a > 0 && b < 1, float32(b), uint64(c), uintptr(a))
}

// printThenLeak: println(p) and a real leak; gc: leaking param: p.
func printThenLeak(p *int) {
	println(p)
	sinkP = p
}
