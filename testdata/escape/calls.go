// Package calls exercises static calls inside one package.
//
// Rules exercised:
//   - functions are analyzed bottom-up over the call graph (strongly
//     connected components); a caller applies the callee's param tags:
//     heap leak shifted by the tag's derefs, result flows to wherever the
//     call's result goes.
//   - self-recursive and mutually recursive functions are analyzed in one
//     batch: arguments flow straight into the callee's param locations.
//   - //go:noinline does not change escape analysis (and -l is on anyway).
//   - diagnostics appear in analysis order (callees before callers).
//   - in a recursive batch, a param reaching another function's result is
//     recorded as a heap leak, not a result leak.
package calls

var sinkP *int
var sinkPP **int

// identity: returns p; gc: leaking param: p to result ~r0 level=0.
func identity(p *int) *int {
	return p
}

// store: p to a global; gc: leaking param: p.
func store(p *int) {
	sinkP = p
}

// storeContent: *pp to a global; gc: leaking param content: pp.
func storeContent(pp **int) {
	sinkP = *pp
}

// viaIdentityLocal: identity(&x) result used locally; gc: x stays on the stack.
func viaIdentityLocal() int {
	x := 1
	return *identity(&x)
}

// viaIdentityGlobal: identity(&x) result stored globally; gc: moved to heap: x.
func viaIdentityGlobal() {
	x := 2
	sinkP = identity(&x)
}

// viaStore: store(&x); gc: moved to heap: x.
func viaStore() {
	x := 3
	store(&x)
}

// viaStoreContent: storeContent(&p) leaks *(&p) = &x, not p; gc: moved to heap: x only.
func viaStoreContent() {
	x := 4
	p := &x
	storeContent(&p)
}

// chainedTags: forwards its param through identity to store; gc: leaking param: q.
func chainedTags(q *int) {
	store(identity(q))
}

// selfRecursive: returns p at the bottom of the recursion; gc: leaking param: p to result ~r0 level=0.
func selfRecursive(p *int, n int) *int {
	if n == 0 {
		return p
	}
	return selfRecursive(p, n-1)
}

// selfRecursiveLeak: stores p on one path, recurses on the other; gc: leaking param: p.
func selfRecursiveLeak(p *int, n int) {
	if n == 0 {
		sinkP = p
		return
	}
	selfRecursiveLeak(p, n-1)
}

// ping: mutually recursive with pong, returns p or pong's result; gc: leaking param: p (p reaches pong's ~r0, another func's result = heap).
func ping(p *int, n int) *int {
	if n <= 0 {
		return p
	}
	return pong(p, n-1)
}

// pong: mutually recursive with ping, returns ping's result; gc: leaking param: q (reaches ping's ~r0, recorded as a heap leak).
func pong(q *int, n int) *int {
	return ping(q, n-1)
}

// evenLeak: mutual recursion where only oddLeak stores to the heap; gc: leaking param: p.
func evenLeak(p *int, n int) {
	if n > 0 {
		oddLeak(p, n-1)
	}
}

// oddLeak: stores p and recurses into evenLeak; gc: leaking param: p.
func oddLeak(p *int, n int) {
	sinkP = p
	if n > 0 {
		evenLeak(p, n-1)
	}
}

// noinlineIdentity: //go:noinline function returning its param; gc: leaking param: p to result ~r0 level=0.
//
//go:noinline
func noinlineIdentity(p *int) *int {
	return p
}

// callNoinline: result of noinlineIdentity(&x) dereferenced locally; gc: x stays on the stack.
func callNoinline() int {
	x := 5
	return *noinlineIdentity(&x)
}

// recursiveLocal: &x passed to a self-recursive callee that does not leak it; gc: x stays.
func recursiveLocal() int {
	x := 6
	return *selfRecursive(&x, 3)
}
