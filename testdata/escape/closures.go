// Package closures exercises function literals and captured variables.
//
// Rules exercised:
//   - a func literal is an allocation site: "func literal escapes to heap"
//     or "func literal does not escape".
//   - a captured variable is captured by value if it is never reassigned
//     (after the capture), never address-taken and at most 128 bytes;
//     otherwise by reference, which takes its address (-m=2 prints
//     "capturing by value/ref: x (addr=.. assign=.. width=..)").
//   - a by-reference capture in an escaping closure moves the variable.
//   - a closure called directly, without escaping, keeps its captures on
//     the stack; its results can return outer addresses without moving
//     them (results tracked because all call sites are known).
package closures

var sinkF func() int
var sinkP *int

// calledDirectly: closure invoked immediately; gc: func literal does not escape, x by value.
func calledDirectly() int {
	x := 1
	return func() int { return x + 1 }()
}

// storedGlobally: closure stored in a global, x by value; gc: func literal escapes to heap, x not moved.
func storedGlobally() {
	x := 2
	sinkF = func() int { return x }
}

// reassignedCapture: x written inside the closure, closure escapes; gc: capturing by ref, moved to heap: x.
func reassignedCapture() {
	x := 3
	sinkF = func() int {
		x++
		return x
	}
}

// reassignedLocal: x written after the capture, closure local; gc: capturing by ref, x stays.
func reassignedLocal() int {
	x := 4
	f := func() int { return x }
	x = 5
	return f()
}

// addrTakenCapture: &x taken outside, closure escapes; gc: capturing by ref, moved to heap: x.
func addrTakenCapture() int {
	x := 6
	p := &x
	sinkF = func() int { return x }
	return *p
}

// bigCapture: a 136-byte array captured, closure escapes; gc: by ref (width > 128), moved to heap: a.
func bigCapture() {
	var a [17]int
	sinkF = func() int { return a[16] }
}

// smallArrayCapture: a 128-byte array, never reassigned; gc: by value, a not moved.
func smallArrayCapture() {
	var a [16]int
	sinkF = func() int { return a[15] }
}

// returnsClosure: closure returned, captures a pointer param by value; gc: leaking param: p, func literal escapes.
func returnsClosure(p *int) func() int {
	return func() int { return *p }
}

// closureLeaksAddr: closure stores &y (y captured by ref) in a global; gc: moved to heap: y.
func closureLeaksAddr() {
	y := 7
	func() {
		sinkP = &y
	}()
}

// closureResultLocal: directly called closure returns &u; gc: u stays on the stack.
func closureResultLocal() int {
	u := 8
	p := func() *int { return &u }()
	*p = 9
	return u
}

// closureLocalVarEscapes: closure's own local leaks via its result to a global; gc: moved to heap: v.
func closureLocalVarEscapes() {
	sinkP = func() *int {
		v := 10
		return &v
	}()
}

// nestedClosures: inner closure escapes and captures x by ref through two levels; gc: moved to heap: x.
func nestedClosures() {
	x := 11
	func() {
		sinkF = func() int {
			x--
			return x
		}
	}()
}

// loopVarCapture: per-iteration loop variable captured by escaping closures; gc: i by value, func literal escapes.
func loopVarCapture(n int) {
	for i := 0; i < n; i++ {
		sinkF = func() int { return i }
	}
}
