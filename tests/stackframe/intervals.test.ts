// Live intervals as gc's liveness/intervals.go builds and compares them,
// including the positions its builder refuses (computeIntervals ignores the
// error, so a refused position leaves the interval as it was).

import { describe, expect, it } from 'vitest'
import { IntervalsBuilder, intervalsOverlap, intervalsString, mergeIntervals, type Intervals } from '../../src-main/compiler/stackframe/intervals'

/** Intervals written as gc prints them: `[0,2) [10,12)`. */
const iv = (text = ''): Intervals => [...text.matchAll(/\[(\d+),(\d+)\)/g)].map((m) => ({ st: Number(m[1]), en: Number(m[2]) }))

describe('IntervalsBuilder', () => {
  it('builds half-open intervals from a backwards walk', () => {
    const b = new IntervalsBuilder()
    b.live(13) // a use at 13
    b.live(10) // more uses while live extend the start
    b.kill(5) // a kill at 5: live from 6
    b.live(3)
    b.kill(1)
    expect(intervalsString(b.finish())).toBe('[2,4) [6,14)')
  })

  it('ignores a kill with nothing live, and refuses positions that do not decrease', () => {
    const b = new IntervalsBuilder()
    expect(b.kill(9)).toBe(true)
    expect(b.live(7)).toBe(true)
    expect(b.live(7)).toBe(false)
    expect(b.kill(7)).toBe(false) // gc's "pos not decreasing": the interval stays open
    expect(b.live(4)).toBe(true)
    expect(b.live(-1)).toBe(false)
    expect(intervalsString(b.finish())).toBe('[4,8)')
  })

  it('a kill right where a new use starts gives adjacent intervals', () => {
    const b = new IntervalsBuilder()
    b.live(8)
    b.kill(4)
    b.live(4)
    expect(intervalsString(b.finish())).toBe('[4,5) [5,9)')
  })

  it('an empty builder finishes empty', () => {
    expect(new IntervalsBuilder().finish()).toEqual([])
  })
})

describe('overlap and merge', () => {
  it('overlap needs a shared instruction, touching is not enough', () => {
    expect(intervalsOverlap(iv('[6,14)'), iv('[16,25)'))).toBe(false)
    expect(intervalsOverlap(iv('[6,14)'), iv('[14,25)'))).toBe(false)
    expect(intervalsOverlap(iv('[6,15)'), iv('[14,25)'))).toBe(true)
    expect(intervalsOverlap(iv('[0,2) [10,12)'), iv('[3,9)'))).toBe(false)
    expect(intervalsOverlap(iv('[0,2) [10,12)'), iv('[3,9) [11,20)'))).toBe(true)
    expect(intervalsOverlap(iv(), iv('[0,5)'))).toBe(false)
  })

  it('merge joins overlapping and adjacent intervals', () => {
    expect(intervalsString(mergeIntervals(iv('[0,2) [10,12)'), iv('[2,5) [20,22)')))).toBe('[0,5) [10,12) [20,22)')
    expect(intervalsString(mergeIntervals(iv('[0,8)'), iv('[3,4) [7,9)')))).toBe('[0,9)')
    expect(intervalsString(mergeIntervals(iv(), iv('[1,2)')))).toBe('[1,2)')
  })
})
