// Channels, select and functions without a body: a send stores the value to
// the heap, a receive yields a value from nowhere (nothing flows from the
// channel), make(chan T) is not an allocation escape analysis tracks, and a
// body-less function leaks its pointer parameters unless it is
// //go:noescape.
package channels

var sink *int

// The sent pointer leaks to the heap; the channel itself does not escape.
func send(c chan *int, p *int) {
	c <- p
}

// A received pointer comes from the heap already: the channel does not escape.
func recv(c chan *int) *int {
	return <-c
}

// Comma-ok receives (OAS2RECV) and receive statements.
func recvOk(c <-chan *int) (*int, bool) {
	v, ok := <-c
	<-c
	return v, ok
}

// make(chan) is a runtime call: no line for it; the length is only evaluated.
func makeChan(n int) chan int {
	c := make(chan int, n)
	close(c)
	_ = len(c) + cap(c)
	return c
}

// range over a channel: the key is the received value.
func rangeChan(c chan *int) *int {
	for v := range c {
		return v
	}
	return nil
}

// select: a case variable is declared at the select's loop depth; &req moves it to the heap.
func selectRecv(x int) *int {
	c := make(chan int)
	go sendInt(c, x)
	select {
	case req := <-c:
		return &req
	}
}

func sendInt(c chan int, x int) {
	c <- x
}

// select with send, comma-ok receive, assignment and default.
func selectAll(c chan *int, p *int) (q *int) {
	var ok bool
	select {
	case c <- p:
	case q, ok = <-c:
		_ = ok
	case r := <-c:
		sink = r
	default:
	}
	return
}

// A closure sending a captured pointer: the pointer leaks.
func closureSend(ch chan *int) {
	var i int
	p := &i
	func() {
		ch <- p
	}()
}

// Body-less functions: leaking unless //go:noescape (which may stand apart).
func ext(p *int, n int)

//go:noescape

func extNoescape(p *int, _ *int, q []int)

func ext2(*int)

func callExt() {
	var a, b, c int
	ext(&a, 1)
	extNoescape(&b, nil, nil)
	ext2(&c)
}

// With ok, the reader receives into two temporaries first (t1, t2 = <-c; v, ok = t1, t2),
// in a select case too: later temporaries are numbered after them.
func commaOkTemps(c chan *int) {
	var v *int
	var ok bool
	v, ok = <-c
	if ok {
		sink = v
	}
	select {
	case w, ok2 := <-c:
		if ok2 {
			sink = w
		}
	}
	var y int
	go leakInt(&y)
}

func leakInt(p *int) { sink = p }
