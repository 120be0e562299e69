/**
 * Passkeys and office staff for e2e tests of any area.
 *
 * - `addVirtualAuthenticator(page)`: a passkey device for that page (see webauthn.ts).
 * - `enrolStaff(browser, roles)`: a new member of staff with those roles, enrolled through the
 *   real pages (the admin makes a one-time link, the member opens it and makes a passkey), in a
 *   browser context of their own that is signed in. Each call makes a new member, so test files
 *   can run in any order and in parallel.
 * - `adminContext(browser)`: a context signed in as the admin the global set-up enrolled with
 *   the link the server printed at first start (`inject('adminEnrolmentLink')`; its session
 *   is `inject('adminStorageState')`).
 *
 * Contexts are the caller's to close. Pages are in English (`/en/…`) unless you navigate
 * elsewhere.
 */
import { randomBytes } from 'node:crypto';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { inject } from 'vitest';
import type { StaffRole } from '$lib/roles';
import {
	addVirtualAuthenticator,
	enrolWithLink,
	text,
	type VirtualAuthenticator
} from './webauthn';

export {
	addVirtualAuthenticator,
	enrolWithLink,
	signInStaff,
	text,
	type VirtualAuthenticator,
	type VirtualCredential
} from './webauthn';

function contextOptions() {
	return {
		baseURL: inject('baseURL'),
		locale: 'en-GB',
		timezoneId: 'Europe/Amsterdam',
		viewport: { width: 1024, height: 800 },
		// As in every test's own context (support/browser.ts): the service worker is the PWA tests'.
		serviceWorkers: 'block' as const
	};
}

/** A new context signed in as the first admin (the global set-up enrolled them). */
export async function adminContext(browser: Browser): Promise<BrowserContext> {
	const state = inject('adminStorageState');
	if (!state) {
		throw new Error(
			'No admin session: the global set-up enrols the admin from the server\'s "Admin enrolment link" line; with E2E_BASE_URL set there is none.'
		);
	}
	const context = await browser.newContext({
		...contextOptions(),
		storageState: JSON.parse(state)
	});
	context.setDefaultTimeout(15_000);
	return context;
}

const ROLE_LABEL: Record<StaffRole, string> = {
	clerk: 'office_role_clerk',
	decider: 'office_role_decider',
	admin: 'office_role_admin'
};

/** As the admin: makes a one-time enrolment link for a new member and returns it. */
export async function createEnrolmentLink(
	admin: Page,
	displayName: string,
	roles: StaffRole[]
): Promise<string> {
	await admin.goto('/en/office/staff');
	await admin.getByLabel(text('en', 'office_staff_name_label'), { exact: true }).fill(displayName);
	for (const role of roles) {
		await admin.getByRole('checkbox', { name: text('en', ROLE_LABEL[role]), exact: true }).check();
	}
	await admin
		.getByRole('button', { name: text('en', 'office_staff_invite_button'), exact: true })
		.click();
	const panel = admin.getByRole('status').filter({
		has: admin.getByRole('heading', {
			name: text('en', 'office_staff_link_title', { name: displayName })
		})
	});
	return ((await panel.locator('code').textContent()) ?? '').trim();
}

export type Staff = {
	context: BrowserContext;
	page: Page;
	authenticator: VirtualAuthenticator;
	displayName: string;
	roles: StaffRole[];
};

/**
 * A new member of staff with `roles`, signed in, in a context of their own (on /en/office).
 * `displayName` defaults to a unique name such as "Clerk 3f9a1c".
 */
export async function enrolStaff(
	browser: Browser,
	roles: [StaffRole, ...StaffRole[]],
	displayName = `${roles.map((r) => r[0]!.toUpperCase() + r.slice(1)).join(' ')} ${randomBytes(3).toString('hex')}`
): Promise<Staff> {
	const admin = await adminContext(browser);
	let link: string;
	try {
		link = await createEnrolmentLink(await admin.newPage(), displayName, roles);
	} finally {
		await admin.close();
	}
	const context = await browser.newContext(contextOptions());
	context.setDefaultTimeout(15_000);
	const page = await context.newPage();
	const authenticator = await addVirtualAuthenticator(page);
	await enrolWithLink(page, link);
	return { context, page, authenticator, displayName, roles };
}
