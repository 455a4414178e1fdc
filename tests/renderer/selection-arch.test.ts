// The selection keeps a value and pins per arch: value ids are numbered per
// arch (v12 on ppc64 is another value than v12 on amd64), so switching arch
// puts one arch's aside and brings the other's back.

import { createPinia, setActivePinia } from 'pinia'
import { beforeEach, describe, expect, it } from 'vitest'
import { useSelection } from '../../src-renderer/src/stores/selection'

beforeEach(() => setActivePinia(createPinia()))

describe('selection per arch', () => {
  it('switching arch sets the selection and pins aside, and switching back restores them', () => {
    const sel = useSelection()
    sel.selectValue('v12')
    expect(sel.pinned.get('v12')).toBe(0)
    sel.arch = 'ppc64'
    expect(sel.value).toBeNull()
    expect(sel.pinned.size).toBe(0)
    // The aside arch is still readable (the comparison's other column).
    expect(sel.valueOf('amd64')).toBe('v12')
    expect([...sel.pinsOf('amd64')]).toEqual([['v12', 0]])
    sel.selectValue('v32')
    expect(sel.valueOf('ppc64')).toBe('v32')
    expect(sel.pinsOf('ppc64').get('v32')).toBe(0)
    sel.arch = 'amd64'
    expect(sel.value).toBe('v12')
    expect([...sel.pinned.keys()]).toEqual(['v12'])
    expect(sel.valueOf('ppc64')).toBe('v32')
  })

  it('a click toggles as in the listing: select and pin, then unpin the selected pinned value; Alt toggles the pin only', () => {
    const sel = useSelection()
    const plain = { altKey: false, ctrlKey: false, shiftKey: false }
    sel.clickValue('v3', plain)
    expect(sel.value).toBe('v3')
    expect(sel.pinned.has('v3')).toBe(true)
    sel.clickValue('v3', plain)
    expect(sel.pinned.has('v3')).toBe(false)
    sel.clickValue('v4', { ...plain, altKey: true })
    expect(sel.value).toBe('v3')
    expect(sel.pinned.has('v4')).toBe(true)
  })

  it('Esc clears every arch; another function drops the aside selection but keeps pins', () => {
    const sel = useSelection()
    sel.selectValue('v1')
    sel.arch = 'ppc64'
    sel.selectValue('v2')
    sel.selectFunc('Other')
    expect(sel.valueOf('amd64')).toBeNull()
    expect(sel.pinsOf('amd64').has('v1')).toBe(true)
    sel.clear()
    expect(sel.pinsOf('amd64').size).toBe(0)
    expect(sel.pinned.size).toBe(0)
  })
})
