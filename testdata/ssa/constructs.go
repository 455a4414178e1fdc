// Level-1 constructs for SSA construction: control flow, conversions,
// operators, aggregates, calls of every kind. Checked against gc's start
// (allocation calls) and run through every pass with the checker.
package constructs

type pt struct{ x, y int }

type box struct {
	v  [3]int
	pt pt
}

func (p pt) sum() int   { return p.x + p.y }
func (p *pt) scale(k int) { p.x *= k; p.y *= k }

var sink *int
var fsink func() int

func switches(x int) int {
	r := 0
	switch x {
	case 1, 2:
		r = 10
	case 3:
		r++
	default:
		r = -1
	case 4:
		r = 4
	}
	switch {
	case x > 100:
		return r * 2
	}
	return r
}

func gotos(n int) int {
	i := 0
loop:
	if i < n {
		i += 2
		goto loop
	}
	return i
}

func labels(xs [][]int) int {
	t := 0
outer:
	for _, row := range xs {
		for j, v := range row {
			if v < 0 {
				continue outer
			}
			if v > 100 {
				break outer
			}
			t += v * j
		}
	}
	return t
}

func ranges(a [4]int, p *[4]int, n int) int {
	t := 0
	for i := range n {
		t += i
	}
	for _, v := range a {
		t += v
	}
	for i, v := range p {
		t += i * v
	}
	return t
}

func slices(s []int, i, j int) []int {
	t := s[i:j:j+1]
	u := make([]int, len(t), 10)
	n := copy(u, t)
	u = append(u, s...)
	return u[:n]
}

func convert(i8 int8, u16 uint16, i32 int32, u64 uint64, f32 float32, f float64) float64 {
	a := float64(i8) + float64(u16) + float64(i32) + float64(f32)
	b := int64(f) + int64(u64) + int64(uint8(f32))
	c := uint32(i8) ^ uint32(u16)
	return a + float64(b) + float64(c) + float64(u64)
}

func operators(a, b int, u, v uint, s int) int {
	x := a/b + a%b + a<<s + a>>s + int(u>>v) + int(u/v) + int(u%v)
	y := a &^ b | a ^ ^b
	ok := a < b || (u > v && !(a == b))
	if ok {
		x -= y
	}
	x++
	return -x
}

func aggregates(p pt, b box) (r pt, z [1]int) {
	p.x = 3
	r = p
	r.y += b.v[1] + b.pt.sum()
	z[0] = r.x
	b.pt.scale(2)
	return
}

func calls(p *pt, f func(int) int) int {
	g := pt.sum
	h := p.scale
	h(3)
	k := func(a ...int) int { return len(a) }
	fsink = func() int { return p.x }
	return g(*p) + f(1) + k(1, 2, 3) + k()
}

func printing(a int, b uint8, c float32, d bool, e *int, s []int) {
	println(a, b, c, d, e, s)
	print(a, b)
}

func heapResult() (r int) {
	sink = &r
	r = 2
	return
}
