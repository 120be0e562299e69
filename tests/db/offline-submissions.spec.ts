/**
 * Answers a device kept offline and sends again (issue 6), against a real database: a submission
 * key is applied once. A replay, even with another answer, changes nothing; two sends of one key
 * at once apply it once; answers without a key (no JavaScript) work as before.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { withTestDatabase } from './database';
import type { Database } from '$lib/server/db';
import { appliedSubmissions } from '$lib/server/db/schema';
import * as drafts from '$lib/server/drafts';
import * as registration from '$lib/server/registration';

let database: Database;
let close: () => Promise<void>;

beforeAll(async () => {
	({ database, close } = await withTestDatabase());
});
afterAll(async () => {
	await close();
});

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.set(k, v);
	return data;
};

async function answers(token: string) {
	return (await drafts.find(token, 'registration'))!.answers;
}

describe('a submission sent again', () => {
	it('is applied once: a replay with another answer changes nothing', async () => {
		const token = await registration.start('en');
		const key = randomUUID();
		await registration.submitStep(
			token,
			'nationality',
			form({ value: 'yes', submission: key }),
			'en'
		);
		await registration.submitStep(token, 'residence', form({ country: 'ES' }), 'en');
		const replay = await registration.submitStep(
			token,
			'nationality',
			form({ value: 'no', submission: key }),
			'en'
		);
		// The voter is sent on to where they are; the answer stays as it was.
		expect(replay).toEqual({ ok: true, next: { kind: 'step', step: 'date_of_birth' } });
		expect(await answers(token)).toEqual({
			nationality: { value: 'yes' },
			residence: { country: 'ES' }
		});
		// Without the key, the voter can still change the answer.
		await registration.submitStep(token, 'residence', form({ country: 'PT' }), 'en');
		expect((await answers(token)).residence).toEqual({ country: 'PT' });
	});

	it('sent twice at once, is applied once and both sends get an answer', async () => {
		const token = await registration.start('en');
		const key = randomUUID();
		const results = await Promise.all(
			['yes', 'yes', 'yes'].map((value) =>
				registration.submitStep(token, 'nationality', form({ value, submission: key }), 'en')
			)
		);
		expect(results.every((r) => r?.ok)).toBe(true);
		const draft = (await drafts.find(token, 'registration'))!;
		const rows = await database.db
			.select()
			.from(appliedSubmissions)
			.where(eq(appliedSubmissions.draftId, draft.id));
		expect(rows.map((r) => [r.key, r.step])).toEqual([[key, 'nationality']]);
		// One save for the one key: the draft moved on one version.
		expect(draft.version).toBe(1);
	});

	it('ignores a key that is not a UUID, and refuses nothing because of it', async () => {
		const token = await registration.start('en');
		const result = await registration.submitStep(
			token,
			'nationality',
			form({ value: 'yes', submission: "'; drop table drafts; --" }),
			'en'
		);
		expect(result?.ok).toBe(true);
		expect(await answers(token)).toEqual({ nationality: { value: 'yes' } });
	});
});
