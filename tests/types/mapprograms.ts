// An invalid program about maps: maps.test.ts holds types2's messages for it,
// differential.test.ts compares them with the real go's.
export const MAP_ERRORS = `type S struct{ x int }

func f(m map[int]int, ms map[int]S, p *int) {
	var _ map[[]int]int
	var _ map[func()]int
	var _ map[S]int
	var _ map[map[int]int]bool
	_ = &m[1]
	ms[1].x = 2
	m[true] = 1
	var b bool = m[1]
	v, ok, z := m[1]
	_ = m == m
	_ = map[int]int{1: 2, 1: 3}
	_ = map[int]int{1}
	delete(m)
	delete(m, true)
	delete(p, 1)
	clear(p)
	_ = make(map[int]int, 1, 2)
	_ = make(map[int]int, -1)
	_ = cap(m)
	_ = m[1:2]
	var x int = ms
	_, _, _ = v, ok, z
	_ = b
	_ = x
	var u, w int = m[1]
	_, _ = u, w
	_ = delete(m, 1)
	var y bool
	y, _ = m[2]
	for k, v := range ms {
		_ = k + v
	}
	_ = len(m) + len(p)
	return m[1]
}
`
