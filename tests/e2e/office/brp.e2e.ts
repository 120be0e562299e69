/**
 * Population-register imports in the office (issue 3 item 7): an admin uploads a file and sees the
 * summary; a file with invalid rows is refused whole, each error with its row and field; the
 * page works without JavaScript; a clerk may not open it. axe on every page and error state.
 *
 * The BSNs are valid (elfproef) but nobody registered has them, so the import decides nothing
 * about the demo voters other test files rely on; what a change does to a registration is tested
 * on the database (tests/db/brp-import.spec.ts, src/lib/server/brp/brp.spec.ts).
 */
import { inject } from 'vitest';
import type { Page } from 'playwright-core';
import { expect, test } from '../support/browser';
import { expectNoAxeViolations } from '../support/axe';
import { adminContext, enrolStaff, text } from '../support/passkeys';

const t = (key: string, params?: Record<string, string>) => text('en', key, params);
const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });

const HEADER =
	'bsn,change,effective_date,country,address_line_1,address_line_2,address_line_3,ten_years';
// BSNs nobody in the e2e server's database has (the registration journeys of other test files
// use 111222333, and files run in parallel on one server): every row is skipped, none applied.
const VALID = [
	HEADER,
	'987654305,died,2026-01-15,,,,,',
	'123456782,new_address,2026-01-10,FR,12 rue de la Paix,75002 Paris,,',
	'010000008,moved_to_caribbean,2026-01-05,CW,Kaya Grandi 12,Willemstad,,false'
].join('\n');
const INVALID = [
	HEADER,
	'111222333,died,2026-01-15,,,,,',
	'123456789,died,2026-01-15,,,,,',
	'010000008,emigrated,2026-02-30,,,,,'
].join('\n');

const file = (name: string, content: string) => ({
	name,
	mimeType: name.endsWith('.json') ? 'application/json' : 'text/csv',
	buffer: Buffer.from(content, 'utf8')
});

async function upload(page: Page, name: string, content: string) {
	await page
		.getByLabel(t('office_brp_file_label'), { exact: true })
		.setInputFiles(file(name, content));
	await page.getByRole('button', { name: t('office_brp_submit'), exact: true }).click();
}

test('an admin imports a file of changes and sees what became of each row', async ({ browser }) => {
	const admin = await adminContext(browser);
	try {
		const page = await admin.newPage();
		await page.goto('/en/office');
		await page.getByRole('link', { name: t('office_section_brp'), exact: true }).click();
		await h1(page, t('office_brp_title')).waitFor();
		await expectNoAxeViolations(page);

		// No file: the error at the field and in the summary.
		await page.getByRole('button', { name: t('office_brp_submit'), exact: true }).click();
		await page
			.getByRole('alert')
			.getByRole('link', { name: t('office_brp_error_file_required') })
			.waitFor();
		await expect.poll(() => page.title()).toMatch(/^Error: /);
		await expectNoAxeViolations(page);

		// Invalid rows: nothing applied, every error listed with its row and field.
		await upload(page, 'wrong.csv', INVALID);
		await page
			.getByRole('alert')
			.getByRole('link', { name: t('office_brp_rejected_summary', { count: '2' }) })
			.waitFor();
		const errors = page.getByRole('region', {
			name: t('office_brp_errors_title', { file: 'wrong.csv' })
		});
		const row = (n: string, field: string) =>
			errors.getByRole('row').filter({ hasText: new RegExp(`^\\s*${n}\\s*${field}`) });
		await row('3', 'bsn').getByText(t('office_brp_error_bsn_invalid')).waitFor();
		await row('4', 'change').getByText(t('office_brp_error_change_unknown')).waitFor();
		await row('4', 'effective_date').getByText(t('office_brp_error_date_invalid')).waitFor();
		await expect.poll(() => page.title()).toMatch(/^Error: /);
		await expectNoAxeViolations(page);

		// A valid file: applied, and the summary says what became of each row.
		await upload(page, 'mutaties.csv', VALID);
		await page.waitForURL(/\/en\/office\/brp\/[0-9a-f-]{36}$/);
		await h1(page, t('office_brp_import_title')).waitFor();
		await page.getByText(t('office_brp_status_applied', { applied: '0', skipped: '3' })).waitFor();
		const skipped = page
			.getByRole('table', { name: t('office_brp_skipped_title') })
			.getByRole('row', { name: new RegExp(t('office_brp_skipped_brp_not_registered')) });
		await skipped.getByRole('cell', { name: '3', exact: true }).waitFor();
		await skipped.getByRole('cell', { name: '2, 3, 4', exact: true }).waitFor();
		await expectNoAxeViolations(page);

		// Both attempts are in the list of imports, newest first.
		await page.getByRole('link', { name: t('back') }).click();
		await h1(page, t('office_brp_title')).waitFor();
		const history = page.getByRole('row');
		await history
			.filter({ hasText: t('office_brp_status_applied', { applied: '0', skipped: '3' }) })
			.first()
			.waitFor();
		await history
			.filter({ hasText: t('office_brp_status_rejected', { invalid: '2' }) })
			.first()
			.waitFor();
		await expectNoAxeViolations(page);
	} finally {
		await admin.close();
	}
});

test('the import works without JavaScript, JSON as well as CSV', async ({ browser, baseURL }) => {
	const state = inject('adminStorageState');
	const context = await browser.newContext({
		baseURL,
		locale: 'en-GB',
		javaScriptEnabled: false,
		storageState: JSON.parse(state!)
	});
	try {
		const page = await context.newPage();
		await page.goto('/en/office/brp');
		await upload(
			page,
			'mutaties.json',
			JSON.stringify([
				{ bsn: '987654317', change: 'lost_nationality', effective_date: '2026-01-15' }
			])
		);
		await page.waitForURL(/\/en\/office\/brp\/[0-9a-f-]{36}$/);
		await page.getByText(t('office_brp_status_applied', { applied: '0', skipped: '1' })).waitFor();
		await expectNoAxeViolations(page, { javaScriptEnabled: false });
		await page.goto('/en/office/brp');
		await upload(page, 'broken.json', '[{"bsn": 987654317');
		await page.getByText(t('office_brp_file_error_json_invalid')).first().waitFor();
		expect(await page.title()).toMatch(/^Error: /);
		await expectNoAxeViolations(page, { javaScriptEnabled: false });
	} finally {
		await context.close();
	}
});

test('a clerk may not open or use the import', async ({ browser, baseURL }) => {
	const clerk = await enrolStaff(browser, ['clerk']);
	try {
		expect(
			await clerk.page.getByRole('link', { name: t('office_section_brp'), exact: true }).count()
		).toBe(0);
		const response = await clerk.page.goto('/en/office/brp');
		expect(response?.status()).toBe(403);
		await clerk.page.getByText(t('office_error_forbidden')).waitFor();
		await expectNoAxeViolations(clerk.page);
		const posted = await clerk.page.request.post('/en/office/brp', {
			multipart: { file: file('x.csv', VALID) },
			headers: { origin: baseURL, accept: 'text/html' }
		});
		expect(posted.status()).toBe(403);
	} finally {
		await clerk.context.close();
	}
});
