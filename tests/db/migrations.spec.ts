/**
 * The schema and drizzle/ never drift: generating migrations from the schema against the
 * committed snapshots must produce nothing new.
 */
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

describe('migrations', () => {
	it('match the schema: drizzle-kit generate finds nothing to add', () => {
		const out = mkdtempSync(path.join(tmpdir(), 'drizzle-drift-'));
		try {
			cpSync('drizzle', out, { recursive: true });
			const config = path.join(out, 'drizzle.config.json');
			writeFileSync(
				config,
				JSON.stringify({
					dialect: 'postgresql',
					schema: path.resolve('src/lib/server/db/schema/index.ts'),
					// drizzle-kit prefixes './' to `out`, so it must be relative to the working folder.
					out: path.relative(process.cwd(), out),
					casing: 'snake_case'
				})
			);
			const before = readdirSync(out).sort();
			const output = execFileSync('npx', ['drizzle-kit', 'generate', '--config', config], {
				encoding: 'utf8',
				stdio: ['ignore', 'pipe', 'pipe']
			});
			expect(output).toMatch(/No schema changes/);
			expect(readdirSync(out).sort()).toEqual(before);
		} finally {
			rmSync(out, { recursive: true, force: true });
		}
	}, 60_000);
});
