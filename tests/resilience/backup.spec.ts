/**
 * Backups (issue 8): the procedure in docs/security.md, run on the machine's PostgreSQL against a
 * live portal. `pg_dump --format=custom`, `pg_restore` into an empty database, and the restored
 * database holds every row of every table (the migrations' bookkeeping included) and an audit
 * chain that verifies to the same head.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase } from '../e2e/global-setup';
import {
	ANSWERS,
	connect,
	post,
	serverUrl,
	startPortal,
	stepOf,
	tokenOf,
	type Portal
} from './portal';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** Every table's rows, as one digest per table, in every schema the portal owns. */
async function digests(
	databaseUrl: string
): Promise<Record<string, { rows: number; md5: string }>> {
	const sql = connect(databaseUrl);
	try {
		const tables = await sql<{ schema: string; name: string }[]>`
			select table_schema as schema, table_name as name from information_schema.tables
			where table_type = 'BASE TABLE' and table_schema not in ('pg_catalog', 'information_schema')
			order by 1, 2`;
		const out: Record<string, { rows: number; md5: string }> = {};
		for (const { schema, name } of tables) {
			const table = `"${schema}"."${name}"`;
			const [row] = await sql.unsafe<{ rows: number; md5: string | null }[]>(
				`select count(*)::int as rows, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as md5 from ${table} t`
			);
			out[`${schema}.${name}`] = { rows: row!.rows, md5: row!.md5 ?? '' };
		}
		return out;
	} finally {
		await sql.end();
	}
}

function auditVerify(databaseUrl: string, head?: string): string {
	return execFileSync(
		process.execPath,
		['scripts/audit-verify.mjs', ...(head ? ['--head', head] : [])],
		{ cwd: ROOT, env: { ...process.env, DATABASE_URL: databaseUrl }, encoding: 'utf8' }
	);
}

describe('a backup with pg_dump, restored with pg_restore', () => {
	let portal: Portal;
	let restored: Awaited<ReturnType<typeof createDatabase>>;
	const work = mkdtempSync(path.join(tmpdir(), 'backup-'));

	beforeAll(async () => {
		portal = await startPortal('backup');
		restored = await createDatabase(serverUrl());
	}, 240_000);
	afterAll(async () => {
		await portal?.drop();
		await restored?.drop();
		rmSync(work, { recursive: true, force: true });
	});

	it('holds every row, and the restored audit chain verifies to the same head', async () => {
		// Data of every kind a live portal holds: finished and unfinished drafts, status requests
		// (audited, with their outbox messages), the first admin's enrolment (audited at start).
		for (let i = 0; i < 3; i++) {
			let response = await post(portal.origin, '/register', {});
			const token = tokenOf(response.headers.get('location'));
			let step = stepOf(response.headers.get('location'));
			while (step !== 'done' && (i < 2 || step !== 'address')) {
				response = await post(
					portal.origin,
					`/register/${token}/${step}`,
					step === 'check' ? {} : ANSWERS[step!]!
				);
				expect(response.status).toBe(303);
				step = stepOf(response.headers.get('location'));
			}
		}
		for (const surname of ['Jansen', 'De Vries', 'Bakker']) {
			const response = await post(portal.origin, '/status', {
				first_names: 'Anna',
				surname,
				dob_day: '14',
				dob_month: '5',
				dob_year: '1988',
				country: 'CA',
				answer_by: 'email',
				email: 'anna@example.ca'
			});
			expect(response.status).toBe(303);
		}

		const before = await digests(portal.databaseUrl);
		expect(before['public.drafts']!.rows).toBe(3);
		expect(before['public.status_requests']!.rows).toBe(3);
		expect(before['public.audit_log']!.rows).toBeGreaterThanOrEqual(4);
		const original = auditVerify(portal.databaseUrl);
		const head = /^Head: (\S+)$/m.exec(original)?.[1];
		expect(head).toMatch(/^\d+:[0-9a-f]{64}$/);

		// The procedure, as documented: a dump of the live database, restored into an empty one.
		const dump = path.join(work, 'portal.dump');
		execFileSync('pg_dump', [
			'--format=custom',
			'--no-owner',
			`--file=${dump}`,
			portal.databaseUrl
		]);
		expect(statSync(dump).size).toBeGreaterThan(0);
		execFileSync('pg_restore', ['--no-owner', '--exit-on-error', `--dbname=${restored.url}`, dump]);

		expect(await digests(restored.url)).toEqual(before);
		// The restored chain verifies, and ends at the head noted before the backup.
		expect(auditVerify(restored.url, head)).toContain(`Head: ${head}`);
		// The append-only trigger came back with the table: the restored log cannot be rewritten.
		const sql = connect(restored.url);
		try {
			await expect(sql`update audit_log set actor = 'someone else'`).rejects.toThrow();
		} finally {
			await sql.end();
		}
	}, 240_000);
});
