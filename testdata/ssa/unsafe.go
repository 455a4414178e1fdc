// Package unsafe's conversions and calls as gc 1.26 compiles them: pointer
// <-> unsafe.Pointer is a Copy, uintptr <-> unsafe.Pointer a Convert tied to
// memory (so uintptr arithmetic on an address becomes AddPtr again),
// unsafe.Add an AddPtr of the length widened to uintptr, unsafe.SliceData
// walk's unchecked slice pointer, Sizeof/Alignof constants.
package p

import "unsafe"

var sink *int

func conv(x *int) *uint64 { return (*uint64)(unsafe.Pointer(x)) }

func bits(f float64) uint64 { return *(*uint64)(unsafe.Pointer(&f)) }

func arith(p *int) *int { return (*int)(unsafe.Pointer(uintptr(unsafe.Pointer(p)) + 8)) }

func toUintptr(p *int) uintptr { return uintptr(unsafe.Pointer(p)) }

func store(p unsafe.Pointer) { sink = (*int)(p) }

func local() int {
	x := 5
	p := unsafe.Pointer(&x)
	return *(*int)(p)
}

func cmp(p, q unsafe.Pointer) bool { return p == q || p == nil }

func consts(q *[4]int) uintptr { return unsafe.Sizeof(*q) + unsafe.Alignof(q) }

func add(p unsafe.Pointer, n int) unsafe.Pointer { return unsafe.Add(p, n) }

func add8(p unsafe.Pointer, n int8) *int { return (*int)(unsafe.Add(p, n)) }

func addc(p *[4]int) *int { return (*int)(unsafe.Add(unsafe.Pointer(p), 16)) }

func data(s []int) *int { return unsafe.SliceData(s) }

func elem(s []int, i int) int {
	return *(*int)(unsafe.Add(unsafe.Pointer(unsafe.SliceData(s)), uintptr(i)*unsafe.Sizeof(s[0])))
}

type hdr struct {
	data unsafe.Pointer
	n    int
}

func fields(h *hdr, p *int) {
	h.data = unsafe.Pointer(p)
	h.n++
}

func calls(p *int) int {
	return toInt(unsafe.Pointer(p), uintptr(unsafe.Pointer(p)))
}

//go:noinline
func toInt(p unsafe.Pointer, u uintptr) int { return *(*int)(p) + int(u) }

func slice(p *int, n int) []int { return unsafe.Slice(p, n) }

func slice8(p *[4]byte, n uint8) []byte { return unsafe.Slice(&p[0], n) }

func slice64(p *uint64, n uint64) []uint64 { return unsafe.Slice(p, n) }

func sliceEmpty(p *struct{}, n int) []struct{} { return unsafe.Slice(p, n) }

type buf struct {
	p *int32
	n int
}

func sliceField(b *buf) []int32 { return unsafe.Slice(b.p, b.n) }

func str(p *byte, n int) string { return unsafe.String(p, n) }

func str64(p *byte, n uint64) string { return unsafe.String(p, n) }

func strData(s string) *byte { return unsafe.StringData(s) }

func strBytes(b []byte) string { return unsafe.String(unsafe.SliceData(b), len(b)) }
