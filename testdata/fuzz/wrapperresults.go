// Fuzz repro: a compiler-generated wrapper ((*T).M for a value method,
// T.M-fm for a method value, a promoted method) whose method has several
// results is typechecked into `.autotmp_4, .autotmp_5 := T.M(…); return
// .autotmp_4, .autotmp_5`: gc's -m=2 explanations flow through those
// temporaries; we returned the call's results directly.
package p

type T struct{ a, b, c, d int }

func (t T) M(x *int) (*int, *int) { return x, x }

var g func(*int) (*int, *int)

func F(t T) {
	g = t.M
}

func (t *T) N(x *int) (*int, int) { return x, 1 }

type U struct{ T }

func (t T) One(x *int) *int { return x }
