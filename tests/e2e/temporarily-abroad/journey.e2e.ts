/**
 * A resident of the Netherlands abroad on election day asks to vote by post (KW M 1(2), M 3), on
 * the server whose clock stands at 10 February 2030: the seeded TK election of 15 May 2030 is open
 * until 17 April (M 3(3)). In Dutch and English, with JavaScript on and off: every page checked
 * with axe, the countdown's days, one bad answer (error summary, message at the field, nothing
 * lost), the confirmation's "no polling card" (M 2, M 4(4)) and the PDF read back.
 */
import { describe, inject } from 'vitest';
import type { Page } from 'playwright-core';
import { expect, test } from '../support/browser';
import { RequestJourney, daysLeft, denHaagInstant } from '../support/postal-requests';
import type { Locale } from '../support/texts';

const ELECTION_DAY = '2030-05-15';
const CUTOFF_DAY = '2030-04-17';

type Scenario = {
	locale: Locale;
	/** Start from a guided link with the election in it (the election question is skipped). */
	guided: boolean;
	ballot: 'email' | 'post';
	firstNames: string;
	surname: string;
};

const SCENARIOS: Scenario[] = [
	{ locale: 'nl', guided: false, ballot: 'post', firstNames: 'Zoë', surname: 'van der Berg' },
	{ locale: 'en', guided: true, ballot: 'email', firstNames: 'Anouk', surname: 'IJsselstein' }
];

async function walk(page: Page, s: Scenario, javaScriptEnabled: boolean) {
	const r = new RequestJourney(page, s.locale, {
		origin: inject('clockedURL'),
		segment: 'temporarily-abroad',
		journey: 'temporarily_abroad',
		javaScriptEnabled
	});
	const days = daysLeft(denHaagInstant(CUTOFF_DAY, 'end'), inject('clock'));
	// 10 February 11:00 to the end of 17 April in Den Haag.
	expect(days).toBe(66);
	const tk = `${r.m('election_type_TK')}, ${r.date(ELECTION_DAY)}`;
	// Each voter's own e-mail, so that runs never look alike in the shared database.
	const email = `${s.locale}.${javaScriptEnabled ? 'js' : 'nojs'}.${Date.now()}@example.org`;

	await r.start(s.guided ? '?election=TK-2030' : '');
	await r.expectStep('residence', r.m('temporarily_abroad_residence_question'));
	await r.expectCountdown(days);
	expect(await r.mainText()).toContain(r.date(CUTOFF_DAY));
	await r.radio(r.m('answer_yes')).check();
	await r.continue();

	if (!s.guided) {
		await r.expectStep('election', r.m('temporarily_abroad_election_question'));
		await r.expectCountdown(days);
		// Only the open TK election: no KNI (Pa 2(1)), no EP without a day.
		expect(await page.getByRole('radio').count()).toBe(1);
		await r.radio(tk).check();
		await r.continue();
	}

	await r.expectStep('nationality', r.m('temporarily_abroad_nationality_question'));
	await r.radio(r.m('answer_yes')).check();
	await r.continue();

	await r.expectStep('date_of_birth', r.m('register_dob_question'));
	await r.fillDate('1990-03-07');
	await r.continue();

	await r.expectStep('name', r.m('register_name_question'));
	await r.field(r.m('register_name_first_names')).fill(s.firstNames);
	await r.field(r.m('register_name_surname')).fill(s.surname);
	await r.continue();

	await r.expectStep('bsn', r.m('temporarily_abroad_bsn_question'));
	await r.field(r.m('temporarily_abroad_bsn_question')).fill('123456782');
	await r.continue();

	await r.expectStep('address', r.m('temporarily_abroad_address_question'));
	await r.fillAddress(['Lange Voorhout 1', '2514 EA Den Haag']);
	await r.continue();

	await r.expectStep('municipality', r.m('temporarily_abroad_municipality_question'));
	await r.field(r.m('temporarily_abroad_municipality_question')).fill("'s-Gravenhage");
	await r.continue();

	// The stay must take in election day (M 1(2)): coming back before it is an error at the
	// return date, and what was typed stays.
	await r.expectStep('stay', r.m('temporarily_abroad_stay_question'));
	await r.expectCountdown(days);
	expect(await r.mainText()).toContain(
		r.m('temporarily_abroad_stay_note', { date: r.date(ELECTION_DAY) })
	);
	const leaving = r.group(r.m('temporarily_abroad_stay_from'));
	const back = r.group(r.m('temporarily_abroad_stay_until'));
	await r.fillDate('2030-05-01', leaving);
	await r.fillDate('2030-05-10', back);
	const summary = await r.continueWithErrors();
	await r.expectFieldError(summary, r.m('temporarily_abroad_stay_error_back_before_election_day'));
	expect(await r.field(r.m('date_day'), leaving).inputValue()).toBe('1');
	expect(await r.field(r.m('date_month'), leaving).inputValue()).toBe('5');
	expect(await r.field(r.m('date_day'), back).inputValue()).toBe('10');
	// The conversation so far is still there.
	expect(await r.mainText()).toContain(`${s.firstNames} ${s.surname}`);
	await r.fillDate('2030-06-01', back);
	await r.continue();

	await r.expectStep('ballot', r.m('temporarily_abroad_ballot_question'));
	await r.radio(r.m(`temporarily_abroad_ballot_${s.ballot}`)).check();
	await r.continue();

	if (s.ballot === 'email') {
		await r.expectStep('ballot_email', r.m('temporarily_abroad_email_question'));
		await r.field(r.m('temporarily_abroad_email_question')).fill(email);
		await r.continue();
	} else {
		await r.expectStep('ballot_address', r.m('temporarily_abroad_post_address_question'));
		await r.fillAddress(['Calle Mayor 5', '28013 Madrid'], 'ES');
		await r.continue();
	}

	await r.expectCheck();
	await r.expectCountdown(days);
	const check = await r.mainText();
	expect(check).toContain(tk);
	expect(check).toContain(r.m('temporarily_abroad_no_polling_card'));
	expect(check).toContain(r.m('submission_den_haag_mayor_instruction'));

	const reference = await r.confirm();
	expect(reference).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
	const done = await r.mainText();
	// The confirmation explains that no polling card will come (M 2, M 4(4)).
	expect(done).toContain(r.m('temporarily_abroad_next_no_polling_card'));
	expect(done).toContain('KW M 2');
	await r.expectCountdown(days);

	const pdf = await r.downloadPdf();
	expect(pdf).toContain(reference);
	expect(pdf).toContain(
		'Verzoek om per brief te stemmen vanuit het buitenland (artikel M 3 Kieswet)'
	);
	expect(pdf).toContain(r.m('temporarily_abroad_pdf_cover_title'));
	expect(pdf).toContain(s.firstNames);
	expect(pdf).toContain(s.surname);
	expect(pdf).toContain('15 mei 2030');
	expect(pdf).toContain("'s-Gravenhage");
	expect(pdf).toContain('1 juni 2030');
	if (s.ballot === 'email') expect(pdf).toContain(email);
	else expect(pdf).toContain('Calle Mayor 5');
}

describe('temporarily abroad, with JavaScript', () => {
	for (const s of SCENARIOS) {
		test(`${s.locale}: to the PDF, ballot by ${s.ballot}`, async ({ page }) => {
			await walk(page, s, true);
		});
	}
});

describe('temporarily abroad, without JavaScript', () => {
	test.override('javaScriptEnabled', false);
	for (const s of SCENARIOS) {
		test(`${s.locale}: to the PDF, ballot by ${s.ballot}, plain form posts`, async ({ page }) => {
			const posts: number[] = [];
			page.on('response', (response) => {
				if (response.request().method() === 'POST') posts.push(response.status());
			});
			await walk(page, s, false);
			// SvelteKit never started; every answer was a 303 or, once, a 400 with the errors.
			expect(await page.locator('#svelte-announcer').count()).toBe(0);
			expect(posts.every((status) => status === 303 || status === 400)).toBe(true);
			expect(posts.filter((status) => status === 400)).toHaveLength(1);
		});
	}
});

describe('temporarily abroad, someone who lives abroad', () => {
	test('is sent to the registration of voters abroad, with the articles (en)', async ({ page }) => {
		const r = new RequestJourney(page, 'en', {
			origin: inject('clockedURL'),
			segment: 'temporarily-abroad',
			journey: 'temporarily_abroad',
			javaScriptEnabled: true
		});
		await r.start();
		await r.expectStep('residence', r.m('temporarily_abroad_residence_question'));
		await r.radio(r.m('answer_no')).check();
		await r.continue();
		await page.waitForURL(r.stepUrl('result'));
		await r.h1(r.m('temporarily_abroad_result_lives_abroad_title')).waitFor();
		await r.axe();
		const text = await r.mainText();
		expect(text).toContain(r.m('reason_temporarily_abroad_lives_abroad'));
		for (const code of ['KW M 1(2)', 'KW D 2', 'KW M 1(1)']) expect(text).toContain(code);
		const register = page.getByRole('link', {
			name: r.m('temporarily_abroad_result_register'),
			exact: true
		});
		expect(await register.getAttribute('href')).toBe('/en/register');
	});
});
