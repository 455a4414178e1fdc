#!/usr/bin/env node
// The CLI runs from the node-side build (made by `npm install` via `prepare`).
const { existsSync } = require('node:fs')
const { join } = require('node:path')
const cli = join(__dirname, '..', 'out', 'main', 'cli.js')
if (!existsSync(cli)) {
  process.stderr.write('ssascope: not built yet; run `npm run build` in ' + join(__dirname, '..') + '\n')
  process.exit(2)
}
require(cli)
