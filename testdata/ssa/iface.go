// Interfaces as gc 1.26's walk and ssagen build them: interface values as
// two words through the register ABI (parameters, results, locals, phis),
// conversions (pointer-shaped data words, runtime.zerobase for zero-sized
// values, runtime.staticuint64s for bools and bytes, stack temporaries for
// values that do not escape, runtime.convT16/32/64 for escaping integers),
// type words `type:T` and itabs `go:itab.T,I`, comparisons with nil and
// between interfaces (runtime.efaceeq/ifaceeq),
// interface method calls through the itab, type assertions to concrete
// types (runtime.panicdottypeE/panicdottypeI), panic (runtime.gopanic) and
// an address-taken interface parameter (moved to the heap).
package p

type I interface{ M() int }

type W interface {
	Get() int
	Put(x *int, n int) bool
}

type P struct{ n int }

func (p *P) M() int { return p.n }

type E struct{}

func (E) M() int { return 0 }

var sinkE any
var sinkI I
var sinkP *P

func pass(e any) any { return e }

func isNil(e any) bool { return e == nil }

func notNil(i I) bool { return i != nil }

func nilResult() I { return nil }

func ptrToIface(p *P) I { return p }

func ptrToAny(p *int) any { return p }

func storeIface(p *P) { sinkI = p }

func storeAny(e any) { sinkE = e }

func loadIface() I { return sinkI }

func zeroSized() { sinkI = E{} }

func boolAny(b bool) { sinkE = b }

func byteAny(c uint8) { sinkE = c }

func int64Any(x int) { sinkE = x }

func int32Any(x int32) { sinkE = x }

func int16Any(x uint16) { sinkE = x }

func take(e any) bool { return e != nil }

func localConv(x int) bool { return take(x) }

func call(i I) int { return i.M() }

func callSecond(w W, x *int) bool { return w.Put(x, 3) }

func callGlobal() int { return sinkI.M() }

func assertPtr(e any) *P { return e.(*P) }

func assertInt(e any) int { return e.(int) }

func assertIface(i I) *P { return i.(*P) }

func choose(c bool, a, b any) any {
	e := a
	if c {
		e = b
	}
	return e
}

func panicPtr(p *P) { panic(p) }

func panicInt(x int) {
	if x < 0 {
		panic(x)
	}
	sinkP = nil
}

func eqAny(a, b any) bool { return a == b }

func neIface(a, b I) bool { return a != b }

func eqBranch(a, b I) int {
	if a == b {
		return 1
	}
	return 2
}

var sinkPI *I

func addrParam(i I) { sinkPI = &i }

// A local bound once to a constant: escape's rewriteWithLiterals puts the
// constant in its place, order makes it read-only static data (no convT64).
func boundConst() {
	v := 42
	sinkE = v
}

// Bound once to a string constant, converted where it does not escape: static data too.
func boundString() bool {
	s := "abc"
	return take(s)
}
