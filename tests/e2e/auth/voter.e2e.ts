/**
 * Voter accounts with passkeys in Chromium, with its virtual authenticator (issue 3, "done
 * when": create an account with a passkey, sign out, sign back in; a second browser context
 * cannot read the first voter's data). axe on every page and error state.
 */
import { describe } from 'vitest';
import type { Page } from 'playwright-core';
import { expect, test } from '../support/browser';
import { expectNoAxeViolations } from '../support/axe';
import { addVirtualAuthenticator, text } from '../support/passkeys';
import { Registration } from '../support/journey';
import { adultInGermany } from '../support/voters';

const t = (key: string, params?: Record<string, string>) => text('en', key, params);
const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const button = (page: Page, key: string) => page.getByRole('button', { name: t(key), exact: true });

/** On the create-account page: names the passkey and creates the account. */
async function createAccount(page: Page, passkeyName: string) {
	await page.getByLabel(t('account_passkey_name_label'), { exact: true }).fill(passkeyName);
	await button(page, 'account_create_button').click();
}

async function newVoter(page: Page, passkeyName = 'Laptop') {
	const authenticator = await addVirtualAuthenticator(page);
	await page.goto('/en/account/create');
	await createAccount(page, passkeyName);
	await page.waitForURL(/\/en\/account$/);
	await h1(page, t('account_title')).waitFor();
	return authenticator;
}

/** The passkeys listed on the account page, by name. */
async function passkeyNames(page: Page): Promise<string[]> {
	const table = page.getByRole('table', { name: t('account_passkeys_title') });
	return (await table.getByRole('rowheader').allTextContents()).map((s) => s.trim());
}

const changeLink = (page: Page, name: string) =>
	page.getByRole('link', {
		name: `${t('account_passkey_change')} ${t('account_passkey_change_hidden', { name })}`,
		exact: true
	});

test('a voter creates an account, signs out and in, manages passkeys and signs out everywhere', async ({
	page,
	browser,
	baseURL
}) => {
	const device = await addVirtualAuthenticator(page);

	// Anonymous: the account page sends the voter to sign in, and back afterwards.
	await page.goto('/en/account');
	await page.waitForURL(/\/en\/account\/sign-in\?next=%2Fen%2Faccount$/);
	await h1(page, t('account_sign_in_title')).waitFor();
	await expectNoAxeViolations(page);
	await page.getByRole('link', { name: t('account_create_link'), exact: true }).click();
	await page.waitForURL(/\/en\/account\/create\?next=%2Fen%2Faccount$/);
	await h1(page, t('account_create_title')).waitFor();
	await expectNoAxeViolations(page);

	// A passkey needs a name: the error at the field and in a summary that takes focus.
	await button(page, 'account_create_button').click();
	const summary = page.getByRole('alert');
	await summary.getByRole('link', { name: t('account_passkey_name_error_required') }).waitFor();
	await expect.poll(() => page.title()).toMatch(/^Error: Create an account/);
	expect(await summary.evaluate((el) => el === document.activeElement)).toBe(true);
	await expectNoAxeViolations(page);

	await createAccount(page, 'Laptop');
	await page.waitForURL(/\/en\/account$/);
	await h1(page, t('account_title')).waitFor();
	expect(await passkeyNames(page)).toEqual(['Laptop']);
	await page.getByText(/^Without activity you will be signed out at \d\d:\d\d\.$/).waitFor();
	await expectNoAxeViolations(page);

	// The session cookie: __Host-, Secure, HttpOnly, SameSite=Lax.
	const cookie = (await page.context().cookies()).find((c) => c.name === '__Host-session');
	expect(cookie).toMatchObject({ path: '/', secure: true, httpOnly: true, sameSite: 'Lax' });
	expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
	const response = await page.goto('/en/account');
	expect(response?.headers()['cache-control']).toBe('private, no-store');

	// Sign out, and back in with the passkey (no user name typed).
	await button(page, 'account_sign_out').click();
	await page.waitForURL(/\/en\/account\/sign-in\?signed-out=1$/);
	await page.getByRole('status').getByText(t('account_signed_out')).waitFor();
	await expectNoAxeViolations(page);
	await button(page, 'account_sign_in_button').click();
	await page.waitForURL(/\/en\/account$/);
	expect(await passkeyNames(page)).toEqual(['Laptop']);

	// A second passkey on another device: the laptop's passkey is kept aside meanwhile.
	const [laptop] = await device.credentials();
	await device.remove();
	const phone = await addVirtualAuthenticator(page);
	await page.getByLabel(t('account_passkey_name_label'), { exact: true }).fill('Phone');
	await button(page, 'account_add_passkey_button').click();
	await expect.poll(() => passkeyNames(page)).toEqual(['Laptop', 'Phone']);
	await expectNoAxeViolations(page);

	// Rename it: an empty name is an error, the new name is listed.
	await changeLink(page, 'Phone').click();
	await h1(page, t('account_passkey_title', { name: 'Phone' })).waitFor();
	await expectNoAxeViolations(page);
	const name = page.getByLabel(t('account_passkey_name_label'), { exact: true });
	await name.fill('   ');
	await button(page, 'account_passkey_save').click();
	await page
		.getByRole('alert')
		.getByRole('link', { name: t('account_passkey_name_error_required') })
		.waitFor();
	await expect.poll(() => page.title()).toMatch(/^Error: /);
	await expectNoAxeViolations(page);
	await name.fill('Work phone');
	await button(page, 'account_passkey_save').click();
	await page.waitForURL(/\/en\/account$/);
	await expect.poll(() => passkeyNames(page)).toEqual(['Laptop', 'Work phone']);

	// Remove it; the last one cannot be removed, and the page says why.
	await changeLink(page, 'Work phone').click();
	await button(page, 'account_passkey_remove_button').click();
	await page.waitForURL(/\/en\/account$/);
	await expect.poll(() => passkeyNames(page)).toEqual(['Laptop']);
	await changeLink(page, 'Laptop').click();
	await page.getByText(t('account_passkey_remove_last')).waitFor();
	expect(await button(page, 'account_passkey_remove_button').count()).toBe(0);
	await expectNoAxeViolations(page);

	// The laptop signs in in a second browser; "sign out everywhere" here ends that session too.
	await phone.remove();
	const elsewhere = await browser.newContext({ baseURL });
	try {
		const other = await elsewhere.newPage();
		const copy = await addVirtualAuthenticator(other);
		await copy.addCredential(laptop!);
		await other.goto('/en/account/sign-in');
		await button(other, 'account_sign_in_button').click();
		await other.waitForURL(/\/en\/account$/);
		await page.goto('/en/account');
		await page.getByText(t('account_sessions_count', { count: '2' })).waitFor();
		await button(page, 'account_sign_out_everywhere').click();
		await page.waitForURL(/\/en\/account\/sign-in\?signed-out=everywhere$/);
		await page.getByRole('status').getByText(t('account_signed_out_everywhere')).waitFor();
		await other.goto('/en/account');
		await other.waitForURL(/\/en\/account\/sign-in\?next=/);
	} finally {
		await elsewhere.close();
	}
});

test("another voter gets nothing of the first voter's account", async ({
	page,
	browser,
	baseURL
}) => {
	await newVoter(page, 'First voter laptop');
	const href = await changeLink(page, 'First voter laptop').getAttribute('href');
	const passkeyUrl = href!;

	const second = await browser.newContext({ baseURL });
	const anonymous = await browser.newContext({ baseURL });
	try {
		const other = await second.newPage();
		await newVoter(other, 'Second voter phone');
		expect(await passkeyNames(other)).toEqual(['Second voter phone']);
		// Opening the first voter's passkey by its URL: not found, nothing revealed.
		const opened = await other.goto(passkeyUrl);
		expect(opened?.status()).toBe(404);
		await h1(other, t('error_404_title')).waitFor();
		await other.getByText(t('account_passkey_not_found')).waitFor();
		expect(await other.content()).not.toContain('First voter laptop');
		await expectNoAxeViolations(other);
		// Posting to it directly: not found, and the first voter's passkey is unchanged.
		for (const action of ['rename', 'remove']) {
			const posted = await other.request.post(`${passkeyUrl}?/${action}`, {
				form: { name: 'Taken over' },
				headers: { origin: baseURL, accept: 'text/html' }
			});
			expect(posted.status(), action).toBe(404);
		}
		await page.goto('/en/account');
		expect(await passkeyNames(page)).toEqual(['First voter laptop']);

		// Without an account: the sign-in page, for the account and for the passkey.
		const stranger = await anonymous.newPage();
		for (const url of ['/en/account', passkeyUrl]) {
			await stranger.goto(url);
			await stranger.waitForURL(/\/en\/account\/sign-in\?next=/);
		}
	} finally {
		await second.close();
		await anonymous.close();
	}
});

test('from the done page, a new account takes the application with it', async ({ page }) => {
	const registration = new Registration(page, 'en', { axe: false });
	await registration.start();
	await registration.answer(adultInGermany);
	await registration.createForm();
	const done = page.url();
	const section = page.getByRole('region', { name: t('done_account_title') });
	await section.getByText(t('done_account_offer')).waitFor();
	await expectNoAxeViolations(page);

	await addVirtualAuthenticator(page);
	await section.getByRole('link', { name: t('done_account_create'), exact: true }).click();
	await page.getByText(t('account_create_draft')).waitFor();
	await expectNoAxeViolations(page);
	await createAccount(page, 'Tablet');
	await page.waitForURL(done);
	await section.getByText(t('done_account_linked')).waitFor();
	await h1(page, t('done_title')).waitFor();
	await expectNoAxeViolations(page);
	await section.getByRole('link', { name: t('done_account_go') }).click();
	await h1(page, t('account_title')).waitFor();
});

test('a signed-in voter links an application, and signing in from the done page links it too', async ({
	page,
	browser,
	baseURL
}) => {
	await newVoter(page, 'Desktop');
	const registration = new Registration(page, 'en', { axe: false });
	await registration.start();
	await registration.answer(adultInGermany);
	await registration.createForm();
	const section = page.getByRole('region', { name: t('done_account_title') });
	await section.getByRole('button', { name: t('done_account_link_button') }).click();
	await section.getByText(t('done_account_linked')).waitFor();

	// Someone else with the link sees it is linked to another account, and cannot take it.
	const other = await browser.newContext({ baseURL });
	try {
		const page2 = await other.newPage();
		await newVoter(page2, 'Other');
		await page2.goto(page.url());
		await page2.getByText(t('done_account_linked_other')).waitFor();
		expect(await page2.getByRole('button', { name: t('done_account_link_button') }).count()).toBe(
			0
		);
		await expectNoAxeViolations(page2);
	} finally {
		await other.close();
	}
});

test('the time-out warning offers to stay signed in, and says when the session has ended', async ({
	page
}) => {
	await newVoter(page, 'Clock test');
	await page.clock.install();
	// The server's clock does not move with the page's: the status answers as it would then.
	let remaining: number | null = null;
	await page.route('**/session', async (route) => {
		if (route.request().method() === 'GET' && remaining !== null) {
			await route.fulfill({ json: { remainingMs: remaining } });
		} else {
			await route.continue();
		}
	});
	await page.goto('/en/account');
	// The clock time replaces "in 30 minutes" once the page's script runs and the timer is set.
	await page.getByText(/^Without activity you will be signed out at \d\d:\d\d\.$/).waitFor();
	const dialog = page.getByRole('dialog', { name: t('session_warning_title') });

	remaining = 110_000;
	await page.clock.fastForward('28:30');
	await dialog.waitFor();
	const stay = dialog.getByRole('button', { name: t('session_stay'), exact: true });
	await expect.poll(() => stay.evaluate((el) => el === document.activeElement)).toBe(true);
	await expectNoAxeViolations(page);
	await stay.click();
	await dialog.waitFor({ state: 'hidden' });

	remaining = 0;
	await page.clock.fastForward('30:00');
	const ended = page.getByRole('dialog', { name: t('session_ended_title') });
	await ended.waitFor();
	await ended.getByRole('link', { name: t('session_sign_in_again') }).waitFor();
	await expectNoAxeViolations(page);
});

describe('without JavaScript', () => {
	test.override('javaScriptEnabled', false);

	test('the passkey pages say that passkeys need JavaScript, with no dead button', async ({
		page
	}) => {
		for (const [url, title, key] of [
			['/en/account/create', 'account_create_title', 'account_create_button'],
			['/en/account/sign-in', 'account_sign_in_title', 'account_sign_in_button'],
			['/en/office/sign-in', 'office_sign_in_title', 'account_sign_in_button']
		] as const) {
			await page.goto(url);
			await h1(page, t(title)).waitFor();
			// Playwright turns scripts off by emulation, under which Chromium parses <noscript> as
			// text rather than showing it; a browser with JavaScript off shows it. So: it is there.
			expect(await page.locator('main noscript').textContent(), url).toContain(
				t('account_needs_javascript')
			);
			expect(await button(page, key).count(), url).toBe(0);
			await expectNoAxeViolations(page, { javaScriptEnabled: false });
		}
	});
});
