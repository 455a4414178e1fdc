package methods

func (b *buf) Keep(p *int) { b.last = p }

func (b buf) Len() int { return len(b.data) }

func Fill(b *buf, n int) int {
	b.Put(n)
	return b.Len()
}

func Leak() *buf {
	v := 3
	b := new(buf)
	b.Keep(&v)
	return b
}
