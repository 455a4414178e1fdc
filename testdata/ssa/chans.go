// Channels as walk lowers them: make(chan T[, n]) → runtime.makechan (an
// int64 size too: makechan64 is for sizes wider than uint), close →
// closechan, len/cap → chanlen/chancap, a send → chansend1(c, &v) with a
// parameter kept in its argument slot, a local or any other value copied to
// an order temporary and a constant in read-only static data, a received
// value → chanrecv1(c, &tmp) into a cleared order temporary, a dropped one →
// chanrecv1(c, nil), with ok → ok = chanrecv2(c, &tmp).
package chans

func closeIt(c chan int) { close(c) }

func lenOf(c chan int) int { return len(c) }

func capOf(c <-chan *int) int { return cap(c) }

func mk(n int) chan int { return make(chan int, n) }

func mk0() chan *int { return make(chan *int) }

func mkConst() chan struct{} { return make(chan struct{}, 16) }

func mk64(n int64) chan int8 { return make(chan int8, n) }

func mk32(n uint16) chan int { return make(chan int, n) }

func send(c chan int, v int) { c <- v }

func sendPtr(c chan<- *int, p *int) { c <- p }

func recv(c chan int) int { return <-c }

func recvPtr(c <-chan *int) *int { return <-c }

func recvAdd(c chan int, k int) int {
	x := <-c
	return x + k
}

func drain(c chan int) { <-c }

func isNil(c chan int) bool { return c == nil }

// A local is copied into an order temporary for the send; so is any other value.
func sendLocal(c chan int, k int) {
	x := k * 2
	c <- x
}

func sendExpr(c chan int, k int) {
	c <- k + 1
}

// A constant is sent from read-only static data.
func sendConst(c chan int) {
	c <- 7
}

// A received value used in a condition, and a pointer sent from a copy.
func relay(in <-chan *int, out chan<- *int) bool {
	p := <-in
	if p == nil {
		return false
	}
	q := p
	out <- q
	return true
}

// Comma-ok: ok = chanrecv2(c, &tmp), the value read back from order's temporary
// (numbered after the reader's two temporaries; cleared first when it holds pointers).
func recvOk(c chan int) (int, bool) {
	v, ok := <-c
	return v, ok
}

func recvOkPtr(c chan *int) *int {
	var p, ok = <-c
	if !ok {
		return nil
	}
	return p
}

func closed(c <-chan struct{}) bool {
	_, ok := <-c
	return !ok
}

// Range over a channel: hb = chanrecv2(ha, &hv1) each time round, hv1
// cleared once read (and before the loop when it holds pointers).
func sum(c chan int) int {
	s := 0
	for v := range c {
		s += v
	}
	return s
}

func count(c <-chan *int) int {
	n := 0
	for p := range c {
		if p == nil {
			continue
		}
		n++
	}
	return n
}

func drainAll(c chan int) {
	for range c {
	}
}
