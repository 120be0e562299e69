/**
 * Issue 5 end to end, in real Chromium: an association asks for an account and makes its passkey,
 * the office's admin approves it, it makes a guided link; a voter follows the short link and lands
 * in the journey pre-filled, in the link's language; the totals move and small ones stay masked;
 * a stopped link shows the friendly page. axe on every new page and error state.
 */
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { expect, test } from '../support/browser';
import { expectNoAxeViolations } from '../support/axe';
import { addVirtualAuthenticator, adminContext, text } from '../support/passkeys';

const t = (key: string, params?: Record<string, string>) => text('en', key, params);
const de = (key: string, params?: Record<string, string>) => text('de', key, params);
const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

async function count(page: Page, which: 'visits' | 'starts' | 'forms'): Promise<string> {
	return ((await page.locator(`[data-count="${which}"]`).textContent()) ?? '').trim();
}

test('an association is approved, shares a link, and voters land pre-filled in its language', async ({
	page,
	browser,
	baseURL
}) => {
	const name = `Nederlandse Vereniging Sevilla ${randomBytes(3).toString('hex')}`;

	// Association pages need an association's session.
	await page.goto('/en/associations/links');
	await page.waitForURL(/\/en\/associations\/sign-in\?next=%2Fen%2Fassociations%2Flinks$/);
	await h1(page, t('association_sign_in_title')).waitFor();
	await expectNoAxeViolations(page);

	// The request: an empty form is refused field by field, and nothing typed is lost.
	await page.goto('/en/associations');
	await h1(page, t('association_home_title')).waitFor();
	await expectNoAxeViolations(page);
	await page
		.getByRole('link', { name: t('association_request_title') })
		.first()
		.click();
	await h1(page, t('association_request_title')).waitFor();
	await page.getByLabel(t('association_name_label')).fill(name);
	await page.getByLabel(t('association_website_label')).fill('not a web address');
	await button(page, t('association_request_button')).click();
	const summary = page.getByRole('alert');
	await summary.getByRole('link', { name: t('association_country_error_required') }).waitFor();
	await summary.getByRole('link', { name: t('association_website_error_invalid') }).waitFor();
	await summary.getByRole('link', { name: t('association_email_error_required') }).waitFor();
	await expect.poll(() => page.title()).toMatch(/^Error: /);
	expect(await page.getByLabel(t('association_name_label')).inputValue()).toBe(name);
	await expectNoAxeViolations(page);
	await page.getByLabel(t('association_country_label')).selectOption('ES');
	await page.getByLabel(t('association_website_label')).fill('https://www.example.es');
	await page.getByLabel(t('association_email_label')).fill('bestuur@example.es');
	await button(page, t('association_request_button')).click();

	// Straight on to the first member's passkey.
	await page.waitForURL(/\/en\/associations\/join\/[A-Za-z0-9_-]{43}$/);
	await h1(page, t('association_join_title')).waitFor();
	await page.getByText(t('association_request_received', { name })).waitFor();
	await expectNoAxeViolations(page);
	await addVirtualAuthenticator(page);
	await page.getByLabel(t('association_member_name_label'), { exact: true }).fill('Anna Bestuur');
	await page.getByLabel(t('account_passkey_name_label'), { exact: true }).fill('Laptop');
	await button(page, t('association_join_button')).click();
	await page.waitForURL(/\/en\/associations\/links$/);
	await page.getByText(t('association_pending', { name })).waitFor();
	await expectNoAxeViolations(page);
	// Not approved yet: no links.
	const early = await page.goto('/en/associations/links/new');
	expect(early?.status()).toBe(403);

	// The office's admin approves it.
	const admin = await adminContext(browser);
	try {
		const office = await admin.newPage();
		await office.goto('/en/office');
		await office.getByRole('link', { name: t('office_section_associations'), exact: true }).click();
		await h1(office, t('office_section_associations')).waitFor();
		await expectNoAxeViolations(office);
		await office
			.getByRole('button', { name: `${t('office_associations_approve')} ${name}`, exact: true })
			.click();
		await office
			.getByRole('row', { name: new RegExp(name) })
			.getByText(t('office_associations_status_approved'))
			.waitFor();
	} finally {
		await admin.close();
	}

	// A link: an empty form is refused; then registration, in German, living in Spain.
	await page.goto('/en/associations/links');
	await page.getByRole('link', { name: t('links_new_title') }).click();
	await h1(page, t('links_new_title')).waitFor();
	await expectNoAxeViolations(page);
	await page.getByLabel(t('links_campaign_label')).fill('Poster Casa de España');
	await page.getByLabel(t('date_year')).fill('2001');
	await button(page, t('links_create_button')).click();
	await summary.getByRole('link', { name: t('links_journey_error_required') }).waitFor();
	await summary.getByRole('link', { name: t('links_locale_error_required') }).waitFor();
	await summary.getByRole('link', { name: t('links_expires_error_invalid') }).waitFor();
	expect(await page.getByLabel(t('links_campaign_label')).inputValue()).toBe(
		'Poster Casa de España'
	);
	await expectNoAxeViolations(page);
	await page.getByLabel(t('date_year')).fill('');
	await page.getByLabel(t('links_journey_registration'), { exact: true }).check();
	await page.getByLabel(t('links_locale_label')).selectOption('de');
	await page.getByLabel(t('links_country_label')).selectOption('ES');
	await button(page, t('links_create_button')).click();
	await page.waitForURL(/\/en\/associations\/links\/[0-9a-f-]{36}$/);
	await h1(page, t('links_journey_registration')).waitFor();
	await expectNoAxeViolations(page);
	const shortUrl = ((await page.locator('#short-url').textContent()) ?? '').trim();
	expect(shortUrl).toMatch(new RegExp(`^${baseURL}/go/[0-9A-Za-z]{20}$`));
	const code = shortUrl.split('/').pop()!;
	expect(await count(page, 'visits')).toBe(t('links_count_fewer_than', { count: '10' }));
	// The QR code and the poster are there to download.
	const qr = await page.request.get(`${page.url()}/qr.png`);
	expect(qr.headers()['content-type']).toBe('image/png');
	const poster = await page.request.get(`${page.url()}/poster.pdf`);
	expect(poster.headers()['content-type']).toBe('application/pdf');
	expect((await poster.body()).subarray(0, 5).toString()).toBe('%PDF-');

	// A voter whose browser asks for English follows the link: German, as the link says.
	const voterContext = await browser.newContext({ baseURL, locale: 'en-GB' });
	try {
		const voter = await voterContext.newPage();
		const landed = await voter.goto(shortUrl);
		expect(landed?.url()).toBe(`${baseURL}/de/via/${code}`);
		await h1(voter, de('links_journey_registration')).waitFor();
		await voter.getByText(de('via_shared_by', { name })).waitFor();
		await voter.getByText(de('via_prefilled_country', { country: 'Spanien' })).waitFor();
		await expectNoAxeViolations(voter);
		expect(await voterContext.cookies()).toEqual([]);
		await button(voter, de('via_start_button')).click();
		await voter.waitForURL(/\/de\/register\/[A-Za-z0-9_-]{43}\/nationality$/);
		await h1(voter, de('register_nationality_question')).waitFor();
		await voter.getByLabel(de('answer_yes'), { exact: true }).check();
		await button(voter, de('continue')).click();
		// The country is answered already: it is in the conversation, with a way to change it.
		await voter.waitForURL((url) => !url.pathname.endsWith('/nationality'));
		const transcript = voter.getByRole('region', { name: de('transcript_title'), exact: true });
		await transcript
			.getByRole('term')
			.getByText(de('register_residence_question'), { exact: true })
			.waitFor();
		await transcript.getByRole('definition').getByText('Spanien', { exact: true }).waitFor();
		await expectNoAxeViolations(voter);
	} finally {
		await voterContext.close();
	}

	// Nine more visits, by anyone: the visits are shown from ten on, the start stays masked.
	for (let i = 0; i < 9; i++) {
		const answer = await page.request.get(shortUrl, { maxRedirects: 0 });
		expect(answer.status()).toBe(303);
		expect(answer.headers()['set-cookie']).toBeUndefined();
	}
	await page.reload();
	expect(await count(page, 'visits')).toBe('10');
	expect(await count(page, 'starts')).toBe(t('links_count_fewer_than', { count: '10' }));
	await page.goto('/en/associations/links');
	await page
		.getByRole('row', { name: /Poster Casa de España/ })
		.getByRole('cell', { name: '10', exact: true })
		.waitFor();

	// Stopped: the voter gets the friendly page that points to the normal start.
	await page.goBack();
	await button(page, t('links_revoke_button')).click();
	await page.getByText(t('links_state_revoked')).waitFor();
	await expectNoAxeViolations(page);
	const late = await browser.newContext({ baseURL, locale: 'de-DE' });
	try {
		const voter = await late.newPage();
		await voter.goto(shortUrl);
		await h1(voter, de('via_gone_title')).waitFor();
		await expectNoAxeViolations(voter);
		await voter
			.getByRole('link', {
				name: de('via_gone_start', { journey: de('links_journey_registration') })
			})
			.click();
		await voter.waitForURL(/\/de\/register$/);
	} finally {
		await late.close();
	}
	await page.reload();
	expect(await count(page, 'visits')).toBe('10');
});

test('a member invites a colleague, who signs in with their own passkey', async ({
	page,
	browser,
	baseURL
}) => {
	const name = `Club ${randomBytes(3).toString('hex')}`;
	await page.goto('/en/associations/request');
	await page.getByLabel(t('association_name_label')).fill(name);
	await page.getByLabel(t('association_country_label')).selectOption('CA');
	await page.getByLabel(t('association_email_label')).fill('club@example.ca');
	await button(page, t('association_request_button')).click();
	await page.waitForURL(/\/en\/associations\/join\//);
	await addVirtualAuthenticator(page);
	// The name is required.
	await page.getByLabel(t('account_passkey_name_label'), { exact: true }).fill('Phone');
	await button(page, t('association_join_button')).click();
	await page
		.getByRole('alert')
		.getByRole('link', { name: t('association_member_name_error_required') })
		.waitFor();
	await expectNoAxeViolations(page);
	await page.getByLabel(t('association_member_name_label'), { exact: true }).fill('Bram');
	await button(page, t('association_join_button')).click();
	await page.waitForURL(/\/en\/associations\/links$/);
	// Pending: no invitations yet.
	await page.goto('/en/associations/members');
	await h1(page, t('association_members_title')).waitFor();
	expect(await button(page, t('association_invite_button')).count()).toBe(0);

	const admin = await adminContext(browser);
	try {
		const office = await admin.newPage();
		await office.goto('/en/office/associations');
		await office
			.getByRole('button', { name: `${t('office_associations_approve')} ${name}`, exact: true })
			.click();
		// The page is already at this URL, so wait for the row to say so, not for the URL.
		await office
			.getByRole('row', { name: new RegExp(name) })
			.getByText(t('office_associations_status_approved'))
			.waitFor();
	} finally {
		await admin.close();
	}

	await page.reload();
	await button(page, t('association_invite_button')).click();
	const link = ((await page.getByRole('status').locator('code').textContent()) ?? '').trim();
	expect(link).toMatch(new RegExp(`^${baseURL}/en/associations/join/[A-Za-z0-9_-]{43}$`));
	await expectNoAxeViolations(page);

	const colleague = await browser.newContext({ baseURL, locale: 'en-GB' });
	try {
		const other = await colleague.newPage();
		await addVirtualAuthenticator(other);
		await other.goto(link);
		await other.getByText(t('association_join_for', { name })).waitFor();
		await other.getByLabel(t('association_member_name_label'), { exact: true }).fill('Carla');
		await other.getByLabel(t('account_passkey_name_label'), { exact: true }).fill('Tablet');
		await button(other, t('association_join_button')).click();
		await other.waitForURL(/\/en\/associations\/links$/);
		await other.getByRole('link', { name: t('links_new_title') }).waitFor();
		// Signed out and in again with the passkey; the office stays shut to it.
		await button(other, t('office_sign_out')).click();
		await other.waitForURL(/\/en\/associations\/sign-in$/);
		await button(other, t('account_sign_in_button')).click();
		await other.waitForURL(/\/en\/associations\/links$/);
		await other.goto('/en/office');
		await other.waitForURL(/\/en\/office\/sign-in/);
		// The link was spent.
		const spent = await other.goto(link);
		expect(spent?.status()).toBe(404);
	} finally {
		await colleague.close();
	}
	await page.goto('/en/associations/members');
	await page.getByRole('listitem').filter({ hasText: 'Carla' }).waitFor();
});
