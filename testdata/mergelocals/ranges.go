// Compiler temporaries: ranging over an array copies it into an autotmp,
// which is a candidate too (on ppc64 walk takes its address and it is not).
package mergelocals

//go:noinline
func g(x int) int { return x + 1 }

func Range(n int, k [5]int) (int, [4]int) {
	var a [6]int
	for i := 0; i < n; i++ {
		a[i%6] = g(i) + n
	}
	var b [6]int
	b[n%6] = g(a[2]) + n
	for _, v := range k {
		b[1] += v
	}
	var r [4]int
	r[n&3] = b[1] + a[n%6]
	return b[0], r
}
