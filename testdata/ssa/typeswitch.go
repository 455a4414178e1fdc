// Type switches as gc 1.26's walk (walkSwitchType) and ssagen build them: a
// nil test of the type word (or itab), the hash loaded from the type
// descriptor or itab, concrete cases sorted by type hash and searched
// (chains of `h == hash` under 4, a binary search on `h <= pivot` from 4, a
// jump table on bits of the hash from 5 on amd64), each match confirmed by
// a comma-ok assertion; a trailing `case any`; clause variables bound to
// the data word, the type word with the data word, or the interface.
package p

type I interface{ M() int }

type P struct{ n int }

func (p *P) M() int { return p.n }

type V struct{ a, b int }

func (v V) M() int { return v.a }

type N int

func (n N) M() int { return int(n) }

func one(e any) int {
	switch e.(type) {
	case int:
		return 1
	}
	return 0
}

func two(e any) int {
	switch e.(type) {
	case int:
		return 1
	case string:
		return 2
	default:
		return 3
	}
}

func bind(e any) int {
	switch v := e.(type) {
	case int:
		return v
	case *P:
		return v.n
	case V:
		return v.a + v.b
	}
	return -1
}

func four(e any) int {
	switch e.(type) {
	case int:
		return 1
	case int8:
		return 2
	case uint16:
		return 3
	case *P:
		return 4
	}
	return 0
}

func many(e any) int {
	switch e.(type) {
	case int:
		return 1
	case int8:
		return 2
	case uint16:
		return 3
	case *P:
		return 4
	case bool:
		return 5
	case float64:
		return 6
	}
	return 0
}

func withNil(e any) int {
	switch e.(type) {
	case nil:
		return 0
	case int:
		return 1
	}
	return 2
}

func multi(e any) any {
	switch v := e.(type) {
	case int, string:
		return v
	case nil:
		return v
	}
	return nil
}

func anyCase(e any) int {
	switch v := e.(type) {
	case int:
		return v
	case any:
		return 9
	}
	return 0
}

func itab(i I) int {
	switch v := i.(type) {
	case *P:
		return v.n
	case V:
		return v.b
	case N:
		return int(v)
	}
	return 0
}

func itabAny(i I) any {
	switch v := i.(type) {
	case *P:
		return nil
	case any:
		return v
	}
	return nil
}

func loop(es []any) int {
	n := 0
	for _, e := range es {
		switch v := e.(type) {
		case int:
			n += v
		case bool:
			if v {
				break
			}
			n++
		}
	}
	return n
}

func initStmt(es []any) int {
	switch e := es[0]; e.(type) {
	case *P:
		return 1
	}
	return 0
}
