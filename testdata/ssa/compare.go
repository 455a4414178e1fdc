// Comparisons of arrays and structs (==, !=), as gc 1.26's walk rewrites
// them: small ones inline, element by element or field by field (integer
// elements of up to 4 bytes read as merged words), larger ones through
// runtime.memequal or the generated type:.eq function.
package p

type Pt struct{ X, Y int }

type Mixed struct {
	A int8
	B int16
	C int32
	D int64
}

type Big struct {
	A, B, C, D, E int64
	F             float64
}

type Inner struct {
	Arr [3]int32
	B   int8
}

type Outer struct {
	P  Pt
	In [2]uint16
	F  float32
}

type Blank struct {
	A int32
	_ int32
	B int64
}

type Flags [6]bool

func eqPt(a, b Pt) bool    { return a == b }
func nePt(a, b Pt) bool    { return a != b }
func eqMixed(a, b Mixed) bool { return a == b }
func neMixed(a, b Mixed) bool { return a != b }

func eqBytes2(a, b [2]uint8) bool  { return a == b }
func eqBytes8(a, b [8]byte) bool   { return a == b }
func neInt8s(a, b [6]int8) bool    { return a != b }
func eqInt32s(a, b *[4]int32) bool { return *a == *b }
func eqInt64s(a, b [2]int64) bool  { return a == b }
func eqWide(a, b [10]int) bool     { return a == b }
func neWide(a, b *[32]byte) bool   { return *a != *b }
func eqFloats(a, b [2]float64) bool { return a == b }
func neFloats(a, b [3]float64) bool { return a != b }
func eqFlags(a, b Flags) bool      { return a == b }
func eqOne(a, b [1]Pt) bool        { return a == b }
func eqEmpty(a, b [0]int) bool     { return a == b }

func eqBig(a, b *Big) bool      { return *a == *b }
func neBig(a, b Big) bool       { return a != b }
func eqInner(a, b Inner) bool   { return a == b }
func neOuter(a, b *Outer) bool  { return *a != *b }
func eqBlank(a, b Blank) bool   { return a == b }
func eqMixeds(a, b [3]Mixed) bool { return a == b }

func branch(a, b Pt, x int) int {
	if a == b {
		return x
	}
	if a != b && x > 0 {
		return -x
	}
	return 0
}

func fields(p, q *Outer) bool { return p.P == q.P && p.In != q.In }

func elems(s []Pt, i, j int) bool { return s[i] == s[j] }

var global [4]uint16

func withGlobal(a [4]uint16) bool { return a == global }

//go:noinline
func mk(p *Big, x int) Big {
	b := *p
	b.A = int64(x)
	return b
}

//go:noinline
func pt(x int) Pt { return Pt{x, x} }

func calls(p *Big, x int) (bool, bool) { return mk(p, x) == mk(p, x+1), pt(x) != pt(1) }

func locals(i int) bool {
	var a, b [6]int8
	a[i] = 1
	return a == b
}

func escaped(n int) (*[3]int64, bool) {
	a := new([3]int64)
	var b [3]int64
	b[n%3] = 7
	return a, *a == b
}

func loop(xs [][2]int32, k [2]int32) int {
	n := 0
	for _, x := range xs {
		if x == k {
			n++
		}
	}
	return n
}

// Compared inline, 32-byte arrays keep their addresses untaken: mergelocals
// may give the two phases' arrays one slot.
func phases(x, y int64) bool {
	var a, b [4]int64
	a[x&3] = y
	r := a == b
	var c, d [4]int64
	c[y&3] = x
	return r && c != d
}
