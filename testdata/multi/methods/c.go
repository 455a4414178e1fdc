package methods

func Twice(b *buf) int {
	n := 0
	each(b, func(x int) { n += 2 * x })
	return n
}
