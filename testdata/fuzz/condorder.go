// Fuzz repro: order evaluates an if or for condition in place
// (exprInPlace): its new, make and calls are copied out first, then walk
// builds its literals. Built inline, new(T2) came between the literal's
// stores, the read of its f4 no longer folded to the zero, and the
// literal's temporary stayed a merge candidate.
package p

type T0 struct {
	f0 *int
	f1 int
	f2 *int
	f3 *int
}

type T2 struct {
	T0
	f0 int
	f1 [40]int
	f2 *T2
	f3 func() int
	f4 int
}

var g0 *T0

//go:noinline
func F3(x0 int, x1 []int) {
	v0 := T2{f0: x1[1], f1: [40]int{37: x0}, f2: &T2{T0: T0{f2: &x0}, f0: x0, f1: [40]int{x0, x0, x0, x0}}, f3: func() int { return x0 }}
	for v2 := 0; v2 < (T2{f1: [40]int{30: x0}, f2: new(T2), f3: nil}.f4); v2++ {
		for _, v3 := range x1 {
			switch 0 {
			case 43:
				*g0 = v0.T0
			case v3 >> 2:
				var v4 [10]int
				println(v4[x0%41])
			}
		}
	}
}

func If(x0 int) int {
	if (T2{f1: [40]int{3: x0}, f2: new(T2)}).f4 > 0 {
		return 1
	}
	var v [10]int
	v[x0%10] = x0
	return v[2]
}
