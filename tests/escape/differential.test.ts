// Differential test: the real gc (`go tool compile -m=N -l`, what
// `go build -gcflags='-m=N -l'` runs) against ours on every file of
// testdata/escape and on the bundled examples: the identical multiset of
// lines at -m and at -m=2 (but the -m=2 explanations of the interface method
// wrappers gc analyses, which we do not model; see tests/escape/multiset.ts).

import { execFileSync } from 'node:child_process'
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, describe, expect, it } from 'vitest'
import { escapeSource } from '../../src-main/compiler/escape'
import { examplesDir, projectRoot } from '../../src-main/service/paths'
import { requireGo, skipDifferential } from '../go-toolchain'
import { multisetDiff, withoutInterfaceWrappers } from './multiset'

const corpus = join(projectRoot, 'testdata', 'escape')
const inputs = [
  ...readdirSync(corpus).filter((f) => f.endsWith('.go')).map((f) => join(corpus, f)),
  ...readdirSync(examplesDir).filter((f) => f.endsWith('.go')).map((f) => join(examplesDir, f)),
]

const work = mkdtempSync(join(tmpdir(), 'ssascope-escape-'))
afterAll(() => rmSync(work, { recursive: true, force: true }))

/** The export data of the standard packages a file imports (`math`, `math/bits`), as `go build` passes it; null without imports. */
function importcfg(goBin: string, text: string): string | null {
  const specs = [...text.matchAll(/^import\s*(?:\(([^)]*)\)|(.*))$/gm)].map((m) => m[1] ?? m[2] ?? '').join('\n')
  const paths = [...specs.matchAll(/"([\w/]+)"/g)].map((m) => m[1]!).filter((p) => p !== 'unsafe')
  if (paths.length === 0) return null
  const path = join(work, `importcfg-${paths.join('+').replace(/\//g, '_')}`)
  const format = '{{if .Export}}packagefile {{.ImportPath}}={{.Export}}{{end}}'
  writeFileSync(path, execFileSync(goBin, ['list', '-export', '-deps', '-f', format, ...paths], { cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] }))
  return path
}

/** gc's lines for one file, with paths relative to its directory as `go build` prints them. */
function gcLines(file: string, level: 1 | 2): string[] {
  const go = requireGo()
  const name = file.split('/').pop()!
  copyFileSync(file, join(work, name))
  const text = readFileSync(file, 'utf8')
  const pkg = /^package\s+(\w+)/m.exec(text)![1]!
  // Never `-o /dev/null`: gc removes its output file when compilation fails, and as root that is /dev/null.
  const args = ['tool', 'compile', '-p', pkg, `-m=${level}`, '-l', '-o', join(work, `${name}.o`)]
  const cfg = importcfg(go.bin, text)
  if (cfg) args.push(`-importcfg=${cfg}`)
  let out: string
  try {
    out = execFileSync(go.bin, [...args, name], { cwd: work, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
  } catch (e) {
    throw new Error(`gc failed on ${name}: ${(e as { stderr?: string }).stderr ?? e}`)
  }
  return out
    .split('\n')
    .filter((l) => l !== '')
    .map((l) => l.split(`${work}/`).join('./'))
}

describe.skipIf(skipDifferential)('escape analysis vs the real gc', () => {
  for (const file of inputs) {
    const name = file.split('/').pop()!
    it(`${name}: -m and -m=2 lines identical to gc's`, async () => {
      const text = readFileSync(file, 'utf8')
      for (const level of [1, 2] as const) {
        const ours = await escapeSource(`./${name}`, text, { level })
        expect(ours.diagnostics).toEqual([])
        expect({ level, diff: multisetDiff(withoutInterfaceWrappers(gcLines(file, level)), ours.lines) }).toEqual({ level, diff: [] })
      }
    })
  }
})
