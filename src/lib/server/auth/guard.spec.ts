import { isHttpError, isRedirect } from '@sveltejs/kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requireStaff } from './guard';

afterEach(() => vi.restoreAllMocks());

const clerk = {
	kind: 'staff',
	accountId: '0b6f3c1e-2d4a-4f8b-9c7d-1e2f3a4b5c6d',
	roles: ['clerk']
};
const eventOf = (session: unknown, path = '/office/brp') =>
	({ locals: { session }, url: new URL(`http://localhost${path}?x=1`) }) as unknown as Parameters<
		typeof requireStaff
	>[0];
const thrown = (f: () => unknown) => {
	try {
		f();
	} catch (e) {
		return e;
	}
	return null;
};

describe('requireStaff', () => {
	it('lets a member with one of the roles through', () => {
		expect(requireStaff(eventOf(clerk), 'clerk', 'admin')).toBe(clerk);
	});

	it('sends someone not signed in as staff to the sign-in page, back here afterwards', () => {
		for (const session of [null, { ...clerk, kind: 'voter' }]) {
			const e = thrown(() => requireStaff(eventOf(session), 'admin'));
			expect(isRedirect(e) && e.location).toBe('/office/sign-in?next=%2Foffice%2Fbrp%3Fx%3D1');
		}
	});

	it('refuses a member without the role with 403, logged as a security event', () => {
		const info = vi.spyOn(console, 'info').mockImplementation(() => {});
		const e = thrown(() => requireStaff(eventOf(clerk), 'admin'));
		expect(isHttpError(e) && e.status).toBe(403);
		expect(info.mock.calls.map((c) => JSON.parse(String(c[0])))).toEqual([
			expect.objectContaining({
				type: 'security',
				event: 'access.forbidden',
				account: clerk.accountId,
				path: '/office/brp',
				needs: ['admin']
			})
		]);
	});
});
