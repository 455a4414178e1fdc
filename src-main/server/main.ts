// `npm run serve`: browser mode on 127.0.0.1 (a free port unless --port N).

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

async function main(): Promise<void> {
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
