// Fuzz repro: code gc's front end drops before escape analysis
// (noder/writer.go): a switch with a constant tag keeps only the case it
// selects (a tagless switch's tag is true; a non-constant case earlier
// keeps them all), a static condition (`x > 1 && false`) keeps only its
// branch, and statements after a terminating one go unless a label
// follows, and a loop whose condition is statically false loses its body.
// Their allocations are never analysed, a closure there gets no name (the
// next one is F.func1) and a variable used only there is not captured.
// Walk folds a switch's test only when the tag is constant true (`case
// false:` never branches); `3 == 5` stays a branch in SSA.
package p

var g *int

func Tagless(x int) int {
	switch {
	case false:
		y := 1
		g = &y
	case false:
		g = new(int)
	case true:
		z := 2
		g = &z
	case x > 1:
		w := 3
		g = &w
	}
	switch {
	case x > 1:
		a := 4
		g = &a
	case false:
		b := 5
		g = &b
	}
	return x
}

func ConstTag(x int) int {
	switch 3 {
	case 1:
		g = new(int)
	default:
		g = &x
	case 3:
		return x
	}
	switch 7 {
	case 1, 2:
		g = new(int)
	}
	return 0
}

func Static(x int) {
	if x > 1 && false {
		q := 1
		g = &q
	}
	if false {
		f := func() { g = new(int) }
		f()
	}
	h := func() { g = &x }
	h()
	if true || x > 2 {
		return
	}
	g = new(int)
}

func AfterReturn(x int) *int {
	if true {
		return &x
	}
	y := 5
	return &y
}

func AfterGoto(n int) int {
	i := 0
loop:
	i++
	if i < n {
		goto loop
	}
	return i
	j := new(int)
	return *j
}

func ForFalse(r *[2]int) int {
	v0 := *r
	f := func() int {
		for false {
			v0 = v0
		}
		return 1
	}
	return f()
}

func Unfolded(x []int) []int32 {
	switch 3 {
	case len(x), cap(x):
	case 5:
		return append([]int32{8}, 2)
	}
	return nil
}
