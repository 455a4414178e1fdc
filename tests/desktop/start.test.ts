// `npm start` (scripts/start.mjs): the desktop app when Electron's binary is
// installed, browser mode with an explanation when it is not.

import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { builtFiles, decideStart, findElectron, projectRoot } from '../../scripts/start.mjs'

const pkg = '/proj/node_modules/electron'

/** A file system with just these files. */
function fakeFs(files: Record<string, string>) {
  return {
    root: '/proj',
    env: {},
    exists: (p: string) => p in files,
    readFile: (p: string) => {
      if (!(p in files)) throw new Error(`ENOENT ${p}`)
      return files[p]!
    },
    resolvePackage: () => pkg,
  }
}

describe('npm start', () => {
  it('finds the binary the way the electron package does', () => {
    const io = fakeFs({ [`${pkg}/path.txt`]: 'electron', [`${pkg}/dist/electron`]: '' })
    expect(findElectron(io)).toEqual({ present: true, binary: `${pkg}/dist/electron` })
    expect(findElectron({ ...io, env: { ELECTRON_OVERRIDE_DIST_PATH: '/opt/el' }, exists: (p) => p !== `${pkg}/dist/electron` })).toEqual({
      present: true,
      binary: '/opt/el/electron',
    })
  })

  it('runs electron-vite preview when the binary is there', () => {
    const electron = findElectron(fakeFs({ [`${pkg}/path.txt`]: 'electron\n', [`${pkg}/dist/electron`]: '' }))
    const plan = decideStart({ electron, built: false, nodeVersion: 'v22.12.0', args: [] })
    expect(plan).toEqual({ mode: 'electron', steps: [['node_modules/electron-vite/bin/electron-vite.js', 'preview']] })
  })

  it('falls back to browser mode when the binary was never downloaded, building first if needed', () => {
    // What npm install leaves (Electron 42+ download on first use): the package without path.txt or dist/.
    const electron = findElectron(fakeFs({}))
    expect(electron).toMatchObject({ present: false, reason: 'not-downloaded' })
    const plan = decideStart({ electron, built: false, nodeVersion: 'v20.20.2', args: ['--port', '4000'] })
    expect(plan.mode).toBe('browser')
    expect(plan.steps).toEqual([['node_modules/electron-vite/bin/electron-vite.js', 'build'], ['out/main/server.js', '--port', '4000']])
    if (plan.mode !== 'browser') return
    expect(plan.message).toContain('Electron is not installed')
    expect(plan.message).toContain('has not been downloaded')
    expect(plan.message).toContain('npx install-electron')
    expect(plan.message).toContain('Starting browser mode instead')
    expect(plan.message).toContain('Node >= 22.12; this is Node 20.20.2')
    expect(plan.message).not.toContain('uninstall')

    const builtPlan = decideStart({ electron, built: true, nodeVersion: 'v22.12.0', args: [] })
    expect(builtPlan.steps).toEqual([['out/main/server.js']])
    expect(builtPlan.mode === 'browser' && builtPlan.message).not.toContain('asks for Node')
  })

  it('falls back when path.txt names a binary that is gone, or the package is missing', () => {
    const gone = findElectron(fakeFs({ [`${pkg}/path.txt`]: 'electron' }))
    expect(gone).toMatchObject({ present: false, reason: 'binary-missing' })
    expect(decideStart({ electron: gone, built: true, nodeVersion: 'v22.12.0', args: [] }).mode).toBe('browser')

    const noPkg = findElectron({ ...fakeFs({}), resolvePackage: () => undefined })
    expect(noPkg).toMatchObject({ present: false, reason: 'package-missing' })
    const plan = decideStart({ electron: noPkg, built: true, nodeVersion: 'v22.12.0', args: [] })
    expect(plan.mode === 'browser' && plan.message).toContain('npm install')
  })

  const here = findElectron()
  const built = builtFiles.every((f) => existsSync(join(projectRoot, f)))
  it.runIf(!here.present && built)('on this machine (no binary): explains and serves browser mode', async () => {
    const child = spawn(process.execPath, [join(projectRoot, 'scripts', 'start.mjs'), '--port', '0'], { cwd: projectRoot })
    let stdout = ''
    let stderr = ''
    child.stderr.on('data', (d) => (stderr += d))
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)))
    try {
      const url = await new Promise<string>((resolveUrl, reject) => {
        const timer = setTimeout(() => reject(new Error(`no URL after 15 s; stderr: ${stderr}`)), 15_000)
        child.stdout.on('data', (d) => {
          stdout += d
          const m = /serving on (http:\/\/127\.0\.0\.1:\d+\/)/.exec(stdout)
          if (m) {
            clearTimeout(timer)
            resolveUrl(m[1]!)
          }
        })
        child.on('exit', () => reject(new Error(`start exited early; stderr: ${stderr}`)))
      })
      expect(stderr).toContain('Starting browser mode instead')
      const res = await fetch(url)
      expect(res.status).toBe(200)
    } finally {
      // The start script passes SIGTERM on to the server and exits with it.
      child.kill('SIGTERM')
      await exited
    }
  })
})
