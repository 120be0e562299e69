/**
 * The house's shape, checked by reading the source: the rules are pure (no I/O, no framework),
 * routes are thin (no database), and the shared code never imports server modules.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

function files(dir: string, ext: RegExp): string[] {
	return readdirSync(dir).flatMap((name) => {
		const full = path.join(dir, name);
		return statSync(full).isDirectory() ? files(full, ext) : ext.test(name) ? [full] : [];
	});
}
const imports = (file: string) =>
	[...readFileSync(file, 'utf8').matchAll(/^\s*import[^'"]*['"]([^'"]+)['"]/gm)].map((m) => m[1]!);

describe('architecture', () => {
	it('keeps src/lib/domain free of I/O and framework imports', () => {
		const domain = files('src/lib/domain', /\.ts$/).filter((f) => !f.endsWith('.spec.ts'));
		expect(domain.length).toBeGreaterThan(4);
		for (const file of domain) {
			for (const spec of imports(file)) {
				expect(spec.startsWith('.') || spec === 'zod', `${file} imports ${spec}`).toBe(true);
			}
			const source = readFileSync(file, 'utf8');
			expect(source, file).not.toMatch(/\b(fetch|process\.env|require)\s*\(|\bprocess\.env\b/);
		}
	});

	it('keeps routes thin: no database, SQL driver or drizzle import under src/routes', () => {
		for (const file of files('src/routes', /\.(ts|svelte)$/)) {
			for (const spec of imports(file)) {
				expect(spec, file).not.toMatch(/^(drizzle-orm|postgres$|@electric-sql|\$lib\/server\/db)/);
			}
		}
	});

	it('lets only the server import server modules', () => {
		for (const file of [
			...files('src/lib/domain', /\.ts$/),
			...files('src/lib/journeys', /\.ts$/)
		]) {
			for (const spec of imports(file)) expect(spec, file).not.toMatch(/\$lib\/server|\$app\//);
		}
	});
});
