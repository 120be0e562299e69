import { defineConfig } from 'vitest/config';

// Crashes, restarts and backups (issue 8) against the production build (`npm run build` first)
// on the machine's PostgreSQL (DATABASE_URL). One file at a time: one of them restarts
// PostgreSQL itself.
export default defineConfig({
	test: {
		include: ['tests/resilience/**/*.spec.ts'],
		environment: 'node',
		pool: 'forks',
		fileParallelism: false,
		testTimeout: 300_000,
		hookTimeout: 240_000,
		retry: 0,
		reporters: ['default', './tests/summary-reporter.ts']
	}
});
