import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 120_000,
    pool: 'forks',
    // expect.poll waits on a browser or a server; one second (the default) is too short on a loaded machine.
    expect: { poll: { timeout: 30_000 } },
  },
});
