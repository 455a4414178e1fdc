// copy(b, s) from a string as gc 1.26's walkCopy inlines it: n = len(b),
// shortened to len(s), then memmove(b.ptr, s.ptr, n) unless both pointers
// are the same (the string's length and data pointer: OLEN, OSPTR).
package p

func copyStr(b []byte, s string) int {
	return copy(b, s)
}

func copyConst(b []byte) int {
	return copy(b, "hello")
}

func copyDrop(b []byte, s string) {
	copy(b, s)
}

func copyTail(b []byte, s string) int {
	return copy(b[1:], s[2:])
}

type Str string

func copyNamed(b []byte, s Str) int {
	return copy(b, s)
}
