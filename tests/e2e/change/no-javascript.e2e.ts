/**
 * The change journey with JavaScript off, in Dutch and in English: every answer is a plain form
 * post answered by a 303 (or a 400 page with the errors), and the form downloads as a file.
 */
import { describe } from 'vitest';
import { expect, test } from '../support/browser';
import { ChangeJourney, type ChangeVoter, type Locale } from './support';

const voters: Record<Locale, ChangeVoter> = {
	// New correspondence address in Belgium, the e-mail address removed; by post.
	nl: {
		country: 'ES',
		firstNames: 'Pieter',
		surname: 'Bakker',
		dateOfBirth: '1962-08-30',
		items: ['correspondence_address', 'email'],
		correspondence: { line1: 'Postbus 12', line2: '1000 Brussel', country: 'BE' },
		email: null,
		channel: 'den_haag_post'
	},
	// Curaçao with ten years in the Netherlands: every type is offered (KW B 1(2)(a)).
	en: {
		country: 'CW',
		firstNames: 'Shanty',
		surname: 'Martina',
		dateOfBirth: '1975-03-21',
		items: ['election_types'],
		types: ['TK', 'KNI'],
		channel: 'den_haag_upload'
	}
};

describe('the change journey without JavaScript', () => {
	test.override('javaScriptEnabled', false);

	for (const locale of ['nl', 'en'] as const) {
		test(`in ${locale}: to the form, with an error on the way`, async ({ page }) => {
			const posts: number[] = [];
			page.on('response', (response) => {
				if (response.request().method() === 'POST') posts.push(response.status());
			});
			const voter = voters[locale];
			const c = new ChangeJourney(page, locale, { javaScriptEnabled: false });
			await c.start();
			// SvelteKit never started: its route announcer is added only once the app hydrates.
			expect(await page.locator('#svelte-announcer').count()).toBe(0);
			await c.expectStep('residence');
			await c.answer(voter, { until: 'what' });

			// Nothing chosen: the page comes back with the error; then the voter's choice.
			const summary = await c.continueWithErrors();
			expect(await summary.getByRole('link').allTextContents()).toEqual([c.t.errors.whatRequired]);

			if (locale === 'en') {
				await c.fill('what', voter);
				await c.continue();
				// Curaçao: the condition of KW B 1(2) is asked before the types.
				await c.expectStep('caribbean_ten_years');
				await c.radio(c.t.yes).check();
				await c.continue();
				await c.expectStep('election_types');
				for (const type of ['TK', 'EP', 'KNI'] as const) {
					expect(await c.checkbox(c.t.types[type]).count()).toBe(1);
				}
				await c.answer(voter, { from: 'election_types' });
			} else {
				await c.answer(voter, { from: 'what' });
			}

			const reference = await c.createForm();
			const { text } = await c.downloadPdf();
			expect(text).toContain(reference);
			expect(text).toContain(c.t.pdf.formTitle);
			expect(text).toContain(voter.surname);
			if (locale === 'nl') {
				expect(text).toContain('Nieuw correspondentieadres');
				expect(text).toContain('Postbus 12');
				expect(text).toContain('België');
				expect(text).toContain('E-mailadres vervalt');
			} else {
				expect(text).toContain('Tweede Kamer der Staten-Generaal');
				expect(text).toContain('Kiescollege niet-ingezetenen');
				expect(text).not.toContain('Europees Parlement');
			}

			expect(posts.length).toBeGreaterThan(5);
			expect(posts.every((s) => s === 303 || s === 400)).toBe(true);
			expect(posts.filter((s) => s === 400)).toHaveLength(1);
		});
	}
});
