#!/usr/bin/env node
// `npm start`: the desktop app when Electron's binary is installed, otherwise
// browser mode with a plain explanation. Electron's binary is a separate
// download: since Electron 42 the electron npm package has no install script
// and fetches the binary on first use (`electron .`, require('electron')) or
// with `npx install-electron`; older versions fetched it at install unless
// ELECTRON_SKIP_BINARY_DOWNLOAD=1. Where it is missing, `electron-vite
// preview` only says "Error: Electron uninstall" (it never downloads).
//
// Plain Node, no shell: every child is spawned with an argument array.

import { spawn } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
export const projectRoot = resolve(here, '..')

/** Files browser mode runs from; built by `electron-vite build`. */
export const builtFiles = ['out/main/server.js', 'out/main/worker.js', 'out/renderer/index.html']

/** The Node version Electron's npm package (43 and later) declares in `engines`. */
const electronInstallerNode = [22, 12]

/**
 * Where Electron's binary is, or why there is none. Found the way the electron
 * package and electron-vite find it, but without require('electron'): that call
 * starts a download when the binary is missing.
 *
 * @param {{ root?: string, env?: NodeJS.ProcessEnv, exists?: (p: string) => boolean,
 *           readFile?: (p: string) => string, resolvePackage?: (root: string) => string | undefined }} [io]
 * @returns {{ present: true, binary: string } | { present: false, reason: 'package-missing' | 'not-downloaded' | 'binary-missing', detail: string }}
 */
export function findElectron(io = {}) {
  const root = io.root ?? projectRoot
  const env = io.env ?? process.env
  const exists = io.exists ?? existsSync
  const readFile = io.readFile ?? ((p) => readFileSync(p, 'utf8'))
  const resolvePackage = io.resolvePackage ?? resolveElectronPackage

  // electron-vite runs this file directly when it is set.
  if (env.ELECTRON_EXEC_PATH) {
    return exists(env.ELECTRON_EXEC_PATH)
      ? { present: true, binary: env.ELECTRON_EXEC_PATH }
      : { present: false, reason: 'binary-missing', detail: `ELECTRON_EXEC_PATH is set to ${env.ELECTRON_EXEC_PATH}, which does not exist` }
  }
  const pkg = resolvePackage(root)
  if (!pkg) return { present: false, reason: 'package-missing', detail: 'the electron package is not in node_modules' }
  const pathFile = join(pkg, 'path.txt')
  if (!exists(pathFile)) {
    return { present: false, reason: 'not-downloaded', detail: `${pathFile} is missing: the binary was never downloaded` }
  }
  const relative = readFile(pathFile).trim()
  const binary = env.ELECTRON_OVERRIDE_DIST_PATH ? join(env.ELECTRON_OVERRIDE_DIST_PATH, relative) : join(pkg, 'dist', relative)
  if (!exists(binary)) return { present: false, reason: 'binary-missing', detail: `${binary} is missing` }
  return { present: true, binary }
}

/** The electron package's folder, or undefined when it is not installed. */
function resolveElectronPackage(root) {
  try {
    return dirname(createRequire(join(root, 'package.json')).resolve('electron/package.json'))
  } catch {
    return undefined
  }
}

/**
 * What `npm start` does. Pure: the caller supplies what it observed.
 *
 * @param {{ electron: ReturnType<typeof findElectron>, built: boolean, nodeVersion: string, args: string[] }} facts
 * @returns {{ mode: 'electron', steps: string[][] } | { mode: 'browser', message: string, steps: string[][] }}
 *   steps: commands to run in order, each [script, ...args] for `node`
 *   (script paths are relative to the project root).
 */
export function decideStart(facts) {
  const electronVite = 'node_modules/electron-vite/bin/electron-vite.js'
  if (facts.electron.present) return { mode: 'electron', steps: [[electronVite, 'preview', ...facts.args]] }
  const steps = []
  if (!facts.built) steps.push([electronVite, 'build'])
  steps.push(['out/main/server.js', ...facts.args])
  return { mode: 'browser', message: explainMissing(facts.electron, facts.nodeVersion), steps }
}

/** The plain-words explanation printed before browser mode starts. */
export function explainMissing(electron, nodeVersion) {
  const [major, minor] = nodeVersion.replace(/^v/, '').split('.').map(Number)
  const oldNode = major < electronInstallerNode[0] || (major === electronInstallerNode[0] && minor < electronInstallerNode[1])
  const lines = ['ssascope: the desktop app cannot start because Electron is not installed on this machine.']
  if (electron.reason === 'package-missing') {
    lines.push(`  Why: ${electron.detail}.`)
    lines.push('  To get it: npm install')
  } else {
    lines.push("  Why: Electron's binary is a separate download that `npm install` does not make (the")
    lines.push('  electron package fetches it on first use), and it has not been downloaded on this machine.')
    lines.push(`  (${electron.detail})`)
    lines.push("  To get it: npx install-electron   (it needs to reach Electron's download site),")
    lines.push('  then `npm start` again.')
  }
  if (oldNode) {
    lines.push(`  Note: Electron's npm package asks for Node >= ${electronInstallerNode.join('.')}; this is Node ${nodeVersion.replace(/^v/, '')}.`)
  }
  lines.push('Starting browser mode instead: open the URL printed below in a browser (Ctrl+C stops it).')
  return lines.join('\n')
}

/** Runs `node script ...args` in the project root; resolves with its exit code. */
function runNode(step, onChild) {
  return new Promise((resolveRun, reject) => {
    const [script, ...args] = step
    const child = spawn(process.execPath, [join(projectRoot, script), ...args], { cwd: projectRoot, stdio: 'inherit' })
    onChild?.(child)
    child.on('error', reject)
    child.on('exit', (code, signal) => resolveRun(code ?? (signal ? 1 : 0)))
  })
}

async function main() {
  const electron = findElectron()
  const built = builtFiles.every((f) => existsSync(join(projectRoot, f)))
  const plan = decideStart({ electron, built, nodeVersion: process.version, args: process.argv.slice(2) })
  if (plan.mode === 'browser') process.stderr.write(plan.message + '\n')

  // Ctrl+C reaches the child too (same process group). A signal sent to this
  // process alone is passed on if the child is still running shortly after.
  // Either way we exit when the child does.
  let current
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => {
      setTimeout(() => {
        if (current && current.exitCode === null && current.signalCode === null) current.kill(signal)
      }, 300).unref()
    })
  }
  for (const step of plan.steps) {
    const code = await runNode(step, (child) => (current = child))
    if (code !== 0) process.exit(code)
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((e) => {
    process.stderr.write(`ssascope start: ${e instanceof Error ? e.message : e}\n`)
    process.exit(1)
  })
}
