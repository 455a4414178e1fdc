// `m = make([]T, n); copy(m, s)`, as gc 1.26's order and walk rewrite it:
// one runtime.makeslicecopy call, or runtime.mallocgc (not zeroed) and a
// memmove when n is len(s) and T holds no pointers; and pairs that stay a
// make and a copy.
package p

func dup(s []int) []int {
	m := make([]int, len(s))
	copy(m, s)
	return m
}

func dupN(s []int, n int) []int {
	m := make([]int, n)
	copy(m, s)
	return m
}

func dupPtrs(s []*int) []*int {
	var m []*int
	m = make([]*int, len(s))
	copy(m, s)
	return m
}

func dupVar(s []uint16) []uint16 {
	var m = make([]uint16, len(s))
	copy(m, s)
	return m
}

func narrow(s []int32, n int8) []int32 {
	m := make([]int32, n)
	copy(m, s)
	return m
}

// Not rewritten: the make stays on the stack; a statement between; a
// capacity; the copy's count used.
func noEscape(s []int) int {
	m := make([]int, len(s))
	copy(m, s)
	return m[0]
}

func between(s []int) []int {
	m := make([]int, len(s))
	s[0] = 1
	copy(m, s)
	return m
}

func withCap(s []int) []int {
	m := make([]int, len(s), 2*len(s))
	copy(m, s)
	return m
}

func counted(s []int) ([]int, int) {
	m := make([]int, len(s))
	n := copy(m, s)
	return m, n
}
