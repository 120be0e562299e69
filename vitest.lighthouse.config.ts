import { defineConfig } from 'vitest/config';

// The Lighthouse gate (issue 6 item 4) against the production build (`npm run build` first): the
// e2e global set-up starts `node build`; one file, one page at a time, alone on the machine.
export default defineConfig({
	test: {
		include: ['tests/lighthouse/**/*.lh.ts'],
		globalSetup: ['tests/e2e/global-setup.ts'],
		environment: 'node',
		pool: 'forks',
		fileParallelism: false,
		testTimeout: 600_000,
		hookTimeout: 180_000,
		retry: 0,
		reporters: ['default', './tests/summary-reporter.ts']
	}
});
