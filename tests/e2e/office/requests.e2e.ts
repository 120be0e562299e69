/**
 * Issue 4 item 8 in the browser, on the main server (real clock): a voter registered by the office
 * asks for a change (a new e-mail address), a proxy and a voter pass through the journeys; a clerk
 * receives the forms by their references; a decider links the voter's registration, meets an error, and
 * decides the change, whose notice reaches the test SMTP server at the new address; the proxy
 * cannot be decided before nomination day (KW L 11(1)) and the page says so, with no form to
 * decide with. The voter pass is decided without JavaScript (plain GET and POST), its notice too
 * reaches the SMTP server. The voter's status page shows the change and its decision. axe-core on every
 * office page, error state and the status page.
 *
 * Not here: a proxy decision and the holder's letter (L 11(3)). The seeded TK election's
 * nomination day is 1 April 2030 and no server's clock is past it, while a proxy can only be asked
 * for before 20 February 2030 (the certificates go out then); tests/db/requests.spec.ts decides
 * one at nomination day and finds the holder's letter in the print queue.
 */
import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import type { Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/axe';
import { expect, test } from '../support/browser';
import { addDays, todayInDenHaag } from '../support/dates';
import { Registration } from '../support/journey';
import { waitForMail } from '../support/mail';
import { addVirtualAuthenticator, enrolStaff, text, type Staff } from '../support/passkeys';
import { longDate } from '../support/texts';
import { adultInGermany } from '../support/voters';
import { ChangeJourney } from '../change/support';
import { VoteChoice } from '../vote-choice/journey';

const t = (key: string, params?: Record<string, string>) => text('en', key, params);
const h1 = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true });
const button = (page: Page, key: string) => page.getByRole('button', { name: t(key), exact: true });
const group = (page: Page, key: string) => page.getByRole('group', { name: t(key), exact: true });
const errorSummary = (page: Page) => page.getByRole('alert');

/** The vote-choice journey on the main server; its countdown there is the real clock's. */
class VoteChoiceHere extends VoteChoice {
	override readonly origin = inject('baseURL');
	override async expectDeadline() {
		return '';
	}
}

/** A voter of this run only (letters only in names), in Germany, with an e-mail of their own. */
function newVoter() {
	const id = randomBytes(4).toString('hex');
	const letters = id.replace(/\d/g, (d) => 'abcdefghij'[Number(d)]!);
	return {
		...adultInGermany,
		surname: `Verhoeven ${letters[0]!.toUpperCase()}${letters.slice(1)}`,
		bsn: undefined,
		email: `zoe.${id}@example.org`,
		newEmail: `zoe.new.${id}@example.org`,
		channel: 'den_haag_post' as const
	};
}

async function expectErrorPage(page: Page, link: string) {
	await errorSummary(page).getByRole('link', { name: link }).waitFor();
	await expect.poll(() => page.title()).toMatch(/^Error: /);
	await expectNoAxeViolations(page);
}

/** The clerk records the paper form's receipt today, by post; the application page follows. */
async function receive(clerk: Page, reference: string, kind: string | null) {
	await clerk.goto('/en/office/intake');
	await h1(clerk, t('office_intake_title')).waitFor();
	await clerk.getByLabel(t('office_find_label'), { exact: true }).fill(reference);
	await button(clerk, 'office_find_submit').click();
	await h1(clerk, t('office_receipt_title', { reference })).waitFor();
	// A request's form shows what it asks, by kind.
	if (kind) await clerk.getByText(t(`application_kind_${kind}`), { exact: true }).waitFor();
	await expectNoAxeViolations(clerk);
	const [year, month, day] = todayInDenHaag().split('-');
	const date = group(clerk, 'office_receipt_date');
	await date.getByLabel(t('date_day'), { exact: true }).fill(String(Number(day)));
	await date.getByLabel(t('date_month'), { exact: true }).fill(String(Number(month)));
	await date.getByLabel(t('date_year'), { exact: true }).fill(year!);
	await group(clerk, 'office_receipt_channel')
		.getByLabel(t('office_channel_post'), { exact: true })
		.check();
	await button(clerk, 'office_receipt_submit').click();
	await h1(clerk, t('office_application_title', { reference })).waitFor();
	return clerk.url();
}

test('a clerk receives a change, a proxy and a voter pass; a decider decides the change and the pass, not yet the proxy', async ({
	page,
	browser
}) => {
	const voter = newVoter();
	const name = `${voter.firstNames} ${voter.surname}`;

	// The voter registers; the forms the journeys make are received on paper.
	const registration = new Registration(page, 'en', { axe: false });
	await registration.start();
	await registration.answer(voter);
	const registered = await registration.createForm();

	const change = new ChangeJourney(page, 'en', { axe: false });
	await change.start();
	await change.answer({
		country: voter.country,
		firstNames: voter.firstNames,
		surname: voter.surname,
		dateOfBirth: voter.dateOfBirth,
		items: ['email'],
		email: voter.newEmail,
		channel: 'den_haag_post'
	});
	const changeReference = await change.createForm();
	// The voter keeps track of it with an account made from the done page.
	await addVirtualAuthenticator(page);
	const account = page.getByRole('region', { name: t('done_account_title') });
	await account.getByRole('link', { name: t('done_account_create'), exact: true }).click();
	await page.waitForURL(/\/en\/account\/create\?/);
	await page.getByLabel(t('account_passkey_name_label'), { exact: true }).fill('Phone');
	await button(page, 'account_create_button').click();
	// The draft is linked as the account is made, and the voter is back on a done page. (Today the
	// registration's, for any journey's draft: that is the account pages' business.)
	await page.waitForURL((url) => /\/done$/.test(url.pathname));

	const vote = new VoteChoiceHere(page, 'en', { javaScriptEnabled: true });
	await vote.start();
	await vote.expectStep('election');
	const holder = {
		firstNames: 'Jan',
		surname: `De Wit ${voter.surname.split(' ')[1]}`,
		dateOfBirth: '1970-02-03',
		address: { line1: 'Lange Voorhout 1', line2: '2514 EA Den Haag', country: 'NL' }
	};
	await vote.answer({
		choice: 'proxy',
		voter: {
			firstNames: voter.firstNames,
			surname: voter.surname,
			dateOfBirth: voter.dateOfBirth,
			email: voter.email,
			address: { line1: voter.address.line1, line2: voter.address.line2, country: 'DE' }
		},
		holder
	});
	const proxyReference = await vote.createForm();

	const pass = new VoteChoiceHere(page, 'en', { javaScriptEnabled: true });
	await pass.start();
	await pass.expectStep('election');
	await pass.answer({
		choice: 'voter_pass',
		voter: {
			firstNames: voter.firstNames,
			surname: voter.surname,
			dateOfBirth: voter.dateOfBirth,
			email: voter.newEmail,
			address: { line1: voter.address.line1, line2: voter.address.line2, country: 'DE' }
		}
	});
	const passReference = await pass.createForm();

	const staff: Staff[] = [];
	try {
		const clerk = await enrolStaff(browser, ['clerk']);
		staff.push(clerk);
		const decider = await enrolStaff(browser, ['decider']);
		staff.push(decider);

		// The registration first: received, and registered by the decider.
		const registrationUrl = await receive(clerk.page, registered, null);
		await decider.page.goto(registrationUrl);
		await h1(decider.page, t('office_application_title', { reference: registered })).waitFor();
		const types = group(decider.page, 'office_decide_types');
		for (const type of ['election_type_TK', 'election_type_EP']) {
			await types.getByLabel(t(type), { exact: true }).check();
		}
		await button(decider.page, 'office_decide_submit').click();
		await decider.page
			.getByRole('heading', {
				name: `${t('office_outcome_registered')} – ${longDate(todayInDenHaag(), 'en')}`
			})
			.waitFor();

		// The clerk receives the change and the proxy request.
		const changeUrl = await receive(clerk.page, changeReference, 'change');
		await clerk.page.getByText(t('application_kind_change'), { exact: true }).waitFor();
		await clerk.page.getByText(voter.newEmail, { exact: true }).first().waitFor();
		// KB D 9: the change is due in 7 days.
		await clerk.page
			.getByText(
				t('office_application_due', { date: longDate(addDays(todayInDenHaag(), 7), 'en') })
			)
			.waitFor();
		// A clerk does not decide.
		expect(await button(clerk.page, 'office_decide_submit').count()).toBe(0);
		await expectNoAxeViolations(clerk.page);
		const proxyUrl = await receive(clerk.page, proxyReference, 'proxy');
		await clerk.page.getByText(`${holder.firstNames} ${holder.surname}`, { exact: true }).waitFor();
		// L 11(1): due on nomination day, 1 April 2030.
		await clerk.page
			.getByText(t('office_application_due', { date: longDate('2030-04-01', 'en') }))
			.waitFor();
		await expectNoAxeViolations(clerk.page);

		// The queue shows the change with its kind (the proxy, due in 2030, sorts far behind).
		await clerk.page.goto('/en/office/applications');
		await h1(clerk.page, t('office_applications_title')).waitFor();
		await clerk.page
			.getByRole('row')
			.filter({ hasText: changeReference })
			.getByText(t('application_kind_change'))
			.waitFor();
		await expectNoAxeViolations(clerk.page);

		// The decider opens the change: the search offers the registration by name and birth date.
		const office = decider.page;
		await office.goto(changeUrl);
		await h1(office, t('office_application_title', { reference: changeReference })).waitFor();
		await office.getByRole('heading', { name: t('office_request_link_title') }).waitFor();
		await expectNoAxeViolations(office);
		await office
			.getByRole('link', { name: t('office_request_link_button', { name }), exact: true })
			.click();
		await office
			.getByText(
				t('office_request_linked', {
					name,
					date: longDate(voter.dateOfBirth, 'en'),
					country: 'Germany'
				})
			)
			.waitFor();
		await expectNoAxeViolations(office);

		// A refusal needs its reasons: an error at the field and in the summary, nothing lost.
		const outcome = group(office, 'office_decide_outcome');
		expect(await outcome.getByLabel(t('office_outcome_changed'), { exact: true }).isChecked()).toBe(
			true
		);
		await outcome.getByLabel(t('office_outcome_refused'), { exact: true }).check();
		await button(office, 'office_decide_submit').click();
		await expectErrorPage(office, t('office_request_error_reasons_required'));
		expect(await outcome.getByLabel(t('office_outcome_refused'), { exact: true }).isChecked()).toBe(
			true
		);

		// The change: decided, applied, notified at the new address.
		await outcome.getByLabel(t('office_outcome_changed'), { exact: true }).check();
		await button(office, 'office_decide_submit').click();
		await office
			.getByRole('heading', {
				name: `${t('office_outcome_changed')} – ${longDate(todayInDenHaag(), 'en')}`
			})
			.waitFor();
		expect(await button(office, 'office_decide_submit').count()).toBe(0);
		await expectNoAxeViolations(office);
		const mail = await waitForMail(voter.newEmail, /^Decision: your registration has been changed/);
		expect(mail.text).toContain(changeReference);
		expect(mail.text).toContain('KW D 8');

		// The proxy: linked, and no decision before nomination day (L 11(1)), with the reason why.
		await office.goto(proxyUrl);
		await h1(office, t('office_application_title', { reference: proxyReference })).waitFor();
		await office
			.getByRole('link', { name: t('office_request_link_button', { name }), exact: true })
			.click();
		await office
			.getByText(t('office_request_blocked', { date: longDate('2030-04-01', 'en') }))
			.waitFor();
		await office.getByRole('link', { name: 'KW L 11(1)' }).first().waitFor();
		expect(await button(office, 'office_decide_submit').count()).toBe(0);
		await office.getByText(t('office_request_fact_no_proxy')).waitFor();
		await expectNoAxeViolations(office);

		// The voter pass, decided without JavaScript: the link and the decision are plain GET and
		// POST, and the linked registration survives a failed post.
		const passUrl = await receive(clerk.page, passReference, 'voter_pass');
		const noScript = await browser.newContext({
			baseURL: inject('baseURL'),
			javaScriptEnabled: false,
			storageState: await decider.context.storageState()
		});
		try {
			const plain = await noScript.newPage();
			await plain.goto(passUrl);
			await plain
				.getByRole('link', { name: t('office_request_link_button', { name }), exact: true })
				.click();
			await plain.getByText(t('office_request_fact_no_certificate')).waitFor();
			await expectNoAxeViolations(plain, { javaScriptEnabled: false });
			const choices = group(plain, 'office_decide_outcome');
			await choices.getByLabel(t('office_outcome_refused'), { exact: true }).check();
			await button(plain, 'office_decide_submit').click();
			await errorSummary(plain)
				.getByRole('link', { name: t('office_request_error_reasons_required') })
				.waitFor();
			await expect.poll(() => plain.title()).toMatch(/^Error: /);
			await expectNoAxeViolations(plain, { javaScriptEnabled: false });
			await choices.getByLabel(t('office_outcome_granted'), { exact: true }).check();
			await button(plain, 'office_decide_submit').click();
			await plain
				.getByRole('heading', {
					name: `${t('office_outcome_granted')} – ${longDate(todayInDenHaag(), 'en')}`
				})
				.waitFor();
			// The decision names what it means, with its articles (K 4(3): a lost pass is not replaced).
			await plain.getByText(t('reason_note_voter_pass_not_replaced')).waitFor();
			await expectNoAxeViolations(plain, { javaScriptEnabled: false });
		} finally {
			await noScript.close();
		}
		const passMail = await waitForMail(voter.newEmail, /^Decision: voter pass granted/);
		expect(passMail.text).toContain('KW K 4(3)');
		expect(passMail.text).toContain('KW K 8(4)');
	} finally {
		for (const member of staff) await member.context.close();
	}

	// The voter's status shows the request, its decision, what it means and the appeal route.
	await page.goto('/en/account/status');
	await h1(page, t('account_status_title')).waitFor();
	const application = page.getByRole('region', {
		name: t('account_application_title', { reference: changeReference })
	});
	await application.getByText(t('application_kind_change'), { exact: true }).waitFor();
	await application
		.getByRole('heading', {
			name: `${t('account_decision_change_changed')} – ${longDate(todayInDenHaag(), 'en')}`
		})
		.waitFor();
	await application.getByText(t('notice_appeal_title')).waitFor();
	await expectNoAxeViolations(page);
});
