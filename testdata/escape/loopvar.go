// Package loopvar exercises Go 1.22 per-iteration loop variables.
//
// Rules exercised:
//   - a three-clause loop variable whose address is taken in the body is
//     copied into a fresh variable per iteration (declared in the body), so
//     keeping its address outside the loop moves it to the heap.
//   - one captured by a closure is captured by value (a fresh copy).
//   - taking the address only inside a return statement does not count.
//   - a labeled continue of a rewritten loop still works.
package loopvar

var sink *int
var fns []func() int

// threeClauseAddr: &i kept outside; gc: moved to heap: i.
func threeClauseAddr(n int) int {
	var p *int
	for i := 0; i < n; i++ {
		p = &i
	}
	return *p
}

// threeClauseClosure: closures capture a per-iteration i by value.
func threeClauseClosure(n int) {
	for i := 0; i < n; i++ {
		fns = append(fns, func() int { return i })
	}
}

// returnAddr: &i only in a return statement: not rewritten.
func returnAddr(n int) *int {
	for i := 0; i < n; i++ {
		if i == 3 {
			return &i
		}
	}
	return nil
}

// rangeClosure: closures capture the range value by value.
func rangeClosure(s []int) {
	for _, v := range s {
		fns = append(fns, func() int { return v })
	}
}

// rangeKeyAddr: &k kept outside; gc: moved to heap: k.
func rangeKeyAddr(s []int) {
	for k := range s {
		sink = &k
	}
}

// labeled: continue outer inside a rewritten loop.
func labeled(n int) int {
	var p *int
outer:
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			if j == i {
				continue outer
			}
			p = &i
		}
	}
	if p == nil {
		return 0
	}
	return *p
}

// pointerLoopVar: a pointer loop variable stored globally; gc: moved to heap: x.
func pointerLoopVar(x int) {
	for p := &x; p != nil; p = nil {
		sink = p
		q := &p
		_ = q
	}
}
