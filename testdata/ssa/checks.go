// Inputs for the differential tests of nilcheckelim, prove, dead auto elim,
// dse and writebarrier (tests/ssa/passes/*.test.ts): each function exercises
// one thing those passes remove or expand. Compiled with -l.
package p

type node struct {
	val  int
	next *node
}

type pair struct {
	a, b *int
	n    int
}

type point struct{ x, y int }

var sinkInt *int
var sinkNode *node
var sinkPair pair
var sinkSlice []int
var table [16]int

// ---- nilcheckelim

// fields: one nil check for both loads of p.
func fields(p *point) int {
	return p.x + p.y
}

// guarded: the explicit p != nil branch makes the implicit check redundant.
func guarded(p *point) int {
	if p != nil {
		return p.x
	}
	return 0
}

// twice: a check in the entry dominates the one in the branch.
func twice(p *point, c bool) int {
	s := p.x
	if c {
		s += p.y
	}
	return s
}

// fresh: new(T) is never nil.
func fresh() *point {
	p := new(point)
	p.x = 1
	return p
}

// walk: the check on n in the loop is needed each time round.
func walk(n *node) int {
	s := 0
	for n != nil {
		s += n.val
		n = n.next
	}
	return s
}

// addrOfLocal: the address of an array element is never nil.
func addrOfLocal(i int) int {
	var a [4]int
	p := &a[i&3]
	*p = 1
	return a[0] + a[1]
}

// ---- prove

// maskIndex: i&7 is always in bounds of an [8]int.
func maskIndex(a *[8]int, i int) int {
	return a[i&7]
}

// byteIndex: a uint8 always indexes a [256]int.
func byteIndex(a *[256]int, b uint8) int {
	return a[b]
}

// modIndex: an unsigned value mod 16 indexes table.
func modIndex(x uint) int {
	return table[x%16]
}

// sumLoop: the classic i < len(s) loop needs no bounds check.
func sumLoop(s []int) int {
	t := 0
	for i := 0; i < len(s); i++ {
		t += s[i]
	}
	return t
}

// rangeLoop: range over a slice, index and value.
func rangeLoop(s []int) int {
	t := 0
	for i, v := range s {
		t += v * i
	}
	return t
}

// nextElem: s[i+1] with i+1 < len(s).
func nextElem(s []int) int {
	t := 0
	for i := 0; i+1 < len(s); i++ {
		t += s[i] - s[i+1]
	}
	return t
}

// downLoop: counting down from len(s)-1 to 0.
func downLoop(s []int) int {
	t := 0
	for i := len(s) - 1; i >= 0; i-- {
		t += s[i]
	}
	return t
}

// stepLoop: i += 2 to a constant limit over an array.
func stepLoop(a *[10]int) int {
	t := 0
	for i := 0; i < 10; i += 2 {
		t += a[i]
	}
	return t
}

// sameIndex: the second s[i] is proved by the first.
func sameIndex(s []int, i int) int {
	s[i] = 1
	return s[i]
}

// lastElem: s[len(s)-1] after a length check.
func lastElem(s []int) int {
	if len(s) > 0 {
		return s[len(s)-1]
	}
	return 0
}

// constIndices: indices 0..3 after len(s) > 3; 3 first proves the rest.
func constIndices(s []int) int {
	if len(s) > 3 {
		return s[3] + s[0] + s[1] + s[2]
	}
	return 0
}

// prefix: s[:i] after i <= len(s).
func prefix(s []int, i int) []int {
	if i >= 0 && i <= len(s) {
		return s[:i]
	}
	return nil
}

// chunked: blocked iteration by 4.
func chunked(s []int) int {
	t := 0
	for i := 0; i <= len(s)-4; i += 4 {
		t += s[i] + s[i+1] + s[i+2] + s[i+3]
	}
	return t
}

// minLen: a loop to the smaller length of two slices.
func minLen(a, b []int) {
	n := len(a)
	if len(b) < n {
		n = len(b)
	}
	for i := 0; i < n; i++ {
		a[i] = b[i]
	}
}

// shiftBounded: a shift by a masked count is bounded.
func shiftBounded(x uint64, y uint) uint64 {
	return x << (y & 63)
}

// divLen: len(s)/k is a non-negative division.
func divLen(s []int, k int) int {
	if k > 0 {
		return len(s) / k
	}
	return 0
}

// rshLen: a non-negative value shifts right unsigned.
func rshLen(s []int) int {
	return len(s) >> 1
}

// impossible: the inner condition contradicts the outer one.
func impossible(i int) int {
	if i < 10 {
		if i > 20 {
			return 1
		}
		return 2
	}
	return 3
}

// knownConst: inside i == 5, i is the constant 5.
func knownConst(a *[8]int, i int) int {
	if i == 5 {
		return a[i] + i
	}
	return 0
}

// unproved: nothing is known about i; the check stays.
func unproved(s []int, i int) int {
	return s[i]
}

// appendLoop: appending inside a counted loop.
func appendLoop(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return s
}

// twoSlices: equal lengths checked once.
func twoSlices(a, b []int) int {
	t := 0
	if len(a) == len(b) {
		for i := range a {
			t += a[i] * b[i]
		}
	}
	return t
}

// ---- dead auto elim and dse

// deadArray: a local array only written is dropped.
func deadArray(x int) int {
	var a [8]int
	a[x&7] = x
	return x
}

// deadCopy: a local copy of an array that is only written to.
func deadCopy(p *[8]int) int {
	a := *p
	a[0] = 1
	return p[1]
}

// overwrite: the first store to p.x is dead.
func overwrite(p *point) {
	p.x = 1
	p.y = 2
	p.x = 3
}

// zeroThenSet: the zeroing of the whole struct is shadowed by the field stores.
func zeroThenSet(p *point, a, b int) {
	*p = point{}
	p.x = a
	p.y = b
}

// readBetween: a load between the stores keeps the first one.
func readBetween(p *point) int {
	p.x = 1
	t := p.x
	p.x = 2
	return t
}

// globalTwice: a global written twice in a row.
func globalTwice(v []int) {
	sinkSlice = nil
	sinkSlice = v
}

// usedArray: a local array that is read stays.
func usedArray(i int) int {
	var a [8]int
	for j := range a {
		a[j] = j
	}
	return a[i&7]
}

// ---- writebarrier

// storeGlobal: a pointer stored into a global.
func storeGlobal(p *int) {
	sinkInt = p
}

// storeField: pointer and scalar fields through a pointer.
func storeField(q *pair, p *int) {
	q.a = p
	q.n = 3
}

// storeTwo: two pointer stores share one barrier test.
func storeTwo(q *pair, p, r *int) {
	q.a = p
	q.b = r
}

// storeDeref: the nil check of q is repeated in both branches.
func storeDeref(q **int, p *int) {
	*q = p
}

// twoBarriers: a call between two pointer stores makes two barrier tests.
func twoBarriers(q *pair, p *int) {
	q.a = p
	use(nil)
	q.b = p
}

// storeNil: storing nil still records the old value.
func storeNil(q *pair) {
	q.a = nil
}

// newNode: stores into a fresh object need no barrier.
func newNode(v int) *node {
	n := new(node)
	n.val = v
	sinkNode = n
	return n
}

// linkFresh: a pointer stored into a fresh object.
func linkFresh(next *node) *node {
	n := new(node)
	n.next = next
	return n
}

// copyPair: a pointer-containing struct copied through pointers.
func copyPair(d, s *pair) {
	*d = *s
}

// zeroPair: a pointer-containing struct cleared through a pointer.
func zeroPair(d *pair) {
	*d = pair{}
}

type ptrs struct {
	p [10]*int
}

// zeroPtrs: clearing a big pointer-containing struct calls wbZero.
func zeroPtrs(d *ptrs) {
	*d = ptrs{}
}

// copyGlobal: a struct copied into a global.
func copyGlobal(s *pair) {
	sinkPair = *s
}

// storeSlice: a slice header stored into a global.
func storeSlice(s []int) {
	sinkSlice = s
}

// storeLocal: stores to a stack slot need no barrier.
func storeLocal(p *int) int {
	var a [4]*int
	a[0] = p
	a[1] = p
	use(&a)
	return *a[0]
}

//go:noinline
func use(a *[4]*int) {}

// storeLoop: a barrier inside a loop.
func storeLoop(s []*int, p *int) {
	for i := range s {
		s[i] = p
	}
}

// storeScalars: no pointers, no barrier.
func storeScalars(p *point, x int) {
	p.x = x
	p.y = x
}
