/**
 * The whole registration with JavaScript off: every step is a plain form post answered by a
 * 303, errors come back as a server-rendered page, and the form downloads as a file.
 */
import { describe } from 'vitest';
import { expect, test } from '../support/browser';
import { Registration } from '../support/journey';
import { TEXTS, longDate } from '../support/texts';
import { adultInGermany } from '../support/voters';

describe('without JavaScript', () => {
	test.override('javaScriptEnabled', false);

	test('a full registration in Dutch, with an error on the way, to the downloaded form', async ({
		page
	}) => {
		const t = TEXTS.nl;
		const voter = adultInGermany;
		const posts: number[] = [];
		page.on('response', (response) => {
			if (response.request().method() === 'POST') posts.push(response.status());
		});

		const r = new Registration(page, 'nl', { javaScriptEnabled: false });
		await r.start();
		// SvelteKit never started: its route announcer is added only once the app hydrates.
		expect(await page.locator('#svelte-announcer').count()).toBe(0);

		await r.answer(voter, { until: 'name' });
		// A bad answer comes back as a whole page with the summary, the title and the values.
		await r.field(t.firstNames).fill('<script>alert(1)</script>');
		await r.field(t.surname).fill(voter.surname);
		const summary = await r.continueWithErrors();
		expect(await summary.getByRole('link').allTextContents()).toEqual([
			t.errors.firstNamesCharacters
		]);
		expect(await r.field(t.surname).inputValue()).toBe(voter.surname);
		expect((await r.transcript()).get(t.questions.date_of_birth)).toBe(
			longDate(voter.dateOfBirth, 'nl')
		);
		await r.answer(voter, { from: 'name' });

		const reference = await r.createForm();
		const text = await r.downloadPdf();
		expect(text).toContain(voter.firstNames);
		expect(text).toContain(voter.surname);
		expect(text).toContain(longDate(voter.dateOfBirth, 'nl'));
		expect(text).toContain(reference);

		// Every answer was a plain post: a 303 to the next page, or a 400 with the errors.
		expect(posts.length).toBeGreaterThan(10);
		expect(posts.every((s) => s === 303 || s === 400)).toBe(true);
		expect(posts.filter((s) => s === 400)).toHaveLength(1);
	});
});
