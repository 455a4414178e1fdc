// A region of one: candidates sorted by pointers, alignment and size are cut
// where size or alignment grows; q is the only 8-aligned candidate, so it is
// alone in its region and dropped, while the byte arrays merge.
package mergelocals

func Alone(i int) int {
	var q [4]int
	q[i&3] = i
	r := q[(i+1)&3]
	var b [40]byte
	b[i%40] = byte(r)
	r += int(b[(i+1)%40])
	var c [48]byte
	c[i%48] = byte(r)
	return r + int(c[(i+2)%48])
}
