import { describe, expect, it } from 'vitest';
import { safeNext, sessionStatus } from './http';

describe('the next parameter after signing in', () => {
	it('keeps a path on this site, with its query', () => {
		expect(safeNext('/en/account', '/account')).toBe('/en/account');
		expect(safeNext('/register/abc/done?x=1', '/account')).toBe('/register/abc/done?x=1');
	});

	it('refuses anything that could leave the site', () => {
		for (const next of [
			'//evil.example/',
			'/\\evil.example/',
			'\\\\evil.example',
			'https://evil.example/',
			'javascript:alert(1)',
			'/\tevil',
			' /account',
			'',
			null,
			undefined
		]) {
			expect(safeNext(next, '/account'), String(next)).toBe('/account');
		}
	});
});

describe('the time left in a session', () => {
	it('counts down to the session end, and is zero without a session', () => {
		const now = new Date('2026-03-01T10:00:00Z');
		const session = {
			accountId: 'a',
			kind: 'voter' as const,
			associationId: null,
			roles: [],
			displayName: null,
			expiresAt: new Date('2026-03-01T10:30:00Z')
		};
		expect(sessionStatus(session, now)).toEqual({ remainingMs: 30 * 60_000 });
		expect(sessionStatus(null, now)).toEqual({ remainingMs: 0 });
		expect(sessionStatus(session, new Date('2026-03-01T11:00:00Z'))).toEqual({ remainingMs: 0 });
	});
});
