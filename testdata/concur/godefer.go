// go and defer as gc's typecheck normalises them (normalizeGoDeferCall):
// operands go into temporaries at the statement, a wrapper closure
// (F.deferwrapN / F.gowrapN) captures them by value and makes the call. A
// defer at loop depth 1 keeps its captures until the function returns; one
// in a loop, and every go, escapes with what it captures.
package godefer

var sink *int

var sinks []*int

//go:noinline
func keep(p *int) {}

func leak(p *int) { sink = p }

func pair(p, q *int) {}

func many(xs ...*int) { sinks = xs }

type box struct{ p *int }

func (b *box) grab()       { sink = b.p }
func (b box) peek(q *int)  { sink = q }
func (b *box) hold(q *int) {}
func (b box) read() int    { return *b.p }

// A deferred call with no arguments and no results is not wrapped.
func plainDefer() {
	defer noArgs()
}

func noArgs() {}

// Top-level defer: x goes into a temporary the wrapper captures; it does not escape.
func deferKeep(x *int) {
	defer keep(x)
}

// go: the wrapper escapes, so does every captured temporary's value.
func goKeep(x *int) {
	go keep(x)
}

// The callee's tag still applies inside the wrapper: leak sends p to the heap.
func deferLeak(x *int) {
	defer leak(x)
}

// Inside a loop the wrapper escapes: &v and &w are moved to the heap.
func deferInLoop(n int) {
	for i := 0; i < n; i++ {
		var v, w int
		defer pair(&v, &w)
	}
}

// Constants and nil stay in the wrapper; only &a needs a temporary.
func deferConst() {
	var a int
	defer pair(&a, nil)
}

// A func literal deferred directly (already parameterless).
func deferLiteral() {
	var i int
	defer func() {
		sink = &i
	}()
}

// go of a literal: it escapes, with the variables it captures.
func goLiteral(c *int) {
	go func() {
		keep(c)
	}()
}

// A literal with arguments: the literal itself goes into a temporary too.
func deferLiteralArgs() {
	x := 0
	defer func(p *int) {
		*p = 1
	}(&x)
}

// The same in a loop: the literal escapes, and p leaks there.
func deferLiteralArgsLoop() {
	y := 0
	for {
		defer func(p *int) {
			sink = p
		}(&y)
	}
}

// A func value and a local holding a named function.
func deferFuncValue(fn func(*int), q *int) {
	defer fn(q)
	g := pair
	go g(q, nil)
}

// Method calls: the receiver (after the implicit & or *) is the first temporary.
func deferMethods(b *box, c box, q *int) {
	go b.grab()
	defer c.peek(q)
	defer b.hold(q)
	var d box
	defer d.hold(nil)
	defer b.read()
}

// Variadic: the extra arguments are packed into "... argument" inside the wrapper.
func deferVariadic(a, b *int) {
	defer many(a, b)
	go many()
	for {
		defer many(a, b, a)
	}
}

// Wrappers are numbered per function, go and defer together.
func numbered(a *int) {
	defer many(a)
	go many(a)
	func() {
		defer many(a)
	}()
}
