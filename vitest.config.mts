import { defineConfig } from 'vitest/config'
import vue from '@vitejs/plugin-vue'

export default defineConfig({
  plugins: [vue()],
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    // The SSA checker runs after every pass in tests (tests/setup.ts; SSASCOPE_CHECK for worker threads and services).
    setupFiles: ['tests/setup.ts'],
    env: { SSASCOPE_CHECK: '1' },
  },
})
