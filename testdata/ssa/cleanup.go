// Inputs for the cleanup passes (deadcode, copyelim/phielim, short circuit,
// cse, phiopt, fuse, number lines): && and || chains, boolean phis, repeated
// subexpressions, dead branches, empty blocks and switch cases.
package p

func andor(a, b int) bool {
	return a < b && b > 3 || a == 0
}

func andIf(a, b int) int {
	if a < b && b > 3 {
		return 1
	}
	return 2
}

func orIf(a, b, c int) int {
	if a == 0 || b == 0 || c == 0 {
		return a + b
	}
	return c
}

func boolPhi(a, b int) bool {
	x := false
	if a < b {
		x = true
	}
	return x
}

func notPhi(a, b int) bool {
	x := true
	if a < b {
		x = false
	}
	return x
}

func orPhi(a, b int, c bool) bool {
	x := c
	if a < b {
		x = true
	}
	return x
}

func andPhi(a, b int, c bool) bool {
	x := false
	if a < b {
		x = c
	}
	return x
}

func boolToInt(a, b int) int {
	x := 0
	if a < b {
		x = 1
	}
	return x
}

func boolToInt8(a, b int) int8 {
	var x int8 = 1
	if a < b {
		x = 0
	}
	return x
}

func cse(a, b int) int {
	x := a*b + 3
	y := b*a + 3
	z := a*b + 3
	return x + y*z
}

func cseLoop(s []int, k int) int {
	t := 0
	for i := 0; i < len(s); i++ {
		t += s[i]*k + s[i]*k
	}
	return t
}

func deadBranch(a int) int {
	const debug = false
	if debug {
		a *= 7
	}
	x := a + 1
	if false {
		x = 9
	}
	return x
}

func unusedValues(a, b int) int {
	c := a * b
	_ = c
	d := a - b
	return d
}

func switchCases(n int) int {
	switch n {
	case 1, 2, 3:
		return 4
	case 5:
		return 6
	}
	return 0
}

func emptyElse(a, b int) int {
	x := a
	if a > b {
	} else {
	}
	return x + b
}

func loopFuse(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		if i%3 == 0 {
			continue
		}
		s += i
	}
	return s
}

func rangeCheck(x int) bool {
	return 1 <= x && x < 5
}

func rangeIf(x int, s []int) int {
	if x >= 0 && x < 10 {
		return s[x]
	}
	return -1
}

func nested(a, b, c int) int {
	r := 0
	if (a < b || b < c) && c != 0 {
		r = a
	} else {
		r = b
	}
	return r
}

type pair struct {
	x, y int
}

func fields(p *pair, q *pair) int {
	return p.x + q.x + p.x + p.y
}

func sameCompare(a, b int) int {
	if a < b {
		if a < b {
			return 1
		}
		return 2
	}
	return 3
}

func boolChain(a, b, c bool) bool {
	return a && b || c && !a
}

func loopPhi(n int) int {
	x := 5
	for i := 0; i < n; i++ {
		x = x + 0
	}
	return x
}

//go:noinline
func callee(x int) int { return x }

func callTwice(a int) int {
	return callee(a) + callee(a)
}

func divs(a, b int) int {
	return a/b + a/b
}

// && and || over calls: the merge block also has a memory phi, so short
// circuit needs one of gc's phi plans.
func andCall(a, b int) int {
	if a < b && callee(a) > 0 {
		return 1
	}
	return 2
}

func orCall(a, b int) bool {
	return a < b || callee(b) > 3
}

func andCallJoin(a, b int) int {
	r := a
	if a < b && callee(a) > 0 {
		r = b
	}
	return r + 1
}

func orCallLoop(s []int) int {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] == 0 || callee(s[i]) > 2 {
			n++
		}
	}
	return n
}

// phiopt's second sweep: the If deciding the phi is further up the
// dominator tree than the join's predecessors.
func phiDom(a, b int) bool {
	x := false
	if a < b {
		x = true
		if b > 10 {
			callee(1)
		}
	}
	return x
}

func phiLca(a, b int) bool {
	var x bool
	if a < b {
		x = true
		if b > 10 {
			callee(1)
		}
	} else {
		x = false
		if a > 10 {
			callee(2)
		}
	}
	return x
}
