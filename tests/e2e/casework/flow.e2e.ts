/**
 * Issue 3, "done when": a voter registers, creates an account from the done page and uploads the
 * signed form and an ID copy; a clerk and a decider, each with their own passkey, check it and
 * register it; the voter's status shows "registered" with the start date and the reasons, and the
 * decision e-mail reached a real SMTP server in the voter's language. A second voter gets 404 on
 * the first voter's application and upload URLs. axe on every new page and error state.
 */
import { randomBytes } from 'node:crypto';
import type { BrowserContext, Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/axe';
import { expect, test } from '../support/browser';
import { todayInDenHaag, addDays } from '../support/dates';
import { Registration } from '../support/journey';
import { waitForMail } from '../support/mail';
import { addVirtualAuthenticator, enrolStaff, text, type Staff } from '../support/passkeys';
import { longDate } from '../support/texts';
import { adultInGermany } from '../support/voters';
import { idCopyJpeg, notAPicture, signedFormPdf } from './files';

const t = (key: string, params?: Record<string, string>) => text('en', key, params);
const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const button = (page: Page, key: string) => page.getByRole('button', { name: t(key), exact: true });
const group = (page: Page, key: string) => page.getByRole('group', { name: t(key), exact: true });
const errorSummary = (page: Page) => page.getByRole('alert');

/** Adult Zoë in Germany with a name and e-mail address of her own (one person per test run). */
function newVoter() {
	const id = randomBytes(4).toString('hex');
	const letters = id.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);
	return {
		...adultInGermany,
		surname: `IJsselmeer-Çelik ${letters[0]!.toUpperCase()}${letters.slice(1)}`,
		email: `zoe.${id}@example.org`
	};
}

/** Registers in English up to the done page; returns the reference. */
async function register(page: Page, voter: ReturnType<typeof newVoter>): Promise<string> {
	const registration = new Registration(page, 'en', { axe: false });
	await registration.start();
	await registration.answer(voter);
	return registration.createForm();
}

/** On the done page: creates an account with a passkey, which takes the form with it. */
async function createAccountFromDone(page: Page) {
	const done = page.url();
	await addVirtualAuthenticator(page);
	const section = page.getByRole('region', { name: t('done_account_title') });
	await section.getByRole('link', { name: t('done_account_create'), exact: true }).click();
	await page.getByLabel(t('account_passkey_name_label'), { exact: true }).fill('Phone');
	await button(page, 'account_create_button').click();
	await page.waitForURL(done);
	await section.getByText(t('done_account_linked')).waitFor();
}

async function expectErrorPage(page: Page, link: string) {
	await errorSummary(page).getByRole('link', { name: link }).waitFor();
	await expect.poll(() => page.title()).toMatch(/^Error: /);
	await expectNoAxeViolations(page);
}

test('a voter uploads, a clerk checks, a decider registers, the voter sees it and gets the e-mail', async ({
	page,
	browser,
	baseURL
}) => {
	const voter = newVoter();
	const reference = await register(page, voter);
	await createAccountFromDone(page);
	await expectNoAxeViolations(page);

	// The upload page, from the done page.
	await page.getByRole('link', { name: t('done_account_upload'), exact: true }).click();
	await page.waitForURL(new RegExp(`/en/account/upload/${reference}$`));
	await h1(page, t('account_upload_title')).waitFor();
	await expectNoAxeViolations(page);
	const uploadUrl = page.url();

	// Nothing chosen: both fields say so, in a summary that takes focus.
	await button(page, 'account_upload_submit').click();
	await expectErrorPage(page, t('account_upload_error_missing_signed_form'));
	await errorSummary(page)
		.getByRole('link', { name: t('account_upload_error_missing_identity_document') })
		.waitFor();
	expect(await errorSummary(page).evaluate((el) => el === document.activeElement)).toBe(true);

	// A file that is not what its name says is refused with a clear message; nothing is received.
	const formField = page.getByLabel(t('account_upload_signed_form'), { exact: true });
	const idField = page.getByLabel(t('account_upload_id'), { exact: true });
	await formField.setInputFiles(await signedFormPdf(reference));
	await idField.setInputFiles(notAPicture());
	await button(page, 'account_upload_submit').click();
	await expectErrorPage(page, t('upload_error_unsupported_type'));

	// The real thing: the application is received at this moment.
	await formField.setInputFiles(await signedFormPdf(reference));
	await idField.setInputFiles(idCopyJpeg());
	await button(page, 'account_upload_submit').click();
	await page.waitForURL(/\/en\/account\/status$/);
	await h1(page, t('account_status_title')).waitFor();
	const today = todayInDenHaag();
	await page
		.getByText(t('account_application_due', { date: longDate(addDays(today, 7), 'en') }))
		.waitFor();
	await page.getByText(t('account_status_not_registered')).waitFor();
	await expectNoAxeViolations(page);
	const applicationLink = page.getByRole('link', {
		name: t('account_application_title', { reference }),
		exact: true
	});
	const applicationUrl = new URL((await applicationLink.getAttribute('href'))!, baseURL).href;
	await applicationLink.click();
	await h1(page, t('account_application_title', { reference })).waitFor();
	await expectNoAxeViolations(page);
	const fileUrl = new URL(
		(await page
			.getByRole('link', { name: t('account_file_signed_form'), exact: true })
			.getAttribute('href'))!,
		baseURL
	).href;
	expect((await page.request.get(fileUrl)).headers()['content-type']).toBe('application/pdf');

	const staff: Staff[] = [];
	try {
		// The clerk finds it in the queue, opens the scans and records the checks.
		const clerk = await enrolStaff(browser, ['clerk']);
		staff.push(clerk);
		await clerk.page.goto('/en/office');
		await clerk.page
			.getByRole('link', { name: t('office_section_applications'), exact: true })
			.click();
		await h1(clerk.page, t('office_applications_title')).waitFor();
		await expectNoAxeViolations(clerk.page);
		await clerk.page.getByRole('link', { name: reference, exact: true }).click();
		await h1(clerk.page, t('office_application_title', { reference })).waitFor();
		await expectNoAxeViolations(clerk.page);
		const officeUrl = clerk.page.url();
		const scan = clerk.page.getByRole('link', { name: t('office_file_identity_document') });
		const scanResponse = await clerk.page.request.get(
			new URL((await scan.getAttribute('href'))!, baseURL).href
		);
		expect(scanResponse.status()).toBe(200);
		expect(scanResponse.headers()['content-type']).toBe('image/jpeg');
		expect(scanResponse.headers()['cache-control']).toContain('no-store');
		// A clerk does not decide: no decision form.
		expect(await button(clerk.page, 'office_decide_submit').count()).toBe(0);
		for (const check of [
			'office_checks_signature',
			'office_checks_id_valid',
			'office_checks_id_dutch',
			'office_checks_data'
		]) {
			await group(clerk.page, check).getByLabel(t('answer_yes'), { exact: true }).check();
		}
		await clerk.page.getByLabel(t('office_checks_notes'), { exact: true }).fill('All in order.');
		await button(clerk.page, 'office_checks_save').click();
		await clerk.page.waitForURL(officeUrl);
		await expect
			.poll(() => clerk.page.getByLabel(t('office_checks_notes'), { exact: true }).inputValue())
			.toBe('All in order.');

		// The decider, with a passkey of their own: first an error state, then the registration.
		const decider = await enrolStaff(browser, ['decider']);
		staff.push(decider);
		await decider.page.goto(officeUrl);
		await h1(decider.page, t('office_application_title', { reference })).waitFor();
		await expectNoAxeViolations(decider.page);
		const outcome = group(decider.page, 'office_decide_outcome');
		// The rules propose registering for both types applied for.
		expect(
			await outcome.getByLabel(t('office_outcome_registered'), { exact: true }).isChecked()
		).toBe(true);
		await outcome.getByLabel(t('office_outcome_rejected'), { exact: true }).check();
		await button(decider.page, 'office_decide_submit').click();
		await expectErrorPage(decider.page, t('office_decide_error_reasons_required'));
		await outcome.getByLabel(t('office_outcome_registered'), { exact: true }).check();
		const types = group(decider.page, 'office_decide_types');
		for (const type of ['election_type_TK', 'election_type_EP']) {
			await types.getByLabel(t(type), { exact: true }).check();
		}
		await button(decider.page, 'office_decide_submit').click();
		await decider.page.waitForURL(officeUrl);
		await decider.page
			.getByRole('heading', {
				name: `${t('office_outcome_registered')} – ${longDate(today, 'en')}`
			})
			.waitFor();
		expect(await button(decider.page, 'office_decide_submit').count()).toBe(0);
		await expectNoAxeViolations(decider.page);
	} finally {
		for (const member of staff) await member.context.close();
	}

	// The voter's status: registered, since today, with the reasons and the appeal route.
	await page.goto('/en/account/status');
	await h1(page, t('account_status_title')).waitFor();
	await page.getByText(t('account_status_registered')).waitFor();
	for (const type of ['election_type_TK', 'election_type_EP']) {
		await page
			.getByText(t('account_status_type_since', { type: t(type), date: longDate(today, 'en') }))
			.waitFor();
	}
	await page.getByText(t('account_status_papers_home')).waitFor();
	const decision = page.getByRole('heading', {
		name: `${t('account_decision_registered')} – ${longDate(today, 'en')}`
	});
	await decision.waitFor();
	await page.getByText(t('reason_registration_on_application')).first().waitFor();
	await page
		.getByText(t('appeal_term', { appealBy: longDate(addDays(today, 42), 'en'), weeks: '6' }))
		.waitFor();
	await expectNoAxeViolations(page);

	// The decision e-mail reached the SMTP server, in English.
	const mail = await waitForMail(voter.email, /^Decision: you are registered as a voter abroad/);
	expect(mail.subject).toBe(`${t('notice_subject_registered')} (${reference})`);
	expect(mail.text).toContain(`Dear ${voter.firstNames} ${voter.surname},`);
	expect(mail.text).toContain(
		t('notice_type_from', { type: t('election_type_TK'), date: longDate(today, 'en') })
	);
	expect(mail.text).toContain('Council of State');
	expect(mail.text).toContain('KW D 3(1)');
	expect(mail.html).toContain('<html lang="en"');

	// A second voter gets nothing of the first voter's: the URLs answer 404.
	const second = await browser.newContext({ baseURL, locale: 'en-GB' });
	try {
		await expectNotFoundFor(second, [applicationUrl, uploadUrl, fileUrl]);
	} finally {
		await second.close();
	}
});

/** Signs a new voter in, in `context`, and checks every URL answers 404 with a page that passes axe. */
async function expectNotFoundFor(context: BrowserContext, urls: string[]) {
	const other = await context.newPage();
	await addVirtualAuthenticator(other);
	await other.goto('/en/account/create');
	await other.getByLabel(t('account_passkey_name_label'), { exact: true }).fill('Other');
	await button(other, 'account_create_button').click();
	await other.waitForURL(/\/en\/account$/);
	for (const url of urls) {
		const response = await other.goto(url);
		expect(response?.status(), url).toBe(404);
	}
	await other.goto(urls[0]!);
	await expectNoAxeViolations(other);
	// The office is not for voters either.
	const office = await other.goto('/en/office/applications');
	expect(new URL(office!.url()).pathname).toMatch(/\/office\/sign-in$/);
}

test('a clerk records a paper form by its reference; errors are clear and accessible', async ({
	page,
	browser
}) => {
	const voter = newVoter();
	const reference = await register(page, voter);
	let clerk: Staff | null = null;
	try {
		clerk = await enrolStaff(browser, ['clerk']);
		const office = clerk.page;
		await office.goto('/en/office/intake');
		await h1(office, t('office_intake_title')).waitFor();
		await expectNoAxeViolations(office);

		const field = office.getByLabel(t('office_find_label'), { exact: true });
		await button(office, 'office_find_submit').click();
		await expectErrorPage(office, t('office_find_error_required'));
		await field.fill('ZZZZ-ZZZZ-ZZZZ');
		await button(office, 'office_find_submit').click();
		await expectErrorPage(office, t('office_find_error_not_found'));
		await button(office, 'office_scan_submit').click();
		await expectErrorPage(office, t('office_scan_error_required'));

		// Typed in lower case without dashes, as a clerk might.
		await field.fill(reference.toLowerCase().replaceAll('-', ''));
		await button(office, 'office_find_submit').click();
		await office.waitForURL(new RegExp(`/en/office/intake/${reference}$`));
		await h1(office, t('office_receipt_title', { reference })).waitFor();
		await office.getByText(`${voter.firstNames} ${voter.surname}`).waitFor();
		await expectNoAxeViolations(office);

		// A day in the future is refused at the field; so is a missing channel.
		const date = group(office, 'office_receipt_date');
		const tomorrow = addDays(todayInDenHaag(), 1).split('-');
		await date.getByLabel(t('date_day'), { exact: true }).fill(String(Number(tomorrow[2])));
		await date.getByLabel(t('date_month'), { exact: true }).fill(String(Number(tomorrow[1])));
		await date.getByLabel(t('date_year'), { exact: true }).fill(tomorrow[0]!);
		await button(office, 'office_receipt_submit').click();
		await expectErrorPage(office, t('office_receipt_error_future'));
		await errorSummary(office)
			.getByRole('link', { name: t('office_receipt_error_channel') })
			.waitFor();
		// What was typed is kept.
		expect(await date.getByLabel(t('date_year'), { exact: true }).inputValue()).toBe(tomorrow[0]);

		const today = todayInDenHaag().split('-');
		await date.getByLabel(t('date_day'), { exact: true }).fill(String(Number(today[2])));
		await date.getByLabel(t('date_month'), { exact: true }).fill(String(Number(today[1])));
		await date.getByLabel(t('date_year'), { exact: true }).fill(today[0]!);
		await group(office, 'office_receipt_channel')
			.getByLabel(t('office_channel_post'), { exact: true })
			.check();
		await button(office, 'office_receipt_submit').click();
		await h1(office, t('office_application_title', { reference })).waitFor();
		await office
			.getByText(
				t('office_application_due', { date: longDate(addDays(todayInDenHaag(), 7), 'en') })
			)
			.waitFor();
		await office.getByText(t('office_files_none')).waitFor();
		await expectNoAxeViolations(office);

		// The checks: notes too long are refused at the field, and what was chosen is kept.
		const signature = group(office, 'office_checks_signature').getByLabel(t('answer_no'), {
			exact: true
		});
		await signature.check();
		await office.getByLabel(t('office_checks_notes'), { exact: true }).fill('x'.repeat(4001));
		await button(office, 'office_checks_save').click();
		await expectErrorPage(office, t('office_checks_error_notes_too_long'));
		expect(await signature.isChecked()).toBe(true);

		// Received once: the reference now leads to the application, not to a second receipt.
		await office.goto(`/en/office/intake/${reference}`);
		await h1(office, t('office_application_title', { reference })).waitFor();

		// A voter's session is not a clerk's: the office sends it to sign in.
		const anonymous = await page.goto('/en/office/intake');
		expect(new URL(anonymous!.url()).pathname).toMatch(/\/office\/sign-in$/);
	} finally {
		await clerk?.context.close();
	}
});
