import { describe, expect, it } from 'vitest'
import { diagnose } from './helpers'

import { MAP_ERRORS } from './mapprograms'

describe('maps in the type checker', () => {
  it('accepts the map forms of the subset', async () => {
    expect(
      await diagnose(`type K struct{ a, b int }

func f(m map[int]int, mk map[K]*int, n int) (int, bool) {
	m2 := make(map[int]int)
	m3 := make(map[int]*int, n)
	m4 := map[K]int{{1, 2}: 3, K{3, 4}: 4}
	m5 := map[*int][]int{nil: {1}}
	var m6 map[int]map[int]int
	m[1] = 2
	m[2] += 3
	m[3]++
	v, ok := m[4]
	var w, ok2 = m2[1]
	_, ok = mk[K{}]
	delete(m3, 1)
	clear(m4)
	for k := range m {
		_ = k
	}
	for k, v := range mk {
		_, _ = k, v
	}
	for range m5 {
	}
	if m6 == nil || nil != m6[1] {
		return len(m6[1]), ok2
	}
	return v + w + len(m), ok
}
`),
    ).toEqual([])
  })

  it("reports types2's messages", async () => {
    expect(await diagnose(MAP_ERRORS)).toEqual([
      './p.go:6:12: invalid map key type []int',
      './p.go:7:16: invalid map key type func()',
      './p.go:9:12: invalid map key type map[int]int',
      './p.go:10:7: invalid operation: cannot take address of m[1] (map index expression of type int)',
      './p.go:11:2: cannot assign to struct field ms[1].x in map',
      './p.go:12:4: cannot use true (untyped bool constant) as int value in map index',
      './p.go:13:15: cannot use m[1] (map index expression of type int) as bool value in variable declaration',
      './p.go:14:14: assignment mismatch: 3 variables but 1 value',
      './p.go:15:6: invalid operation: m == m (map can only be compared to nil)',
      './p.go:16:24: duplicate key 1 in map literal',
      './p.go:17:18: missing key in map literal',
      './p.go:18:2: invalid operation: not enough arguments for delete(m) (expected 2, found 1)',
      './p.go:19:12: cannot use true (untyped bool constant) as int value in argument to delete',
      './p.go:20:9: invalid argument: p (variable of type *int) is not a map',
      './p.go:21:8: invalid argument: cannot clear p (variable of type *int): argument must be (or constrained by) map or slice',
      './p.go:22:6: invalid operation: make(map[int]int, 1, 2) expects 1 or 2 arguments; found 3',
      './p.go:23:24: invalid argument: index -1 (constant of type int) must not be negative',
      './p.go:24:10: invalid argument: m (variable of type map[int]int) for built-in cap',
      './p.go:25:6: cannot slice m (variable of type map[int]int)',
      './p.go:26:14: cannot use ms (variable of type map[int]S) as int value in variable declaration',
      './p.go:30:17: cannot use m[1] (untyped bool value) as int value in assignment',
      './p.go:32:6: delete(m, 1) (no value) used as value',
      './p.go:33:6: declared and not used: y',
      './p.go:34:9: cannot use m[2] (map index expression of type int) as bool value in assignment',
      './p.go:36:7: invalid operation: k + v (mismatched types int and S)',
      './p.go:38:19: invalid argument: p (variable of type *int) for built-in len',
      './p.go:39:9: too many return values\n\thave (int)\n\twant ()',
    ])
  })
})
