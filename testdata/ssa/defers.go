// Defers as gc 1.26 builds them. Open-coded (ssagen's openDeferRecord and
// openDeferExit): a deferBits byte on the stack, each deferred function value
// saved in its own zeroed slot, every exit calling the set ones in reverse
// order, and the out-of-line deferreturn the runtime returns through after a
// recover. Otherwise through the runtime: runtime.deferproc in a loop,
// runtime.deferprocStack with a stack _defer record when there are more than
// 8 defers or too many returns, each ending a Defer block whose second edge
// is the shared deferreturn exit. Results of such functions live in memory.
// recover() is runtime.gorecover().
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

// In a loop: runtime.deferproc; every exit calls runtime.deferreturn.
func loop(n int) {
	for i := 0; i < n; i++ {
		defer bump()
	}
}

// A result captured by a deferred literal in a loop moves to the heap; its &r is zeroed on entry.
func res(n int) (r int) {
	for i := 0; i < n; i++ {
		defer func() { r++ }()
	}
	return 3
}

// More than 8 defers: runtime.deferprocStack with a _defer record on the stack.
func nine() {
	defer bump()
	defer bump()
	defer bump()
	defer bump()
	defer bump()
	defer bump()
	defer bump()
	defer bump()
	defer twice()
	g = 1
}

// returns × defers > 15: deferprocStack too.
func many(x int) int {
	defer bump()
	defer twice()
	if x == 1 {
		return 1
	}
	if x == 2 {
		return 2
	}
	if x == 3 {
		return 3
	}
	if x == 4 {
		return 4
	}
	if x == 5 {
		return 5
	}
	if x == 6 {
		return 6
	}
	if x == 7 {
		return 7
	}
	return 0
}

func set(x int) { g = x }

func sum(xs ...int) {
	for _, x := range xs {
		g += x
	}
}

// With arguments: gc's wrapper closure args.deferwrap1 holds them (the wrapper function itself is not built here).
func args(x int) {
	defer set(x + 1)
	g = 2
}

// A func value and its argument both go into the wrapper's record.
func argsFunc(f func(int), x int) {
	defer f(x)
	g = 3
}

// A constant argument is evaluated in the wrapper; the variadic extras are captured one by one.
func argsVariadic(x, y int) {
	defer sum(1, x, y)
	g = 4
}

// In a loop: the wrapper's record is on the heap, passed to deferproc.
func argsLoop(n int) {
	for i := 0; i < n; i++ {
		defer set(i)
	}
}

// Only constant arguments: the wrapper captures nothing, so it is called directly at the exit.
func argsConst() {
	defer set(9)
	g = 5
}
