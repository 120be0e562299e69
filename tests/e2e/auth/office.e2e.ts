/**
 * The back office's doors: staff sign in with passkeys, roles decide what each may open, the
 * admin enrols new members with one-time links. The first admin was enrolled by the global
 * set-up with the link the server printed at first start. axe on every page and error state.
 */
import { inject } from 'vitest';
import type { Page } from 'playwright-core';
import { expect, test } from '../support/browser';
import { expectNoAxeViolations } from '../support/axe';
import {
	addVirtualAuthenticator,
	adminContext,
	createEnrolmentLink,
	enrolStaff,
	signInStaff,
	text
} from '../support/passkeys';

const t = (key: string, params?: Record<string, string>) => text('en', key, params);
const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const button = (page: Page, key: string) => page.getByRole('button', { name: t(key), exact: true });

test('the office sends anyone without a staff session to the staff sign-in', async ({ page }) => {
	await page.goto('/en/office');
	await page.waitForURL(/\/en\/office\/sign-in\?next=%2Fen%2Foffice$/);
	await h1(page, t('office_sign_in_title')).waitFor();
	await expectNoAxeViolations(page);
	await page.goto('/office/staff');
	await page.waitForURL(/\/office\/sign-in\?next=%2Foffice%2Fstaff$/);

	// A voter's passkey does not open the office.
	await addVirtualAuthenticator(page);
	await page.goto('/en/account/create');
	await page.getByLabel(t('account_passkey_name_label'), { exact: true }).fill('Voter key');
	await button(page, 'account_create_button').click();
	await page.waitForURL(/\/en\/account$/);
	await page.goto('/en/office');
	await page.waitForURL(/\/en\/office\/sign-in/);
	await button(page, 'account_sign_in_button').click();
	await page.getByRole('alert').getByText(t('account_error_unknown_passkey')).waitFor();
	await expect.poll(() => page.title()).toMatch(/^Error: /);
	await expectNoAxeViolations(page);
});

test('the printed admin link worked once and works no more', async ({ page }) => {
	const link = inject('adminEnrolmentLink');
	expect(link).toMatch(/\/office\/enrol\/[A-Za-z0-9_-]{43}$/);
	const response = await page.goto(link!);
	expect(response?.status()).toBe(404);
	await page.getByText(text('nl', 'office_enrol_error_link')).waitFor();
	await expectNoAxeViolations(page);
});

test('the admin enrols a clerk and a decider; a clerk cannot manage staff', async ({
	browser,
	baseURL
}) => {
	const admin = await adminContext(browser);
	const clerkContext = await browser.newContext({ baseURL, locale: 'en-GB' });
	try {
		const page = await admin.newPage();
		const home = await page.goto('/en/office');
		expect(home?.headers()['cache-control']).toBe('private, no-store');
		await h1(page, t('office_title')).waitFor();
		await page.getByText(t('office_signed_in_as', { name: 'Eerste Beheerder' })).waitFor();
		await expectNoAxeViolations(page);
		await page.getByRole('link', { name: t('office_section_staff'), exact: true }).click();
		await h1(page, t('office_section_staff')).waitFor();
		await expectNoAxeViolations(page);

		// An invitation needs a name and a role.
		await button(page, 'office_staff_invite_button').click();
		const summary = page.getByRole('alert');
		await summary.getByRole('link', { name: t('office_staff_name_error_required') }).waitFor();
		await summary.getByRole('link', { name: t('office_staff_roles_error_required') }).waitFor();
		await expect.poll(() => page.title()).toMatch(/^Error: /);
		await expectNoAxeViolations(page);

		// The clerk's link, shown once; the clerk enrols in a browser of their own.
		const link = await createEnrolmentLink(page, 'Clara Clerk', ['clerk']);
		expect(link).toMatch(new RegExp(`^${baseURL}/en/office/enrol/[A-Za-z0-9_-]{43}$`));
		await expectNoAxeViolations(page);
		const clerk = await clerkContext.newPage();
		const device = await addVirtualAuthenticator(clerk);
		await clerk.goto(link);
		await h1(clerk, t('office_enrol_title')).waitFor();
		await clerk.getByText(t('office_enrol_for', { name: 'Clara Clerk' })).waitFor();
		await expectNoAxeViolations(clerk);
		await button(clerk, 'office_enrol_button').click();
		await clerk
			.getByRole('alert')
			.getByRole('link', { name: t('account_passkey_name_error_required') })
			.waitFor();
		await expectNoAxeViolations(clerk);
		await clerk.getByLabel(t('account_passkey_name_label'), { exact: true }).fill('Desk');
		await button(clerk, 'office_enrol_button').click();
		await clerk.waitForURL(/\/en\/office$/);
		await clerk.getByText(t('office_signed_in_as', { name: 'Clara Clerk' })).waitFor();
		expect(
			await clerk.getByRole('link', { name: t('office_section_staff'), exact: true }).count()
		).toBe(0);

		// The clerk may not open or use the staff page.
		const forbidden = await clerk.goto('/en/office/staff');
		expect(forbidden?.status()).toBe(403);
		await clerk.getByText(t('office_error_forbidden')).waitFor();
		await expectNoAxeViolations(clerk);
		const posted = await clerk.request.post('/en/office/staff?/invite', {
			form: { displayName: 'Sneaky', roles: 'admin' },
			headers: { origin: baseURL, accept: 'text/html' }
		});
		expect(posted.status()).toBe(403);

		// The clerk signs out and back in with the passkey.
		await clerk.goto('/en/office');
		await button(clerk, 'office_sign_out').click();
		await clerk.waitForURL(/\/en\/office\/sign-in$/);
		await expectNoAxeViolations(clerk);
		await signInStaff(clerk);
		expect((await device.credentials()).length).toBe(1);

		// A decider, through the helper other areas use.
		const decider = await enrolStaff(browser, ['decider']);
		try {
			await decider.page
				.getByText(t('office_signed_in_as', { name: decider.displayName }))
				.waitFor();

			// The admin sees both, with their roles and passkeys, and disables the decider.
			await page.goto('/en/office/staff');
			const row = (name: string) => page.getByRole('row').filter({ hasText: name });
			await row('Clara Clerk').getByText(t('office_role_clerk')).waitFor();
			await row(decider.displayName).getByText(t('office_role_decider')).waitFor();
			await expectNoAxeViolations(page);
			await row(decider.displayName)
				.getByRole('button', { name: `${t('office_staff_disable')} ${decider.displayName}` })
				.click();
			await row(decider.displayName)
				.getByText(/^Disabled since /)
				.waitFor();
			await decider.page.goto('/en/office');
			await decider.page.waitForURL(/\/en\/office\/sign-in/);
		} finally {
			await decider.context.close();
		}
	} finally {
		await admin.close();
		await clerkContext.close();
	}
});
