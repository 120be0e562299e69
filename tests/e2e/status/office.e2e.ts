/**
 * The office's side of status requests (KB D 8), with a decider enrolled by passkey: the queue,
 * one request with its search, linking a request to the registration it is about, and the
 * decision "not registered" with an error on the way; a clerk may not open any of it. axe on
 * every page and error state. It also checks, from the office's side, what the anonymous page
 * must never show: a request for a registered person never reaches the queue.
 */
import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { expect, test } from '../support/browser';
import { expectNoAxeViolations } from '../support/axe';
import { enrolStaff, text } from '../support/passkeys';

const t = (key: string, params?: Record<string, string>) => text('en', key, params);
// A surname of letters only, unique to this run, so that parallel files never pick our request.
const unique = () => [...randomBytes(6)].map((b) => String.fromCharCode(97 + (b % 26))).join('');

type Asked = {
	firstNames: string;
	surname: string;
	dob: [string, string, string];
	country: string;
	email: string;
};

/** An anonymous status request, posted as a browser without JavaScript posts it. */
async function ask(baseURL: string, who: Asked): Promise<void> {
	const response = await fetch(`${baseURL}/en/status`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: baseURL,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: new URLSearchParams({
			first_names: who.firstNames,
			surname: who.surname,
			dob_day: who.dob[0],
			dob_month: who.dob[1],
			dob_year: who.dob[2],
			country: who.country,
			answer_by: 'email',
			email: who.email
		})
	});
	expect(response.status).toBe(303);
}

/** The names shown on every open request in the queue, by the request's address. */
async function openRequests(page: Page): Promise<Map<string, string>> {
	await page.goto('/en/office/status-requests');
	const hrefs = await page
		.getByRole('table')
		.getByRole('link')
		.evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href));
	const names = new Map<string, string>();
	for (const href of hrefs) {
		await page.goto(href);
		const row = page.locator('.transcript-row').filter({ hasText: t('status_office_field_name') });
		names.set(href, ((await row.locator('dd').textContent()) ?? '').trim());
	}
	return names;
}

async function openRequestOf(page: Page, name: string): Promise<void> {
	const found = [...(await openRequests(page))].find(([, n]) => n === name);
	expect(found, `an open request of ${name}`).toBeDefined();
	await page.goto(found![0]);
}

test('a decider links one request and decides "not registered" on another; a clerk is kept out', async ({
	browser,
	baseURL
}) => {
	const nobody = { firstNames: 'Kees', surname: `Pietersen${unique()}` };
	const email = 'asker@example.net';
	// Registered and found at once: answered at the e-mail address on record, never queued.
	await ask(baseURL, {
		firstNames: 'J.M.',
		surname: 'Jansen',
		dob: ['27', '3', '1985'],
		country: 'DE',
		email
	});
	// Registered, but asked with another country of residence: the office finds her.
	// (No other test asks for anyone in Austria, so this request is ours.)
	const moved = 'Johanna';
	await ask(baseURL, {
		firstNames: moved,
		surname: 'Jansen',
		dob: ['27', '3', '1985'],
		country: 'AT',
		email
	});
	// In no registration at all: the office owes the reasons.
	await ask(baseURL, { ...nobody, dob: ['5', '5', '1970'], country: 'DE', email });

	const decider = await enrolStaff(browser, ['decider']);
	const clerk = await enrolStaff(browser, ['clerk']);
	try {
		const page = decider.page;
		await page.goto('/en/office');
		await page.getByRole('link', { name: t('status_office_section'), exact: true }).click();
		await page.getByRole('heading', { level: 1, name: t('status_office_list_title') }).waitFor();
		await expectNoAxeViolations(page);

		const names = [...(await openRequests(page)).values()];
		expect(names).toContain(`Kees ${nobody.surname}`);
		expect(names).toContain(`${moved} Jansen`);
		// The request about a registered person was answered at once and is not in the queue.
		expect(names).not.toContain('J.M. Jansen');

		// Link: the search (all countries) finds the registration in Germany; the answer goes to
		// the contact details on record.
		await openRequestOf(page, `${moved} Jansen`);
		await expectNoAxeViolations(page);
		const result = page.getByRole('listitem').filter({ hasText: 'Johanna Maria Jansen' });
		await result.getByText(t('status_office_result_names_fit')).waitFor();
		await result
			.getByRole('button', {
				name: t('status_office_link_button', { name: 'Johanna Maria Jansen' })
			})
			.click();
		await page.waitForURL(/\/en\/office\/status-requests\?done=linked$/);
		await page.getByRole('status').getByText(t('status_office_done_linked')).waitFor();
		await expectNoAxeViolations(page);

		// Decide: the search finds nobody; a decision without a reason is refused, then made.
		await openRequestOf(page, `Kees ${nobody.surname}`);
		await page.getByText(t('status_office_results_none')).waitFor();
		const decide = page.getByRole('button', { name: t('status_office_decide_button') });
		await decide.click();
		const summary = page.getByRole('alert');
		await summary.getByRole('link', { name: t('status_office_reason_error_required') }).waitFor();
		await expect.poll(() => page.title()).toMatch(/^Error: /);
		await expectNoAxeViolations(page);

		await page.getByRole('radio', { name: t('status_office_reason_registration_ended') }).check();
		const endedOn = page.getByRole('group', { name: t('status_office_ended_on') });
		await endedOn.getByLabel('Day').fill('1');
		await decide.click();
		await summary.getByRole('link', { name: t('status_office_error_date_invalid') }).waitFor();
		await summary.getByRole('link', { name: t('status_office_cause_error_required') }).waitFor();
		expect(await endedOn.getByLabel('Day').inputValue()).toBe('1');
		await expectNoAxeViolations(page);

		await page.getByRole('radio', { name: t('status_office_reason_no_application') }).check();
		await page.getByLabel(t('status_office_remarks')).fill('You can register online.');
		await decide.click();
		await page.waitForURL(/\/en\/office\/status-requests\?done=decided$/);
		await page.getByRole('status').getByText(t('status_office_done_decided')).waitFor();
		const left = [...(await openRequests(page)).values()];
		expect(left).not.toContain(`Kees ${nobody.surname}`);
		expect(left).not.toContain(`${moved} Jansen`);

		// A clerk has no business here: not the queue, not a request, not an action.
		const forbidden = await clerk.page.goto('/en/office/status-requests');
		expect(forbidden?.status()).toBe(403);
		await expectNoAxeViolations(clerk.page);
		const posted = await clerk.page.request.post(
			'/en/office/status-requests/00000000-0000-4000-8000-000000000000?/decide',
			{ form: { reason: 'no_application' }, headers: { origin: baseURL, accept: 'text/html' } }
		);
		expect(posted.status()).toBe(403);
	} finally {
		await decider.context.close();
		await clerk.context.close();
	}
});
