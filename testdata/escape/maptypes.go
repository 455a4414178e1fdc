// Maps in escape analysis: make(map) and map literals are allocations of
// their own, which escape when the map does; keys and values stored in a map
// (map literal keys and values, the key and value of m[k] = v, m[k] op= v)
// go to the heap; reading m[k] (plain and comma-ok), len, delete flow
// nothing; clear mutates; range over a map copies values out of the heap
// (range-deref); map parameters, results and fields.
package maptypes

var sink map[*int]*int

var gp *int

// make(map) that stays local does not escape.
func localMake() int {
	m := make(map[int]int)
	m[1] = 2
	return m[1]
}

// make(map) with a hint, returned: escapes.
func returnedMake(n int) map[int]*int {
	return make(map[int]*int, n)
}

// A map stored in a global escapes, and so does its literal.
func globalLit() {
	sink = map[*int]*int{}
}

// Keys and values stored into a local map still go to the heap.
func storeLocal() {
	m := make(map[*int]*int)
	i, j := 0, 0
	m[&i] = &j
}

// Map literal keys and values go to the heap even when the literal does not escape.
func litLocal() int {
	i, j := 1, 2
	m := map[*int]*int{&i: &j}
	return len(m)
}

// Parameters used as keys and values leak to the heap.
func putParams(m map[*int]*int, k, v *int) {
	m[k] = v
}

// Reading from a map flows nothing: the param does not escape, the result comes from the heap.
func get(m map[*int]*int, k *int) *int {
	return m[k]
}

// Comma-ok reads.
func getOk(m map[int]*int, k int) (*int, bool) {
	v, ok := m[k]
	return v, ok
}

// var v, ok = m[k] in a declaration.
func getOkVar(m map[int][]int) int {
	var v, ok = m[1]
	if ok {
		return len(v)
	}
	return 0
}

// delete and len evaluate their arguments only.
func del(m map[*int]*int, k *int) int {
	delete(m, k)
	return len(m)
}

// clear mutates its argument.
func clr(m map[int]int) {
	clear(m)
}

// range over a map: the value is read from the heap; key and value variables.
func rangeAll(m map[*int]*int) *int {
	var last *int
	for k, v := range m {
		if k != nil {
			last = v
		}
	}
	return last
}

// range with the key only, and with neither.
func rangeKeys(m map[*int]int) int {
	n := 0
	for k := range m {
		gp = k
		n++
	}
	for range m {
		n++
	}
	return n
}

// Op-assign and ++ on a map element: the key still goes to the heap.
func opAssign(m map[*int]int, k *int) {
	m[k] += 2
	m[k]++
}

// A map in a struct field; the map value escapes through the pointer.
type holder struct {
	m map[int]*int
}

func newHolder() *holder {
	return &holder{m: make(map[int]*int)}
}

func (h *holder) put(k int, v *int) {
	h.m[k] = v
}

// A nil map is no allocation.
func nilMap() map[int]int {
	var m map[int]int
	return m
}

// Map of maps: the inner literal is a value stored in the outer map.
func nested() int {
	m := map[int]map[int]int{1: {2: 3}}
	return len(m[1])
}

// make(map) inside a loop, kept by a variable declared outside it.
func loopMake(n int) int {
	var m map[int]int
	for i := 0; i < n; i++ {
		m = make(map[int]int)
		m[i] = i
	}
	return len(m)
}

// A map captured by a closure.
func closureMap() func(int) int {
	m := map[int]int{}
	return func(k int) int {
		m[k]++
		return m[k]
	}
}

// Address of a map variable.
func addrMap() *map[int]int {
	m := make(map[int]int, 8)
	return &m
}
