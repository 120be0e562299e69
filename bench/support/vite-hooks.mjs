// Module hooks for vite-imports.mjs (which see): `?raw`, `import.meta.glob`, `$app/environment`.
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';

const APP_ENVIRONMENT =
	'data:text/javascript,export const browser = false; export const dev = false; export const building = false; export const version = "bench";';

export async function resolve(specifier, context, next) {
	if (specifier === '$app/environment') return { url: APP_ENVIRONMENT, shortCircuit: true };
	if (!specifier.endsWith('?raw')) return next(specifier, context);
	const resolved = await next(specifier.slice(0, -'?raw'.length), context);
	return { url: `${resolved.url}?raw`, format: 'module', shortCircuit: true };
}

export async function load(url, context, next) {
	if (url.endsWith('?raw')) {
		const text = await readFile(fileURLToPath(url.slice(0, -'?raw'.length)), 'utf8');
		return {
			format: 'module',
			source: `export default ${JSON.stringify(text)};`,
			shortCircuit: true
		};
	}
	const loaded = await next(url, context);
	if (!url.startsWith('file:') || url.includes('/node_modules/') || loaded.source == null)
		return loaded;
	const source = String(loaded.source);
	if (!source.includes('import.meta.glob')) return loaded;
	return {
		...loaded,
		source: source.replaceAll('import.meta.glob(', 'globalThis.__benchViteGlob(import.meta.url, ')
	};
}
