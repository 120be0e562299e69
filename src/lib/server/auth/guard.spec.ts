import { isHttpError, isRedirect } from '@sveltejs/kit';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { requireAssociation, requireStaff } from './guard';

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

describe('requireAssociation', () => {
	const member = {
		kind: 'association',
		accountId: '1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f',
		associationId: '2d3e4f5a-6b7c-4d8e-9fa0-1b2c3d4e5f6a',
		roles: []
	};

	it('lets a member of an association through, with the association its queries are keyed by', () => {
		expect(requireAssociation(eventOf(member, '/associations/links')).associationId).toBe(
			member.associationId
		);
	});

	it('sends voters, staff and anyone else to the associations’ sign-in page', () => {
		for (const session of [
			null,
			{ ...member, kind: 'voter' },
			clerk,
			{ ...member, associationId: null }
		]) {
			const e = thrown(() => requireAssociation(eventOf(session, '/associations/links')));
			expect(isRedirect(e) && e.location).toBe(
				'/associations/sign-in?next=%2Fassociations%2Flinks%3Fx%3D1'
			);
		}
	});
});
