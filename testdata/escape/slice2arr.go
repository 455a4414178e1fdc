// Conversions from a slice to an array (OSLICE2ARR: a copy of the elements,
// so a deref) and to a pointer to an array (OSLICE2ARRPTR: the slice's
// pointer flows on as is).

package slice2arr

var sink *[2]int

// The array pointer is the slice's pointer: x leaks to the result.
func toPtr(x []int) *[2]int { return (*[2]int)(x) }

// The array is a copy: nothing leaks.
func toArray(x []int) [2]int { return [2]int(x) }

// A copy of pointers: what they point to leaks (level=1).
func toArrayOfPtrs(x []*int) *int {
	y := [2]*int(x)
	return y[0]
}

// To the heap through a global.
func toGlobal(x []int) { sink = (*[2]int)(x) }

// Of a slice expression, dropped.
func ofSlice(x []int, i int) { _ = (*[3]int)(x[i:]) }

// Of a local slice that does not escape.
func local() int {
	s := make([]int, 4)
	a := [4]int(s)
	return a[1]
}
