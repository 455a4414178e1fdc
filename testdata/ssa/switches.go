// Expression switches as gc's walk dispatches them (walk/switch.go): constant
// cases sorted and merged into ranges, then a jump table on amd64 for 8 or
// more cases filling a quarter of their span (JumpTable → JUMPTABLE, JMP
// through the table), else a binary search; ppc64 has no jump tables.
package p

func sink(int) {}

// Dense: a jump table on amd64.
func dense(x int) int {
	switch x {
	case 1:
		return 10
	case 2:
		return 20
	case 3:
		return 31
	case 4:
		return 42
	case 5:
		return 53
	case 6:
		return 64
	case 7:
		return 75
	case 8:
		return 86
	}
	return 0
}

// Unsorted, with gaps and a shared body: still dense enough.
func gaps(x uint8) int {
	r := 0
	switch x {
	case 30, 2:
		r = 1
	case 4:
		r = 2
	case 9, 7:
		r = 3
	case 11:
		r = 4
	case 14:
		r = 5
	case 16:
		r = 6
	case 20:
		r = 7
	default:
		r = -1
	}
	return r
}

// Too sparse for a table: binary search.
func sparse(x int32) int {
	switch x {
	case 1:
		return 1
	case 100:
		return 2
	case 200:
		return 3
	case 300:
		return 4
	case 400:
		return 5
	case 500:
		return 6
	case 600:
		return 7
	case 700:
		return 8
	}
	return 0
}

// Few cases: binary search down to chains of tests, in value order.
func few(x int) {
	switch x {
	case 9:
		sink(1)
	case 3:
		sink(2)
	case 5:
		sink(3)
	case 1:
		sink(4)
	case 7:
		sink(5)
	}
}

// Consecutive values with one body become a range test.
func ranges(x int) int {
	switch x {
	case 1, 2, 3, 4:
		return 1
	case 5:
		return 2
	case 6, 7:
		return 3
	}
	return 0
}

// A case that is not constant splits the runs around it.
func mixed(x, y int) int {
	switch x {
	case 3, 1:
		return 1
	case y:
		return 2
	case 8, 5:
		return 3
	}
	return 0
}

// break inside a table switch.
func fall(x int64) int {
	n := 0
	switch x {
	case 0:
		n++
	case 1:
		n += 2
	case 2:
		if n > 0 {
			break
		}
		n += 3
	case 3, 4, 5:
		n += 4
	case 6:
		n += 5
	case 7:
		n += 6
	case 8:
		n += 7
	case 9:
		n += 8
	}
	return n
}
