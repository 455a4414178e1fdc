// Assorted shapes: struct copies, composite literals, big arrays zeroed by
// loops, arrays passed and returned by value, shadowed names, methods and
// closures, and a variable that is written but never read.
package mergelocals

type rec struct {
	name []int
	vals [4]int
	next *rec
}

//go:noinline
func use(r rec) int { return len(r.name) + r.vals[1] }

//go:noinline
func fill(n int) [6]int {
	var a [6]int
	a[n%6] = n
	return a
}

//go:noinline
func total(a [6]int) int { return a[0] + a[5] }

func Copies(p *rec, i int) int {
	a := *p
	a.vals[i&3] = i
	s := use(a)
	b := rec{vals: [4]int{1, 2, 3, 4}}
	b.name = p.name
	return s + use(b)
}

func ByValue(i int) int {
	x := fill(i)
	s := total(x)
	y := fill(s)
	return total(y) + s
}

func Literals(i int) int {
	a := [8]int{1, 2, 3, 4, 5, 6, 7, 8}
	s := a[i&7]
	b := [8]int{8, 7, 6, 5, 4, 3, 2, 1}
	return s + b[(i+s)&7]
}

func Huge(i int) int {
	var a [300]int
	a[i%300] = i
	s := a[(i+1)%300]
	var b [300]int
	b[i%300] = s
	return b[(i+2)%300]
}

func Shadow(c bool, i int) int {
	s := 0
	if c {
		var t [5]int
		t[i%5] = i
		s = t[(i+1)%5]
	} else {
		var t [5]int
		t[(i+2)%5] = i
		s = t[i%5] * 2
	}
	return s
}

func WriteOnly(i int) int {
	var w [6]int
	w[i%6] = i
	var r [6]int
	r[i%6] = i + 1
	return r[(i+1)%6]
}

type box struct{ v [5]int }

func (b box) Sum(i int) int {
	var t [5]int
	t[i%5] = b.v[i%5]
	var u [5]int
	u[(i+1)%5] = t[(i+2)%5]
	return u[i%5]
}

func (b *box) Fill(i int) int {
	var t [5]int
	t[i%5] = i
	b.v = t
	var u [5]int
	u[i%5] = b.v[(i+1)%5]
	return u[(i+3)%5]
}

func Closure(i int) int {
	f := func(j int) int {
		var a [4]int
		a[j&3] = j
		k := a[(j+1)&3]
		var b [4]int
		b[j&3] = k
		return b[(j+2)&3]
	}
	return f(i)
}

func Switch(i int) int {
	switch i % 3 {
	case 0:
		var a [7]int
		a[i%7] = i
		return a[(i+1)%7]
	case 1:
		var b [7]int
		b[i%7] = i
		return b[(i+2)%7]
	default:
		var c [6]int
		c[i%6] = i
		return c[(i+3)%6]
	}
}

func Goto(n int) int {
	s := 0
	i := 0
loop:
	var a [5]int
	a[i%5] = i
	s += a[(i+1)%5]
	i++
	if i < n {
		goto loop
	}
	var b [5]int
	b[s%5] = s
	return b[(s+1)%5]
}
