import { defineConfig } from 'vitest/config';

// Browser journeys against the production build (`npm run build` first). The global setup starts
// `node build` once; every test file drives its own Chromium against it.
export default defineConfig({
	test: {
		include: ['tests/e2e/**/*.e2e.ts'],
		globalSetup: ['tests/e2e/global-setup.ts'],
		environment: 'node',
		// Two cores: two files at a time, each with one Chromium, next to the server.
		pool: 'forks',
		maxWorkers: 2,
		fileParallelism: true,
		testTimeout: 120_000,
		hookTimeout: 120_000,
		teardownTimeout: 30_000,
		retry: 0,
		reporters: ['default', './tests/summary-reporter.ts']
	}
});
