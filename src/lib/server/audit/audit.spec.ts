import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { withTestDatabase } from '../../../../tests/db/database';
import { openDatabase, type Database } from '$lib/server/db/client';
import { useDatabase, type Db } from '$lib/server/db';
import * as audit from './index';

let database: Database;
let close: () => Promise<void>;

beforeAll(async () => {
	({ database, close } = await withTestDatabase());
});
afterAll(() => close());

const entry = (i: number): audit.AuditRecord => ({
	actor: `staff:${i % 3}`,
	action: i % 2 ? 'registration.viewed' : 'decision.made',
	subject: `registration:${i}`,
	details: { i, nested: { b: [1, 'two', { z: true, a: null }], a: 'ë' } }
});

/** Runs `statement` on the services' current database with the trigger bypassed. */
async function asSuperuserOn(statement: ReturnType<typeof sql>): Promise<void> {
	const { db } = await import('$lib/server/db');
	await (
		await db()
	).transaction(async (tx) => {
		await tx.execute(sql`set local session_replication_role = replica`);
		await tx.execute(statement);
	});
}

/** Runs `change` with the append-only trigger bypassed, as a superuser could. */
async function asSuperuser(change: (tx: Db) => Promise<unknown>): Promise<void> {
	await database.db.transaction(async (tx) => {
		await tx.execute(sql`set local session_replication_role = replica`);
		await change(tx as unknown as Db);
	});
}

// postgres.js returns an array, PGlite an object with rows: read both the same way.
async function selectAll(): Promise<Record<string, unknown>[]> {
	const result = (await database.db.execute(sql`select * from audit_log order by seq`)) as unknown;
	return Array.isArray(result) ? result : (result as { rows: Record<string, unknown>[] }).rows;
}

describe('the audit chain', () => {
	it('verifies after many records, across pages, and reports its head', async () => {
		for (let i = 1; i <= 40; i++) await audit.record(entry(i));
		const result = await audit.verify({ pageSize: 7 });
		expect(result).toMatchObject({ ok: true, entries: 40 });
		const all = await selectAll();
		expect(result.ok && result.head).toEqual({ seq: 40, hash: all.at(-1)!.hash });
	});

	it('verifies after concurrent appends: one gapless sequence', async () => {
		const before = (await selectAll()).length;
		await Promise.all(Array.from({ length: 60 }, (_, i) => audit.record(entry(1000 + i))));
		const result = await audit.verify();
		expect(result).toMatchObject({ ok: true, entries: before + 60 });
		const seqs = (await selectAll()).map((r) => Number(r.seq));
		expect(seqs).toEqual(Array.from({ length: before + 60 }, (_, i) => i + 1));
	});

	it('records inside the transaction of the change: a rollback leaves no entry', async () => {
		const before = (await selectAll()).length;
		await expect(
			database.db.transaction(async (tx) => {
				await audit.record(entry(5), tx as unknown as Db);
				throw new Error('the change failed');
			})
		).rejects.toThrow('the change failed');
		expect((await selectAll()).length).toBe(before);
		expect((await audit.verify()).ok).toBe(true);
	});
});

describe('the database keeps the log append-only', () => {
	it('refuses UPDATE, DELETE and TRUNCATE', async () => {
		for (const statement of [
			sql`update audit_log set actor = 'staff:evil' where seq = 1`,
			sql`delete from audit_log where seq = 1`,
			sql`truncate audit_log`
		]) {
			const error = await database.db.execute(statement).then(
				() => null,
				(e: Error & { cause?: Error }) => e
			);
			// drizzle wraps the driver's error; the trigger's message is its cause.
			expect(String(error?.cause?.message ?? error?.message)).toMatch(/append-only: \w+ refused/);
		}
		expect((await audit.verify()).ok).toBe(true);
	});
});

describe('tampering breaks verification at the row', () => {
	const tampered: Record<string, ReturnType<typeof sql>> = {
		at: sql`at = at + interval '1 second'`,
		actor: sql`actor = 'staff:someone-else'`,
		action: sql`action = 'registration.exported'`,
		subject: sql`subject = 'registration:other'`,
		details: sql`details = details || '{"i": -1}'::jsonb`,
		prev_hash: sql`prev_hash = ${'f'.repeat(64)}`,
		hash: sql`hash = ${'e'.repeat(64)}`
	};

	it.each(Object.keys(tampered))(
		'altering %s of the first, a middle or the last row',
		async (column) => {
			const total = (await selectAll()).length;
			for (const seq of [1, Math.floor(total / 2), total]) {
				const [original] = (await selectAll()).filter((r) => Number(r.seq) === seq);
				await asSuperuser((tx) =>
					tx.execute(sql`update audit_log set ${tampered[column]!} where seq = ${seq}`)
				);
				const result = await audit.verify({ pageSize: 16 });
				expect(result).toMatchObject({ ok: false, brokenAt: seq });
				// Put it back exactly, so the next case starts from an intact chain.
				await asSuperuser((tx) =>
					tx.execute(sql`update audit_log set at = ${original!.at as Date}, actor = ${original!.actor},
					action = ${original!.action}, subject = ${original!.subject},
					details = ${JSON.stringify(original!.details)}::jsonb, prev_hash = ${original!.prev_hash},
					hash = ${original!.hash} where seq = ${seq}`)
				);
				expect((await audit.verify()).ok).toBe(true);
			}
		}
	);

	it('renumbering a row shows as a missing entry there', async () => {
		await asSuperuser((tx) => tx.execute(sql`update audit_log set seq = 100000 where seq = 3`));
		expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: 3, why: 'missing entry' });
		await asSuperuser((tx) => tx.execute(sql`update audit_log set seq = 3 where seq = 100000`));
		expect((await audit.verify()).ok).toBe(true);
	});

	it('inserting a row breaks it at the inserted row', async () => {
		const total = (await selectAll()).length;
		const last = (await selectAll()).at(-1)!;
		await database.db
			.execute(sql`insert into audit_log (seq, at, actor, action, subject, details, prev_hash, hash)
			values (${total + 1}, now(), 'staff:forger', 'decision.made', 'registration:1', '{}'::jsonb,
			${last.hash as string}, ${randomBytes(32).toString('hex')})`);
		expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: total + 1 });
		await asSuperuser((tx) => tx.execute(sql`delete from audit_log where seq = ${total + 1}`));
		expect((await audit.verify()).ok).toBe(true);
	});

	it('deleting a row breaks it there; deleting the newest is caught against a noted head', async () => {
		const result = await audit.verify();
		if (!result.ok || !result.head) throw new Error('setup');
		const head = result.head;
		await asSuperuser((tx) => tx.execute(sql`delete from audit_log where seq = ${head.seq}`));
		// The chain alone is intact: only the head noted outside the database shows the loss.
		expect((await audit.verify()).ok).toBe(true);
		expect(await audit.verify({ expectHead: head })).toMatchObject({
			ok: false,
			brokenAt: head.seq
		});
		await asSuperuser((tx) => tx.execute(sql`delete from audit_log where seq = 5`));
		expect(await audit.verify()).toMatchObject({ ok: false, brokenAt: 5, why: 'missing entry' });
	});
});

describe('npm run audit:verify', () => {
	const run = async (env: Record<string, string>, args: string[] = []) => {
		try {
			const { stdout } = await promisify(execFile)(
				process.execPath,
				['scripts/audit-verify.mjs', ...args],
				{ env: { PATH: process.env.PATH ?? '', ...env } }
			);
			return { code: 0, out: stdout };
		} catch (error) {
			const failed = error as { code: number; stderr: string };
			return { code: failed.code, out: failed.stderr };
		}
	};

	/** A database the command can open from another process, with an intact chain of 12. */
	async function seeded() {
		const url = process.env.DATABASE_URL;
		let options: { url?: string; dataDir?: string };
		let env: Record<string, string>;
		let cleanup: () => Promise<void>;
		if (url) {
			const name = `portal_audit_${randomBytes(6).toString('hex')}`;
			const admin = postgres(url, { max: 1, onnotice: () => {} });
			await admin.unsafe(`create database ${name}`);
			await admin.end();
			const target = new URL(url);
			target.pathname = `/${name}`;
			options = { url: target.href };
			env = { DATABASE_URL: target.href };
			cleanup = async () => {
				const admin = postgres(url, { max: 1, onnotice: () => {} });
				await admin.unsafe(`drop database if exists ${name} with (force)`);
				await admin.end();
			};
		} else {
			const dir = mkdtempSync(path.join(tmpdir(), 'portal-audit-'));
			options = { dataDir: path.join(dir, 'pglite') };
			env = { DATA_DIR: dir };
			cleanup = async () => rmSync(dir, { recursive: true, force: true });
		}
		/** Opens that database (one process at a time for PGlite), runs `work`, closes it. */
		const using = async (work: () => Promise<void>) => {
			const own = await openDatabase(options);
			useDatabase(own);
			try {
				await work();
			} finally {
				await own.close();
				useDatabase(database);
			}
		};
		await using(async () => {
			for (let i = 1; i <= 12; i++) await audit.record(entry(i));
		});
		return { env, using, cleanup };
	}

	it('exits 0 with the head when intact, 1 naming the broken sequence number, 2 without a log', async () => {
		const { env, using, cleanup } = await seeded();
		try {
			const intact = await run(env);
			expect(intact.code).toBe(0);
			expect(intact.out).toContain('12 entries');
			const head = /Head: (12:[0-9a-f]{64})/.exec(intact.out)?.[1];
			expect(head).toBeDefined();
			expect((await run(env, ['--head', `12:${'a'.repeat(64)}`])).code).toBe(1);

			await using(async () => {
				await asSuperuserOn(sql`update audit_log set subject = 'registration:x' where seq = 9`);
			});
			const broken = await run(env);
			expect(broken.code).toBe(1);
			expect(broken.out).toMatch(/BROKEN .* at sequence number 9: content does not match/);
		} finally {
			await cleanup();
		}
		const missing = await run({ DATA_DIR: path.join(tmpdir(), 'portal-audit-none') });
		expect(missing.code).toBe(2);
		expect(missing.out).toMatch(/No database/);
	}, 120_000); // four Node processes, each starting PGlite (WebAssembly): slow on a busy machine
});
