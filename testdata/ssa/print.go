package p

// print and println as walk lowers them: constant strings joined, printsp and
// printnl for a lone " " or "\n", one runtime function per kind.

type I interface{ M() }

type Celsius float32

const greeting = "hello"

func ints(a int8, b int16, c int32, d int64, e int) {
	println(a, b, c, d, e)
}

func uints(a uint8, b uint16, c uint32, d uint64, e uintptr) {
	println(a, b, c, d, e)
}

func floats(f float32, g float64, c Celsius) {
	println(f, g, c)
}

func strs(s string) {
	println("s =", s, "len", len(s))
}

func consts() {
	println(greeting, "world", 'x', 1.5, 7, true)
}

func empty() {
	println()
}

func space() {
	print(" ")
	print("\n")
	print("a", "b")
}

func ifaces(e any, i I) {
	println(e, i)
}

func pointers(p *int, m map[int]int, c chan int, f func()) {
	println(p, m, c, f)
}

func slices(b []byte, s []string) {
	print(b, s, "\n")
}

func get() int { return 3 }

func hoisted(x int) {
	println(x, get(), x+1, "done")
}

func bools(a, b bool) {
	println(a && b, !a)
}
