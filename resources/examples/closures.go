// Closures and methods: how gc names closures (F.func1) and methods (T.M, (*T).M).
package closures

type counter struct{ n int }

func (c counter) Value() int { return c.n }

func (c *counter) Add(d int) { c.n += d }

func makeAdder(base int) func(int) int {
	return func(x int) int {
		inc := func() int { return base + 1 }
		return x + inc()
	}
}

func sum(xs []int) int {
	total := 0
	for _, x := range xs {
		total += x
	}
	return total
}
