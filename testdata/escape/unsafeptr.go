// Package unsafeptr exercises package unsafe in escape analysis.
//
// Rules exercised:
//   - conversions between pointers and unsafe.Pointer are transparent: the
//     pointer flows on as itself.
//   - unsafe.Pointer(uintptr(unsafe.Pointer(p)) + n) carries p (gc's
//     unsafeValue): the pointers converted to uintptr inside the arithmetic
//     flow on; every other operand is a plain integer.
//   - a uintptr that was never a pointer carries nothing back.
//   - unsafe.Add, unsafe.Slice and unsafe.String pass their pointer to the
//     result, unsafe.SliceData and unsafe.StringData the backing array
//     (gc prints the last three as `<node unsafe.SliceData>` and so on).
//   - Sizeof, Alignof and Offsetof are constants: their operands are not
//     evaluated.
package unsafeptr

import "unsafe"

type T struct {
	a int8
	b struct {
		c int8
		D int64
	}
	E
}

type E struct{ x, y int32 }

var t T

var sink *int

const (
	size   = unsafe.Sizeof(t)
	offset = unsafe.Offsetof(t.b.D)
	promo  = unsafe.Offsetof(t.y)
	align  = unsafe.Alignof(t.b)
)

// conv: x leaks to the result through the conversions.
func conv(x *int) *uint64 { return (*uint64)(unsafe.Pointer(x)) }

// bits: f's address is read through and stays on the stack.
func bits(f float64) uint64 { return *(*uint64)(unsafe.Pointer(&f)) }

// arith: p flows through uintptr arithmetic back to the result.
func arith(p *int) *int { return (*int)(unsafe.Pointer(uintptr(unsafe.Pointer(p)) + 8)) }

// arithLocal: the local array escapes through the arithmetic.
func arithLocal() unsafe.Pointer {
	var x [2]int
	return unsafe.Pointer(uintptr(unsafe.Pointer(&x[1])) &^ 7)
}

// shifted: shifts keep their left operand, drop the count.
func shifted(p *int, n uint) unsafe.Pointer {
	return unsafe.Pointer(uintptr(unsafe.Pointer(p)) >> n << n)
}

// fromInt: a uintptr that was never a pointer carries nothing.
func fromInt(p *int, u uintptr) unsafe.Pointer {
	_ = p
	return unsafe.Pointer(u + 1)
}

// add: unsafe.Add passes its pointer on.
func add(p unsafe.Pointer, n int) unsafe.Pointer { return unsafe.Add(p, n) }

// slice: unsafe.Slice's result holds the pointer.
func slice(p *int, n int) []int { return unsafe.Slice(p, n) }

// data: unsafe.SliceData hands out the backing array.
func data(s []int) *int { return unsafe.SliceData(s) }

// toUintptr: a pointer turned into an integer does not escape.
func toUintptr(p *int) uintptr { return uintptr(unsafe.Pointer(p)) }

// store: an unsafe.Pointer stored in a global leaks.
func store(p unsafe.Pointer) { sink = (*int)(p) }

// consts: Sizeof, Alignof and Offsetof are compile-time constants.
func consts(q *T) uintptr { return size + offset + promo + align + unsafe.Sizeof(*q) + unsafe.Offsetof(q.E) }

// local: a local read back through unsafe.Pointer stays on the stack.
func local() int {
	x := 5
	p := unsafe.Pointer(&x)
	return *(*int)(p)
}

// cmp: unsafe.Pointer values compare without escaping.
func cmp(p, q unsafe.Pointer) bool { return p == q || p == nil }

// global: the address of a local stored as unsafe.Pointer in a global moves it.
var gp unsafe.Pointer

func global() {
	var y int
	gp = unsafe.Pointer(&y)
}

// str: unsafe.String's pointer flows to the string; the length is discarded.
func str(p *byte, n int) string { return unsafe.String(p, n) }

// strSink: a string made from a pointer and stored in a global leaks the pointer.
var gs string

func strSink(p *byte) { gs = unsafe.String(p, 1) }

// strData: unsafe.StringData hands out the string's bytes.
func strData(s string) *byte { return unsafe.StringData(s) }

// strLocal: a string over a local array's bytes keeps the array on the stack when only its length is read.
func strLocal() int {
	var a [4]byte
	return len(unsafe.String(&a[0], 4))
}
