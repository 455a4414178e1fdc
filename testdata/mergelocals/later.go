// An address value used in a later block. On ppc64 the MOVDaddr of t is
// computed once and used in the next block too, so t is evicted and nothing
// merges; on amd64 each block has its own LEAQ and t and u merge.
package mergelocals

func Later(c bool, i int) int {
	var t [8]int
	t[i&7] = i
	if c {
		t[(i+1)&7] = 3
	}
	r := t[(i+2)&7]
	var u [8]int
	u[i&7] = r
	return u[(i+5)&7]
}
