// Temporaries gc declares that hold SSA values or nothing at all in our
// construction: each takes a number in the function's Dcl, so later
// `.autotmp_N` names (stack maps, iterators, spill slots) show whether they
// are all counted (ssagen/dcltemps.ts, order.ts). Each function ends with a
// temporary or spill slot that the listing names.
package p

func sink(int)

func use(m map[int]int)

// order copies len and cap (not assigned straight to a variable), and the
// stored value when it is not cheap; walk keeps mapassign's pointer.
func lenCap(s []int) int {
	m := make(map[int]int)
	k := len(s)
	m[k] = cap(s) + 1
	return len(m) + k
}

// x op= f(): order copies the call (OASOP is no plain assignment).
func opAssignCall(x int) int {
	m := make(map[int]int)
	x += len(m)
	m[x] = x
	return x
}

// A slice whose values are read: order's copy; walk's hv1, hn, and hu, hp
// for elements too wide to index cheaply.
func rangeWide(s []string) int {
	n := 0
	for _, r := range s {
		n += len(r)
	}
	m := map[int]int{}
	m[n] = 1
	return len(m)
}

// Only the index: no copy; hv1 and hn.
func rangeIndex(s []string) int {
	n := 0
	for i := range s {
		n += i
	}
	m := map[int]int{}
	m[n] = 1
	return len(m)
}

var text string

// A string: order's copy; walk's hv1, hv1t, hv2.
func rangeString() int {
	n := 0
	for i, r := range text {
		n += i + int(r)
	}
	m := map[int]int{}
	m[n] = 1
	return len(m)
}

// An integer: hv1 and hn.
func rangeInt(k int) int {
	n := 0
	for i := range k {
		n += i
	}
	m := map[int]int{}
	m[n] = 1
	return len(m)
}

// A call ranged over is copied like any other, then the slice again.
func rangeCall(f func() []int) int {
	n := 0
	for _, v := range f() {
		n += v
	}
	m := map[int]int{}
	m[n] = 1
	return len(m)
}

// A map: order's copy and its iterator (an order temporary, reused by the
// second loop); a spill after them.
func rangeMaps(a, b map[int]int) int {
	n := 0
	for k, v := range a {
		n = n + k*v
	}
	for j := range b {
		sink(j)
	}
	return n
}

// memclr's hp and hn.
func rangeClear(s []int) int {
	for i := range s {
		s[i] = 0
	}
	m := map[int]int{}
	m[1] = len(s)
	return len(m)
}

// Constant entries: maplit's tmpkey, tmpelem and a pointer per store; the
// map built in place of the result.
func literal() map[int]int {
	return map[int]int{1: 2, 3: 4}
}

// A dynamic entry: order's copy of the map and of the stored value, then
// each store's pointer; maplit's tmpkey and tmpelem even so.
func literalDynamic(a, b int) map[int]int {
	return map[int]int{a: b, 1: 2, a + 1: b * 2}
}

// A literal passed along: order's map temporary, walk's pointer.
func literalArg(x int) {
	use(map[int]int{1: x})
}

// A literal not built in place: walkCompLit's temporary.
func literalArgConst() {
	use(map[int]int{1: 2})
}

// []byte(s) assigned straight to a variable is not copied, any other is.
func conversions(s string) int {
	c := []byte(s)
	n := len(c)
	sink(cap([]byte(s)))
	m := make(map[int]int)
	m[n] = n
	return len(m)
}
