// Allocation corner cases of gc 1.26's aggregation of small heap-moved
// variables (ssagen newHeapaddr / flushPendingHeapAllocations).
package allocs

var (
	p8  *int8
	p16 *int16
	p32 *int32
	p64 *int64
	pf  *float64
	pp  **int
	pa  *[2]int64
	pz  *struct{}
)

// overflow: 8+8 fill 16 bytes; the third int64 starts a new group (a lone one: newobject).
func overflow() {
	var a, b, c int64
	p64, p64, p64 = &a, &b, &c
}

// reorder: declared small first, laid out by decreasing alignment (d@0, c@8, b@12, a@14? no: stable by alignment).
func reorder() {
	var a int8
	var b int16
	var c int32
	var d int64
	p8, p16, p32, p64 = &a, &b, &c, &d
}

// single: one small escaping variable keeps runtime.newobject.
func single() {
	var x int32
	p32 = &x
}

// blocks: a block end flushes the pending group.
func blocks(cond bool) {
	var a int32
	p32 = &a
	if cond {
		var b int32
		p32 = &b
	}
	var c int32
	p32 = &c
}

// pointers: pointerful and 16-byte variables never join a group.
func pointers() {
	var q *int
	var arr [2]int64
	var z struct{}
	var s int8
	pp, pa, pz, p8 = &q, &arr, &z, &s
}

// mixed: rounding the total to the first member's alignment (8+1 → 16).
func mixed() {
	var f float64
	var b int8
	pf, p8 = &f, &b
}

// inLoop: the per-iteration variable is allocated in the loop body.
func inLoop(n int) {
	for i := 0; i < n; i++ {
		var x int16
		x = int16(i)
		p16 = &x
	}
}
