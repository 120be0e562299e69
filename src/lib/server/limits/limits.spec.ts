import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { isHttpError } from '@sveltejs/kit';
import { withTestDatabase } from '../../../../tests/db/database';
import type { Database } from '$lib/server/db';
import { rateLimits } from '$lib/server/db/schema';
import * as limits from './index';

let database: Database;
let close: () => Promise<void>;

beforeAll(async () => {
	({ database, close } = await withTestDatabase());
});
afterAll(() => close());
afterEach(() => vi.unstubAllEnvs());

const T0 = new Date('2026-11-22T10:00:00Z');
let n = 0;
// Every test its own requester, so counts never leak between tests.
const someone = () => `client:test-${++n}-${Math.random().toString(36).slice(2)}`;

describe('rate limits', () => {
	it('allow up to the maximum in a window, then refuse with the time left', async () => {
		const { max, windowSeconds } = limits.rule('statusRequest');
		const who = someone();
		for (let i = 1; i <= max; i++) {
			const verdict = await limits.hit('statusRequest', who, T0);
			expect(verdict).toMatchObject({ allowed: true, hits: i });
		}
		const over = await limits.hit('statusRequest', who, T0);
		expect(over.allowed).toBe(false);
		expect(over.retryAfterSeconds).toBeGreaterThan(0);
		expect(over.retryAfterSeconds).toBeLessThanOrEqual(windowSeconds);
		// The next window starts afresh.
		const later = new Date(T0.getTime() + windowSeconds * 1000);
		expect((await limits.hit('statusRequest', who, later)).allowed).toBe(true);
	});

	it('never let one requester use up another one’s allowance (no lock-out)', async () => {
		const attacker = someone();
		const victim = someone();
		const { max } = limits.rule('statusRequest');
		// The attacker asks about the victim again and again: only the attacker's bucket fills.
		for (let i = 0; i < max + 5; i++) await limits.hit('statusRequest', attacker, T0);
		expect((await limits.hit('statusRequest', attacker, T0)).allowed).toBe(false);
		expect(await limits.hit('statusRequest', victim, T0)).toMatchObject({ allowed: true, hits: 1 });
		// Nor does one rule touch another: the attacker can still sign in.
		expect((await limits.hit('signIn', attacker, T0)).allowed).toBe(true);
	});

	it('count every hit exactly once when many arrive at the same moment', async () => {
		const who = someone();
		const verdicts = await Promise.all(
			Array.from({ length: 40 }, () => limits.hit('draftCreation', who, T0))
		);
		expect(verdicts.map((v) => v.hits).sort((a, b) => a - b)).toEqual(
			Array.from({ length: 40 }, (_, i) => i + 1)
		);
	});

	it('stop the request with 429, a localised message and Retry-After', async () => {
		vi.stubEnv('RATE_LIMITS', JSON.stringify({ upload: { max: 1, windowSeconds: 600 } }));
		const headers: Record<string, string> = {};
		const event = {
			getClientAddress: () => '203.0.113.7',
			setHeaders: (h: Record<string, string>) => Object.assign(headers, h)
		};
		const subject = someone();
		const info = vi.spyOn(console, 'info').mockImplementation(() => {});
		await limits.enforce(event, 'upload', subject);
		const thrown = await limits.enforce(event, 'upload', subject).then(
			() => null,
			(e: unknown) => e
		);
		expect(isHttpError(thrown)).toBe(true);
		if (!isHttpError(thrown)) return;
		expect(thrown.status).toBe(429);
		expect(thrown.body.message).toMatch(/\d+ (minuten|minutes)/);
		expect(Number(headers['Retry-After'])).toBeGreaterThan(0);
		// Logged as a security event, with the requester's pseudonym only.
		const logged = info.mock.calls.map((c) => JSON.parse(String(c[0])));
		expect(logged).toEqual([
			expect.objectContaining({
				type: 'security',
				event: 'rate_limit.refused',
				rule: 'upload',
				subject
			})
		]);
		info.mockRestore();
	});

	it('key a client by a keyed hash: the address itself is never stored', async () => {
		const event = { getClientAddress: () => '198.51.100.23' };
		const subject = limits.clientOf(event);
		expect(subject).not.toContain('198.51.100.23');
		expect(subject).toBe(limits.clientOf({ getClientAddress: () => '198.51.100.23' }));
		expect(subject).not.toBe(limits.clientOf({ getClientAddress: () => '198.51.100.24' }));
		await limits.hit('signIn', subject, T0);
		const rows = await database.db.select().from(rateLimits);
		expect(JSON.stringify(rows)).not.toContain('198.51.100.23');
	});

	it('take overrides from RATE_LIMITS and refuse a malformed one', () => {
		vi.stubEnv('RATE_LIMITS', JSON.stringify({ signIn: { max: 3, windowSeconds: 60 } }));
		expect(limits.rule('signIn')).toEqual({ max: 3, windowSeconds: 60 });
		expect(limits.rule('upload')).toEqual(limits.DEFAULT_RULES.upload);
		vi.stubEnv('RATE_LIMITS', JSON.stringify({ signIn: { max: 0, windowSeconds: 60 } }));
		expect(() => limits.rule('signIn')).toThrow(/RATE_LIMITS/);
	});

	it('purge windows that ended long ago and keep the current ones', async () => {
		const who = someone();
		const old = new Date(T0.getTime() - 3 * 86_400_000);
		await limits.hit('signIn', who, old);
		await limits.hit('signIn', who, T0);
		expect(await limits.purgeExpired(T0)).toBeGreaterThanOrEqual(1);
		const left = (await database.db.select().from(rateLimits)).filter(
			(r) => r.bucket === `signIn:${who}`
		);
		expect(left).toHaveLength(1);
		expect(left[0]!.windowStart.getTime()).toBeLessThanOrEqual(T0.getTime());
	});
});
