// Methods in another file than their type (value and pointer receivers), a
// closure in a third file calling a function of this one, and a pointer
// stored through a method of another file.
package methods

type buf struct {
	data []int
	last *int
}

func (b *buf) Put(x int) {
	b.data[x%len(b.data)] += x
}

func each(b *buf, f func(int)) {
	for i := 0; i < len(b.data); i++ {
		f(b.data[i])
	}
}
