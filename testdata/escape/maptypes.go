// Maps in escape analysis: make(map) is an allocation of its own, which
// escapes when the map does; keys and values stored in a map (the key and
// value of m[k] = v, m[k] op= v) go to the heap; reading m[k] (plain and
// comma-ok), len, delete flow nothing; clear mutates; map parameters,
// results and fields. Only forms SSA construction builds (this file is in
// the SSA corpus too): map literals, maps on the stack and range over maps
// are in testdata/escape-maps/mapforms.go.
package maptypes

var sink map[*int]*int

var gp *int

// make(map) with a hint, returned: escapes.
func returnedMake(n int) map[int]*int {
	return make(map[int]*int, n)
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

// make(map) inside a loop, kept by a variable declared outside it.
func loopMake(n int) int {
	var m map[int]int
	for i := 0; i < n; i++ {
		m = make(map[int]int)
		m[i] = i
	}
	return len(m)
}

// Address of a map variable.
func addrMap() *map[int]int {
	m := make(map[int]int, 8)
	return &m
}
