// Magic numbers for division by constants: known values (gc 1.26's
// ssa/magic.go printed them for these divisors) and, exhaustively at 8 and
// 16 bits, the identities the divmod and divisible rules rely on.

import { describe, expect, it } from 'vitest'
import { inverseOdd, sdivisible, sdivisibleOK, smagic, smagicOK, udivisible, udivisibleOK, umagic, umagicOK } from '../../../src-main/compiler/ssa/rules/magic'

// [n, c, umagic s, m, smagic s, m, udivisible k, m, max, sdivisible k, m, a, max]
const KNOWN: bigint[][] = [
  [8n, 3n, 2n, 86n, 1n, 171n, 0n, 171n, 85n, 0n, 171n, 42n, 84n],
  [8n, 5n, 3n, 154n, 2n, 205n, 0n, 205n, 51n, 0n, 205n, 25n, 50n],
  [8n, 6n, 3n, 86n, 2n, 171n, 1n, 171n, 42n, 1n, 171n, 42n, 42n],
  [8n, 7n, 3n, 37n, 2n, 147n, 0n, 183n, 36n, 0n, 183n, 18n, 36n],
  [8n, 10n, 4n, 154n, 3n, 205n, 1n, 205n, 25n, 1n, 205n, 24n, 24n],
  [8n, 12n, 4n, 86n, 3n, 171n, 2n, 171n, 21n, 2n, 171n, 40n, 20n],
  [8n, 25n, 5n, 72n, 4n, 164n, 0n, 41n, 10n, 0n, 41n, 5n, 10n],
  [8n, 100n, 7n, 72n, 6n, 164n, 2n, 41n, 2n, 2n, 41n, 4n, 2n],
  [8n, 641n, 8n, 253n, 9n, 205n, 0n, 129n, 1n, 0n, 129n, 0n, 0n],
  [8n, 1000n, 8n, 27n, 9n, 132n, 3n, 53n, 1n, 3n, 213n, 0n, 0n],
  [8n, 127n, 7n, 3n, 6n, 130n, 0n, 127n, 2n, 0n, 127n, 1n, 2n],
  [16n, 3n, 2n, 21846n, 1n, 43691n, 0n, 43691n, 21845n, 0n, 43691n, 10922n, 21844n],
  [16n, 5n, 3n, 39322n, 2n, 52429n, 0n, 52429n, 13107n, 0n, 52429n, 6553n, 13106n],
  [16n, 6n, 3n, 21846n, 2n, 43691n, 1n, 43691n, 10922n, 1n, 43691n, 10922n, 10922n],
  [16n, 7n, 3n, 9363n, 2n, 37450n, 0n, 28087n, 9362n, 0n, 28087n, 4681n, 9362n],
  [16n, 10n, 4n, 39322n, 3n, 52429n, 1n, 52429n, 6553n, 1n, 52429n, 6552n, 6552n],
  [16n, 12n, 4n, 21846n, 3n, 43691n, 2n, 43691n, 5461n, 2n, 43691n, 10920n, 5460n],
  [16n, 25n, 5n, 18351n, 4n, 41944n, 0n, 23593n, 2621n, 0n, 23593n, 1310n, 2620n],
  [16n, 100n, 7n, 18351n, 6n, 41944n, 2n, 23593n, 655n, 2n, 23593n, 1308n, 654n],
  [16n, 641n, 10n, 39159n, 9n, 52348n, 0n, 15745n, 102n, 0n, 15745n, 51n, 102n],
  [16n, 1000n, 10n, 1573n, 9n, 33555n, 3n, 30933n, 65n, 3n, 30933n, 256n, 64n],
  [16n, 127n, 7n, 517n, 6n, 33027n, 0n, 49023n, 516n, 0n, 49023n, 258n, 516n],
  [32n, 3n, 2n, 1431655766n, 1n, 2863311531n, 0n, 2863311531n, 1431655765n, 0n, 2863311531n, 715827882n, 1431655764n],
  [32n, 5n, 3n, 2576980378n, 2n, 3435973837n, 0n, 3435973837n, 858993459n, 0n, 3435973837n, 429496729n, 858993458n],
  [32n, 6n, 3n, 1431655766n, 2n, 2863311531n, 1n, 2863311531n, 715827882n, 1n, 2863311531n, 715827882n, 715827882n],
  [32n, 7n, 3n, 613566757n, 2n, 2454267027n, 0n, 3067833783n, 613566756n, 0n, 3067833783n, 306783378n, 613566756n],
  [32n, 10n, 4n, 2576980378n, 3n, 3435973837n, 1n, 3435973837n, 429496729n, 1n, 3435973837n, 429496728n, 429496728n],
  [32n, 12n, 4n, 1431655766n, 3n, 2863311531n, 2n, 2863311531n, 357913941n, 2n, 2863311531n, 715827880n, 357913940n],
  [32n, 25n, 5n, 1202590843n, 4n, 2748779070n, 0n, 3264175145n, 171798691n, 0n, 3264175145n, 85899345n, 171798690n],
  [32n, 100n, 7n, 1202590843n, 6n, 2748779070n, 2n, 3264175145n, 42949672n, 2n, 3264175145n, 85899344n, 42949672n],
  [32n, 641n, 10n, 2566259711n, 9n, 3430613504n, 0n, 6700417n, 6700416n, 0n, 6700417n, 3350208n, 6700416n],
  [32n, 1000n, 10n, 103079216n, 9n, 2199023256n, 3n, 652835029n, 4294967n, 3n, 652835029n, 17179864n, 4294966n],
  [32n, 127n, 7n, 33818641n, 6n, 2164392969n, 0n, 4024418175n, 33818640n, 0n, 4024418175n, 16909320n, 33818640n],
  [64n, 3n, 2n, 6148914691236517206n, 1n, 12297829382473034411n, 0n, 12297829382473034411n, 6148914691236517205n, 0n, 12297829382473034411n, 3074457345618258602n, 6148914691236517204n],
  [64n, 5n, 3n, 11068046444225730970n, 2n, 14757395258967641293n, 0n, 14757395258967641293n, 3689348814741910323n, 0n, 14757395258967641293n, 1844674407370955161n, 3689348814741910322n],
  [64n, 6n, 3n, 6148914691236517206n, 2n, 12297829382473034411n, 1n, 12297829382473034411n, 3074457345618258602n, 1n, 12297829382473034411n, 3074457345618258602n, 3074457345618258602n],
  [64n, 7n, 3n, 2635249153387078803n, 2n, 10540996613548315210n, 0n, 7905747460161236407n, 2635249153387078802n, 0n, 7905747460161236407n, 1317624576693539401n, 2635249153387078802n],
  [64n, 10n, 4n, 11068046444225730970n, 3n, 14757395258967641293n, 1n, 14757395258967641293n, 1844674407370955161n, 1n, 14757395258967641293n, 1844674407370955160n, 1844674407370955160n],
  [64n, 12n, 4n, 6148914691236517206n, 3n, 12297829382473034411n, 2n, 12297829382473034411n, 1537228672809129301n, 2n, 12297829382473034411n, 3074457345618258600n, 1537228672809129300n],
  [64n, 25n, 5n, 5165088340638674453n, 4n, 11805916207174113035n, 0n, 10330176681277348905n, 737869762948382064n, 0n, 10330176681277348905n, 368934881474191032n, 737869762948382064n],
  [64n, 100n, 7n, 5165088340638674453n, 6n, 11805916207174113035n, 2n, 10330176681277348905n, 184467440737095516n, 2n, 10330176681277348905n, 368934881474191032n, 184467440737095516n],
  [64n, 641n, 10n, 11022001529221151746n, 9n, 14734372801465351681n, 0n, 18417966001831689601n, 28778071877862015n, 0n, 18417966001831689601n, 14389035938931007n, 28778071877862014n],
  [64n, 1000n, 10n, 442721857769029239n, 9n, 9444732965739290428n, 3n, 2066035336255469781n, 18446744073709551n, 3n, 2066035336255469781n, 73786976294838200n, 18446744073709550n],
  [64n, 127n, 7n, 145249953336295683n, 6n, 9295997013522923650n, 0n, 9150747060186627967n, 145249953336295682n, 0n, 9150747060186627967n, 72624976668147841n, 145249953336295682n],
]

// Divisors with the top bit set, unsigned only: [n, c, umagic s, m, udivisible k, m, max]
const UNSIGNED_HIGH: bigint[][] = [
  [64n, -3n, 64n, 4n, 0n, 6148914691236517205n, 1n],
  [8n, -3n, 8n, 4n, 0n, 85n, 1n],
  [64n, -10n, 64n, 11n, 1n, 12912720851596686131n, 1n],
  [8n, -10n, 8n, 11n, 1n, 179n, 1n],
  [64n, -100n, 64n, 101n, 2n, 3504881374004814807n, 1n],
  [8n, -100n, 8n, 165n, 2n, 151n, 1n],
]

const rotr = (n: number, x: bigint, k: bigint): bigint => {
  const m = (1n << BigInt(n)) - 1n
  x &= m
  return ((x >> k) | (x << (BigInt(n) - k))) & m
}

describe('magic numbers', () => {
  it('match gc 1.26 for signed and unsigned divisors at every width', () => {
    for (const [n, c, us, um, ss, sm, uk, udm, umax, sk, sdm, sa, smax] of KNOWN) {
      const w = Number(n)
      expect(umagic(w, c!), `umagic(${n}, ${c})`).toEqual({ s: us, m: um })
      expect(smagic(w, c!), `smagic(${n}, ${c})`).toEqual({ s: ss, m: sm })
      expect(udivisible(w, c!), `udivisible(${n}, ${c})`).toEqual({ k: uk, m: udm, max: umax })
      expect(sdivisible(w, c!), `sdivisible(${n}, ${c})`).toEqual({ k: sk, m: sdm, a: sa, max: smax })
    }
    for (const [n, c, us, um, uk, udm, umax] of UNSIGNED_HIGH) {
      expect(umagic(Number(n), c!)).toEqual({ s: us, m: um })
      expect(udivisible(Number(n), c!)).toEqual({ k: uk, m: udm, max: umax })
    }
  })

  it('says which divisors have a magic form: not 0, not a power of two; signed ones positive', () => {
    expect(umagicOK(8, 3n)).toBe(true)
    expect(umagicOK(8, 8n)).toBe(false)
    expect(umagicOK(8, 0n)).toBe(false)
    expect(umagicOK(8, -128n)).toBe(false) // 0x80 is a power of two unsigned
    expect(umagicOK(8, -3n)).toBe(true)
    expect(smagicOK(32, -3n)).toBe(false)
    expect(smagicOK(32, 1n << 20n)).toBe(false)
    expect(udivisibleOK(16, 10n)).toBe(true)
    expect(sdivisibleOK(16, -10n)).toBe(false)
  })

  it('inverts odd numbers modulo 2^n', () => {
    for (const n of [8, 16, 32, 64]) {
      for (const d of [1n, 3n, 5n, 7n, 641n, 0xfffn, (1n << 61n) + 1n]) {
        const mod = 1n << BigInt(n)
        expect((inverseOdd(n, d % mod) * d) % mod).toBe(1n)
      }
    }
    expect(() => inverseOdd(8, 6n)).toThrow(/even/)
  })

  // Every 8-bit divisor with all 8-bit dividends; a few 16-bit divisors with all 16-bit dividends.
  const DIVISORS: [number, bigint[]][] = [
    [8, Array.from({ length: 254 }, (_, i) => BigInt(i + 2))],
    [16, [3n, 7n, 10n, 641n, 1000n, 0x7fffn, 0xfffbn]],
  ]

  it('divide exactly for every 8-bit and 16-bit dividend (the divmod identities)', () => {
    for (const [n, divisors] of DIVISORS) {
      const N = BigInt(n)
      const top = 1n << N
      for (const c of divisors) {
        if (!umagicOK(n, c)) continue
        const u = umagic(n, c)
        const s = smagicOK(n, BigInt.asIntN(n, c)) ? smagic(n, c) : null
        for (let x = 0n; x < top; x++) {
          // unsigned: x·(2^n+m) >> (n+s); signed: (x·m >> (n+s)) + 1 when x < 0
          if ((x * (top + u.m)) >> (N + u.s) !== x / c) throw new Error(`umagic(${n}, ${c}) fails for ${x}`)
          if (!s) continue
          const sx = BigInt.asIntN(n, x)
          const q = ((sx * s.m) >> (N + s.s)) + (sx < 0n ? 1n : 0n)
          if (q !== sx / c) throw new Error(`smagic(${n}, ${c}) fails for ${sx}: ${q}`)
        }
      }
    }
  })

  it('test divisibility exactly for every 8-bit and 16-bit dividend (the divisible identities)', () => {
    for (const [n, divisors] of DIVISORS) {
      const top = 1n << BigInt(n)
      for (const c of divisors) {
        if (!udivisibleOK(n, c)) continue
        const u = udivisible(n, c)
        const s = sdivisibleOK(n, BigInt.asIntN(n, c)) ? sdivisible(n, c) : null
        for (let x = 0n; x < top; x++) {
          if (rotr(n, x * u.m, u.k) <= u.max !== (x % c === 0n)) throw new Error(`udivisible(${n}, ${c}) fails for ${x}`)
          if (!s) continue
          const sx = BigInt.asIntN(n, x)
          if (rotr(n, sx * s.m + s.a, s.k) <= s.max !== (sx % c === 0n)) throw new Error(`sdivisible(${n}, ${c}) fails for ${sx}`)
        }
      }
    }
  })
})
