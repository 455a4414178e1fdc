// Pointerful candidates: they sort first, and a pointer-free variable of
// no larger size and alignment can still share a pointerful leader's slot.
package mergelocals

type node struct {
	next *node
	vals [4]int
}

func Ptrs(n *node, i int) int {
	var a [4]*int
	a[i&3] = &n.vals[0]
	s := *a[(i+1)&3]
	var b node
	b.next = n
	b.vals[i&3] = s
	s += b.next.vals[1] + b.vals[2]
	var c [5]int
	c[i%5] = s
	return c[(i+1)%5]
}

func PtrPair(p, q *int, i int) int {
	if i > 0 {
		var x [4]*int
		x[i&3] = p
		return *x[(i+1)&3]
	}
	var y [4]*int
	y[i&3] = q
	return *y[(i+2)&3]
}
