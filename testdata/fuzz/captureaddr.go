// Fuzz repro: `*&a` inside a closure takes a's address, so gc captures a by
// reference (addr=true) even though the value only flows to the blank
// identifier; we captured by value and SSA construction failed
// ("address of SSA variable a").
package p

func F() {
	a := 0
	func() { _ = *&a }()
}

func G() int {
	b := 1
	_ = *&b
	return b
}

func H(n int) int {
	c := n
	f := func() int { return *&c + 1 }
	return f()
}
