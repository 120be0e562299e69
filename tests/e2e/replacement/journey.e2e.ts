/**
 * A replacement postal voting certificate (KW M 6b) on the server whose clock stands at 10 February
 * 2030: for the seeded TK election of 15 May 2030 a written request is open until 3 May, in person
 * until 12:00 on 6 May. In Dutch (a voter in Germany, by e-mail) and English (a voter in Curaçao,
 * who gets no e-mail choice, M 6b(5)), with JavaScript on and off: every page checked with axe,
 * both countdowns, one bad answer, the old certificate's invalidity (M 5(2)(a)) and the PDF.
 */
import { describe, inject } from 'vitest';
import type { Page } from 'playwright-core';
import { expect, test } from '../support/browser';
import { RequestJourney, daysLeft, denHaagInstant } from '../support/postal-requests';
import type { Locale } from '../support/texts';

const ELECTION_DAY = '2030-05-15';

type Scenario = {
	locale: Locale;
	reason: 'lost' | 'not_received';
	country: string;
	address: string[];
	firstNames: string;
	surname: string;
};

const SCENARIOS: Scenario[] = [
	{
		locale: 'nl',
		reason: 'lost',
		country: 'DE',
		address: ['Müllerstraße 12', '10115 Berlin'],
		firstNames: 'Jan Łukasz',
		surname: 'Müller'
	},
	{
		locale: 'en',
		reason: 'not_received',
		country: 'CW',
		address: ['Kaya Grandi 1', 'Willemstad'],
		firstNames: 'Shirley',
		surname: 'Martina'
	}
];

async function walk(page: Page, s: Scenario, javaScriptEnabled: boolean) {
	const r = new RequestJourney(page, s.locale, {
		origin: inject('clockedURL'),
		segment: 'replacement',
		journey: 'replacement',
		javaScriptEnabled
	});
	const clock = inject('clock');
	const written = daysLeft(denHaagInstant('2030-05-03', 'end'), clock);
	const inPerson = daysLeft(denHaagInstant('2030-05-06', '12:00'), clock);
	expect([written, inPerson]).toEqual([82, 85]);
	const tk = `${r.m('election_type_TK')}, ${r.date(ELECTION_DAY)}`;

	await r.start();
	await r.expectStep('reason', r.m('replacement_reason_question'));
	await r.expectCountdown(written);
	await r.expectCountdown(inPerson);
	// The old certificate becomes invalid (M 5(2)(a)), said before anything is asked.
	expect(await r.mainText()).toContain(r.m('replacement_old_invalid_note'));
	await r.radio(r.m(`replacement_reason_${s.reason}`)).check();
	await r.continue();

	await r.expectStep('election', r.m('replacement_election_question'));
	await r.radio(tk).check();
	await r.continue();

	await r.expectStep('name', r.m('register_name_question'));
	await r.field(r.m('register_name_first_names')).fill(s.firstNames);
	await r.field(r.m('register_name_surname')).fill(s.surname);
	await r.continue();

	await r.expectStep('date_of_birth', r.m('register_dob_question'));
	await r.fillDate('1979-11-02');
	await r.continue();

	await r.expectStep('residence', r.m('replacement_residence_question'));
	await r.field(r.m('replacement_residence_question')).selectOption({
		label: r.country(s.country)
	});
	await r.continue();

	await r.expectStep('address', r.m('replacement_address_question'));
	await r.fillAddress(s.address);
	await r.continue();

	// A wrong BSN: an error at the field and in the summary; what was typed stays.
	await r.expectStep('bsn', r.m('register_bsn_question'));
	const bsn = r.field(r.m('register_bsn_question'));
	await bsn.fill('123456789');
	const summary = await r.continueWithErrors();
	await r.expectFieldError(summary, r.m('register_bsn_error_invalid'));
	expect(await bsn.inputValue()).toBe('123456789');
	expect(await r.mainText()).toContain(s.address[0]);
	await bsn.fill('');
	await r.continue();

	await r.expectStep('delivery', r.m('replacement_delivery_question'));
	await r.expectCountdown(written);
	const caribbean = s.country === 'CW';
	// KW M 6b(5): in Curaçao by post (or in person) only.
	expect(await r.radio(r.m('replacement_delivery_email')).count()).toBe(caribbean ? 0 : 1);
	if (caribbean) {
		expect(await r.mainText()).toContain(
			r.m('replacement_delivery_caribbean_note', { country: r.country('CW') })
		);
		await r.radio(r.m('replacement_delivery_post_home')).check();
		await r.continue();
	} else {
		await r.radio(r.m('replacement_delivery_email')).check();
		await r.continue();
		await r.expectStep('delivery_email', r.m('replacement_email_question'));
		await r.field(r.m('replacement_email_question')).fill('jan@example.org');
		await r.continue();
	}

	await r.expectCheck();
	const check = await r.mainText();
	expect(check).toContain(tk);
	expect(check).toContain(r.m('replacement_old_invalid_title'));
	if (caribbean) expect(check).toContain(r.m('replacement_representation_title'));

	const reference = await r.confirm();
	const done = await r.mainText();
	expect(done).toContain(r.m('replacement_next_old_invalid'));
	expect(done).toContain(
		r.m(caribbean ? 'replacement_next_delivery_post' : 'replacement_next_delivery_email')
	);
	await r.expectCountdown(written);

	const pdf = await r.downloadPdf();
	expect(pdf).toContain(reference);
	expect(pdf).toContain('Verzoek om een vervangend briefstembewijs (artikel M 6b Kieswet)');
	expect(pdf).toContain(r.m('replacement_pdf_cover_title'));
	expect(pdf).toContain(s.surname);
	expect(pdf).toContain(s.address[0]);
	expect(pdf).toContain(
		s.reason === 'lost'
			? 'Mijn briefstembewijs is in het ongerede geraakt'
			: 'Ik heb mijn briefstembewijs niet ontvangen'
	);
	if (caribbean) {
		expect(pdf).not.toContain('Per e-mail');
		expect(pdf).toContain('Vertegenwoordiging van Nederland in Curaçao');
	} else {
		expect(pdf).toContain('jan@example.org');
	}
}

describe('replacement, with JavaScript', () => {
	for (const s of SCENARIOS) {
		test(`${s.locale}: ${s.reason}, living in ${s.country}, to the PDF`, async ({ page }) => {
			await walk(page, s, true);
		});
	}
});

describe('replacement, without JavaScript', () => {
	test.override('javaScriptEnabled', false);
	for (const s of SCENARIOS) {
		test(`${s.locale}: ${s.reason}, living in ${s.country}, plain form posts`, async ({ page }) => {
			const posts: number[] = [];
			page.on('response', (response) => {
				if (response.request().method() === 'POST') posts.push(response.status());
			});
			await walk(page, s, false);
			expect(await page.locator('#svelte-announcer').count()).toBe(0);
			expect(posts.every((status) => status === 303 || status === 400)).toBe(true);
			expect(posts.filter((status) => status === 400)).toHaveLength(1);
		});
	}
});
