// Package fields exercises pointer chains through struct fields and arrays.
//
// Rules exercised:
//   - s.f on a struct value is the same location as s (no deref, "dot").
//   - p.f on a pointer is an implicit deref ("dot of pointer", +1).
//   - a[i] on an array is the same location as a ("fixed-array-index-of").
//   - storing into p.f / *p writes to an unknown location: the stored value
//     flows to the heap, while p itself is only "mutated".
//   - gc is field-insensitive: a struct (or array) is one location.
package fields

type node struct {
	val  int
	next *node
	ptr  *int
}

type box struct {
	inner node
	arr   [2]*int
}

var sinkP *int
var sinkN *node

// fieldLeak: n.ptr to a global; gc: leaking param content: n.
func fieldLeak(n *node) {
	sinkP = n.ptr
}

// fieldOfField: n.next.ptr (two derefs) to a global; gc: leaking param content: n.
func fieldOfField(n *node) {
	sinkP = n.next.ptr
}

// fieldToResult: n.next.ptr returned; gc: leaking param: n to result ~r0 level=2.
func fieldToResult(n *node) *int {
	return n.next.ptr
}

// arrayInStruct: b.arr[1] on a struct value; gc: leaking param: b to result ~r0 level=0.
func arrayInStruct(b box) *int {
	return b.arr[1]
}

// arrayInStructPtr: b.arr[1] through a pointer; gc: leaking param: b to result ~r0 level=1.
func arrayInStructPtr(b *box) *int {
	return b.arr[1]
}

// storeIntoField: n.ptr = p stores through n; gc: leaking param: p, n does not escape.
func storeIntoField(n *node, p *int) {
	n.ptr = p
}

// localStruct: x stored in a local struct's array field, then read out to a global; gc: moved to heap: x.
func localStruct() {
	var b box
	x := 1
	b.arr[0] = &x
	sinkP = b.arr[0]
}

// fieldInsensitive: &x in arr[0], &y in arr[1], only arr[1] read out; gc: moved to heap: x and y (array is one location).
func fieldInsensitive() {
	var b box
	x, y := 1, 2
	b.arr[0] = &x
	b.arr[1] = &y
	sinkP = b.arr[1]
}

// localNodes: n2.next = &n1 and n2.next to a global; gc: moved to heap: n1.
func localNodes() {
	var n1, n2 node
	n2.next = &n1
	sinkN = n2.next
}

// selfLoop: n.next = n is a store through a pointer, so n flows to the heap; gc: &node{...} escapes to heap.
func selfLoop() int {
	n := &node{val: 1}
	n.next = n
	return n.next.val
}

// storeLocalThroughPtr: *local ptr field = &x where the node is local; gc: moved to heap: x (store through pointer = heap).
func storeLocalThroughPtr() int {
	var n node
	x := 5
	p := &n
	p.ptr = &x
	return *n.ptr
}

// nestedValue: struct literal nested in struct literal holding &x, returned field; gc: moved to heap: x.
func nestedValue() *int {
	x := 6
	b := box{inner: node{ptr: &x}}
	return b.inner.ptr
}
