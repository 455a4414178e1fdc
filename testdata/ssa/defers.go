// Open-coded defers as gc 1.26 builds them (ssagen's openDeferRecord and
// openDeferExit): a deferBits byte on the stack, each deferred function value
// saved in its own zeroed slot, every exit calling the set ones in reverse
// order, and the out-of-line deferreturn the runtime returns through after a
// recover. Results of such functions live in memory. recover() is
// runtime.gorecover().
package defers

var g int

var hook func()

func bump() { g++ }

func twice() { g *= 2 }

// A declared function: its ·f closure is saved, the exit calls it directly.
func one() {
	defer bump()
	g = 2
}

// A conditional defer: deferBits is a phi at the exit.
func cond(b bool) int {
	if b {
		defer bump()
	}
	return g
}

// Two defers run last first; the entry block is split before the call.
func two() int {
	defer bump()
	defer twice()
	bump()
	return g
}

// A recovering literal sets the named result through its closure.
func safe() (r int) {
	defer func() {
		if recover() != nil {
			r = -1
		}
	}()
	g = 3
	return 1
}

// A literal without captures is a static closure; the exit calls it through the closure.
func lit() {
	defer func() { g = 0 }()
	g = 5
}

// A func-typed parameter and a global func variable.
func param(f func()) {
	defer f()
	g = 1
}

func global() {
	defer hook()
	g = 7
}

// Several returns: each runs the defers.
func early(x int) (int, bool) {
	defer bump()
	if x < 0 {
		return 0, false
	}
	if x == 0 {
		return 1, true
	}
	return x * 2, true
}

// A pointer result: stored after a VarDef.
func ptr(p *int) *int {
	defer bump()
	if p == nil {
		return &g
	}
	return p
}

// A defer that panics afterwards.
func boom(x int) int {
	defer bump()
	if x > 10 {
		panic("too big")
	}
	return x + g
}

// Captured by value in the literal (not reassigned).
func capture(x int) {
	y := x + 1
	defer func() { g = y }()
	g = x
}

// recover() whose value is returned.
func catch() (v any) {
	defer func() { v = recover() }()
	bump()
	return nil
}
