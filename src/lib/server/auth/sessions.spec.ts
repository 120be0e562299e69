import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { withTestDatabase } from '../../../../tests/db/database';
import { accounts, sessions, webauthnChallenges } from '$lib/server/db/schema';
import type { Database } from '$lib/server/db';
import { storeChallenge } from './challenges';
import {
	TOUCH_INTERVAL_MS,
	countSessions,
	createSession,
	endAllSessions,
	endSession,
	purgeExpired,
	readSession
} from './sessions';
import { hashToken, newToken } from './tokens';

let database: Database;
let close: () => Promise<void>;

beforeAll(async () => {
	({ database, close } = await withTestDatabase());
});
afterAll(() => close());
afterEach(() => {
	delete process.env.SESSION_IDLE_MINUTES;
	delete process.env.SESSION_ABSOLUTE_HOURS;
});

const MIN = 60_000;
const at = (start: Date, ms: number) => new Date(start.getTime() + ms);

async function account(kind: 'voter' | 'staff' = 'voter') {
	const [row] = await database.db
		.insert(accounts)
		.values({ kind, webauthnUserId: newToken(), roles: kind === 'staff' ? ['clerk'] : [] })
		.returning();
	return row!;
}

async function stored(token: string) {
	const [row] = await database.db
		.select()
		.from(sessions)
		.where(eq(sessions.tokenHash, hashToken(token)));
	return row;
}

describe('sessions', () => {
	it('stores only the SHA-256 of a 256-bit token and finds the session by the token', async () => {
		const { id } = await account();
		const { token } = await createSession(id);
		expect(Buffer.from(token, 'base64url')).toHaveLength(32);
		const row = await stored(token);
		expect(row?.tokenHash).toBe(hashToken(token));
		expect(JSON.stringify(row)).not.toContain(token);
		const session = await readSession(token);
		expect(session).toMatchObject({ accountId: id, kind: 'voter', roles: [] });
	});

	it('finds nothing for a wrong or malformed token', async () => {
		const { id } = await account();
		const { token } = await createSession(id);
		const other = token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A');
		expect(await readSession(other)).toBeNull();
		expect(await readSession("' or 1=1 --")).toBeNull();
		expect(await readSession('')).toBeNull();
	});

	it('ends after 30 minutes without a request, and deletes the row', async () => {
		const { id } = await account();
		const start = new Date('2026-03-01T10:00:00Z');
		const { token } = await createSession(id, start);
		const session = await readSession(token, at(start, 29 * MIN), { touch: false });
		expect(session?.expiresAt).toEqual(at(start, 30 * MIN));
		expect(await readSession(token, at(start, 30 * MIN))).toBeNull();
		expect(await stored(token)).toBeUndefined();
	});

	it('moves the idle end with activity, writing lastSeenAt at most once a minute', async () => {
		const { id } = await account();
		const start = new Date('2026-03-01T10:00:00Z');
		const { token } = await createSession(id, start);
		await readSession(token, at(start, 30_000));
		expect((await stored(token))?.lastSeenAt).toEqual(start);
		const later = at(start, TOUCH_INTERVAL_MS);
		const session = await readSession(token, later);
		expect((await stored(token))?.lastSeenAt).toEqual(later);
		expect(session?.expiresAt).toEqual(at(later, 30 * MIN));
		// Without this activity it would have ended at start + 30 minutes.
		expect(await readSession(token, at(start, 30 * MIN + 1))).not.toBeNull();
	});

	it('does not count "how long is left" as activity', async () => {
		const { id } = await account();
		const start = new Date('2026-03-01T10:00:00Z');
		const { token } = await createSession(id, start);
		await readSession(token, at(start, 20 * MIN), { touch: false });
		expect((await stored(token))?.lastSeenAt).toEqual(start);
	});

	it('ends 12 hours after sign-in however active the person is', async () => {
		const { id } = await account();
		const start = new Date('2026-03-01T08:00:00Z');
		const { token, expiresAt } = await createSession(id, start);
		expect(expiresAt).toEqual(at(start, 12 * 60 * MIN));
		for (let minute = 20; minute < 12 * 60; minute += 20) {
			expect(await readSession(token, at(start, minute * MIN)), `minute ${minute}`).not.toBeNull();
		}
		const nearEnd = await readSession(token, at(start, (12 * 60 - 1) * MIN));
		// The idle end never passes the absolute end.
		expect(nearEnd?.expiresAt).toEqual(expiresAt);
		expect(await readSession(token, expiresAt)).toBeNull();
	});

	it('takes the time-outs from SESSION_IDLE_MINUTES and SESSION_ABSOLUTE_HOURS', async () => {
		process.env.SESSION_IDLE_MINUTES = '5';
		process.env.SESSION_ABSOLUTE_HOURS = '1';
		const { id } = await account();
		const start = new Date('2026-03-01T08:00:00Z');
		const { token, expiresAt } = await createSession(id, start);
		expect(expiresAt).toEqual(at(start, 60 * MIN));
		expect(await readSession(token, at(start, 4 * MIN))).not.toBeNull();
		expect(await readSession(token, at(start, 9 * MIN + 1))).toBeNull();
		process.env.SESSION_IDLE_MINUTES = 'soon';
		await expect(createSession(id)).rejects.toThrow(/SESSION_IDLE_MINUTES/);
	});

	it('ends the sessions of a disabled account', async () => {
		const staff = await account('staff');
		const { token } = await createSession(staff.id);
		expect((await readSession(token))?.kind).toBe('staff');
		await database.db
			.update(accounts)
			.set({ disabledAt: new Date() })
			.where(eq(accounts.id, staff.id));
		expect(await readSession(token)).toBeNull();
	});

	it('signs out one session, or all of an account (sign out everywhere)', async () => {
		const a = await account();
		const b = await account();
		const [a1, a2, b1] = await Promise.all([
			createSession(a.id),
			createSession(a.id),
			createSession(b.id)
		]);
		await endSession(a1.token);
		expect(await readSession(a1.token)).toBeNull();
		expect(await readSession(a2.token)).not.toBeNull();
		const a3 = await createSession(a.id);
		expect(await countSessions(a.id)).toBe(2);
		expect(await endAllSessions(a.id)).toBe(2);
		expect(await readSession(a2.token)).toBeNull();
		expect(await readSession(a3.token)).toBeNull();
		// Another account's session is untouched.
		expect(await readSession(b1.token)).not.toBeNull();
	});

	it('purges timed-out sessions and unanswered challenges, and keeps live ones', async () => {
		const { id } = await account();
		const now = new Date();
		const idle = await createSession(id, at(now, -31 * MIN));
		const old = await createSession(id, at(now, -13 * 60 * MIN));
		const live = await createSession(id, now);
		const challenge = await storeChallenge('c', 'voter.sign-in', null, at(now, -6 * MIN));
		const fresh = await storeChallenge('d', 'voter.sign-in', null, now);
		expect(await purgeExpired(now)).toBeGreaterThanOrEqual(2);
		expect(await stored(idle.token)).toBeUndefined();
		expect(await stored(old.token)).toBeUndefined();
		expect(await stored(live.token)).toBeDefined();
		const left = await database.db.select().from(webauthnChallenges);
		expect(left.map((c) => c.idHash)).not.toContain(hashToken(challenge));
		expect(left.map((c) => c.idHash)).toContain(hashToken(fresh));
		// Another process doing the same at once changes nothing.
		expect(await purgeExpired(now)).toBe(0);
	});
});
