// Inputs for branchelim: if/else triangles and diamonds that become
// CondSelects (CMOVQcc on amd64, ISEL on ppc64), and those that stay
// branches: the cost rule, byte and float phis, load addresses, arms that
// are too long or cannot run on both ways, likely branches. The conditions
// vary so the lowering meets each comparison kind.
package p

func max(a, b int) int {
	x := a
	if a < b {
		x = b
	}
	return x
}

func umin(a, b uint) uint {
	if b < a {
		a = b
	}
	return a
}

func abs(x int) int {
	if x < 0 {
		x = -x
	}
	return x
}

func diamond(a, b int) int {
	var x int
	if a < b {
		x = a + 1
	} else {
		x = b * 3
	}
	return x
}

func twoPhis(a, b int) (int, int) {
	var x, y int
	if a == b {
		x, y = a, b
	} else {
		x, y = b, a
	}
	return x, y
}

func twoPhisTriangle(a, b int) (int, int) {
	x, y := a, b
	if a != b {
		x, y = b, a
	}
	return x, y
}

func narrow32(a, b int32) int32 {
	if a > b {
		a = b
	}
	return a
}

func narrow16(a, b uint16) uint16 {
	if a >= b {
		a = b
	}
	return a
}

func byteSel(a, b byte) byte {
	if a > b {
		a = b
	}
	return a
}

func floatSel(a, b float64) float64 {
	if a > b {
		a = b
	}
	return a
}

func floatCond(f, g float64, a, b int) int {
	if f > g {
		a = b
	}
	return a
}

func floatEq(f, g float64, a, b int) int {
	if f == g {
		a = b
	}
	return a
}

func boolCond(c bool, a, b int) int {
	if c {
		a = b
	}
	return a
}

func ptrSel(p, q *int, c bool) *int {
	if c {
		p = q
	}
	return p
}

func loadAddr(a *[4]int, c bool) int {
	i := 0
	if c {
		i = 3
	}
	return a[i]
}

func longArm(a, b int) int {
	x := a
	if a < b {
		x = (a*b + 3) ^ b
	}
	return x
}

func divArm(a, b int) int {
	x := a
	if b != 0 {
		x = a / b
	}
	return x
}

func loadArm(p *int, a int) int {
	x := a
	if a > 0 {
		x = *p
	}
	return x
}

func maxLoop(xs []int) int {
	m := 0
	for _, x := range xs {
		if x > m {
			m = x
		}
	}
	return m
}

func countIf(xs []int, k int) int {
	n := 0
	for i := 0; i < len(xs); i++ {
		if xs[i] == k {
			n++
		}
	}
	return n
}

func clamp(x, lo, hi int) int {
	if x < lo {
		return lo
	}
	if x > hi {
		return hi
	}
	return x
}

func sum3(a, b, c int) int {
	s := 0
	if a > 0 {
		s = a
	}
	if b > s {
		s = b
	}
	if c > s {
		s = c
	}
	return s
}
