// Maps in escape analysis, the forms SSA construction does not build yet
// (so this file is not in the SSA corpus; tests/escape/mapforms.test.ts
// checks it against gc's goldens): maps made on the stack, map literals
// (their keys and values go to the heap even when the literal does not
// escape), range over a map (values copied out of the heap: range-deref;
// key only; neither).
package mapforms

var sink map[*int]*int

var gp *int

// make(map) that stays local does not escape.
func localMake() int {
	m := make(map[int]int)
	m[1] = 2
	return m[1]
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

// Map of maps: the inner literal is a value stored in the outer map.
func nested() int {
	m := map[int]map[int]int{1: {2: 3}}
	return len(m[1])
}

// A map captured by a closure.
func closureMap() func(int) int {
	m := map[int]int{}
	return func(k int) int {
		m[k]++
		return m[k]
	}
}
