// Fuzz repro: the stack temporaries gc's walk creates, and no others, so
// stack-slot merging sees gc's candidates. A constant literal that is not
// SSA-able is read-only static data (no temporary); another literal used as
// a value is a temporary (a candidate); the temporaries behind &T{}, new,
// slice literals and closure records have their address taken (never
// candidates); a call's result and a literal are indexed where they are,
// not copied. We made and merged temporaries gc never has.
package p

type T struct {
	a   int
	arr [8]int
}

type U struct {
	f0 [8]int
	f1 *int
	f2 int
}

func F0(x0 [4]int, x1 []*T) (r0 int) {
	return
}

func Static() int {
	return F0([4]int{10}, make([]*T, 4)) + F0([4]int{9}, make([]*T, 3))
}

func Dynamic(i int) int {
	return F0([4]int{i}, nil) + F0([4]int{i, i}, nil)
}

func Field(i int) int {
	return T{}.arr[i]
}

func Literal(i int, t T) int {
	x := T{a: i}.arr[i&7]
	y := [8]int{1, 2}[i]
	return x + y + t.arr[i]
}

func mk(i int) [8]int { return [8]int{i} }

func CallResult(i int) int {
	return mk(i)[i&7] + mk(i + 1)[2]
}

func Pointers(r *int) int {
	v := []*U{{[8]int{}, r, 3}, nil, &U{f0: [8]int{4: 7}, f2: 1}}
	w := new([8]int)
	return len(v) + w[1]
}
