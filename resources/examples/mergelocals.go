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

// Phases is where amd64 and ppc64 part ways. a and b are never live at the
// same time (b is declared after a's last use), so mergelocals can give them
// one 88-byte stack slot. Compare the two arches:
//
// amd64: a's address is a LEAQ only for zeroing it, in the block where it is
// used; every store and load names the slot itself (MOVQstoreidx8 {a} SP ...).
// Liveness sees each use of a, a and b share a slot, and gc prints
// "Phases: 88 bytes of stack space saved via stack slot merging".
//
// ppc64: stores and loads need the address in a register. Besides the one
// for zeroing, one MOVDaddr {a} in the entry block serves the store there,
// the store in the `if c` block and the load of r in the block after it.
// At the end of the entry block two of its uses are still to come, in other
// blocks, and mergelocals does not follow an address value across blocks: it
// evicts a ("evicting "a" due to pendingUse ... count 2" at
// -d=mergelocalstrace=3) and nothing merges.
func Phases(c bool, i, j int) int {
	var a T
	a.x[i&3] = j
	if c {
		a.x[(i+1)&3] = 3
	}
	r := a.x[j&3]
	var b T
	b.x[i&3] = r
	return b.x[(j+1)&3]
}
