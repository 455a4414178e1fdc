// Loads and stores gc 1.26's memcombine merges, for its differential test
// (tests/ssa/passes/memcombine.test.ts) and the listings on amd64 and ppc64:
// little- and big-endian byte loops (encoding/binary's shapes), which need a
// byte swap on the other-endian arch, constant stores, copies, and 16-bit parts.

package p

func le16(b []byte) uint16 {
	_ = b[1]
	return uint16(b[0]) | uint16(b[1])<<8
}

func le32(b []byte) uint32 {
	_ = b[3]
	return uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
}

func le64(b []byte) uint64 {
	_ = b[7]
	return uint64(b[0]) | uint64(b[1])<<8 | uint64(b[2])<<16 | uint64(b[3])<<24 |
		uint64(b[4])<<32 | uint64(b[5])<<40 | uint64(b[6])<<48 | uint64(b[7])<<56
}

func be16(b []byte) uint16 {
	_ = b[1]
	return uint16(b[1]) | uint16(b[0])<<8
}

func be32(b []byte) uint32 {
	_ = b[3]
	return uint32(b[3]) | uint32(b[2])<<8 | uint32(b[1])<<16 | uint32(b[0])<<24
}

func be64(b []byte) uint64 {
	_ = b[7]
	return uint64(b[7]) | uint64(b[6])<<8 | uint64(b[5])<<16 | uint64(b[4])<<24 |
		uint64(b[3])<<32 | uint64(b[2])<<40 | uint64(b[1])<<48 | uint64(b[0])<<56
}

func putLe16(b []byte, v uint16) {
	_ = b[1]
	b[0] = byte(v)
	b[1] = byte(v >> 8)
}

func putLe32(b []byte, v uint32) {
	_ = b[3]
	b[0] = byte(v)
	b[1] = byte(v >> 8)
	b[2] = byte(v >> 16)
	b[3] = byte(v >> 24)
}

func putLe64(b []byte, v uint64) {
	_ = b[7]
	b[0] = byte(v)
	b[1] = byte(v >> 8)
	b[2] = byte(v >> 16)
	b[3] = byte(v >> 24)
	b[4] = byte(v >> 32)
	b[5] = byte(v >> 40)
	b[6] = byte(v >> 48)
	b[7] = byte(v >> 56)
}

func putBe16(b []byte, v uint16) {
	_ = b[1]
	b[0] = byte(v >> 8)
	b[1] = byte(v)
}

func putBe32(b []byte, v uint32) {
	_ = b[3]
	b[0] = byte(v >> 24)
	b[1] = byte(v >> 16)
	b[2] = byte(v >> 8)
	b[3] = byte(v)
}

func putBe64(b []byte, v uint64) {
	_ = b[7]
	b[0] = byte(v >> 56)
	b[1] = byte(v >> 48)
	b[2] = byte(v >> 40)
	b[3] = byte(v >> 32)
	b[4] = byte(v >> 24)
	b[5] = byte(v >> 16)
	b[6] = byte(v >> 8)
	b[7] = byte(v)
}

// At an index: the base address has an index value.
func le32At(b []byte, i int) uint32 {
	return uint32(b[i]) | uint32(b[i+1])<<8 | uint32(b[i+2])<<16 | uint32(b[i+3])<<24
}

func putBe32At(b []byte, i int, v uint32) {
	b[i] = byte(v >> 24)
	b[i+1] = byte(v >> 16)
	b[i+2] = byte(v >> 8)
	b[i+3] = byte(v)
}

// Through a pointer to an array: no bounds checks.
func le64Arr(p *[8]byte) uint64 {
	return uint64(p[0]) | uint64(p[1])<<8 | uint64(p[2])<<16 | uint64(p[3])<<24 |
		uint64(p[4])<<32 | uint64(p[5])<<40 | uint64(p[6])<<48 | uint64(p[7])<<56
}

func putBe64Arr(p *[8]byte, v uint64) {
	p[0] = byte(v >> 56)
	p[1] = byte(v >> 48)
	p[2] = byte(v >> 40)
	p[3] = byte(v >> 32)
	p[4] = byte(v >> 24)
	p[5] = byte(v >> 16)
	p[6] = byte(v >> 8)
	p[7] = byte(v)
}

// 16-bit parts.
func le32From16(p *[2]uint16) uint32 {
	return uint32(p[0]) | uint32(p[1])<<16
}

func put32As16(p *[2]uint16, v uint32) {
	p[0] = uint16(v)
	p[1] = uint16(v >> 16)
}

// Constant stores become one wide constant store.
func constBytes(p *[8]byte) {
	p[0] = 1
	p[1] = 2
	p[2] = 3
	p[3] = 4
}

type hdr struct {
	a, b uint8
	c    uint16
	d    uint32
}

func initHdr(h *hdr) {
	h.a = 7
	h.b = 9
	h.c = 0x1234
	h.d = 0
}

func zeroBytes(p *[8]byte) {
	p[0] = 0
	p[1] = 0
	p[2] = 0
	p[3] = 0
	p[4] = 0
	p[5] = 0
	p[6] = 0
	p[7] = 0
}

// A byte-by-byte copy becomes one wide load and store.
func copy4(p, q *[4]byte) {
	p[0] = q[0]
	p[1] = q[1]
	p[2] = q[2]
	p[3] = q[3]
}

// A shifted little-endian piece: the merged load is shifted into place.
func shiftedLe(b []byte) uint64 {
	_ = b[1]
	return uint64(b[0])<<16 | uint64(b[1])<<24
}

// Not merged: a gap, a loaded byte used twice, mixed order.
func gap(b []byte) uint32 {
	_ = b[3]
	return uint32(b[0]) | uint32(b[3])<<8
}

func twice(b []byte) (uint16, byte) {
	_ = b[1]
	x := b[0]
	return uint16(x) | uint16(b[1])<<8, x
}

func mixed(b []byte) uint32 {
	_ = b[3]
	return uint32(b[0]) | uint32(b[2])<<8 | uint32(b[1])<<16 | uint32(b[3])<<24
}

// In a loop, as checksums do.
func sumLe32(b []byte) uint32 {
	var s uint32
	for len(b) >= 4 {
		s += uint32(b[0]) | uint32(b[1])<<8 | uint32(b[2])<<16 | uint32(b[3])<<24
		b = b[4:]
	}
	return s
}
