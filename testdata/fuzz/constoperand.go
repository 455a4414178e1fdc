// Fuzz repro (seed 120): the operand of a constant expression is never
// evaluated. types2 records `range x` over an array (or a pointer to one)
// with no value variable and no call as the constant len(x), as it does
// `len(x)` itself, and gc compiles the constant: a closure naming x only
// there does not capture it (no "capturing by value" line, no field in the
// closure), and `range p` does not even check p for nil. We captured x.
package p

var sink int

func F3(x int) { sink = x }

func M(x0 [4]float64, x1 [3]int, x2 *[5]int, x3 [2]*int) {
	v0 := 0
	func() {
		for v2 := range x0 {
			F3(v2 + v0)
		}
		for range x1 {
			F3(1)
		}
		for i := range x2 {
			F3(i)
		}
		for i := range (x3) {
			F3(i + len(x3))
		}
	}()
	func() {
		for i, v := range x1 {
			F3(i + v)
		}
		for i, _ := range x0 {
			F3(i)
		}
	}()
}

func N(p *[4]int) int {
	n := 0
	for i := range p {
		n += i
	}
	return n
}

func L(x0 [4]float64) {
	func() {
		F3(len(x0) + cap(x0))
	}()
}
