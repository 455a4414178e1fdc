// Several regions: candidates sorted by pointers, alignment and size are cut
// where size or alignment grows again; one-element regions are dropped.
package mergelocals

type pair32 struct {
	a, b [4]int32
}

func Regions(i int) int {
	var big [10]int64
	big[i%10] = 1
	r := int(big[(i+1)%10])
	var small [5]int64
	small[i%5] = int64(r)
	r += int(small[(i+2)%5])
	var w [9]int32
	w[i%9] = int32(r)
	r += int(w[(i+3)%9])
	var p pair32
	p.a[i&3] = int32(r)
	r += int(p.a[1] + p.b[2])
	var bs [40]byte
	bs[i%40] = byte(r)
	r += int(bs[(i+7)%40])
	var cs [32]byte
	cs[i%32] = byte(r)
	return r + int(cs[(i+9)%32])
}

type fl struct {
	x [3]float64
	y float64
}

func Floats(i int, f float64) float64 {
	var a fl
	a.x[i%3] = f
	g := a.x[(i+1)%3] + a.y
	var b fl
	b.x[i%3] = g
	return b.x[(i+2)%3]
}
