/**
 * The election calendar in the office (issue 3 item 7): an admin adds an election, is held to the
 * law's shape of the calendar (an error with its article), confirms the days, and the public API
 * shows them without "provisional"; a clerk may not open it. axe on every page and error state.
 *
 * The election added (KNI, 19 March 2031) comes after every seeded one, so the deadlines other
 * test files check do not move.
 */
import { inject } from 'vitest';
import type { Page } from 'playwright-core';
import { expect, test } from '../support/browser';
import { expectNoAxeViolations } from '../support/axe';
import { adminContext, enrolStaff, text } from '../support/passkeys';

const t = (key: string, params?: Record<string, string>) => text('en', key, params);
const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const button = (page: Page, key: string) => page.getByRole('button', { name: t(key), exact: true });

/** Types a day into the three boxes of a date group (its legend names it). */
async function fillDate(page: Page, legend: string, iso: string) {
	const group = page.getByRole('group', { name: legend });
	const [year, month, day] = iso.split('-');
	await group.getByLabel(t('date_day'), { exact: true }).fill(String(Number(day)));
	await group.getByLabel(t('date_month'), { exact: true }).fill(String(Number(month)));
	await group.getByLabel(t('date_year'), { exact: true }).fill(year!);
}

test('an admin adds an election, confirms its days, and the public API shows them', async ({
	browser
}) => {
	const admin = await adminContext(browser);
	try {
		const page = await admin.newPage();
		await page.goto('/en/office');
		await page.getByRole('link', { name: t('office_section_elections'), exact: true }).click();
		await h1(page, t('office_elections_title')).waitFor();
		await page.getByRole('row').filter({ hasText: 'TK-2030' }).waitFor();
		await expectNoAxeViolations(page);

		// Adding needs a type and an election day.
		await page.getByRole('link', { name: t('office_elections_add'), exact: true }).click();
		await h1(page, t('office_elections_new_title')).waitFor();
		await expectNoAxeViolations(page);
		await button(page, 'office_elections_create').click();
		const summary = page.getByRole('alert');
		await summary.getByRole('link', { name: t('office_elections_error_type') }).waitFor();
		await summary
			.getByRole('link', { name: t('office_elections_error_election_day_required') })
			.waitFor();
		await expect.poll(() => page.title()).toMatch(/^Error: /);
		await expectNoAxeViolations(page);

		await page.getByRole('radio', { name: text('en', 'election_type_KNI'), exact: true }).check();
		await fillDate(page, t('office_elections_field_election_day'), '2031-03-19');
		await button(page, 'office_elections_create').click();
		await page.waitForURL(/\/en\/office\/elections\?saved=KNI-2031&how=created$/);
		const name = t('office_elections_name', {
			type: text('en', 'election_type_KNI'),
			slug: 'KNI-2031'
		});
		await page
			.getByRole('status')
			.getByText(t('office_elections_done_created', { election: name }))
			.waitFor();
		const row = page.getByRole('row').filter({ hasText: 'KNI-2031' });
		await row.getByText(t('office_elections_status_provisional')).waitFor();
		await expectNoAxeViolations(page);

		// Confirming needs every day, each within the law: the certificates too late (KW M 6(3)).
		await row.getByRole('link', { name: `${t('office_elections_edit')} ${name}` }).click();
		await h1(page, name).waitFor();
		await expectNoAxeViolations(page);
		await fillDate(page, t('office_elections_field_nomination_day'), '2031-02-03');
		await fillDate(page, t('office_elections_field_certificates'), '2030-12-27');
		await button(page, 'office_elections_save_confirm').click();
		const late = t('office_elections_issue_certificates_too_late', { date: '25 December 2030' });
		await page.getByRole('alert').getByRole('link', { name: late }).waitFor();
		const certificates = page.getByRole('group', {
			name: t('office_elections_field_certificates')
		});
		await certificates.getByRole('link', { name: 'KW M 6(3)', exact: true }).waitFor();
		// What was typed stays.
		expect(await certificates.getByLabel(t('date_day'), { exact: true }).inputValue()).toBe('27');
		await expect.poll(() => page.title()).toMatch(/^Error: /);
		await expectNoAxeViolations(page);

		await fillDate(page, t('office_elections_field_certificates'), '2030-12-18');
		await button(page, 'office_elections_save_confirm').click();
		await page.waitForURL(/\/en\/office\/elections\?saved=KNI-2031&how=confirmed$/);
		await page
			.getByRole('row')
			.filter({ hasText: 'KNI-2031' })
			.getByText(t('office_elections_status_confirmed'), { exact: true })
			.waitFor();
		await expectNoAxeViolations(page);

		const response = await page.request.get('/api/v1/elections');
		const { elections } = (await response.json()) as {
			elections: { id: string; provisional: boolean; electionDay: string }[];
		};
		expect(elections.find((e) => e.id === 'KNI-2031')).toMatchObject({
			type: 'KNI',
			electionDay: '2031-03-19',
			nominationDay: '2031-02-03',
			certificatesSentOn: '2030-12-18',
			provisional: false
		});
	} finally {
		await admin.close();
	}
});

test('a clerk may not open or change the calendar', async ({ browser, baseURL }) => {
	const clerk = await enrolStaff(browser, ['clerk']);
	try {
		const response = await clerk.page.goto('/en/office/elections/TK-2030');
		expect(response?.status()).toBe(403);
		await clerk.page.getByText(t('office_error_forbidden')).waitFor();
		await expectNoAxeViolations(clerk.page);
		const posted = await clerk.page.request.post('/en/office/elections/TK-2030?/confirm', {
			form: { electionDay_day: '15', electionDay_month: '5', electionDay_year: '2030' },
			headers: { origin: baseURL, accept: 'text/html' }
		});
		expect(posted.status()).toBe(403);
	} finally {
		await clerk.context.close();
	}
});

test('the calendar forms work without JavaScript', async ({ browser, baseURL }) => {
	const context = await browser.newContext({
		baseURL,
		locale: 'en-GB',
		javaScriptEnabled: false,
		storageState: JSON.parse(inject('adminStorageState')!)
	});
	try {
		const page = await context.newPage();
		await page.goto('/en/office/elections/new');
		await fillDate(page, t('office_elections_field_election_day'), '2031-02-30');
		await button(page, 'office_elections_create').click();
		await page
			.getByRole('alert')
			.getByRole('link', { name: t('office_elections_error_date_invalid') })
			.waitFor();
		expect(await page.title()).toMatch(/^Error: /);
		// What was typed stays, even a day that does not exist.
		const day = page
			.getByRole('group', { name: t('office_elections_field_election_day') })
			.getByLabel(t('date_day'), { exact: true });
		expect(await day.inputValue()).toBe('30');
		await expectNoAxeViolations(page, { javaScriptEnabled: false });
	} finally {
		await context.close();
	}
});
