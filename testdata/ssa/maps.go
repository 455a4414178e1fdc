// Maps as gc 1.26's walk turns them into calls of the Swiss-table runtime
// (internal/runtime/maps): reads through mapaccess1_fast32/64 (the pointer
// it returns is never nil), comma-ok reads through mapaccess2, stores and
// op-assignments through mapassign_fast32/64/64ptr (the store nil-checks the
// pointer), delete, clear, len (nil check, then the count in the map's first
// word), maps that escape made by makemap_small / makemap / makemap64.
package p

type key uint64

type pair struct{ a, b int }

var global map[int]*int

func get(m map[int]int, k int) int { return m[k] }

func get32(m map[int32]float64, k int32) float64 { return m[k] }

func getPtrKey(m map[*int]bool, k *int) bool { return m[k] }

func getConst(m map[uint32]int) int { return m[7] + m[4294967295] }

func getNamed(m map[key]pair, k key) int {
	v := m[k]
	return v.a
}

func put(m map[int]int, k, v int) { m[k] = v }

func putPtr(m map[*int]*int, k, v *int) { m[k] = v }

func putPair(m map[uintptr]pair, k uintptr, a int) { m[k] = pair{a, a + 1} }

func inc(m map[uint64]int, k uint64) {
	m[k] += 2
	m[k]++
	m[k] *= 3
}

func lookup(m map[int32]*int, k int32) (*int, bool) {
	v, ok := m[k]
	return v, ok
}

func has(m map[int]int, k int) bool {
	_, ok := m[k]
	return ok
}

func lookupVar(m map[int]int) int {
	var v, ok = m[3]
	if !ok {
		return -1
	}
	return v
}

func del(m map[*int]int, k *int) { delete(m, k) }

func del32(m map[uint32]int) { delete(m, 5) }

func clr(m map[int]int) { clear(m) }

func size(m map[int]int) int { return len(m) }

func isNil(m map[int]int) bool { return m == nil || len(m) == 0 }

func makeSmall() map[int]int { return make(map[int]int) }

func makeHint(n int) map[int]*int { return make(map[int]*int, n) }

func makeBig() map[int]int { return make(map[int]int, 100) }

func makeHint64(n uint64) map[int]int { return make(map[int]int, n) }

func store(k int, p *int) {
	if global == nil {
		global = make(map[int]*int, 8)
	}
	global[k] = p
}

func loop(m map[int]int, n int) int {
	s := 0
	for i := 0; i < n; i++ {
		s += m[i]
		m[i] = s
	}
	return s
}

func localMake() int {
	m := make(map[int]int)
	m[1] = 2
	return m[1]
}

func localHint(n int) int {
	m := make(map[int32]*int, n)
	m[1] = nil
	return len(m)
}

func localBig() int {
	m := make(map[uint64]bool, 64)
	m[7] = true
	return len(m)
}

func localLit() int {
	m := map[int]*int{1: nil, 2: nil}
	return len(m)
}

func escLit() map[int]int {
	return map[int]int{1: 2, 3: 4}
}

func emptyLit() map[*int]int {
	return map[*int]int{}
}

func rangeKV(m map[int]*int) (n int) {
	for k, v := range m {
		n += k
		if v != nil {
			n++
		}
	}
	return
}

func rangeKeys(m map[*int]int) (n int) {
	for k := range m {
		n += *k
	}
	return
}

func rangeNone(m map[int]int) (n int) {
	for range m {
		n++
	}
	return
}

func rangeValues(m map[int32]float64) (s float64) {
	for _, v := range m {
		if v < 0 {
			continue
		}
		if v > 100 {
			break
		}
		s += v
	}
	return
}

func rangeAssign(m map[int]int) (k, v int) {
	for k, v = range m {
		if k > v {
			return
		}
	}
	return
}

func rangeClear(m map[int]*int) {
	for k := range m {
		delete(m, k)
	}
}
