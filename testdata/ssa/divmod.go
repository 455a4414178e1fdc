// Division and modulo by constants, for the differential tests of gc 1.26's
// divisible and divmod passes (tests/ssa/passes/divmod.test.ts) and the
// listings on amd64 and ppc64: magic-number division, signed and unsigned,
// every width, powers of two, negative divisors, and the x%c == 0 forms.

package p

func divU8(x uint8) (uint8, uint8, uint8)      { return x / 3, x / 10, x % 7 }
func divU16(x uint16) (uint16, uint16, uint16) { return x / 3, x / 10, x % 7 }
func divU32(x uint32) (uint32, uint32, uint32) { return x / 3, x / 10, x % 7 }
func divU64(x uint64) (uint64, uint64, uint64) { return x / 3, x / 10, x % 7 }

func divS8(x int8) (int8, int8, int8)      { return x / 3, x / 10, x % 7 }
func divS16(x int16) (int16, int16, int16) { return x / 3, x / 10, x % 7 }
func divS32(x int32) (int32, int32, int32) { return x / 3, x / 10, x % 7 }
func divS64(x int64) (int64, int64, int64) { return x / 3, x / 10, x % 7 }

// Even divisors and large odd ones take the other unsigned forms (m even, c even, avg).
func evenU16(x uint16) (uint16, uint16)                 { return x / 6, x / 641 }
func evenU32(x uint32) (uint32, uint32, uint32, uint32) { return x / 6, x / 641, x / 7, x / 14 }
func evenU64(x uint64) (uint64, uint64, uint64, uint64) { return x / 6, x / 641, x / 7, x / 14 }
func oddS64(x int64) (int64, int64)                     { return x / 7, x / 641 }
func oddS32(x int32) (int32, int32)                     { return x / 7, x / 641 }

// Powers of two: shifts for unsigned, a rounding fix-up for signed.
func pow2U(a uint8, b uint16, c uint32, d uint64) (uint8, uint16, uint32, uint64) {
	return a / 8, b % 16, c / 32, d % 64
}
func pow2S(a int8, b int16, c int32, d int64) (int8, int16, int32, int64) {
	return a / 8, b / 16, c / 32, d / 1024
}
func pow2Mod(a int8, b int16, c int32, d int64) (int8, int16, int32, int64) {
	return a % 8, b % 16, c % 32, d % 1024
}

// Negative divisors.
func negDiv(a int8, b int16, c int32, d int64) (int8, int16, int32, int64) {
	return a / -3, b / -10, c / -7, d / -8
}
func negMod(x int64, y int32) (int64, int32) { return x % -3, y % -10 }

// Divisibility tests become a multiply, a rotate and a compare.
func divisibleU(a uint8, b uint16, c uint32, d uint64) bool {
	return a%3 == 0 || b%10 != 0 || c%7 == 0 || d%6 != 0
}
func divisibleS(a int8, b int16, c int32, d int64) bool {
	return a%3 == 0 || b%10 != 0 || c%7 == 0 || d%6 != 0
}
func divisiblePow2(a uint32, b int64, c int32) bool {
	return a%16 == 0 || b%8 != 0 || c%4 == 0
}

// The quotient is used too: divisible leaves x%c alone.
func quotAndTest(x uint64) (uint64, bool) {
	q := x / 10
	return q, x%10 == 0
}

// prove knows x is non-negative: a signed division made unsigned.
func nonNeg(x int64, y int32, z int16) (int64, int32, int16) {
	if x < 0 || y < 0 || z < 0 {
		return 0, 0, 0
	}
	return x / 7, y / 10, z / 3
}

// A loop of divisions, as digit conversion does.
func digits(x uint64) int {
	n := 0
	for x != 0 {
		x /= 10
		n++
	}
	return n
}

func sumDigits(x uint32) uint32 {
	s := uint32(0)
	for x > 0 {
		s += x % 10
		x /= 10
	}
	return s
}
