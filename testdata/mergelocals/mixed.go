// A mix: many candidates of several shapes in one function (pointerful
// structs, floats, bytes), huge arrays zeroed by loops, arrays of structs,
// array results, byte arrays of odd sizes, and whole-array copies.
package mergelocals

type S struct {
	p  *int
	xs []int
	a  [3]int
}

type U struct {
	f [4]float64
	i int32
	b byte
}

//go:noinline
func sink(x int) int { return x * 3 }

func Many(n int, q *int) (r int) {
	var a1 [4]int
	var a2 [4]int
	var a3 [5]int
	var s1 S
	var s2 S
	var u1 U
	var u2 U
	for i := 0; i < n; i++ {
		a1[i&3] = sink(i)
		r += a1[(i+1)&3]
	}
	a2[n&3] = r
	r += sink(a2[1])
	if r > 10 {
		s1.p = q
		s1.xs = a3[:0:0]
		r += *s1.p + len(s1.xs)
	} else {
		s2.p = &r
		s2.a[n%3] = 4
		r += *s2.p + s2.a[0]
	}
	u1.f[n&3] = float64(r)
	u1.b = byte(r)
	r += int(u1.f[1]) + int(u1.b)
	u2.i = int32(r)
	u2.f[0] = 1.5
	r += int(u2.i) + int(u2.f[(n+1)&3])
	return r
}

func Big(i int) int {
	var a [2000]int
	a[i%2000] = i
	x := a[(i+7)%2000]
	var b [2000]int
	b[i%2000] = x
	var c [1000]int
	c[i%1000] = b[(i+3)%2000]
	return c[(i+5)%1000]
}

func ArrOfStruct(i int) int {
	var a [3]S
	a[i%3].a[1] = i
	s := a[(i+1)%3].a[1]
	var b [2]S
	b[i&1].p = &s
	return *b[(i+1)&1].p
}

func Results(i int) (x [6]int, y int) {
	var t [6]int
	t[i%6] = i
	y = t[(i+1)%6]
	var u [6]int
	u[i%6] = y
	x = u
	return
}

func Bytes(i int) int {
	var a [25]byte
	a[i%25] = byte(i)
	r := int(a[(i+1)%25])
	var b [32]byte
	b[i%32] = byte(r)
	r += int(b[(i+2)%32])
	var c [3]int
	c[i%3] = r
	return r + c[(i+1)%3]
}

func CopyLoop(n int) int {
	var src [8]int
	for i := range src {
		src[i] = i * n
	}
	var dst [8]int
	dst = src
	s := 0
	for i := 0; i < 8; i++ {
		s += dst[i]
	}
	var tail [8]int
	tail[n&7] = s
	return tail[(n+1)&7]
}
