// Clearing loops `for i := range a { a[i] = zero }`, as gc 1.26's walk
// replaces them with one runtime.memclrNoHeapPointers or memclrHasPointers
// call (arrayRangeClear), and loops that stay loops.
package p

func clrSlice(s []int) {
	for i := range s {
		s[i] = 0
	}
}

func clrArr(n int) int {
	var a [64]int32
	a[n] = 1
	for i := range a {
		a[i] = 0
	}
	return int(a[n])
}

func clrPtrs(p *[16]*int) {
	for i := range p {
		p[i] = nil
	}
}

func clrKey(s []float64) int {
	i := -1
	for i = range s {
		s[i] = 0
	}
	return i
}

type T struct {
	a, b int
	p    *int
}

func clrStructs(s []T) {
	for i := range s {
		s[i] = T{}
	}
}

func clrInt(n int) [8]uint16 {
	var a [8]uint16
	a[n&7] = 3
	for i := range 8 {
		a[i] = 0
	}
	return a
}

type H struct{ buf []byte }

func (h *H) reset() {
	for i := range h.buf {
		h.buf[i] = 0
	}
}

// Not clears: a value variable, two statements, a non-zero value, another slice.
func notClear(s, t []int) {
	for i := range s {
		t[i] = 0
	}
	for i, _ := range s {
		s[i] = 1
	}
	for i := range s {
		s[i] = 0
		s[i] = 0
	}
}

func clrOne(x int) [1]int {
	a := [1]int{x}
	for i := range a {
		a[i] = 0
	}
	return a
}

type R struct {
	arr [8]int
	n   int
}

func clrField(x int) int {
	var r R
	r.arr[x&7] = x
	r.n = x
	for i := range r.arr {
		r.arr[i] = 0
	}
	return r.arr[1] + r.n
}

func clrPtrField(r *R) {
	for i := range r.arr {
		r.arr[i] = 0
	}
}
