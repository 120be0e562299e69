import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { withTestDatabase } from '../../../../tests/db/database';
import { accounts, applications as applicationTable, drafts as table } from '$lib/server/db/schema';
import type { Database } from '$lib/server/db';
import * as drafts from './index';

let database: Database;
let close: () => Promise<void>;

beforeAll(async () => {
	({ database, close } = await withTestDatabase());
});
afterAll(() => close());

describe('drafts', () => {
	it('stores only the hash of the resume token and finds the draft by the token', async () => {
		const { token, draft } = await drafts.create('registration', 'nl');
		expect(drafts.isToken(token)).toBe(true);
		const [row] = await database.db.select().from(table).where(eq(table.id, draft.id));
		expect(row?.tokenHash).toBe(drafts.hashToken(token));
		expect(JSON.stringify(row)).not.toContain(token);
		expect((await drafts.find(token, 'registration'))?.id).toBe(draft.id);
	});

	it('finds nothing for a wrong, malformed or other-journey token', async () => {
		const { token } = await drafts.create('registration', 'nl');
		const other = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
		expect(await drafts.find(other, 'registration')).toBeNull();
		expect(await drafts.find("' or 1=1 --", 'registration')).toBeNull();
		expect(await drafts.find(token, 'change')).toBeNull();
	});

	it('refuses a save based on a stale version, so two tabs never overwrite each other', async () => {
		const { token } = await drafts.create('registration', 'en');
		const first = (await drafts.find(token, 'registration'))!;
		expect(await drafts.saveAnswers(first, { nationality: { value: 'yes' } }, 'en')).toBe(true);
		expect(await drafts.saveAnswers(first, { nationality: { value: 'no' } }, 'en')).toBe(false);
		const now = (await drafts.find(token, 'registration'))!;
		expect(now.answers).toEqual({ nationality: { value: 'yes' } });
		expect(now.version).toBe(1);
	});

	it('gives a completed draft one reference, however often it is completed', async () => {
		const { token } = await drafts.create('registration', 'nl');
		const draft = (await drafts.find(token, 'registration'))!;
		const [a, b] = await Promise.all([drafts.complete(draft), drafts.complete(draft)]);
		expect(a).toBe(b);
		expect(a).toMatch(/^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/);
		const done = (await drafts.find(token, 'registration'))!;
		expect(done.reference).toBe(a);
		expect(done.completedAt).toBeInstanceOf(Date);
		// A completed draft is frozen: the printed form and the stored answers stay the same.
		expect(await drafts.saveAnswers(done, {}, 'nl')).toBe(false);
	});

	it('deletes unfinished drafts untouched for 30 days, and keeps finished ones', async () => {
		const stale = await drafts.create('registration', 'nl');
		const fresh = await drafts.create('registration', 'nl');
		const finished = await drafts.create('registration', 'nl');
		await drafts.complete(finished.draft);
		const old = new Date(Date.now() - 31 * 24 * 60 * 60 * 1000);
		for (const id of [stale.draft.id, finished.draft.id]) {
			await database.db.update(table).set({ updatedAt: old }).where(eq(table.id, id));
		}
		expect(await drafts.purgeAbandoned()).toBeGreaterThanOrEqual(1);
		expect(await drafts.find(stale.token, 'registration')).toBeNull();
		expect(await drafts.find(fresh.token, 'registration')).not.toBeNull();
		expect((await drafts.find(finished.token, 'registration'))?.reference).toBeTruthy();
		// Running it again (another process) changes nothing.
		expect(await drafts.purgeAbandoned()).toBe(0);
	});

	it('makes references from the unambiguous alphabet only', () => {
		const seen = new Set<string>();
		for (let i = 0; i < 2000; i++) {
			const r = drafts.newReference();
			expect(r).not.toMatch(/[ILOU]/);
			seen.add(r);
		}
		expect(seen.size).toBe(2000);
	});

	it('links a draft to one account only, and never takes it over for another', async () => {
		const [first, second] = await database.db
			.insert(accounts)
			.values([
				{ kind: 'voter', webauthnUserId: 'handle-first' },
				{ kind: 'voter', webauthnUserId: 'handle-second' }
			])
			.returning();
		const { token, draft } = await drafts.create('registration', 'nl');
		expect(drafts.accountLink(draft, first!.id)).toBe('none');
		expect(await drafts.linkAccount(token, first!.id)).toBe(true);
		// Again by the same account: still theirs.
		expect(await drafts.linkAccount(token, first!.id)).toBe(true);
		expect(await drafts.linkAccount(token, second!.id)).toBe(false);
		const linked = (await drafts.find(token, 'registration'))!;
		expect(linked.accountId).toBe(first!.id);
		expect(drafts.accountLink(linked, first!.id)).toBe('yours');
		expect(drafts.accountLink(linked, second!.id)).toBe('another');
		expect(drafts.accountLink(linked, null)).toBe('another');
		expect(await drafts.linkAccount('not-a-token', first!.id)).toBe(false);
	});
});

describe('the BSN at rest (issue 8)', () => {
	const BSN = '111222333';
	const raw = async (query: string) => JSON.stringify(await database.db.execute(sql.raw(query)));

	it('is sealed in a draft’s stored answers and opened for the journey', async () => {
		const answers = { name: { surname: 'Jansen' }, bsn: { bsn: BSN } };
		const { token, draft } = await drafts.create('registration', 'nl', answers);
		const [row] = await database.db.select().from(table).where(eq(table.id, draft.id));
		expect(row?.answers).toEqual(answers);
		expect((await drafts.find(token, 'registration'))?.answers).toEqual(answers);
		const stored = await raw(`select answers::text from drafts where id = '${draft.id}'`);
		expect(stored).not.toContain(BSN);
		expect(stored).toContain('bsnSealed');
		expect(stored).toContain('Jansen');

		const later = (await drafts.find(token, 'registration'))!;
		expect(await drafts.saveAnswers(later, { ...answers, bsn: { bsn: '123456782' } }, 'nl')).toBe(
			true
		);
		expect((await drafts.find(token, 'registration'))?.answers.bsn).toEqual({ bsn: '123456782' });
		expect(await raw(`select answers::text from drafts where id = '${draft.id}'`)).not.toContain(
			'123456782'
		);
	});

	it('is sealed in an application’s answers and request, which open as they were', async () => {
		const answers = { bsn: { bsn: BSN }, name: { surname: 'De Vries' } };
		const request = { kind: 'replacement', voter: { surname: 'De Vries', bsn: BSN } };
		const [row] = await database.db
			.insert(applicationTable)
			.values({
				reference: 'SEAL-TEST-0001',
				kind: 'replacement',
				locale: 'nl',
				answers,
				request: request as never,
				channel: 'upload',
				receivedAt: new Date(),
				dueOn: '2030-01-08'
			})
			.returning();
		expect(row?.answers).toEqual(answers);
		expect(row?.request).toEqual(request);
		const stored = await raw(
			`select answers::text, request::text from applications where id = '${row!.id}'`
		);
		expect(stored).not.toContain(BSN);
		expect(stored).toContain('De Vries');
	});

	it('reads answers written before sealing unchanged, and leaves an empty BSN alone', async () => {
		const { draft } = await drafts.create('registration', 'nl', { bsn: { bsn: '' } });
		await database.db.execute(
			sql.raw(
				`update drafts set answers = '{"bsn":{"bsn":"${BSN}"}}'::jsonb where id = '${draft.id}'`
			)
		);
		const [row] = await database.db.select().from(table).where(eq(table.id, draft.id));
		expect(row?.answers).toEqual({ bsn: { bsn: BSN } });
	});
});
