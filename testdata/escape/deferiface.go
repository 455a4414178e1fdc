// go and defer of calls that convert arguments to interfaces or call an
// interface method: gc's normalizeGoDeferCall evaluates each conversion
// (constants too) into a temporary before the statement, and an interface
// call's receiver into the first one; the wrapper captures them, and what
// it captures escapes unless the defer runs once (loop depth 1).

package deferiface

type M interface{ M() }

type T struct{ p *int }

func (t T) M() {}

func take(x any) {}

func takeAll(xs ...any) {}

func keep(x any) { sink = x }

var sink any

// A deferred interface call: the receiver flows to the heap through the wrapper.
func deferIface(m M) {
	defer m.M()
}

// go of an interface call.
func goIface(m M) {
	go m.M()
}

// An interface method call on a field.
func deferIfaceField(t struct{ m M }) {
	defer t.m.M()
}

// A constant converted to an interface parameter, deferred once: does not escape.
func deferConst() {
	defer take(1)
}

// In a loop: the wrapper escapes, so do the converted values.
func deferConstLoop() {
	for {
		defer take(1)
	}
}

// A variable converted, deferred once and in a goroutine.
func deferVar(x int) {
	defer take(x)
	go take(x)
}

// A variadic call: the conversions are temporaries, the ... slice is built in the wrapper.
func deferVariadic(x int) {
	defer takeAll(x, 2, "s")
}

func deferVariadicLoop(x int) {
	for i := 0; i < x; i++ {
		defer takeAll(i, 3)
	}
}

// A pointer converted: the pointer itself is the data word.
func deferPtr(p *int) {
	defer keep(p)
}

// A struct holding one pointer is its own data word too.
func deferStruct(p *int) {
	t := T{p}
	defer take(t)
}

// A struct of two words converted in a loop: a temporary of type any each time.
func deferPair(a, b int) {
	for {
		defer take([2]int{a, b})
	}
}

// nil passed to an interface parameter stays in the wrapper.
func deferNil() {
	defer take(nil)
}
