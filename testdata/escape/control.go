// Package control exercises control flow: escape analysis is flow-insensitive.
//
// Rules exercised:
//   - the order of statements and which branch runs do not matter: any
//     assignment anywhere in the function adds a flow edge.
//   - overwriting a pointer (p = nil) does not remove earlier flows.
//   - switch, if/else, labeled break/continue and forward goto only matter
//     through loop depth (labels of break/continue never add depth).
//   - range over an array copies elements (no deref); over a slice each
//     element is a deref of the slice.
//   - op-assign, ++ and -- on scalars carry no pointer flow.
//   - code under a constant-false condition may be removed before escape
//     analysis runs.
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

// storeAfterReturnPath: the store is on a path that returns early; gc: moved to heap: x.
func storeAfterReturnPath(c bool) int {
	x := 5
	if c {
		return x
	}
	sinkP = &x
	return 0
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

// elseChain: if/else-if/else picking a param to return; gc: p and q to result ~r0 level=0.
func elseChain(k int, p, q *int) *int {
	if k < 0 {
		return p
	} else if k == 0 {
		return q
	} else {
		return nil
	}
}
