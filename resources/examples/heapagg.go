// Heap aggregation: small scalar variables that escape are allocated together.
//
// gc 1.26 groups escaping pointer-free scalars smaller than 16 bytes that are
// allocated in the same block into one runtime.mallocgc call. Expected number
// of allocation calls: locals 1, args 1, half 1, closure 2.
package heapagg

var (
	g64 *int64
	g32 *int32
	g16 *int16
	g8  *int8
)

// locals: four escaping locals of decreasing size.
func locals() {
	var a int64
	var b int32
	var c int16
	var d int8
	g64 = &a
	g32 = &b
	g16 = &c
	g8 = &d
}

// args: the same, but the escaping variables are parameters.
//
//go:noinline
func args(a int64, b int32, c int16, d int8) {
	g64 = &a
	g32 = &b
	g16 = &c
	g8 = &d
}

// half: two escaping parameters and two escaping locals.
//
//go:noinline
func half(a int64, c int16) {
	var b int32
	var d int8
	g64 = &a
	g16 = &c
	g32 = &b
	g8 = &d
}

// closure: four scalars captured by reference by a returned closure.
//
//go:noinline
func closure() func() {
	var a int64
	var b int32
	var c int16
	var d int8
	_, _, _, _ = a, b, c, d
	return func() {
		a = 10
		b = 20
		c = 30
		d = 40
	}
}
