// Loops: a variable used around a back edge stays live through the whole
// loop, so variables of two loops merge but one used across both does not.
package mergelocals

func Loops(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		var x [8]int
		x[i&7] = i
		s += x[(i+3)&7]
	}
	for i := 0; i < n; i++ {
		var y [8]int
		y[i&7] = s
		s += y[(i+1)&7]
	}
	return s
}

func Carried(n int) int {
	var acc [6]int
	for i := 0; i < n; i++ {
		var tmp [6]int
		tmp[i%6] = acc[(i+1)%6]
		acc[i%6] += tmp[(i+2)%6]
	}
	var out [6]int
	out[n%6] = acc[0]
	return out[(n+1)%6]
}

func Nested(n int) int {
	s := 0
	for i := 0; i < n; i++ {
		var outer [5]int
		outer[i%5] = i
		for j := 0; j < i; j++ {
			var inner [5]int
			inner[j%5] = outer[(i+j)%5]
			s += inner[(j+1)%5]
		}
		s += outer[(i+2)%5]
	}
	var after [5]int
	after[n%5] = s
	return after[(n+3)%5]
}
