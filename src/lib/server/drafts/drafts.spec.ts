import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { withTestDatabase } from '../../../../tests/db/database';
import { accounts, drafts as table } from '$lib/server/db/schema';
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
