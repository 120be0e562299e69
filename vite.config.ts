import { sveltekit } from '@sveltejs/kit/vite';
import { paraglideVitePlugin } from '@inlang/paraglide-js';
import { defineConfig, type Plugin } from 'vitest/config';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { EVERY_LANGUAGE } from './src/lib/every-language';

/**
 * The browser's messages (issue 6, Lighthouse): paraglide compiles every message with all six
 * languages in it, and the catalogue looks messages up by key, so every page's script held every
 * message in every language (1.2 MB). In the client build only, src/lib/catalogue.ts becomes
 * src/lib/catalogue.client.ts (the page's language, loaded before hydration), and paraglide's
 * message index becomes one small function per key that asks it. The server keeps paraglide's.
 */
function clientMessages(): Plugin {
	const catalogue = path.resolve('src/lib/catalogue.ts');
	const clientCatalogue = path.resolve('src/lib/catalogue.client.ts');
	const index = path.resolve('src/lib/paraglide/messages/_index.js');
	const isClient = (env: { config: { consumer: string } } | undefined, ssr?: boolean) =>
		env ? env.config.consumer === 'client' : !ssr;
	return {
		name: 'client-messages',
		enforce: 'pre',
		async resolveId(source, importer, options) {
			if (!isClient(this.environment, options?.ssr)) return null;
			const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
			return resolved?.id === catalogue ? clientCatalogue : null;
		},
		load(id, options) {
			if (id !== index || !isClient(this.environment, options?.ssr)) return null;
			const keys = Object.keys(
				JSON.parse(readFileSync(path.resolve('messages/nl.json'), 'utf8')) as object
			).filter((key) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(key));
			const locales = readdirSync(path.resolve('messages'))
				.filter((file) => file.endsWith('.json'))
				.map(
					(file) =>
						[
							file.slice(0, -'.json'.length),
							JSON.parse(readFileSync(path.resolve('messages', file), 'utf8')) as Record<
								string,
								string
							>
						] as const
				);
			const every = (key: string) =>
				JSON.stringify(Object.fromEntries(locales.map(([locale, texts]) => [locale, texts[key]])));
			// `export { _1 as continue }`: a message may be named like a reserved word.
			return [
				`import { lookup, multilingual } from ${JSON.stringify(clientCatalogue)};`,
				// Declarations, not closures made at load: 2,000 of those cost a phone 20 ms.
				...keys.map((key, i) =>
					EVERY_LANGUAGE.includes(key)
						? `const _${i} = /* @__PURE__ */ multilingual(${every(key)});`
						: `function _${i}(p, o) { return lookup(${JSON.stringify(key)}, p, o && o.locale); }`
				),
				`export { ${keys.map((key, i) => `_${i} as ${key}`).join(', ')} };`
			].join('\n');
		}
	};
}

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
	plugins: [...(process.env.VITEST ? [] : [clientMessages()]), sveltekit(), ...paraglide],
	server: { port: 3000 },
	test: {
		include: ['src/**/*.spec.ts', 'tests/unit/**/*.spec.ts', 'tests/db/**/*.spec.ts'],
		environment: 'node',
		reporters: ['default', './tests/summary-reporter.ts'],
		testTimeout: 20_000,
		hookTimeout: 60_000
	}
});
