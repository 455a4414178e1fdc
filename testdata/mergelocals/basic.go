// Stack slot merging basics: arrays whose lifetimes are disjoint share one
// slot; arrays live at the same time do not.
package mergelocals

// Two: a and b live in different branches and merge.
func Two(c bool, i int) int {
	if c {
		var a [8]int
		a[i&7] = i
		return a[(i+1)&7]
	}
	var b [8]int
	b[i&7] = i + 1
	return b[(i+2)&7]
}

// Seq: x is dead before y is written; z overlaps y.
func Seq(i int) int {
	var x [6]int
	x[i%6] = i
	s := x[(i+1)%6]
	var y [6]int
	y[i%6] = s
	var z [6]int
	z[(i+2)%6] = y[(i+3)%6]
	return z[i%6] + y[i%6]
}

// Overlap: both arrays are read at the end, so nothing merges.
func Overlap(i int) int {
	var p [5]int
	var q [5]int
	p[i%5] = i
	q[(i+1)%5] = i
	return p[2] + q[3]
}

// Three of one size: u and w merge into t's slot after t dies.
func Three(i int) int {
	var t [4]int
	t[i&3] = 1
	r := t[(i+1)&3]
	var u [4]int
	u[i&3] = r
	r += u[(i+2)&3]
	var w [4]int
	w[i&3] = r
	return w[(i+3)&3]
}
