package calls

func G(t *T) *T {
	sink = t
	return new(T)
}

func H() *int {
	x := 5
	return &x
}

func Total(xs []int) int {
	return sum(xs) + 1
}
