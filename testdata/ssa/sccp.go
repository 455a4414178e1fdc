// Inputs for sccp: constants only found through phis of loops (which opt
// cannot fold), branches on them, the code behind those branches, and the
// kinds of ops sccp evaluates (arithmetic, shifts, comparisons, conversions,
// floats, bounds checks) or must not fold (division by zero).
package p

//go:noinline
func sink(x int) {}

func loopSwap(n int) int {
	x, y := 1, 1
	for i := 0; i < n; i++ {
		x, y = y, x
	}
	return x + y
}

func loopMul(n int) int {
	k := 0
	for i := 0; i < n; i++ {
		k = k * 2
	}
	return k
}

func deadArm(n int) int {
	x := 1
	for i := 0; i < n; i++ {
		if x == 1 {
			x = 1
		} else {
			x = 3
			n++
		}
	}
	return x
}

func deadCall(n int) int {
	mode := 0
	s := 0
	for i := 0; i < n; i++ {
		if mode > 0 {
			sink(i)
			mode--
		}
		s += i
	}
	return s + mode
}

func liveArm(n int) int {
	x := 1
	for i := 0; i < n; i++ {
		if i == 5 {
			x = 2
		}
	}
	return x
}

func shifts(n int) uint64 {
	var s uint64 = 1
	var k uint64 = 4
	for i := 0; i < n; i++ {
		s, k = s<<k>>k, k&7
	}
	return s ^ k
}

func narrow(n int) int64 {
	var x int32 = -5
	var b byte = 200
	for i := 0; i < n; i++ {
		x = int32(int8(x))
		b = b | 8
	}
	return int64(x) + int64(b)
}

func floats(n int) float64 {
	f := 1.5
	for i := 0; i < n; i++ {
		f = f*2 - f
	}
	return f
}

func divZero(n int) (int, int) {
	a, d := 10, 0
	for i := 0; i < n; i++ {
		a, d = d+10, a-10
	}
	return a / 3, a % (d + 1)
}

func bounds(a *[4]int, n int) int {
	j := 2
	for i := 0; i < n; i++ {
		j = j & 3
	}
	return a[j]
}

func flags(n int) int {
	ok, bad := true, false
	for i := 0; i < n; i++ {
		ok, bad = !bad, !ok
	}
	if ok && !bad {
		return 1
	}
	return 2
}

func switchConst(n int) int {
	c := 2
	for i := 0; i < n; i++ {
		c = c + 0
		n -= c
	}
	switch c {
	case 1:
		sink(1)
		return 10
	case 2:
		return 20
	case 3:
		sink(3)
		return 30
	}
	return n
}

func unsignedCmp(n int) int {
	var u uint32 = 7
	for i := 0; i < n; i++ {
		u = u + 0
	}
	if u < 10 {
		return int(u)
	}
	sink(int(u))
	return 0
}
