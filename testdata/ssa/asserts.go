// Comma-ok type assertions `v, ok := x.(T)` as gc 1.26's order and ssagen
// build them (as2ok's temporaries, dottype1 with commaok): the type word
// (empty interface) or the itab (non-empty) compared with the wanted one,
// the likely branch reading the data word (pointer-shaped types) or loading
// through it, the other the zero value, merged with ok; to `any`, a nil test
// of the type word (from a non-empty interface, the type read out of the
// itab); single-valued `x.(any)` panics through runtime.panicnildottype.
package p

type I interface{ M() int }

type P struct{ n int }

func (p *P) M() int { return p.n }

type V struct{ a, b int }

func (v V) M() int { return v.a }

type B bool

var sinkP *P
var sinkE any

func okPtr(e any) *P {
	p, ok := e.(*P)
	if ok {
		return p
	}
	return nil
}

func okInt(e any) (int, bool) {
	v, ok := e.(int)
	return v, ok
}

func onlyOk(e any) bool {
	_, ok := e.(int)
	return ok
}

func onlyValue(e any) int {
	v, _ := e.(int)
	return v
}

func okItab(i I) int {
	if p, ok := i.(*P); ok {
		return p.n
	}
	return -1
}

func okStruct(i I) int {
	v, ok := i.(V)
	if !ok {
		return 0
	}
	return v.a + v.b
}

func okString(e any) int {
	s, ok := e.(string)
	if ok {
		return len(s)
	}
	return 0
}

func okAssign(e any) bool {
	var p *P
	var ok bool
	p, ok = e.(*P)
	sinkP = p
	return ok
}

func okVar(e any) int {
	var n, ok = e.(int)
	if ok {
		return n
	}
	return 1
}

func okNamed(e any) B {
	var ok B
	_, ok = e.(uint8)
	return ok
}

func okLoop(es []any) int {
	n := 0
	for _, e := range es {
		if v, ok := e.(int); ok {
			n += v
		}
	}
	return n
}

func okAny(e any) bool {
	_, ok := e.(any)
	return ok
}

func okAnyFromI(i I) any {
	e, ok := i.(any)
	if ok {
		return e
	}
	return nil
}

func toAny(e any) any {
	return e.(any)
}

func toAnyFromI(i I) any {
	return i.(any)
}
