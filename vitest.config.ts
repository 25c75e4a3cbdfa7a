import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}', 'tests/component/**/*.test.{ts,tsx}', 'tests/emulator/**/*.test.ts'],
    // Component tests opt into happy-dom per file; everything else is plain Node.
    environment: 'node',
    setupFiles: ['tests/setup.ts'],
    testTimeout: 20_000,
    mockReset: false,
  },
});
