// Strings as (pointer, length) pairs: parameters and results in two
// registers, constants as their go:string."…" data symbol and length,
// len, indexing (bounds check, byte load; a masked index into a constant
// string needs no check), slicing (the pointer moves by a masked offset so
// an empty result never points past the data), string fields and globals
// loaded and stored word by word (the pointer with a write barrier), and
// phis of strings split by decompose builtin.
package p

type person struct {
	name string
	age  int
}

var greeting string

func Id(s string) string {
	return s
}

func Len(s string) int {
	return len(s)
}

func Lit() string {
	return "hello"
}

func Empty() string {
	return ""
}

func At(s string, i int) byte {
	return s[i]
}

func First(s string) byte {
	return s[0]
}

func Tail(s string) string {
	return s[1:]
}

func Mid(s string, i, j int) string {
	return s[i:j]
}

func Head(s string, j int) string {
	return s[:j]
}

func Name(p *person) string {
	return p.name
}

func SetName(p *person, s string) {
	p.name = s
}

func Global() string {
	return greeting
}

func SetGlobal(s string) {
	greeting = s
}

func Pick(b bool, x, y string) string {
	s := x
	if b {
		s = y
	}
	return s
}

func Hex(b byte) byte {
	return "0123456789abcdef"[b&15]
}

func Call(s string) int {
	return Len(s) + Len("abc")
}

func IsAbc(s string) bool {
	return s == "abc"
}

func NotHello(s string) bool {
	return "hello, world" != s
}

func IsEmpty(s string) bool {
	return s == ""
}

func NonEmpty(s string) bool {
	return s > ""
}

func Same(a, b string) bool {
	return a == b
}

func Differ(a, b string) bool {
	return a != b
}

func Less(a, b string) bool {
	return a < b
}

func AtLeast(a, b string) bool {
	return a >= b
}

func IsLong(s string) bool {
	return s == "0123456789abcdefg"
}

func Branch(s string) int {
	if s == "go" || s == "gc" {
		return 1
	}
	return 0
}

func Cat(a, b string) string {
	return a + b
}

func Cat3Local(a, b, c string) int {
	s := a + "-" + b + c
	return len(s)
}

func CatAssign(s string, n int) string {
	for i := 0; i < n; i++ {
		s += "."
	}
	return s
}

func CatField(p *person) {
	p.name = "Dr. " + p.name
}

func BytesToString(b []byte) int {
	s := string(b)
	return len(s)
}

func BytesToStringEscapes(b []byte) string {
	return string(b)
}

func RuneToString(r rune) int {
	s := string(r)
	return len(s)
}

func StringToBytes(s string) []byte {
	return []byte(s)
}

func StringToBytesWritten(s string) int {
	b := []byte(s)
	b[0] = 1
	return len(b)
}

func StringToRunes(s string) int {
	r := []rune(s)
	return len(r)
}

func RunesToString(r []rune) string {
	return string(r)
}

func CompareBytes(b []byte) bool {
	return string(b) == "hello, world!!!!!!!!!"
}

func ZeroCopy(s string) byte {
	b := []byte(s)
	return b[0]
}

func CatBytes(b []byte, s string) string {
	return "<" + string(b) + s
}

func CountRunes(s string) int {
	n := 0
	for range s {
		n++
	}
	return n
}

func SumRunes(s string) int {
	n := 0
	for i, r := range s {
		n += i + int(r)
	}
	return n
}

func FirstUpper(s string) int {
	for i, r := range s {
		if r >= 'A' && r <= 'Z' {
			return i
		}
	}
	return -1
}
