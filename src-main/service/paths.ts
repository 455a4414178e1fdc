// Where bundled files live at run time. The node-side bundle is out/main/*.js,
// so the project root is two levels up; tests run from the sources.

import { existsSync, readFileSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))

/** The project root: the nearest ancestor with resources/examples. */
export const projectRoot: string = (() => {
  for (let dir = here; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'resources', 'examples'))) return dir
    if (dirname(dir) === dir) return resolve(here, '..', '..')
  }
})()

export const examplesDir = join(projectRoot, 'resources', 'examples')
export const rendererDir = join(projectRoot, 'out', 'renderer')
export const workerFile = join(projectRoot, 'out', 'main', 'worker.js')
export const appVersion: string = (() => {
  try {
    return (JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as { version: string }).version
  } catch {
    return '0.0.0'
  }
})()
/** The report page (src-renderer/report.html built into one file), the template of every exported report. */
export const reportTemplateFile = join(projectRoot, 'out', 'report', 'report.html')
