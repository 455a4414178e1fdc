// Function literals called where they are written, as gc 1.26's walk
// compiles them (directClosureCall): the captured variables become the
// literal's first parameters — by value, or `&x` when captured by reference
// — and the call passes them as arguments: no closure record, no context
// register (no NEEDCTXT), a wider argument area. Literals stored or passed
// on stay closures.
package p

var sink func() int

// byValue: x is read only, so the literal gets x itself.
func byValue() int {
	x := 1
	return func() int { return x + 1 }()
}

// byRef: x is assigned inside, so the literal gets &x.
func byRef() int {
	x := 1
	func() { x++ }()
	return x
}

// mixed: by value and by reference, with an argument and two results.
func mixed(a, b int) (int, int) {
	n := a * 2
	total := 0
	q, r := func(k int) (int, int) {
		total += k + n
		return total / b, total % b
	}(a + b)
	return q + total, r
}

// bigValue: an array captured by value arrives in its parameter slot.
func bigValue(xs [3]int) int {
	ys := xs
	return func() int { return ys[0] + ys[1] + ys[2] }()
}

// pointerCapture: a pointer captured by value.
func pointerCapture(p *int) int {
	q := p
	return func() int { return *q }()
}

// nested: the inner literal is called directly inside the outer one, which is too.
func nested(a int) int {
	b := a + 1
	return func() int {
		c := b * 2
		return func() int { return c + b }()
	}()
}

// stored: a literal stored in a global stays a closure.
func stored(a int) {
	x := a
	sink = func() int { return x }
}

// noCaptures: a literal capturing nothing was already a plain function.
func noCaptures(a int) int {
	return func(k int) int { return k * 3 }(a)
}

// inLoop: a direct call in a loop, capturing the loop's sum by reference.
func inLoop(n int) int {
	sum := 0
	for i := 0; i < n; i++ {
		func() { sum += i }()
	}
	return sum
}
