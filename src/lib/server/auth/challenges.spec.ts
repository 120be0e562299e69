import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTestDatabase } from '../../../../tests/db/database';
import { CookieJar } from '../../../../tests/factories/authenticator';
import {
	CHALLENGE_COOKIE,
	CHALLENGE_TTL_MS,
	readChallengeCookie,
	setChallengeCookie,
	storeChallenge,
	takeChallenge
} from './challenges';

let close: () => Promise<void>;
beforeAll(async () => {
	({ close } = await withTestDatabase());
});
afterAll(() => close());

describe('WebAuthn challenges', () => {
	it('are used once: the second answer to the same challenge is refused', async () => {
		const id = await storeChallenge('challenge-1', 'voter.create', null);
		expect(await takeChallenge(id, 'voter.create')).toEqual({
			challenge: 'challenge-1',
			purpose: 'voter.create',
			accountId: null
		});
		expect(await takeChallenge(id, 'voter.create')).toBeNull();
	});

	it('expire after five minutes', async () => {
		const now = new Date('2026-03-01T10:00:00Z');
		const fresh = await storeChallenge('c', 'voter.sign-in', null, now);
		const stale = await storeChallenge('c', 'voter.sign-in', null, now);
		const justBefore = new Date(now.getTime() + CHALLENGE_TTL_MS - 1);
		const fiveMinutes = new Date(now.getTime() + CHALLENGE_TTL_MS);
		expect(await takeChallenge(fresh, 'voter.sign-in', justBefore)).not.toBeNull();
		expect(await takeChallenge(stale, 'voter.sign-in', fiveMinutes)).toBeNull();
	});

	it('serve only the purpose they were made for, and are spent by a wrong use', async () => {
		const id = await storeChallenge('c', 'staff.enrol', null);
		expect(await takeChallenge(id, 'staff.sign-in')).toBeNull();
		expect(await takeChallenge(id, 'staff.enrol')).toBeNull();
	});

	it('are found by the cookie only, which is cleared as it is read', async () => {
		expect(await takeChallenge(undefined, 'voter.create')).toBeNull();
		expect(await takeChallenge('not a token', 'voter.create')).toBeNull();
		const jar = new CookieJar();
		setChallengeCookie(jar.cookies, await storeChallenge('c', 'voter.add', null));
		const id = readChallengeCookie(jar.cookies);
		expect(jar.jar.has(CHALLENGE_COOKIE)).toBe(false);
		expect((await takeChallenge(id, 'voter.add'))?.challenge).toBe('c');
	});
});
