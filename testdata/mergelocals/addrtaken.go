// Address-taken variables are never candidates: only t2 and t3 can merge.
package mergelocals

//go:noinline
func sum(p *[6]int) int { return p[0] + p[5] }

func Taken(i int) int {
	var t1 [6]int
	t1[i%6] = i
	r := sum(&t1)
	var t2 [6]int
	t2[i%6] = r
	r += t2[(i+1)%6]
	var t3 [6]int
	t3[i%6] = r
	return t3[(i+2)%6]
}
