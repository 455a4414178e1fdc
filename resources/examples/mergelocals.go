// Stack slot merging: ABC's 88-byte local t is a mergelocals candidate.
//
// On ppc64 lowering materialises t's address with MOVDaddr and indexes it
// (MOVDstoreidx, MOVDloadidx); on amd64 the address is a LEAQ.
package mergelocals

type T struct {
	x [10]int
	f float64
}

func ABC(i, j int) int {
	var t T
	t.x[i&3] = j
	return t.x[j&3]
}
