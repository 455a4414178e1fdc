// Maps with string keys as gc 1.26's walk builds them: the _faststr
// variants of internal/runtime/maps (mapaccess1_faststr, mapaccess2_faststr,
// mapassign_faststr, mapdelete_faststr), the key passed by value as a
// string (two words in the register ABI); a named string key converted to
// string first (order's mapKeyTemp OCONVNOP).
package p

type Name string

func get(m map[string]int, k string) int {
	return m[k]
}

func getConst(m map[string]int) int {
	return m["hello"]
}

func has(m map[string]*int, k string) bool {
	_, ok := m[k]
	return ok
}

func lookup(m map[string]int, k string) (int, bool) {
	v, ok := m[k]
	return v, ok
}

func set(m map[string]int, k string, v int) {
	m[k] = v
}

func incr(m map[string]int, k string) {
	m[k]++
}

func del(m map[string]bool, k string) {
	delete(m, k)
}

func named(m map[Name]int, k Name) int {
	return m[k]
}

func literal() map[string]int {
	return map[string]int{"a": 1, "b": 2}
}

func count(words []string) map[string]int {
	m := make(map[string]int)
	for _, w := range words {
		m[w]++
	}
	return m
}

func keys(m map[string]int) int {
	n := 0
	for k, v := range m {
		n += len(k) + v
	}
	return n
}
