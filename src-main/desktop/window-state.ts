// Window bounds, the last opened file and the preferences, kept in userData/state.json.

import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { dirname } from 'node:path'

export interface SavedState {
  bounds?: { x?: number; y?: number; width: number; height: number }
  maximized?: boolean
  lastFile?: string
  /** Preference: the go binary that runs the real compiler (else $SSASCOPE_GO, else go on PATH). */
  goPath?: string
}

export function loadState(file: string): SavedState {
  try {
    const s = JSON.parse(readFileSync(file, 'utf8')) as SavedState
    const b = s.bounds
    const okBounds = b && Number.isFinite(b.width) && Number.isFinite(b.height) && b.width >= 400 && b.height >= 300
    return {
      bounds: okBounds ? b : undefined,
      maximized: s.maximized === true,
      lastFile: typeof s.lastFile === 'string' ? s.lastFile : undefined,
      ...(typeof s.goPath === 'string' && s.goPath.trim() !== '' ? { goPath: s.goPath.trim() } : {}),
    }
  } catch {
    return {}
  }
}

export function saveState(file: string, state: SavedState): void {
  try {
    mkdirSync(dirname(file), { recursive: true })
    writeFileSync(file, JSON.stringify(state, null, 2))
  } catch {
    // Losing the window size is not worth interrupting the user for.
  }
}
