// Fuzz repro: an untyped constant shift count gets a type in gc's IR
// (typecheck's DefaultLit to uint; a rune stays int32), and -m prints it:
// `a << uint(4) & 15`, `a >> int32(98)`; we printed `a << 4 & 15`. Typed
// counts and shifted untyped constants print as before.
package p

var g []int

const K = 3
const K8 int8 = 2
const KI int = 2

func F(a int, s []int, u uint) {
	g = append(s, a<<4&15, a>>uint(2), a<<u, 1<<a, a<<(u&3), int(int8(a)<<3), a<<0x10, a<<'a')
}

func G(a int, s []int) {
	g = append(s, a<<2.0, a<<K, a<<K8, a<<(1+1), a>>'b', a<<(K*2), a<<KI)
}
