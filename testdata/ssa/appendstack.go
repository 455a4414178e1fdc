// gc 1.26's stack backing store for append (ssagen's state.append, the
// slice pass's move2heap): an append whose result stays in the frame may take
// a zeroed [32/sizeof(T)]T stack array on its first grow; a slice built by
// appends that escapes at one place is moved to the heap just before it
// (moveSlice*), its appends then using the stack array too, through
// growsliceBuf when its capacity is observed.
package p

type big struct{ a, b, c, d, e int }

func sink(s []int) {}

func sum(s []int) int {
	t := 0
	for _, x := range s {
		t += x
	}
	return t
}

// The result does not escape: a [4]int on the stack for the first grow.
func count(n int) int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return len(s)
}

// Constant lengths: the stack array is taken and no growslice remains.
func three(a, b, c byte) int {
	var s []byte
	s = append(s, a)
	s = append(s, b, c)
	return len(s) + int(s[0])
}

// Returned: move2heap before the return (no pointers, capacity unobserved).
func build(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return s
}

// Pointers: moveSliceNoCap takes the element type.
func buildPtrs(p *int, n int) []*int {
	var s []*int
	for i := 0; i < n; i++ {
		s = append(s, p)
	}
	return s
}

// The capacity is observed: growsliceBuf on every grow, moveSliceNoScan keeps it.
func buildCap(n int) ([]int, int) {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	c := cap(s)
	return s, c
}

// Pointers and an observed capacity: the store is zeroed in the entry block.
func buildPtrsCap(p *int, n int) []*int {
	var s []*int
	for i := 0; i < n; i++ {
		s = append(s, p)
		if cap(s) > 10 {
			break
		}
	}
	return s
}

// Passed to a function that keeps nothing: the capacity counts as observed.
func buildSum(n int) ([]int, int) {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	t := sum(s)
	return s, t
}

// A named result returned bare.
func named(n int) (s []int) {
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	return
}

// Elements over 32 bytes: no stack array.
func bigs(n int) int {
	var s []big
	for i := 0; i < n; i++ {
		s = append(s, big{a: i})
	}
	return len(s)
}

// Two places where s escapes: no move, growslice only.
func twoExits(n int) []int {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	keep = s
	return s
}

// One append outside any loop is not worth a move.
func once(x int) []int {
	var s []int
	s = append(s, x)
	return s
}

// Escapes inside the loop: left alone.
func escInLoop(n int, out *[]int) {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
		*out = s
	}
}

// The appended-to parameter may already hold elements: the oldLen test stays.
func param(s []int, x, y int) int {
	s = append(s, x)
	s = append(s, y)
	return len(s)
}

// Passed to an unknown function value: s escapes, no move.
func passed(f func([]int), n int) {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	f(s)
}

// Assigned once to a global after the loop: move2heap before the assignment.
var keep []int

func assigned(n int) {
	var s []int
	for i := 0; i < n; i++ {
		s = append(s, i)
	}
	keep = s
}
