import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig } from 'vitest/config';

// Under vitest the paraglide plugin is left out (it keeps vitest alive at exit);
// `npm run paraglide` compiles the messages with the CLI before tests instead.
const paraglide = process.env.VITEST
	? []
	: [
			paraglideVitePlugin({
				project: './project.inlang',
				outdir: './src/lib/paraglide',
				strategy: ['url', 'baseLocale']
			})
		];

export default defineConfig({
	plugins: [sveltekit(), ...paraglide],
	server: { port: 3000 },
	test: {
		include: ['src/**/*.spec.ts', 'tests/unit/**/*.spec.ts', 'tests/db/**/*.spec.ts'],
		environment: 'node',
		reporters: ['default', './tests/summary-reporter.ts'],
		testTimeout: 20_000,
		hookTimeout: 60_000
	}
});
