// append(s, t...), as gc 1.26's walk expands it (appendSlice): growslice when
// the capacity is short, then memmove, or typedslicecopy when the element
// holds pointers (write barriers); append(s, make([]T, n)...) extends s in
// place and clears the tail (extendSlice), making no slice.
package p

type T struct {
	a int
	p *int
}

func cat(s, t []int) []int {
	return append(s, t...)
}

func catP(s, t []*int) []*int {
	return append(s, t...)
}

func catT(s []T, t []T) []T {
	s = append(s, t...)
	return s
}

func catBytes(b []byte, x []byte) int {
	b = append(b, x...)
	return len(b)
}

func catSelf(s []int32) []int32 {
	return append(s, s[1:]...)
}

func ext(s []int, n int) []int {
	return append(s, make([]int, n)...)
}

func extP(s []*int, n int) []*int {
	return append(s, make([]*int, n)...)
}

func ext4(s []byte) []byte {
	return append(s, make([]byte, 4)...)
}

func extU(s []uint16, n uint8) []uint16 {
	s = append(s, make([]uint16, n)...)
	return s
}
