// Package loops exercises loop depth.
//
// Rules exercised:
//   - every location records the loop depth at its declaration; a for or
//     range body is one level deeper.
//   - if the address of a location declared at depth d flows to a
//     location declared at a smaller depth, it escapes (it would be
//     overwritten each iteration), even when nothing leaves the function.
//   - a label that is the target of a backward goto starts a loop: it
//     increases the depth for the statements after it; a label only
//     jumped to forward does not.
//   - allocations (new, &T{}, make) inside a loop follow the same rule.
package loops

// outerKeepsInner: &x (x declared in the loop) stored to p declared outside; gc: moved to heap: x.
func outerKeepsInner(n int) int {
	var p *int
	for i := 0; i < n; i++ {
		x := i
		p = &x
	}
	if p == nil {
		return 0
	}
	return *p
}

// sameDepth: &x stored to a pointer declared in the same iteration; gc: x stays on the stack.
func sameDepth(n int) int {
	t := 0
	for i := 0; i < n; i++ {
		x := i
		p := &x
		t += *p
	}
	return t
}

// newInLoopKept: new(int) in a loop kept by an outer variable; gc: new(int) escapes to heap.
func newInLoopKept(n int) int {
	var p *int
	for i := 0; i < n; i++ {
		p = new(int)
	}
	return *p
}

// outerToInner: &x declared outside, stored to a pointer inside; gc: x stays.
func outerToInner(n int) int {
	x := 1
	t := 0
	for i := 0; i < n; i++ {
		p := &x
		t += *p
	}
	return t
}

// rangeVarAddr: &v of a range value variable kept outside; gc: moved to heap: v.
func rangeVarAddr(s []int) int {
	var last *int
	for _, v := range s {
		last = &v
	}
	return *last
}

// rangeIntAddr: &i of a range-over-int variable kept outside; gc: moved to heap: i.
func rangeIntAddr(n int) int {
	var p *int
	for i := range n {
		p = &i
	}
	return *p
}

// backwardGoto: label with a backward goto opens a loop; gc: moved to heap: x.
func backwardGoto(n int) int {
	var p *int
	i := 0
again:
	x := i
	p = &x
	i++
	if i < n {
		goto again
	}
	return *p
}

// forwardGoto: label only jumped to forward is not a loop; gc: x stays on the stack.
func forwardGoto(c bool) int {
	var p *int
	x := 1
	if c {
		goto done
	}
	x = 2
done:
	y := x
	p = &y
	return *p
}

// nestedLoops: inner-loop variable kept by a middle-loop variable; gc: moved to heap: x.
func nestedLoops(n int) int {
	t := 0
	for i := 0; i < n; i++ {
		var p *int
		for j := 0; j < n; j++ {
			x := j
			p = &x
		}
		t += *p
	}
	return t
}

// literalInLoop: &pt{} in a loop kept by an outer slot; gc: &pt{...} escapes to heap.
func literalInLoop(n int) int {
	var keep *pt
	for i := 0; i < n; i++ {
		keep = &pt{v: i}
	}
	return keep.v
}

// pt is a small struct used by literalInLoop.
type pt struct {
	v int
}

// makeInLoopLocal: make in a loop used only inside; gc: make([]int, 4) does not escape.
func makeInLoopLocal(n int) int {
	t := 0
	for i := 0; i < n; i++ {
		s := make([]int, 4)
		s[0] = i
		t += s[0]
	}
	return t
}
