import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTestDatabase } from '../../../../tests/db/database';
import { CookieJar, SoftAuthenticator } from '../../../../tests/factories/authenticator';
import { staffEnrolments } from '$lib/server/db/schema';
import type { Database } from '$lib/server/db';
import * as audit from '$lib/server/audit';
import type { StaffRole } from '$lib/roles';
import * as auth from './index';
import { START_WINDOW_MS } from './staff';

let database: Database;
let close: () => Promise<void>;
beforeAll(async () => {
	({ database, close } = await withTestDatabase());
});
afterAll(() => close());

const tokenOf = (link: string) => link.split('/').at(-1)!;

async function enrolWith(token: string, displayName?: string) {
	const browser = new CookieJar();
	const device = new SoftAuthenticator();
	const options = await auth.beginEnrolment(browser.cookies, token, {
		rpName: 'Portal',
		displayName
	});
	if (!options) return { result: null, browser, device };
	const result = await auth.enrol(browser.cookies, token, {
		response: await device.register(options),
		passkeyName: 'Office laptop',
		locale: 'nl',
		displayName
	});
	return { result, browser, device };
}

async function invite(roles: StaffRole[], createdBy: string, displayName = `Member ${roles}`) {
	const { token } = await auth.createEnrolment({ displayName, roles, createdBy });
	const { result, browser, device } = await enrolWith(token);
	if (!result?.ok) throw new Error('enrolment failed');
	return { accountId: result.accountId, browser, device, token };
}

let adminId = '';

describe('the first admin', () => {
	it('gets one link at first start, even when processes start together', async () => {
		const now = new Date();
		const links = await Promise.all([
			auth.ensureAdminEnrolment(now),
			auth.ensureAdminEnrolment(now),
			auth.ensureAdminEnrolment(now)
		]);
		const made = links.filter((l): l is string => l !== null);
		expect(made).toHaveLength(1);
		expect(made[0]).toMatch(/^http:\/\/localhost:3000\/office\/enrol\/[A-Za-z0-9_-]{43}$/);
		expect(await auth.findEnrolment(tokenOf(made[0]!))).toMatchObject({
			roles: ['admin'],
			asksName: true
		});
	});

	it('gets a fresh link on a later start, and the one nobody can see any more expires', async () => {
		const [first] = await database.db.select().from(staffEnrolments);
		const later = new Date(first!.createdAt.getTime() + START_WINDOW_MS + 1000);
		const link = await auth.ensureAdminEnrolment(later);
		expect(link).not.toBeNull();
		const open = (await database.db.select().from(staffEnrolments)).filter(
			(e) => !e.usedAt && e.expiresAt > later
		);
		expect(open).toHaveLength(1);
		const { result, browser } = await enrolWith(tokenOf(link!), 'Anna de Vries');
		expect(result?.ok).toBe(true);
		adminId = result!.ok ? result!.accountId : '';
		expect(await auth.readSession(browser.jar.get(auth.SESSION_COOKIE)!)).toMatchObject({
			kind: 'staff',
			roles: ['admin'],
			displayName: 'Anna de Vries'
		});
	});

	it('gets no link once an admin exists', async () => {
		expect(await auth.ensureAdminEnrolment(new Date(Date.now() + 60 * 60_000))).toBeNull();
	});
});

describe('staff enrolment', () => {
	it('makes a staff account with the roles the admin chose, and uses the link once', async () => {
		const { token } = await auth.createEnrolment({
			displayName: 'Bram Clerk',
			roles: ['clerk'],
			createdBy: adminId
		});
		expect(await auth.findEnrolment(token)).toMatchObject({
			displayName: 'Bram Clerk',
			roles: ['clerk'],
			asksName: false
		});
		// Only the first admin's link lets the enrolee choose the name.
		const first = await enrolWith(token, 'Someone Else');
		expect(first.result?.ok).toBe(true);
		expect(await auth.readSession(first.browser.jar.get(auth.SESSION_COOKIE)!)).toMatchObject({
			kind: 'staff',
			roles: ['clerk'],
			displayName: 'Bram Clerk'
		});
		expect(await auth.findEnrolment(token)).toBeNull();
		const second = await enrolWith(token);
		expect(second.result).toBeNull();
	});

	it('refuses a link used between the start and the end of the ceremony', async () => {
		const { token } = await auth.createEnrolment({
			displayName: 'Race',
			roles: ['decider'],
			createdBy: adminId
		});
		const a = new CookieJar();
		const b = new CookieJar();
		const optionsA = await auth.beginEnrolment(a.cookies, token, { rpName: 'P' });
		const optionsB = await auth.beginEnrolment(b.cookies, token, { rpName: 'P' });
		const input = (response: Awaited<ReturnType<SoftAuthenticator['register']>>) => ({
			response,
			passkeyName: 'Key',
			locale: 'nl'
		});
		const [ra, rb] = await Promise.all([
			auth.enrol(a.cookies, token, input(await new SoftAuthenticator().register(optionsA!))),
			auth.enrol(b.cookies, token, input(await new SoftAuthenticator().register(optionsB!)))
		]);
		expect([ra.ok, rb.ok].sort()).toEqual([false, true]);
		expect((await auth.listStaff()).filter((s) => s.displayName === 'Race')).toHaveLength(1);
	});

	it('expires a link after 24 hours', async () => {
		const now = new Date();
		const { token } = await auth.createEnrolment(
			{ displayName: 'Late', roles: ['clerk'], createdBy: adminId },
			now
		);
		expect(
			await auth.findEnrolment(token, new Date(now.getTime() + 23 * 3_600_000))
		).not.toBeNull();
		expect(await auth.findEnrolment(token, new Date(now.getTime() + 24 * 3_600_000))).toBeNull();
		expect(await auth.findEnrolment('not-a-token')).toBeNull();
	});

	it('validates the invitation: a name and at least one known role', () => {
		expect(
			auth.invitation.safeParse({ displayName: ' Carla ', roles: ['clerk', 'clerk'] }).data
		).toEqual({ displayName: 'Carla', roles: ['clerk'] });
		const empty = auth.invitation.safeParse({ displayName: ' ', roles: [] });
		expect(empty.error?.issues.map((i) => i.message).sort()).toEqual([
			'office_staff_name_error_required',
			'office_staff_roles_error_required'
		]);
		expect(auth.invitation.safeParse({ displayName: 'X', roles: ['root'] }).success).toBe(false);
	});
});

describe('staff list and disabling', () => {
	it('lists staff with roles and passkey counts, and pending links', async () => {
		await auth.createEnrolment({
			displayName: 'Pending Person',
			roles: ['decider'],
			createdBy: adminId
		});
		const staff = await auth.listStaff();
		expect(staff.find((s) => s.id === adminId)).toMatchObject({
			displayName: 'Anna de Vries',
			roles: ['admin'],
			passkeys: 1,
			disabledAt: null
		});
		expect((await auth.listPendingEnrolments()).map((e) => e.displayName)).toContain(
			'Pending Person'
		);
	});

	it('disables a member: their sessions end and their passkey no longer signs in', async () => {
		const clerk = await invite(['clerk'], adminId, 'Dirk Disabled');
		expect(await auth.disableStaff(clerk.accountId, adminId)).toBe('disabled');
		expect(await auth.readSession(clerk.browser.jar.get(auth.SESSION_COOKIE)!)).toBeNull();
		const jar = new CookieJar();
		const options = await auth.beginSignIn(jar.cookies, 'staff');
		expect(
			await auth.signIn(jar.cookies, 'staff', await clerk.device.authenticate(options))
		).toEqual({ ok: false, error: 'account_error_unknown_passkey' });
		expect(await auth.disableStaff(clerk.accountId, adminId)).toBe('not-found');
		const entries = await audit.verify();
		expect(entries.ok).toBe(true);
	});

	it('never disables oneself or the last admin', async () => {
		expect(await auth.disableStaff(adminId, adminId)).toBe('self');
		const second = await invite(['admin'], adminId, 'Second Admin');
		expect(await auth.disableStaff(adminId, second.accountId)).toBe('disabled');
		const third = await invite(['clerk'], second.accountId, 'Third');
		// Second Admin is now the only enabled admin.
		expect(await auth.disableStaff(second.accountId, third.accountId)).toBe('last-admin');
	});
});
