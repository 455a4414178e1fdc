// Fuzz repro: walkPrint evaluates every print argument that is not a name
// or a constant into a temporary before printlock. A load of a[0] before
// the call folds away (a is zeroed and a[5] is disjoint), a is never read
// and is no merge candidate; read after printlock, it stayed and merged.
package p

var g int

func Print(x int) {
	a := [8]int{}
	a[5] = x
	println(a[0], x+1, g)
	b := [8]int{}
	b[3] = x
	println(b[1], x)
}

func Loop(x, n int) {
	for i := 0; i < n; i++ {
		c := [4]int{}
		c[2] = x
		print(c[i&1], i)
		d := [4]int{}
		d[3] = x
		print(d[0])
	}
}
