// Package bounds exercises gc's walk-phase message "index bounds check
// elided" that -m prints next to escape analysis: indexing an array (or a
// pointer to one) with an index whose range fits the length.
package bounds

var table [8]int
var big [256]int

// masked: i&7 always fits [8]int; gc: index bounds check elided.
func masked(i int) int {
	return table[i&7]
}

// masked2: 7&i, the constant on the left.
func masked2(i int) int {
	return table[7&i]
}

// tooWide: i&15 does not fit [8]int: no message.
func tooWide(i int) int {
	return table[i&15]
}

// byteIndex: a byte always fits [256]int.
func byteIndex(b byte) int {
	return big[b]
}

// modulo: u%8 for unsigned u fits [8]int.
func modulo(u uint) int {
	return table[u%8]
}

// signedModulo: i%8 may be negative: no message.
func signedModulo(i int) int {
	return table[i%8]
}

// shifted: u>>61 leaves 3 bits.
func shifted(u uint64) int {
	return table[u>>61]
}

// divided: uint8 / 32 leaves 3 bits.
func divided(b uint8) int {
	return table[b/32]
}

// andNot: u &^ ^uint(7) keeps 3 bits.
func andNot(u uint) int {
	return table[u&^^uint(7)]
}

// constIndex: constant indices are not reported.
func constIndex() int {
	return table[3]
}

// viaPointer: p[i&7] on *[8]int.
func viaPointer(p *[8]int, i int) int {
	return p[i&7]
}

// store: the message also covers stores.
func store(i, v int) {
	table[i&7] = v
}

// sliceIndex: slices are not arrays: no message.
func sliceIndex(s []int, i int) int {
	return s[i&7]
}
