// Package results exercises result parameters, tuple assignment and cycles.
//
// Rules exercised:
//   - result parameters outlive the frame: anything whose address reaches
//     a result is moved to the heap.
//   - named results are ordinary locations: r = &x then a bare return.
//   - a, b := f() flows each result of f through its own tag (~r0, ~r1).
//   - a, b = b, a (tuple assignment) moves values crosswise.
//   - assignment cycles (p = q; q = p) are fine: the solver is a
//     Bellman-Ford walk with derefs clamped at 0.
//   - a self-assignment of the form x.f = x.f is ignored for escape
//     analysis (printed as "ignoring self-assignment").
package results

type pair struct {
	a, b *int
}

var sinkP *int

// namedAddr: named result r = &x, bare return; gc: moved to heap: x.
func namedAddr() (r *int) {
	x := 1
	r = &x
	return
}

// namedAddrOfResult: &r of a named result returned through a second result; gc: moved to heap: r.
func namedAddrOfResult() (r int, pr *int) {
	pr = &r
	return
}

// twoResults: returns p and *pp; gc: p to result ~r0 level=0, pp to result ~r1 level=1.
func twoResults(p *int, pp **int) (*int, *int) {
	return p, *pp
}

// useTwoLocal: both results of twoResults used locally; gc: x and y stay on the stack.
func useTwoLocal() int {
	x, y := 1, 2
	py := &y
	a, b := twoResults(&x, &py)
	return *a + *b
}

// useSecondGlobal: only the second result goes to a global; gc: moved to heap: y (x stays).
func useSecondGlobal() {
	x, y := 3, 4
	py := &y
	_, b := twoResults(&x, &py)
	sinkP = b
}

// swapLocal: a, b = b, a tuple swap, then a to a global; gc: moved to heap: x and y.
func swapLocal() {
	x, y := 5, 6
	a, b := &x, &y
	a, b = b, a
	sinkP = a
	a = b
}

// cycleNoEscape: p and q assigned to each other, only read; gc: nothing moves.
func cycleNoEscape(c bool) int {
	x := 7
	p := &x
	q := p
	for c {
		p = q
		q = p
		c = false
	}
	return *q
}

// cycleEscape: cycle through p and q, then q to a global; gc: moved to heap: x.
func cycleEscape(c bool) {
	x := 8
	p := &x
	q := p
	if c {
		p = q
		q = p
	}
	sinkP = q
}

// structResult: returns a struct value holding &x; gc: moved to heap: x.
func structResult() pair {
	x := 9
	return pair{a: &x}
}

// selfAssign: s.a = s.a through a pointer is ignored; gc: ignoring self-assignment, s does not escape.
func selfAssign(s *pair) {
	s.a = s.a
}

// resultThenStore: named result r = p, then stored too; gc: leaking param: p (heap beats result).
func resultThenStore(p *int) (r *int) {
	r = p
	sinkP = r
	return r
}

// multiAssignCall: x, y := pick(a, b) crosses the results, only read locally; gc: a and b do not escape.
func multiAssignCall(a, b *int) int {
	x, y := pick(a, b)
	return *x + *y
}

// pick: returns its params in reverse order; gc: leaking param: a to result ~r1, b to result ~r0.
func pick(a, b *int) (*int, *int) {
	return b, a
}
