// Package params exercises parameter tags (what gc exports for callers).
//
// Rules exercised:
//   - param flows to the heap with derefs=0: "leaking param: p".
//   - param flows to the heap with derefs>0: "leaking param content: p".
//   - param flows to a result: "leaking param: p to result ~r0 level=N",
//     where N is the deref count (0: the pointer itself, 1: what it points to).
//   - named results are reported by name, later results as ~r1, ~r2...
//   - a heap leak with derefs <= the result level hides the result leak (Optimize).
//   - params only read or written through: "p does not escape".
//   - scalar params get no diagnostic at all.
package params

type cell struct {
	p *int
	n int
}

var sink *int
var sinkPP **int

// leakHeap: param stored to a global; gc: leaking param: p.
func leakHeap(p *int) {
	sink = p
}

// leakContent: *pp stored to a global; gc: leaking param content: pp.
func leakContent(pp **int) {
	sink = *pp
}

// toResult0: param returned; gc: leaking param: p to result ~r0 level=0.
func toResult0(p *int) *int {
	return p
}

// toResult1: *pp returned; gc: leaking param: pp to result ~r0 level=1.
func toResult1(pp **int) *int {
	return *pp
}

// toResult2: **ppp returned; gc: leaking param: ppp to result ~r0 level=2.
func toResult2(ppp ***int) *int {
	return **ppp
}

// noEscape: only reads through p; gc: p does not escape.
func noEscape(p *int) int {
	return *p + 1
}

// writesThrough: stores a scalar through p; gc: p does not escape.
func writesThrough(p *int) {
	*p = 7
}

// scalarParam: no pointers in the param; gc: no diagnostic.
func scalarParam(a int, f float64) int {
	return a*2 + int(f)
}

// heapBeatsResult: p both to the heap and returned; gc: leaking param: p (result leak dropped).
func heapBeatsResult(p *int) *int {
	sink = p
	return p
}

// contentAndResult: *pp to heap, pp returned; gc: leaking param content + to result ~r0 level=0.
func contentAndResult(pp **int) **int {
	sink = *pp
	return pp
}

// namedResult: named result r; gc: leaking param: p to result r level=0.
func namedResult(p *int) (r *int) {
	r = p
	return
}

// swapped: two results; gc: a to result ~r1 level=0, b to result ~r0 level=0.
func swapped(a, b *int) (*int, *int) {
	return b, a
}

// fieldToResult: field of *c returned; gc: leaking param: c to result ~r0 level=1.
func fieldToResult(c *cell) *int {
	return c.p
}

// structByValue: field of a struct value returned; gc: leaking param: c to result ~r0 level=0.
func structByValue(c cell) *int {
	return c.p
}

// addrOfDeref: &*p is just p; gc: leaking param: p to result ~r0 level=0.
func addrOfDeref(p *int) *int {
	return &*p
}

// paramMovedToHeap: &p stored globally; gc: moved to heap: p (no leak tag for p).
func paramMovedToHeap(p *int) {
	sinkPP = &p
}

// unnamedParam: blank and unnamed params are never tagged; gc: no diagnostic for them.
func unnamedParam(_ *int, q *int) int {
	return *q
}
