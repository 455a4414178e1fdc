// Calls across files: F (here) calls G (b.go), which was analysed first as
// gc analyses callees before callers whatever file holds them; T is declared
// here and used in b.go; sink is a global of this file stored from b.go.
package calls

type T struct{ x *int }

var sink *T

func F(p *int) *T {
	t := &T{x: p}
	u := G(t)
	u.x = p
	return t
}

func sum(xs []int) int {
	s := 0
	for _, x := range xs {
		s += x
	}
	return s
}
