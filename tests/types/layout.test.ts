import { describe, expect, it } from 'vitest'
import { alignof, diagnosticTypeString, fieldOffsets, offsetof, sizeof, typeString, Typ, type Type } from '../../src-main/compiler/types/types'
import { check, declaredType } from './helpers'

// Expected figures measured with unsafe.Sizeof/Alignof/Offsetof on go1.26 amd64 (ppc64 has the same layout).
const TYPES = `package p

type T struct {
	x [10]int
	f float64
}
type Padded struct {
	a int8
	b int64
	c int8
}
type TrailingZero struct {
	a int64
	z struct{}
}
type LeadingZero struct {
	z struct{}
	a int64
}
type TrailingZeroArray struct {
	a int32
	z [0]int64
}
type AllZero struct {
	a [0]int
	b struct{}
}
type ByteThenZero struct {
	b bool
	z [0]byte
}
type Mixed struct {
	a bool
	b float32
	c int16
}
type Nested struct {
	a int8
	s struct {
		x int16
		y int8
	}
}
type Slices struct {
	s []int
	p *int
	f func()
	b byte
}
type Named int16
type Arr [3]Named
`

async function t(name: string): Promise<Type> {
  return declaredType(TYPES, name)
}

describe('sizes and alignments (gc, 64-bit)', () => {
  it('lays out the seed type T as 88 bytes', async () => {
    const T = await t('T')
    expect(sizeof(T)).toBe(88)
    expect(alignof(T)).toBe(8)
    expect(fieldOffsets(T)).toEqual([0, 80])
  })

  it('aligns fields and rounds the size to the struct alignment', async () => {
    expect([sizeof(await t('Padded')), ...fieldOffsets(await t('Padded'))]).toEqual([24, 0, 8, 16])
    const mixed = await t('Mixed')
    expect([sizeof(mixed), alignof(mixed), offsetof(mixed, 2)]).toEqual([12, 4, 8])
    const nested = await t('Nested')
    expect([sizeof(nested), alignof(nested), offsetof(nested, 1)]).toEqual([6, 2, 2])
  })

  it('pads a non-empty struct whose last field is zero-sized by one byte', async () => {
    expect(sizeof(await t('TrailingZero'))).toBe(16)
    expect(sizeof(await t('LeadingZero'))).toBe(8)
    expect(sizeof(await t('TrailingZeroArray'))).toBe(16)
    expect(offsetof(await t('TrailingZeroArray'), 1)).toBe(8)
    expect(sizeof(await t('ByteThenZero'))).toBe(2)
    expect(sizeof(await t('AllZero'))).toBe(0)
  })

  it('sizes basic, pointer-shaped and composite types', async () => {
    expect([Typ.bool, Typ.int8, Typ.int16, Typ.int32, Typ.float32, Typ.int64, Typ.int, Typ.uint, Typ.uintptr, Typ.float64].map(sizeof)).toEqual([
      1, 1, 2, 4, 4, 8, 8, 8, 8, 8,
    ])
    const s = await t('Slices')
    expect([sizeof(s), ...fieldOffsets(s)]).toEqual([48, 0, 24, 32, 40])
    const arr = await t('Arr')
    expect([sizeof(arr), alignof(arr)]).toEqual([6, 2])
  })
})

describe('type strings', () => {
  it('prints gc (SSA dump) and types2 (diagnostic) spellings', async () => {
    const { info } = await check(`package p

type T struct {
	x [10]int
	f float64
}

var (
	a *int
	b []int
	c [10]int
	d struct{ x [10]int; f float64 }
	e func(int) int
	f func(a, b int, c ...int8) (r int, ok bool)
	g struct{}
	h T
	i *[]**T
	j byte
	k rune
	l func()
	m struct{ T; n int }
)
`)
    const types = Object.fromEntries(info.globals.map((v) => [v.name, v.type]))
    const gc = (n: string) => typeString(types[n]!)
    const t2 = (n: string) => diagnosticTypeString(types[n]!)
    expect(['a', 'b', 'c', 'h', 'i', 'l'].map(gc)).toEqual(['*int', '[]int', '[10]int', 'T', '*[]**T', 'func()'])
    expect(gc('d')).toBe('struct { x [10]int; f float64 }')
    expect(t2('d')).toBe('struct{x [10]int; f float64}')
    expect(gc('e')).toBe('func(int) int')
    expect(gc('f')).toBe('func(int, int, ...int8) (int, bool)')
    expect(t2('f')).toBe('func(a int, b int, c ...int8) (r int, ok bool)')
    expect([gc('g'), t2('g')]).toEqual(['struct {}', 'struct{}'])
    expect([gc('j'), t2('j'), gc('k'), t2('k')]).toEqual(['uint8', 'byte', 'int32', 'rune'])
    expect([gc('m'), t2('m')]).toEqual(['struct { T; n int }', 'struct{T; n int}'])
  })
})
