/**
 * The register of postal voting certificates in the office (KW M 5; issue 4 item 8): an admin adds
 * an election, issues its certificates after a confirmation page, downloads the list of postal
 * voters and the extract of invalid certificates, and looks a certificate up by number; a clerk
 * reads the register and the lists but may not issue. axe on every page and error state.
 *
 * The election added (KNI, 16 March 2039) is the e2e run's own and lies after every other, so the
 * certificates issued here change nothing another test file checks: the seeded elections keep no
 * certificates (a certificate issued for them would close a voter's proxy, KW L 10(b)).
 */
import { readFile } from 'node:fs/promises';
import { inject } from 'vitest';
import type { Page } from 'playwright-core';
import { expect, test } from '../support/browser';
import { expectNoAxeViolations } from '../support/axe';
import { adminContext, enrolStaff, text } from '../support/passkeys';

const SLUG = 'KNI-2039';
const REGISTER = `/en/office/elections/${SLUG}/certificates`;
const t = (key: string, params?: Record<string, string>) => text('en', key, params);
const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const electionName = () =>
	t('office_elections_name', { type: text('en', 'election_type_KNI'), slug: SLUG });

async function fillDate(page: Page, legend: string, iso: string) {
	const group = page.getByRole('group', { name: legend });
	const [year, month, day] = iso.split('-');
	await group.getByLabel(t('date_day'), { exact: true }).fill(String(Number(day)));
	await group.getByLabel(t('date_month'), { exact: true }).fill(String(Number(month)));
	await group.getByLabel(t('date_year'), { exact: true }).fill(year!);
}

/** The value of a row in a summary list, by its label. */
const countOf = async (page: Page, label: string) =>
	Number(
		(
			await page
				.locator('.transcript-row')
				.filter({ has: page.getByText(label, { exact: true }) })
				.locator('dd')
				.textContent()
		)
			?.replace(/\D/g, '')
			.trim()
	);

/** RFC 4180 lines (the names here hold no line breaks; quoted commas are kept together). */
const csvLines = (body: string) =>
	body
		.replace(/^\uFEFF/, '')
		.split('\r\n')
		.filter((l) => l !== '');

test('an admin issues the certificates of an election and downloads both lists', async ({
	browser
}) => {
	const admin = await adminContext(browser);
	try {
		const page = await admin.newPage();
		// An election of this test's own, with its nomination day (KW D 2: voters on that day).
		await page.goto('/en/office/elections/new');
		await page.getByRole('radio', { name: text('en', 'election_type_KNI'), exact: true }).check();
		await fillDate(page, t('office_elections_field_election_day'), '2039-03-16');
		await page.getByRole('button', { name: t('office_elections_create'), exact: true }).click();
		await page.waitForURL(new RegExp(`saved=${SLUG}&how=created$`));
		await page.goto(`/en/office/elections/${SLUG}`);
		await fillDate(page, t('office_elections_field_nomination_day'), '2039-01-31');
		await page.getByRole('button', { name: t('office_elections_save'), exact: true }).click();
		await page.waitForURL(/how=saved$/);

		// From the election page to its register.
		await page.goto(`/en/office/elections/${SLUG}`);
		await page.getByRole('link', { name: t('office_certificates_from_election') }).click();
		const heading = t('office_certificates_title', { election: electionName() });
		await h1(page, heading).waitFor();
		expect(await countOf(page, t('office_certificates_count_issued'))).toBe(0);
		// The extract's day: the 8th day before election day (KW M 5(3)).
		const due = t('office_certificates_list_invalid_due', { date: 'DATE' }).split('DATE');
		await page.getByText(`${due[0]}Tuesday, 8 March 2039${due[1]}`).waitFor();
		await page.getByRole('link', { name: 'KW M 5(3)', exact: true }).waitFor();
		await expectNoAxeViolations(page);

		// The office home lists the register too.
		await page.goto('/en/office');
		await page.getByRole('link', { name: t('office_certificates_section'), exact: true }).click();
		await h1(page, t('office_certificates_section')).waitFor();
		await expectNoAxeViolations(page);
		await page
			.getByRole('row')
			.filter({ hasText: SLUG })
			.getByRole('link', { name: `${t('office_certificates_open')} ${electionName()}` })
			.click();
		await h1(page, heading).waitFor();

		// Issuing goes through a confirmation page that says what will happen; a GET issues nothing.
		await page
			.getByRole('link', { name: t('office_certificates_issue_link'), exact: true })
			.click();
		await h1(page, t('office_certificates_confirm_title', { election: electionName() })).waitFor();
		await expectNoAxeViolations(page);
		const toIssue = await countOf(page, t('office_certificates_confirm_to_issue'));
		// The demo voter Pieter Willem van der Berg is registered for KNI since 2023.
		expect(toIssue).toBeGreaterThanOrEqual(1);
		await page
			.getByRole('button', {
				name: t('office_certificates_confirm_submit', { count: String(toIssue) })
			})
			.click();
		await page.waitForURL(new RegExp(`${REGISTER}\\?issued=${toIssue}&`));
		await page
			.getByRole('status')
			.getByText(
				t('office_certificates_done', { issued: String(toIssue), held: '0', excluded: '0' })
			)
			.waitFor();
		expect(await countOf(page, t('office_certificates_count_issued'))).toBe(toIssue);
		expect(await countOf(page, t('office_certificates_count_valid'))).toBe(toIssue);
		expect(await countOf(page, t('office_certificates_count_invalid'))).toBe(0);
		await expectNoAxeViolations(page);

		// Both lists, as the browser downloads them.
		const [voters] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: t('office_certificates_list_voters') }).click()
		]);
		expect(voters.suggestedFilename()).toBe(`briefstemmers-${SLUG}.csv`);
		const votersCsv = csvLines(await readFile(await voters.path(), 'utf8'));
		expect(votersCsv[0]).toBe(
			'nummer,achternaam,voornamen,geboortedatum,adres,land,e-mailadres,verzonden_per'
		);
		expect(votersCsv).toHaveLength(toIssue + 1);
		expect(votersCsv.slice(1).map((l) => Number(l.split(',')[0]))).toEqual(
			Array.from({ length: toIssue }, (_, i) => i + 1)
		);
		// Papers to the correspondence address where one is registered (MvT §3.5).
		expect(votersCsv).toContainEqual(
			expect.stringMatching(
				/^\d+,van der Berg,Pieter Willem,1979-11-02,"PO Box 100, Springfield, IL 62705",US,,post$/
			)
		);

		const [invalid] = await Promise.all([
			page.waitForEvent('download'),
			page.getByRole('link', { name: t('office_certificates_list_invalid') }).click()
		]);
		expect(invalid.suggestedFilename()).toBe(`ongeldige-briefstembewijzen-${SLUG}.csv`);
		const invalidCsv = csvLines(await readFile(await invalid.path(), 'utf8'));
		expect(invalidCsv).toEqual(['nummer,ongeldig_sinds,reden,grondslag']);

		// The headers that keep the list out of caches.
		const response = await page.request.get(`${REGISTER}/postal-voters.csv`);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
		expect(response.headers()['cache-control']).toBe('private, no-store');

		// Look-up by number: bad input, an unknown number, then a certificate.
		const number = page.getByLabel(t('office_certificates_lookup_label'), { exact: true });
		const lookUp = page.getByRole('button', {
			name: t('office_certificates_lookup_submit'),
			exact: true
		});
		await number.fill('twelve');
		await lookUp.click();
		await page
			.getByRole('alert')
			.getByRole('link', { name: t('office_certificates_lookup_error_invalid') })
			.waitFor();
		await expect.poll(() => page.title()).toMatch(/^Error: /);
		expect(await number.inputValue()).toBe('twelve');
		await expectNoAxeViolations(page);
		await number.fill('999999');
		await lookUp.click();
		await page
			.getByRole('alert')
			.getByRole('link', { name: t('office_certificates_lookup_not_found', { number: '999999' }) })
			.waitFor();
		await number.fill('1');
		await lookUp.click();
		const found = page.getByRole('region', {
			name: t('office_certificates_found_title', { number: '1' })
		});
		await found
			.locator('.transcript-row')
			.filter({ hasText: t('office_certificates_field_status') })
			.getByText(t('office_certificates_status_valid'), { exact: true })
			.waitFor();
		const holder = await found
			.locator('.transcript-row')
			.filter({ hasText: t('office_certificates_field_holder') })
			.locator('dd')
			.first()
			.textContent();
		expect(votersCsv[1]).toContain(holder!.trim().split(' ').at(-1));
		await expectNoAxeViolations(page);

		// Issuing again finds nothing to issue (idempotent), and says so without JavaScript too.
		const noScript = await browser.newContext({
			baseURL: inject('baseURL'),
			locale: 'en-GB',
			javaScriptEnabled: false,
			storageState: await admin.storageState()
		});
		try {
			const plain = await noScript.newPage();
			await plain.goto(`${REGISTER}/issue`);
			await plain.getByText(t('office_certificates_confirm_none')).waitFor();
			expect(await plain.getByRole('button').filter({ hasText: /issue/i }).count()).toBe(0);
			await expectNoAxeViolations(plain, { javaScriptEnabled: false });
		} finally {
			await noScript.close();
		}
	} finally {
		await admin.close();
	}
});

test('a clerk reads the register and the lists but may not issue', async ({ browser, baseURL }) => {
	const clerk = await enrolStaff(browser, ['clerk']);
	try {
		const { page } = clerk;
		await page.goto('/en/office');
		await page.getByRole('link', { name: t('office_certificates_section'), exact: true }).click();
		await page
			.getByRole('row')
			.filter({ hasText: 'TK-2030' })
			.getByRole('link', { name: new RegExp(t('office_certificates_open')) })
			.click();
		await page.getByText(t('office_certificates_issue_roles')).waitFor();
		expect(
			await page.getByRole('link', { name: t('office_certificates_issue_link') }).count()
		).toBe(0);
		await expectNoAxeViolations(page);

		const confirm = await page.goto('/en/office/elections/TK-2030/certificates/issue');
		expect(confirm?.status()).toBe(403);
		await page.getByText(t('office_error_forbidden')).waitFor();
		const posted = await page.request.post('/en/office/elections/TK-2030/certificates/issue', {
			form: {},
			headers: { origin: baseURL, accept: 'text/html' }
		});
		expect(posted.status()).toBe(403);

		const list = await page.request.get('/en/office/elections/TK-2030/certificates/invalid.csv');
		expect(list.status()).toBe(200);
		expect(csvLines(await list.text())[0]).toBe('nummer,ongeldig_sinds,reden,grondslag');
	} finally {
		await clerk.context.close();
	}
});

test('the lists need a signed-in member of staff', async ({ browser, baseURL }) => {
	const context = await browser.newContext({ baseURL });
	try {
		const response = await context.request.get(
			'/en/office/elections/TK-2030/certificates/postal-voters.csv',
			{ maxRedirects: 0 }
		);
		expect(response.status()).toBe(303);
		expect(response.headers()['location']).toMatch(/\/office\/sign-in/);
	} finally {
		await context.close();
	}
});
