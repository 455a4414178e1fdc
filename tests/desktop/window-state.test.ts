import { join } from 'node:path'
import { writeFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { loadState, saveState } from '../../src-main/desktop/window-state'
import { tempFiles } from '../helpers'

describe('window state', () => {
  it('round-trips bounds and the last file', () => {
    const file = join(tempFiles({}), 'sub', 'state.json')
    saveState(file, { bounds: { x: 10, y: 20, width: 1200, height: 800 }, maximized: true, lastFile: '/tmp/a.go' })
    expect(loadState(file)).toEqual({ bounds: { x: 10, y: 20, width: 1200, height: 800 }, maximized: true, lastFile: '/tmp/a.go' })
  })

  it('falls back to defaults on missing, corrupt or absurd state', () => {
    const dir = tempFiles({})
    expect(loadState(join(dir, 'none.json'))).toEqual({})
    writeFileSync(join(dir, 'bad.json'), '{nope')
    expect(loadState(join(dir, 'bad.json'))).toEqual({})
    writeFileSync(join(dir, 'tiny.json'), JSON.stringify({ bounds: { width: 3, height: 2 }, lastFile: 7 }))
    expect(loadState(join(dir, 'tiny.json'))).toEqual({ bounds: undefined, maximized: false, lastFile: undefined })
  })

  it('keeps the go toolchain preference, and drops an empty or non-string one', () => {
    const dir = tempFiles({})
    writeFileSync(join(dir, 's.json'), JSON.stringify({ goPath: ' /opt/go1.27/bin/go ' }))
    expect(loadState(join(dir, 's.json')).goPath).toBe('/opt/go1.27/bin/go')
    writeFileSync(join(dir, 'e.json'), JSON.stringify({ goPath: '  ' }))
    expect('goPath' in loadState(join(dir, 'e.json'))).toBe(false)
    writeFileSync(join(dir, 'n.json'), JSON.stringify({ goPath: 42 }))
    expect('goPath' in loadState(join(dir, 'n.json'))).toBe(false)
  })
})
