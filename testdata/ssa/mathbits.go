package p

import "math/bits"

// The math/bits functions gc 1.26 intrinsifies on amd64 and ppc64.

func tz64(x uint64) int { return bits.TrailingZeros64(x) }
func tz32(x uint32) int { return bits.TrailingZeros32(x) }
func tz16(x uint16) int { return bits.TrailingZeros16(x) }
func tz8(x uint8) int   { return bits.TrailingZeros8(x) }

func len64(x uint64) int { return bits.Len64(x) }
func len32(x uint32) int { return bits.Len32(x) }
func len16(x uint16) int { return bits.Len16(x) }
func len8(x uint8) int   { return bits.Len8(x) }
func lenU(x uint) int    { return bits.Len(x) }

func pop64(x uint64) int { return bits.OnesCount64(x) }
func pop32(x uint32) int { return bits.OnesCount32(x) }
func pop16(x uint16) int { return bits.OnesCount16(x) }
func popU(x uint) int    { return bits.OnesCount(x) }

func rot64(x uint64, k int) uint64 { return bits.RotateLeft64(x, k) }
func rot32(x uint32, k int) uint32 { return bits.RotateLeft32(x, k) }
func rotU(x uint, k int) uint      { return bits.RotateLeft(x, k) }
func rot64c(x uint64) uint64       { return bits.RotateLeft64(x, 13) }

func mul64(x, y uint64) (uint64, uint64) { return bits.Mul64(x, y) }
func mulU(x, y uint) (hi, lo uint)       { hi, lo = bits.Mul(x, y); return }

func add64(x, y, c uint64) (uint64, uint64) { return bits.Add64(x, y, c) }
func sub64(x, y, b uint64) (uint64, uint64) { return bits.Sub64(x, y, b) }

// 128-bit addition: the carry chains through ADCQ / ADDE.
func add128(xh, xl, yh, yl uint64) (uint64, uint64) {
	lo, c := bits.Add64(xl, yl, 0)
	hi, _ := bits.Add64(xh, yh, c)
	return hi, lo
}

func sub128(xh, xl, yh, yl uint64) (uint64, uint64) {
	lo, b := bits.Sub64(xl, yl, 0)
	hi, _ := bits.Sub64(xh, yh, b)
	return hi, lo
}

// A loop over the set bits of a word.
func sumBits(x uint64) int {
	s := 0
	for x != 0 {
		s += bits.TrailingZeros64(x)
		x &= x - 1
	}
	return s
}

// Population count of a slice: the POPCNT test stays inside the loop.
func popSlice(a []uint64) int {
	n := 0
	for _, w := range a {
		n += bits.OnesCount64(w)
	}
	return n
}

func log2(x uint64) int { return bits.Len64(x) - 1 }

func sizeBits() int { return bits.UintSize }

//go:noinline
func twice(x uint64) uint64 { return x * 2 }

// An argument that calls: order copies it to a temporary first.
func popCall(x uint64) int { return bits.OnesCount64(twice(x)) + 1 }

// Constant operands fold in opt.
func folded() (int, int, int, uint64, uint64) {
	hi, lo := bits.Mul64(1<<40, 1<<30)
	return bits.TrailingZeros64(96) + bits.Len32(1000), bits.OnesCount16(0xf0f), bits.Len8(0), hi, lo
}

// Add64 with a zero carry in and its carry out unused is a plain Add64.
func addNoCarry(x, y uint64) uint64 {
	s, _ := bits.Add64(x, y, 0)
	return s
}
