// Strings in escape analysis: the conversions that allocate (string(b),
// []byte(s), []rune(s), string(runes), string(r)) and concatenation (one
// flattened node for a + b + c) are allocation sites whose operands never
// escape; []byte(s) that nobody writes through is a zero-copy conversion;
// a string's data pointer flows like a slice's (slicing keeps it, indexing
// dereferences it); constants allocate nothing; `s += t` is not an
// allocation site for escape analysis.
package strs

type named string

type person struct {
	name string
	tags []string
	next *person
}

var sinkS string
var sinkB []byte
var sinkP *person
var sinkPS *string

// A converted string that is returned escapes; its operand does not.
func bytesToString(b []byte) string {
	return string(b)
}

// A converted string used only locally does not escape.
func bytesToStringLocal(b []byte) int {
	s := string(b)
	return len(s)
}

// []byte(s) returned escapes; s does not.
func stringToBytes(s string) []byte {
	return []byte(s)
}

// []byte(s) only read is a zero-copy conversion.
func stringToBytesRead(s string) byte {
	b := []byte(s)
	return b[0]
}

// []byte(s) written to is not zero-copy.
func stringToBytesWritten(s string) byte {
	b := []byte(s)
	b[0] = 'x'
	return b[1]
}

// []byte of a constant.
func constantBytes() []byte {
	return []byte("abc")
}

// []byte of a constant, kept local and read.
func constantBytesLocal() int {
	b := []byte("hello")
	return len(b)
}

// []rune(s) and string(runes).
func runes(s string) string {
	rs := []rune(s)
	return string(rs)
}

// string(r) of a rune variable escapes when returned.
func fromRune(r rune) string {
	return string(r)
}

// string(i) of an int kept local.
func fromInt(i int) int {
	s := string(rune(i))
	return len(s)
}

// A + B + C is one allocation site; the operands do not escape.
func concat3(a, b, c string) string {
	return a + b + c
}

// Parentheses do not split the concatenation.
func concatParens(a, b string) int {
	x := a + (b + a)
	return len(x)
}

// Constants fold before the concatenation.
func concatConst(s string) string {
	return "x" + "y" + s + "z"
}

// A concatenation stored into a global escapes.
func concatGlobal(a string) {
	sinkS = a + "!"
}

// Concatenation inside a loop, kept local.
func concatLoop(xs []string) int {
	n := 0
	for _, x := range xs {
		y := x + "."
		n += len(y)
	}
	return n
}

// s += t is an op-assignment: no allocation site for escape analysis.
func opAssign(s, t string) string {
	s += t
	return s
}

// Slicing keeps the string's pointer: s leaks to the result.
func substr(s string) string {
	return s[1:3]
}

// Indexing reads through the pointer: nothing leaks.
func index(s string) byte {
	return s[2]
}

// A string parameter stored into a global leaks.
func leakGlobal(s string) {
	sinkS = s
}

// The address of a string parameter moves it to the heap.
func addrOfString(s string) {
	sinkPS = &s
}

// A string field read through a pointer leaks the pointer's content to the result.
func fieldThroughPointer(p *person) string {
	return p.name
}

// A struct literal holding a string param that escapes.
func personLit(name string) {
	sinkP = &person{name: name}
}

// A struct literal holding a string param that stays local.
func personLocal(name string) int {
	p := &person{name: name}
	return len(p.name)
}

// Range over a string: the key and rune are scalars.
func rangeString(s string) int {
	n := 0
	for i, r := range s {
		n += i + int(r)
	}
	return n
}

// Range over a converted string.
func rangeBytes(s string) int {
	n := 0
	for _, c := range []byte(s) {
		n += int(c)
	}
	return n
}

// copy and append from a string: the string is only read.
func copyAppend(b []byte, s string) []byte {
	copy(b, s)
	return append(b, s...)
}

// Comparing a converted string.
func compareBytes(b []byte) bool {
	return string(b) == "abc"
}

// Comparisons and len read nothing into memory.
func compare(a, b string) bool {
	return a < b || len(a) == len(b)
}

// A slice literal of strings escaping with its elements.
func sliceOfStrings(a, b string) []string {
	return []string{a, b}
}

// An array of strings returned by value: its elements leak to the result.
func arrayOfStrings(a string) [2]string {
	return [2]string{a, "b"}
}

// println of strings.
func printStrings(s string, n named) {
	println(s, n, "lit", s+"!")
}

// A method on a named string type returning its receiver.
func (n named) self() named {
	return n
}

// A method value on a named string.
func methodValue(n named) func() named {
	return n.self
}

// A closure capturing a string by value.
func captureString(s string) func() int {
	return func() int { return len(s) }
}

// Converting between a string and a named string type is no allocation.
func namedConv(s string) named {
	return named(s)
}

// A string conversion passed to a function that keeps its argument.
func passConverted(b []byte) {
	leakGlobal(string(b))
}

// Constant strings allocate nothing.
func constants() string {
	const greeting = "hello, " + "world"
	s := greeting
	return s[:5]
}

// A self-assignment through a pointer does not leak.
func selfSlice(p *person) {
	p.name = p.name[1:]
}

// String tags in a slice field through a pointer.
func tagsOf(p *person) string {
	return p.tags[0]
}

const hexDigits = "0123456789abcdef"

// walk elides the bounds check of a constant string indexed by a masked byte.
func hexDigit(b byte) byte {
	return hexDigits[b&15] + "0123456789abcdef"[b>>4]
}
