// `npm run serve`: browser mode on 127.0.0.1 (a free port unless --port N;
// --go PATH picks the go that runs the real compiler, as $SSASCOPE_GO does).

import { appVersion, examplesDir, rendererDir, workerFile } from '../service/paths'
import { WorkerPool } from '../service/pool'
import { Service } from '../service/service'
import { startServer } from './server'

function parsePort(argv: string[]): number {
  const i = argv.findIndex((a) => a === '--port' || a.startsWith('--port='))
  if (i < 0) return 0
  const raw = argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1]
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    process.stderr.write(`ssascope serve: --port: ${JSON.stringify(raw)} is not a port number\n`)
    process.exit(2)
  }
  return port
}

function parseGo(argv: string[]): string | undefined {
  const i = argv.findIndex((a) => a === '--go' || a.startsWith('--go='))
  if (i < 0) return undefined
  const raw = argv[i]!.includes('=') ? argv[i]!.slice('--go='.length) : argv[i + 1]
  if (raw === undefined || raw === '') {
    process.stderr.write('ssascope serve: --go needs the path of a go binary\n')
    process.exit(2)
  }
  return raw
}

async function main(): Promise<void> {
  const go = parseGo(process.argv.slice(2))
  // Before the pool starts: its workers inherit the environment.
  if (go !== undefined) process.env['SSASCOPE_GO'] = go
  const service = new Service({ runner: new WorkerPool(workerFile), examplesDir, version: appVersion, transport: 'http' })
  const running = await startServer(service, { port: parsePort(process.argv.slice(2)), staticDir: rendererDir })
  process.stdout.write(`ssascope: serving on ${running.url}\n`)
  const stop = async () => {
    await running.close()
    await service.dispose()
    process.exit(0)
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((e: unknown) => {
  process.stderr.write(`ssascope serve: ${e instanceof Error ? e.message : e}\n`)
  process.exit(1)
})
