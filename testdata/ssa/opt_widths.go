// Constant folding and identities at every integer and float width, for the
// differential test of opt/middle opt/late opt (tests/ssa/passes/opt.test.ts).
// Values are held in variables so that the type checker does not fold them:
// gc's SSA rules see the constants. One group of functions per type.

package p

//go:noinline
func fold_int8() (int8, int8, int8, int8, int8, int8, int8, int8, int8, int8, int8, int8, int8) {
	var a, b int8 = 100, 27
	var s uint = 3
	return a + b, a - b, a * b, a / b, a % b, a & b, a | b, a ^ b, a << s, a >> 2, -a, ^a, a &^ b
}

//go:noinline
func cmp_int8() (bool, bool, bool, bool, bool, bool) {
	var a, b int8 = 100, 27
	return a == b, a != b, a < b, a <= b, a > b, a >= b
}

//go:noinline
func ident_int8(x, y int8, s uint) (int8, int8, int8, int8, int8, int8, int8, int8) {
	var z, one, m1 int8 = 0, 1, 0
	m1--
	return x + z, x * one, x * z, x - x, x & x, x | z, x ^ x, (x<<s)&m1 + (y >> s) | z + x*m1 + (-x)*(-y) + (x + y) - y + ^(^x)
}

//go:noinline
func sh_int8(x int8, s8 uint8, s16 uint16, s32 uint32) (int8, int8, int8, int8, int8) {
	var k uint8 = 2
	var big uint16 = 200
	return x << k, x >> k, x << big, x >> s8 >> 1, (x>>4)<<4 + x<<s16>>s32
}

//go:noinline
func cmpx_int8(x, y int8) (bool, bool, bool, bool, bool, bool, bool) {
	var one, zero int8 = 1, 0
	return x < one, x <= zero, zero < x, x-y == zero, x+3 == 10, !(x < y), !(x >= y)
}

//go:noinline
func div_int8(x int8) (int8, int8, int8, int8, int8) {
	var k8, k7, km int8 = 8, 7, 1
	km = -km * 4
	return x / k8, x % k8, x / k7, x % k7, x/km + x*k8 + x*km
}

//go:noinline
func fold_int16() (int16, int16, int16, int16, int16, int16, int16, int16, int16, int16, int16, int16, int16) {
	var a, b int16 = 100, 27
	var s uint = 3
	return a + b, a - b, a * b, a / b, a % b, a & b, a | b, a ^ b, a << s, a >> 2, -a, ^a, a &^ b
}

//go:noinline
func cmp_int16() (bool, bool, bool, bool, bool, bool) {
	var a, b int16 = 100, 27
	return a == b, a != b, a < b, a <= b, a > b, a >= b
}

//go:noinline
func ident_int16(x, y int16, s uint) (int16, int16, int16, int16, int16, int16, int16, int16) {
	var z, one, m1 int16 = 0, 1, 0
	m1--
	return x + z, x * one, x * z, x - x, x & x, x | z, x ^ x, (x<<s)&m1 + (y >> s) | z + x*m1 + (-x)*(-y) + (x + y) - y + ^(^x)
}

//go:noinline
func sh_int16(x int16, s8 uint8, s16 uint16, s32 uint32) (int16, int16, int16, int16, int16) {
	var k uint8 = 2
	var big uint16 = 200
	return x << k, x >> k, x << big, x >> s8 >> 1, (x>>4)<<4 + x<<s16>>s32
}

//go:noinline
func cmpx_int16(x, y int16) (bool, bool, bool, bool, bool, bool, bool) {
	var one, zero int16 = 1, 0
	return x < one, x <= zero, zero < x, x-y == zero, x+3 == 10, !(x < y), !(x >= y)
}

//go:noinline
func div_int16(x int16) (int16, int16, int16, int16, int16) {
	var k8, k7, km int16 = 8, 7, 1
	km = -km * 4
	return x / k8, x % k8, x / k7, x % k7, x/km + x*k8 + x*km
}

//go:noinline
func fold_int32() (int32, int32, int32, int32, int32, int32, int32, int32, int32, int32, int32, int32, int32) {
	var a, b int32 = 100, 27
	var s uint = 3
	return a + b, a - b, a * b, a / b, a % b, a & b, a | b, a ^ b, a << s, a >> 2, -a, ^a, a &^ b
}

//go:noinline
func cmp_int32() (bool, bool, bool, bool, bool, bool) {
	var a, b int32 = 100, 27
	return a == b, a != b, a < b, a <= b, a > b, a >= b
}

//go:noinline
func ident_int32(x, y int32, s uint) (int32, int32, int32, int32, int32, int32, int32, int32) {
	var z, one, m1 int32 = 0, 1, 0
	m1--
	return x + z, x * one, x * z, x - x, x & x, x | z, x ^ x, (x<<s)&m1 + (y >> s) | z + x*m1 + (-x)*(-y) + (x + y) - y + ^(^x)
}

//go:noinline
func sh_int32(x int32, s8 uint8, s16 uint16, s32 uint32) (int32, int32, int32, int32, int32) {
	var k uint8 = 2
	var big uint16 = 200
	return x << k, x >> k, x << big, x >> s8 >> 1, (x>>4)<<4 + x<<s16>>s32
}

//go:noinline
func cmpx_int32(x, y int32) (bool, bool, bool, bool, bool, bool, bool) {
	var one, zero int32 = 1, 0
	return x < one, x <= zero, zero < x, x-y == zero, x+3 == 10, !(x < y), !(x >= y)
}

//go:noinline
func div_int32(x int32) (int32, int32, int32, int32, int32) {
	var k8, k7, km int32 = 8, 7, 1
	km = -km * 4
	return x / k8, x % k8, x / k7, x % k7, x/km + x*k8 + x*km
}

//go:noinline
func fold_int64() (int64, int64, int64, int64, int64, int64, int64, int64, int64, int64, int64, int64, int64) {
	var a, b int64 = 100, 27
	var s uint = 3
	return a + b, a - b, a * b, a / b, a % b, a & b, a | b, a ^ b, a << s, a >> 2, -a, ^a, a &^ b
}

//go:noinline
func cmp_int64() (bool, bool, bool, bool, bool, bool) {
	var a, b int64 = 100, 27
	return a == b, a != b, a < b, a <= b, a > b, a >= b
}

//go:noinline
func ident_int64(x, y int64, s uint) (int64, int64, int64, int64, int64, int64, int64, int64) {
	var z, one, m1 int64 = 0, 1, 0
	m1--
	return x + z, x * one, x * z, x - x, x & x, x | z, x ^ x, (x<<s)&m1 + (y >> s) | z + x*m1 + (-x)*(-y) + (x + y) - y + ^(^x)
}

//go:noinline
func sh_int64(x int64, s8 uint8, s16 uint16, s32 uint32) (int64, int64, int64, int64, int64) {
	var k uint8 = 2
	var big uint16 = 200
	return x << k, x >> k, x << big, x >> s8 >> 1, (x>>4)<<4 + x<<s16>>s32
}

//go:noinline
func cmpx_int64(x, y int64) (bool, bool, bool, bool, bool, bool, bool) {
	var one, zero int64 = 1, 0
	return x < one, x <= zero, zero < x, x-y == zero, x+3 == 10, !(x < y), !(x >= y)
}

//go:noinline
func div_int64(x int64) (int64, int64, int64, int64, int64) {
	var k8, k7, km int64 = 8, 7, 1
	km = -km * 4
	return x / k8, x % k8, x / k7, x % k7, x/km + x*k8 + x*km
}

//go:noinline
func fold_uint8() (uint8, uint8, uint8, uint8, uint8, uint8, uint8, uint8, uint8, uint8, uint8, uint8, uint8) {
	var a, b uint8 = 100, 27
	var s uint = 3
	return a + b, a - b, a * b, a / b, a % b, a & b, a | b, a ^ b, a << s, a >> 2, -a, ^a, a &^ b
}

//go:noinline
func cmp_uint8() (bool, bool, bool, bool, bool, bool) {
	var a, b uint8 = 100, 27
	return a == b, a != b, a < b, a <= b, a > b, a >= b
}

//go:noinline
func ident_uint8(x, y uint8, s uint) (uint8, uint8, uint8, uint8, uint8, uint8, uint8, uint8) {
	var z, one, m1 uint8 = 0, 1, 0
	m1--
	return x + z, x * one, x * z, x - x, x & x, x | z, x ^ x, (x<<s)&m1 + (y >> s) | z + x*m1 + (-x)*(-y) + (x + y) - y + ^(^x)
}

//go:noinline
func sh_uint8(x uint8, s8 uint8, s16 uint16, s32 uint32) (uint8, uint8, uint8, uint8, uint8) {
	var k uint8 = 2
	var big uint16 = 200
	return x << k, x >> k, x << big, x >> s8 >> 1, (x>>4)<<4 + x<<s16>>s32
}

//go:noinline
func cmpx_uint8(x, y uint8) (bool, bool, bool, bool, bool, bool, bool) {
	var one, zero uint8 = 1, 0
	return x < one, x <= zero, zero < x, x-y == zero, x+3 == 10, !(x < y), !(x >= y)
}

//go:noinline
func div_uint8(x uint8) (uint8, uint8, uint8, uint8, uint8) {
	var k8, k7, km uint8 = 8, 7, 1
	km = -km * 4
	return x / k8, x % k8, x / k7, x % k7, x/km + x*k8 + x*km
}

//go:noinline
func fold_uint16() (uint16, uint16, uint16, uint16, uint16, uint16, uint16, uint16, uint16, uint16, uint16, uint16, uint16) {
	var a, b uint16 = 100, 27
	var s uint = 3
	return a + b, a - b, a * b, a / b, a % b, a & b, a | b, a ^ b, a << s, a >> 2, -a, ^a, a &^ b
}

//go:noinline
func cmp_uint16() (bool, bool, bool, bool, bool, bool) {
	var a, b uint16 = 100, 27
	return a == b, a != b, a < b, a <= b, a > b, a >= b
}

//go:noinline
func ident_uint16(x, y uint16, s uint) (uint16, uint16, uint16, uint16, uint16, uint16, uint16, uint16) {
	var z, one, m1 uint16 = 0, 1, 0
	m1--
	return x + z, x * one, x * z, x - x, x & x, x | z, x ^ x, (x<<s)&m1 + (y >> s) | z + x*m1 + (-x)*(-y) + (x + y) - y + ^(^x)
}

//go:noinline
func sh_uint16(x uint16, s8 uint8, s16 uint16, s32 uint32) (uint16, uint16, uint16, uint16, uint16) {
	var k uint8 = 2
	var big uint16 = 200
	return x << k, x >> k, x << big, x >> s8 >> 1, (x>>4)<<4 + x<<s16>>s32
}

//go:noinline
func cmpx_uint16(x, y uint16) (bool, bool, bool, bool, bool, bool, bool) {
	var one, zero uint16 = 1, 0
	return x < one, x <= zero, zero < x, x-y == zero, x+3 == 10, !(x < y), !(x >= y)
}

//go:noinline
func div_uint16(x uint16) (uint16, uint16, uint16, uint16, uint16) {
	var k8, k7, km uint16 = 8, 7, 1
	km = -km * 4
	return x / k8, x % k8, x / k7, x % k7, x/km + x*k8 + x*km
}

//go:noinline
func fold_uint32() (uint32, uint32, uint32, uint32, uint32, uint32, uint32, uint32, uint32, uint32, uint32, uint32, uint32) {
	var a, b uint32 = 100, 27
	var s uint = 3
	return a + b, a - b, a * b, a / b, a % b, a & b, a | b, a ^ b, a << s, a >> 2, -a, ^a, a &^ b
}

//go:noinline
func cmp_uint32() (bool, bool, bool, bool, bool, bool) {
	var a, b uint32 = 100, 27
	return a == b, a != b, a < b, a <= b, a > b, a >= b
}

//go:noinline
func ident_uint32(x, y uint32, s uint) (uint32, uint32, uint32, uint32, uint32, uint32, uint32, uint32) {
	var z, one, m1 uint32 = 0, 1, 0
	m1--
	return x + z, x * one, x * z, x - x, x & x, x | z, x ^ x, (x<<s)&m1 + (y >> s) | z + x*m1 + (-x)*(-y) + (x + y) - y + ^(^x)
}

//go:noinline
func sh_uint32(x uint32, s8 uint8, s16 uint16, s32 uint32) (uint32, uint32, uint32, uint32, uint32) {
	var k uint8 = 2
	var big uint16 = 200
	return x << k, x >> k, x << big, x >> s8 >> 1, (x>>4)<<4 + x<<s16>>s32
}

//go:noinline
func cmpx_uint32(x, y uint32) (bool, bool, bool, bool, bool, bool, bool) {
	var one, zero uint32 = 1, 0
	return x < one, x <= zero, zero < x, x-y == zero, x+3 == 10, !(x < y), !(x >= y)
}

//go:noinline
func div_uint32(x uint32) (uint32, uint32, uint32, uint32, uint32) {
	var k8, k7, km uint32 = 8, 7, 1
	km = -km * 4
	return x / k8, x % k8, x / k7, x % k7, x/km + x*k8 + x*km
}

//go:noinline
func fold_uint64() (uint64, uint64, uint64, uint64, uint64, uint64, uint64, uint64, uint64, uint64, uint64, uint64, uint64) {
	var a, b uint64 = 100, 27
	var s uint = 3
	return a + b, a - b, a * b, a / b, a % b, a & b, a | b, a ^ b, a << s, a >> 2, -a, ^a, a &^ b
}

//go:noinline
func cmp_uint64() (bool, bool, bool, bool, bool, bool) {
	var a, b uint64 = 100, 27
	return a == b, a != b, a < b, a <= b, a > b, a >= b
}

//go:noinline
func ident_uint64(x, y uint64, s uint) (uint64, uint64, uint64, uint64, uint64, uint64, uint64, uint64) {
	var z, one, m1 uint64 = 0, 1, 0
	m1--
	return x + z, x * one, x * z, x - x, x & x, x | z, x ^ x, (x<<s)&m1 + (y >> s) | z + x*m1 + (-x)*(-y) + (x + y) - y + ^(^x)
}

//go:noinline
func sh_uint64(x uint64, s8 uint8, s16 uint16, s32 uint32) (uint64, uint64, uint64, uint64, uint64) {
	var k uint8 = 2
	var big uint16 = 200
	return x << k, x >> k, x << big, x >> s8 >> 1, (x>>4)<<4 + x<<s16>>s32
}

//go:noinline
func cmpx_uint64(x, y uint64) (bool, bool, bool, bool, bool, bool, bool) {
	var one, zero uint64 = 1, 0
	return x < one, x <= zero, zero < x, x-y == zero, x+3 == 10, !(x < y), !(x >= y)
}

//go:noinline
func div_uint64(x uint64) (uint64, uint64, uint64, uint64, uint64) {
	var k8, k7, km uint64 = 8, 7, 1
	km = -km * 4
	return x / k8, x % k8, x / k7, x % k7, x/km + x*k8 + x*km
}

//go:noinline
func fold_int() (int, int, int, int, int, int, int, int, int, int, int, int, int) {
	var a, b int = 100, 27
	var s uint = 3
	return a + b, a - b, a * b, a / b, a % b, a & b, a | b, a ^ b, a << s, a >> 2, -a, ^a, a &^ b
}

//go:noinline
func cmp_int() (bool, bool, bool, bool, bool, bool) {
	var a, b int = 100, 27
	return a == b, a != b, a < b, a <= b, a > b, a >= b
}

//go:noinline
func ident_int(x, y int, s uint) (int, int, int, int, int, int, int, int) {
	var z, one, m1 int = 0, 1, 0
	m1--
	return x + z, x * one, x * z, x - x, x & x, x | z, x ^ x, (x<<s)&m1 + (y >> s) | z + x*m1 + (-x)*(-y) + (x + y) - y + ^(^x)
}

//go:noinline
func sh_int(x int, s8 uint8, s16 uint16, s32 uint32) (int, int, int, int, int) {
	var k uint8 = 2
	var big uint16 = 200
	return x << k, x >> k, x << big, x >> s8 >> 1, (x>>4)<<4 + x<<s16>>s32
}

//go:noinline
func cmpx_int(x, y int) (bool, bool, bool, bool, bool, bool, bool) {
	var one, zero int = 1, 0
	return x < one, x <= zero, zero < x, x-y == zero, x+3 == 10, !(x < y), !(x >= y)
}

//go:noinline
func div_int(x int) (int, int, int, int, int) {
	var k8, k7, km int = 8, 7, 1
	km = -km * 4
	return x / k8, x % k8, x / k7, x % k7, x/km + x*k8 + x*km
}

//go:noinline
func fold_uint() (uint, uint, uint, uint, uint, uint, uint, uint, uint, uint, uint, uint, uint) {
	var a, b uint = 100, 27
	var s uint = 3
	return a + b, a - b, a * b, a / b, a % b, a & b, a | b, a ^ b, a << s, a >> 2, -a, ^a, a &^ b
}

//go:noinline
func cmp_uint() (bool, bool, bool, bool, bool, bool) {
	var a, b uint = 100, 27
	return a == b, a != b, a < b, a <= b, a > b, a >= b
}

//go:noinline
func ident_uint(x, y uint, s uint) (uint, uint, uint, uint, uint, uint, uint, uint) {
	var z, one, m1 uint = 0, 1, 0
	m1--
	return x + z, x * one, x * z, x - x, x & x, x | z, x ^ x, (x<<s)&m1 + (y >> s) | z + x*m1 + (-x)*(-y) + (x + y) - y + ^(^x)
}

//go:noinline
func sh_uint(x uint, s8 uint8, s16 uint16, s32 uint32) (uint, uint, uint, uint, uint) {
	var k uint8 = 2
	var big uint16 = 200
	return x << k, x >> k, x << big, x >> s8 >> 1, (x>>4)<<4 + x<<s16>>s32
}

//go:noinline
func cmpx_uint(x, y uint) (bool, bool, bool, bool, bool, bool, bool) {
	var one, zero uint = 1, 0
	return x < one, x <= zero, zero < x, x-y == zero, x+3 == 10, !(x < y), !(x >= y)
}

//go:noinline
func div_uint(x uint) (uint, uint, uint, uint, uint) {
	var k8, k7, km uint = 8, 7, 1
	km = -km * 4
	return x / k8, x % k8, x / k7, x % k7, x/km + x*k8 + x*km
}

//go:noinline
func ffold_float32(x float32) (float32, float32, float32, float32, float32, bool, bool) {
	var a, b float32 = 1.5, 0.25
	var one, two, m1 float32 = 1, 2, -1
	return a + b, a - b, a * b, a / b, x*one + x*two + x*m1 + x/b + -a, a < b, a == b
}

//go:noinline
func ffold_float64(x float64) (float64, float64, float64, float64, float64, bool, bool) {
	var a, b float64 = 1.5, 0.25
	var one, two, m1 float64 = 1, 2, -1
	return a + b, a - b, a * b, a / b, x*one + x*two + x*m1 + x/b + -a, a < b, a == b
}

//go:noinline
func conv0(x int64) (int8, int8) {
	var k int64 = 77
	return int8(k), int8(x)
}

//go:noinline
func conv1(x int64) (int16, int16) {
	var k int64 = 77
	return int16(k), int16(x)
}

//go:noinline
func conv2(x int64) (int32, int32) {
	var k int64 = 77
	return int32(k), int32(x)
}

//go:noinline
func conv3(x int32) (int8, int8) {
	var k int32 = 77
	return int8(k), int8(x)
}

//go:noinline
func conv4(x int32) (int16, int16) {
	var k int32 = 77
	return int16(k), int16(x)
}

//go:noinline
func conv5(x int16) (int8, int8) {
	var k int16 = 77
	return int8(k), int8(x)
}

//go:noinline
func conv6(x int8) (int64, int64) {
	var k int8 = 77
	return int64(k), int64(x)
}

//go:noinline
func conv7(x uint8) (int64, int64) {
	var k uint8 = 77
	return int64(k), int64(x)
}

//go:noinline
func conv8(x int16) (int32, int32) {
	var k int16 = 77
	return int32(k), int32(x)
}

//go:noinline
func conv9(x uint16) (uint64, uint64) {
	var k uint16 = 77
	return uint64(k), uint64(x)
}

//go:noinline
func conv10(x uint32) (uint64, uint64) {
	var k uint32 = 77
	return uint64(k), uint64(x)
}

//go:noinline
func conv11(x int32) (int64, int64) {
	var k int32 = 77
	return int64(k), int64(x)
}

//go:noinline
func conv12(x int64) (float64, float64) {
	var k int64 = 77
	return float64(k), float64(x)
}

//go:noinline
func conv13(x float64) (int64, int64) {
	var k float64 = 77
	return int64(k), int64(x)
}

//go:noinline
func conv14(x float64) (float32, float32) {
	var k float64 = 77
	return float32(k), float32(x)
}

//go:noinline
func conv15(x float32) (float64, float64) {
	var k float32 = 77
	return float64(k), float64(x)
}

//go:noinline
func conv16(x int32) (float32, float32) {
	var k int32 = 77
	return float32(k), float32(x)
}

//go:noinline
func conv17(x float32) (int32, int32) {
	var k float32 = 77
	return int32(k), int32(x)
}

//go:noinline
func conv18(x uint8) (uint16, uint16) {
	var k uint8 = 77
	return uint16(k), uint16(x)
}

//go:noinline
func truncExt(x int8, y uint16, z int64) (int8, uint16, int32, int8, uint8) {
	return int8(int64(x)), uint16(uint32(y)), int32(int64(int16(z))), int8(z & 0xff), uint8(uint64(z) >> 56)
}

//go:noinline
func boolStuff(a, b bool, x int) (bool, bool, bool, bool) {
	t, f := true, false
	return a == t, a != f, a == f, !(a != b) || (x > 3 && x <= 7) || (x < 1 || x > 9)
}

//go:noinline
func ptrs(p, q *int, s []int) (bool, bool, bool) {
	var a, b int
	return &a == &b, p == p, s == nil
}

//go:noinline
func nilcmp(p *int) bool {
	return p != nil
}

//go:noinline
func arr(p *[16]int64, i int) int64 {
	p[3] = 1
	p[4] = 2
	return p[3] + p[i&15] + p[4]
}

//go:noinline
func loops(s []int) int {
	t := 0
	for i := range s {
		t += s[i] * 3
	}
	for i := 0; i < 10; i++ {
		t -= i << 1
	}
	return t
}

//go:noinline
func copyArr(a [3]int) [3]int {
	b := a
	b[1] = 2
	return b
}

//go:noinline
func structs(p *struct {
	a, b int32
	c    *int
}) int32 {
	v := *p
	w := v
	w.a = 9
	*p = w
	return v.b + w.a
}

//go:noinline
func appendy(s []int) []int {
	s = append(s, 1, 2)
	return s[:len(s)-1]
}

//go:noinline
func closure(x int) func() int {
	return func() int { x++; return x * 4 }
}

//go:noinline
func mulAdd(x, y, z int) int {
	return x*y + x*z - (x*y - x*z) + 3*(x+2)
}

//go:noinline
func bitsets(x uint32) (bool, bool) {
	return x&8 == 8, x&16 != 16
}

//go:noinline
func rotate(x uint64, y uint32) (uint64, uint32) {
	return x<<13 | x>>51, y<<5 + y>>27
}
