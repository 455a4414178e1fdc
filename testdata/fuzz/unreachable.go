// Fuzz repro: a variable whose only definition is unreachable (after
// `continue`, which gc does not count as terminating, so nothing is
// dropped), read in a block only a goto from itself reaches: gc gives a read
// in a dead block an Unknown value; we failed ("variable v6 read before any
// definition").
package p

var g []*int

func F() {
L0:
	for range g {
		continue L0
		v6 := 0
	L1:
		v6++
		goto L1
	}
}

func G(n int) int {
	for i := 0; i < n; i++ {
		break
		x := i
	L:
		x += 2
		if x < 10 {
			goto L
		}
	}
	return n
}
