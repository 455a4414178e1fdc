// A small seeded PRNG (mulberry32): the same seed gives the same program on
// every machine and Node version, which Math.random cannot promise.

export class Rng {
  private s: number

  constructor(seed: number) {
    // Spread nearby seeds apart (splitmix32's finaliser), so seed 1 and 2 differ from the first draw.
    let z = (seed + 0x9e3779b9) | 0
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    this.s = (z ^ (z >>> 16)) >>> 0
  }

  /** A uniform 32-bit unsigned integer. */
  next(): number {
    let t = (this.s = (this.s + 0x6d2b79f5) | 0)
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return (t ^ (t >>> 14)) >>> 0
  }

  /** An integer in [0, n). */
  int(n: number): number {
    return n <= 1 ? 0 : this.next() % n
  }

  /** An integer in [lo, hi]. */
  range(lo: number, hi: number): number {
    return lo + this.int(hi - lo + 1)
  }

  chance(p: number): boolean {
    return this.next() / 0x1_0000_0000 < p
  }

  pick<T>(xs: readonly T[]): T {
    if (xs.length === 0) throw new Error('pick from an empty list')
    return xs[this.int(xs.length)]!
  }

  /** One of `choices` by weight; entries with weight 0 are never chosen. */
  weighted<T>(choices: readonly (readonly [number, T])[]): T {
    const total = choices.reduce((s, [w]) => s + w, 0)
    let r = (this.next() / 0x1_0000_0000) * total
    for (const [w, x] of choices) {
      if (r < w) return x
      r -= w
    }
    return choices[choices.length - 1]![1]
  }
}
