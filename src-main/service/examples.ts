// Example programs shipped in resources/examples: NAME.go, described by their
// first comment line (title) and the paragraph under it (summary).

import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import { ApiError } from '../protocol/errors'
import type { ExampleInfo, SourceFile } from '../protocol/model'

const NAME = /^[a-z0-9_-]+$/i

export class ExampleLibrary {
  constructor(private readonly dir: string) {}

  async list(): Promise<ExampleInfo[]> {
    const files = (await readdir(this.dir)).filter((f) => f.endsWith('.go')).sort()
    return Promise.all(
      files.map(async (f) => describe(f.slice(0, -3), await readFile(join(this.dir, f), 'utf8'))),
    )
  }

  async open(name: string): Promise<SourceFile> {
    if (!NAME.test(name)) throw new ApiError('bad-argument', `openExample.name ${JSON.stringify(name)} is not an example name`)
    try {
      const text = await readFile(join(this.dir, `${name}.go`), 'utf8')
      return { path: `examples/${name}.go`, text, origin: 'example' }
    } catch {
      throw new ApiError('not-found', `no example named ${JSON.stringify(name)}`)
    }
  }
}

export function describe(name: string, text: string): ExampleInfo {
  const comment: string[] = []
  for (const line of text.split('\n')) {
    if (!line.startsWith('//')) break
    comment.push(line.replace(/^\/\/ ?/, ''))
  }
  const [title = name, ...rest] = comment
  const summary = rest.join(' ').trim().replace(/\s+/g, ' ')
  return { name, title, summary }
}
