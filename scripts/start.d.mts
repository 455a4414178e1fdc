// Types for scripts/start.mjs (imported by tests/desktop/start.test.ts).

export const projectRoot: string
export const builtFiles: string[]

export type ElectronStatus =
  | { present: true; binary: string }
  | { present: false; reason: 'package-missing' | 'not-downloaded' | 'binary-missing'; detail: string }

export function findElectron(io?: {
  root?: string
  env?: NodeJS.ProcessEnv
  exists?: (p: string) => boolean
  readFile?: (p: string) => string
  resolvePackage?: (root: string) => string | undefined
}): ElectronStatus

export type StartPlan =
  | { mode: 'electron'; steps: string[][] }
  | { mode: 'browser'; message: string; steps: string[][] }

export function decideStart(facts: { electron: ElectronStatus; built: boolean; nodeVersion: string; args: string[] }): StartPlan

export function explainMissing(electron: ElectronStatus & { present: false }, nodeVersion: string): string

