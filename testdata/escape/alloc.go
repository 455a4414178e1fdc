// Package alloc exercises new(T) and &T{...} allocations.
//
// Rules exercised:
//   - new(T) and &T{...} are allocation sites ("spill"): they are reported
//     as "new(T) escapes to heap" / "does not escape", "&T{...} ...".
//   - they escape when their address reaches a global, a result or the heap
//     (including a store through any pointer).
//   - a T{...} value literal is not an allocation; &v of a variable holding
//     it moves the variable instead ("moved to heap: v").
//   - fields of a &T{...} literal flow into the allocation.
package alloc

type point struct {
	x, y int
}

type link struct {
	p    *int
	next *link
}

var sinkI *int
var sinkPt *point
var sinkL *link

// newLocal: new(int) used locally; gc: new(int) does not escape.
func newLocal() int {
	p := new(int)
	*p = 1
	return *p
}

// newToGlobal: new(int) stored to a global; gc: new(int) escapes to heap.
func newToGlobal() {
	sinkI = new(int)
}

// newReturned: new(int) returned; gc: new(int) escapes to heap.
func newReturned() *int {
	return new(int)
}

// litLocal: &point{} used locally; gc: &point{...} does not escape.
func litLocal() int {
	p := &point{1, 2}
	return p.x + p.y
}

// litToGlobal: &point{} stored to a global; gc: &point{...} escapes to heap.
func litToGlobal() {
	sinkPt = &point{x: 3}
}

// valueLitAddr: &v of a value literal variable; gc: moved to heap: v.
func valueLitAddr() {
	v := point{4, 5}
	sinkPt = &v
}

// litFieldHoldsLocal: &link{p: &x} returned; gc: moved to heap: x, &link{...} escapes to heap.
func litFieldHoldsLocal() *link {
	x := 1
	return &link{p: &x}
}

// litFieldLocalOnly: &link{p: &x} kept local; gc: x stays, &link{...} does not escape.
func litFieldLocalOnly() int {
	x := 2
	l := &link{p: &x}
	return *l.p
}

// newLinked: second node stored into the first's field (store through pointer); gc: first new(link) does not escape, second escapes.
func newLinked() bool {
	a := new(link)
	a.next = new(link)
	return hasNext(a)
}

// hasNext: helper that only reads l.next, analyzed before its caller; gc: l does not escape.
func hasNext(l *link) bool {
	return l.next != nil
}

// newParamField: a param stored into a field of a fresh local &link{}; gc: leaking param: p (store through pointer).
func newParamField(p *int) int {
	l := new(link)
	l.p = p
	return *l.p
}

// litWithParamField: param placed in a &link{} literal kept local; gc: p does not escape, &link{...} does not escape.
func litWithParamField(p *int) int {
	l := &link{p: p}
	return *l.p
}

// newInLoop: fresh new(int) each iteration used only inside; gc: new(int) does not escape.
func newInLoop(n int) int {
	t := 0
	for i := 0; i < n; i++ {
		p := new(int)
		*p = i
		t += *p
	}
	return t
}
