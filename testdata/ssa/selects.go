// select as walk rewrites the forms without a communication: no cases →
// runtime.block(), which never returns; a lone default clause → its body,
// a break in it leaving the select. Selects with send or receive cases
// (single op, selectnbsend/selectnbrecv, selectgo) are refused at SSA
// construction for now.
package selects

var g int

func bump() { g++ }

// Blocks forever.
func forever() {
	select {}
}

// After some work.
func serve(n int) {
	g = n
	select {}
}

// A lone default: just its body.
func only(x int) int {
	select {
	default:
		x++
	}
	return x
}

// A break leaves the select.
func early(x int) int {
	select {
	default:
		if x > 3 {
			break
		}
		x *= 2
	}
	return x + 1
}

// In a loop; the select's break does not leave the loop.
func loop(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		select {
		default:
			if i == 2 {
				break
			}
			s += i
		}
	}
	return s
}

// With a deferred call: block never returns, the defer never runs from here.
func deferBlock() {
	defer bump()
	select {}
}
