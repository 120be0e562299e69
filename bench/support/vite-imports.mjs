/**
 * Lets tsx run the app's server modules, which are written for Vite (SvelteKit builds and vitest
 * both go through it), outside Vite, as the TypeScript benchmarks do:
 *
 *   - `import text from './file?raw'` gives the file's text (the upload checks' worker source);
 *   - `import.meta.glob('…/*.json', { import: 'default' })` gives loaders of the matching files;
 *   - `$app/environment` is the server's: `browser` is false.
 *
 *   node --import tsx --import ./bench/support/vite-imports.mjs bench/<file>.ts
 *   npx tsx --import ./bench/support/vite-imports.mjs bench/<file>.ts
 */
import { readFileSync, readdirSync } from 'node:fs';
import { register } from 'node:module';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

register('./vite-hooks.mjs', import.meta.url);

/** Vite's import.meta.glob for one pattern with `*` in its last segment, lazy or eager. */
globalThis.__benchViteGlob = (base, pattern, options = {}) => {
	const full = path.resolve(path.dirname(fileURLToPath(base)), pattern);
	const folder = path.dirname(full);
	const name = new RegExp(
		`^${path
			.basename(full)
			.replace(/[.+^${}()|[\]\\]/g, '\\$&')
			.replace(/\*/g, '.*')}$`
	);
	const prefix = pattern.slice(0, pattern.lastIndexOf('/') + 1);
	const found = {};
	for (const file of readdirSync(folder).filter((f) => name.test(f))) {
		const absolute = path.join(folder, file);
		const load = () =>
			file.endsWith('.json')
				? { default: JSON.parse(readFileSync(absolute, 'utf8')) }
				: import(pathToFileURL(absolute).href);
		const pick = (module) => (options.import ? module[options.import] : module);
		found[`${prefix}${file}`] = options.eager ? pick(load()) : async () => pick(await load());
	}
	return found;
};
