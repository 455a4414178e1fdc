// Exercises gc's generic rewrite rules (opt, middle opt, late opt):
// constant folding at every width, algebraic identities, shifts,
// comparisons, bounds checks, pointer and slice ops, loads after stores.
// The differential test runs our opt on gc's dump before opt and compares
// with gc's dump after it, function by function.

package p

//go:noinline
func foldInt(x int) int {
	a := 3 + 4
	b := a * 5
	c := b - 7
	return x + c/2 + c%3 + (c & 6) + (c | 1) + (c ^ 5)
}

//go:noinline
func foldWidths(x int8, y int16, z int32, w uint8) (int8, int16, int32, uint8) {
	const k8 int8 = 100
	var a int8 = k8
	a += 100 // wraps
	var b int16 = 300
	b *= 200
	var c int32 = 1 << 30
	c += c
	var d uint8 = 250
	d += 10
	return x + a, y + b, z + c, w + d
}

//go:noinline
func identities(x, y int) int {
	a := x + 0
	b := a * 1
	c := b - b
	d := x & x
	e := y | 0
	f := y ^ y
	g := -(-x)
	h := ^(^y)
	return a + b + c + d + e + f + g + h + x*0
}

//go:noinline
func identities32(x, y int32) int32 {
	return (x+0)*1&(y|0) ^ (x ^ x)
}

//go:noinline
func subConst(x int) int {
	return x - 10
}

//go:noinline
func reassoc(x, y int) int {
	return (x + 3) + (y + 4) + 5
}

//go:noinline
func shifts(x uint64, y int64, s uint) (uint64, int64, uint64) {
	a := x << 0
	b := (x >> 3) << 3
	c := y >> 63 >> 1
	d := x << 70 // constant too large
	e := (x << 2) << 3
	return a + b + d + e, c, x >> (s & 63)
}

//go:noinline
func shiftConsts() (int64, uint32, int8) {
	var a int64 = 1
	var b uint32 = 0x80000000
	var c int8 = -128
	return a << 40, b >> 31, c >> 2
}

//go:noinline
func compares(x int, u uint) (bool, bool, bool, bool) {
	a := x == x
	b := 3 < 4
	c := u < 0
	d := x != x
	return a, b, c, d
}

//go:noinline
func notLess(x, y int) int {
	if !(x < y) {
		return 1
	}
	return 2
}

//go:noinline
func constBranch(x int) int {
	if 2 > 1 {
		return x
	}
	return -x
}

//go:noinline
func boolOps(a, b bool) bool {
	return (a == true) && (b != false) || !(!a)
}

//go:noinline
func bounds(s []int, i int) int {
	var arr [8]int
	return arr[i&7] + s[0] + arr[3]
}

//go:noinline
func sliceOps() int {
	s := make([]int, 5, 10)
	return len(s) + cap(s)
}

//go:noinline
func sliceLit() int {
	s := []int{1, 2, 3}
	return len(s[1:]) + s[2]
}

//go:noinline
func loadAfterStore(p *int, q *[4]int) int {
	*p = 7
	q[1] = 3
	return *p + q[1]
}

//go:noinline
func storeOfLoad(p *int) {
	x := *p
	*p = x
}

//go:noinline
func ptrIndex(p *[10]int32, i int) int32 {
	return p[2] + p[i]
}

//go:noinline
func offsets(p *struct {
	a, b int
	c    struct{ d, e int }
}) int {
	return p.c.e + p.b
}

//go:noinline
func structValue(p *struct{ a, b int }) int {
	v := *p
	v.a++
	*p = v
	return v.b
}

//go:noinline
func divConst(x int, u uint) (int, uint, int, uint) {
	return x / -4, u / 8, x % 16, u % 32
}

//go:noinline
func mulConst(x int, y int32) (int, int32, int) {
	return x * 8, y * -4, x * 10
}

//go:noinline
func floats(x float64, y float32) (float64, float32, float64) {
	a := 1.5 + 2.25
	b := x * 1
	c := y * 2
	d := x / 4
	return a + b + d, c, float64(int64(3)) * 2
}

//go:noinline
func conversions(x int64) (int8, int32, uint16, int64) {
	a := int8(x + 300)
	b := int32(x)
	c := uint16(uint8(x))
	d := int64(int32(x))
	return a, b, c, d
}

//go:noinline
func ranges(x int) bool {
	return x >= 3 && x < 10
}

//go:noinline
func nilCheck() int {
	p := new(int)
	*p = 5
	return *p
}

//go:noinline
func phiNot(a, b bool, c int) bool {
	var r bool
	if c > 0 {
		r = !a
	} else {
		r = !b
	}
	return r
}

//go:noinline
func loopSum(n int) int {
	t := 0
	for i := 0; i < n; i++ {
		t += i * 2
	}
	return t
}

//go:noinline
func masked(s []byte, i uint) byte {
	var tab [256]byte
	return tab[s[0]] + tab[i&0xff] + tab[i%256]
}

//go:noinline
func lenSimplify(s []int, i int) int {
	t := s[i : i+5]
	return len(t)
}

//go:noinline
func zeroStruct() int {
	var v struct{ a, b, c int }
	v.b = 4
	return v.a + v.b
}

//go:noinline
func arrayOne(p *[1]int) int {
	a := *p
	a[0]++
	return a[0]
}

//go:noinline
func rot(x uint64, y uint32, s uint) (uint64, uint32, uint64) {
	s &= 63
	a := x<<s | x>>(64-s)
	b := y<<(s&31) + y>>(32-(s&31))
	c := x<<7 ^ x>>57
	return a, b, c
}

//go:noinline
func condInc(c bool, x int) int {
	if c {
		x++
	}
	return x
}

//go:noinline
func condDec(c bool, x int32) int32 {
	if c {
		x--
	}
	return x
}

//go:noinline
func condShift(c bool, x uint64) uint64 {
	if c {
		x <<= 1
	}
	return x
}
