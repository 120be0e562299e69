/**
 * Bad input, in Dutch and in English: each gets a clear message in the error summary (which
 * links to the field) and at the field, the title starts with "Fout:"/"Error:", what was typed
 * stays, the answers before stay in the transcript, and the server never answers 500.
 */
import { describe } from 'vitest';
import type { Locator } from 'playwright-core';
import { expect, test } from '../support/browser';
import { addDays, todayInDenHaag } from '../support/dates';
import { Registration } from '../support/journey';
import { LOCALES, TEXTS, countryName, longDate, type Locale } from '../support/texts';
import { adultInGermany } from '../support/voters';

/**
 * The message is in the summary as a link to the control and at the field, tied to it by
 * aria-describedby (on the control, or on the fieldset of a group); the link moves focus there.
 */
async function expectFieldError(
	r: Registration,
	summary: Locator,
	control: Locator,
	message: string
) {
	const link = summary.getByRole('link', { name: message, exact: true });
	expect(await link.count(), `summary link "${message}"`).toBe(1);
	const atField = r.page
		.getByRole('main')
		.locator('form')
		.getByText(`${r.t.errorPrefix} ${message}`, { exact: true });
	expect(await atField.isVisible(), `message at the field "${message}"`).toBe(true);

	const descriptions = await control.evaluate((el) => {
		const owners: Element[] = [el];
		const fieldset = el.closest('fieldset');
		if (fieldset) owners.push(fieldset);
		return owners
			.flatMap((e) => (e.getAttribute('aria-describedby') ?? '').split(/\s+/))
			.filter(Boolean)
			.map((id) => document.getElementById(id)?.textContent?.replace(/\s+/g, ' ').trim());
	});
	expect(descriptions).toContain(`${r.t.errorPrefix} ${message}`);

	await link.click();
	await expect.poll(() => control.evaluate((el) => el === document.activeElement)).toBe(true);
}

describe.each(LOCALES)('bad input in %s', (locale: Locale) => {
	const t = TEXTS[locale];

	test('empty answers, 31 February and a date of birth in the future', async ({ page }) => {
		const r = new Registration(page, locale);
		await r.start();

		// An empty required answer: a radio group.
		let summary = await r.continueWithErrors();
		await expectFieldError(r, summary, r.yesNo(true), t.errors.chooseOne);
		await r.yesNo(true).check();
		await r.continue();
		await r.expectStep('residence');

		// An empty required answer: the country select.
		const country = r.field(t.questions.residence);
		summary = await r.continueWithErrors();
		await expectFieldError(r, summary, country, t.errors.residenceRequired);
		expect(await country.getAttribute('aria-invalid')).toBe('true');
		await country.selectOption({ label: countryName('DE', locale) });
		await r.continue();
		await r.expectStep('date_of_birth');

		const day = r.field(t.day);
		const expectTranscriptKept = async () => {
			const answers = await r.transcript();
			expect(answers.get(t.questions.nationality)).toBe(t.yes);
			expect(answers.get(t.questions.residence)).toBe(countryName('DE', locale));
		};

		// Nothing typed.
		summary = await r.continueWithErrors();
		await expectFieldError(r, summary, day, t.errors.dobRequired);

		// 31 February does not exist; what was typed stays.
		await r.fillDate({ day: '31', month: '2', year: '1990' });
		summary = await r.continueWithErrors();
		await expectFieldError(r, summary, day, t.errors.dobInvalid);
		expect(await day.inputValue()).toBe('31');
		expect(await r.field(t.month).inputValue()).toBe('2');
		expect(await r.field(t.year).inputValue()).toBe('1990');
		await expectTranscriptKept();

		// Only part of a date.
		await r.fillDate({ day: '12', month: '', year: '1990' });
		summary = await r.continueWithErrors();
		await expectFieldError(r, summary, day, t.errors.dobIncomplete);

		// A date of birth in the future (a month from now in Den Haag).
		const future = addDays(todayInDenHaag(), 30);
		const [y, m, d] = future.split('-').map((p) => String(Number(p))) as [string, string, string];
		await r.fillDate({ day: d, month: m, year: y });
		summary = await r.continueWithErrors();
		await expectFieldError(r, summary, day, t.errors.dobFuture);
		expect(await day.inputValue()).toBe(d);
		expect(await r.field(t.year).inputValue()).toBe(y);
		await expectTranscriptKept();

		// Put right, the journey goes on; an empty choice of elections is refused too.
		await r.fillDate({ day: '14', month: '5', year: '1988' });
		await r.continue();
		await r.expectStep('election_types');
		summary = await r.continueWithErrors();
		await expectFieldError(r, summary, r.checkbox(t.electionTypes.TK), t.errors.typesRequired);
		const answers = await r.transcript();
		expect(answers.get(t.questions.date_of_birth)).toBe(longDate('1988-05-14', locale));
	});

	test('a 10,000-character name and markup in a name', async ({ page }) => {
		const dialogs: string[] = [];
		page.on('dialog', (dialog) => {
			dialogs.push(dialog.message());
			void dialog.dismiss();
		});
		const voter = { ...adultInGermany, types: ['TK' as const], epDeclaration: undefined };
		const r = new Registration(page, locale);
		await r.start();
		await r.answer(voter, { until: 'name' });

		const firstNames = r.field(t.firstNames);
		const surname = r.field(t.surname);
		const expectTranscriptKept = async () => {
			const answers = await r.transcript();
			expect(answers.get(t.questions.residence)).toBe(countryName('DE', locale));
			expect(answers.get(t.questions.date_of_birth)).toBe(longDate(voter.dateOfBirth, locale));
			expect(answers.get(t.questions.election_types)).toBe(t.electionTypes.TK);
		};

		// 10,000 characters: refused with the limit, the surname stays as typed.
		const long = 'Zoë'.repeat(3334).slice(0, 10_000);
		await firstNames.fill(long);
		await surname.fill('Jansen');
		let summary = await r.continueWithErrors();
		await expectFieldError(r, summary, firstNames, t.errors.firstNamesTooLong);
		expect(await surname.inputValue()).toBe('Jansen');
		expect(await firstNames.getAttribute('aria-invalid')).toBe('true');
		expect(await surname.getAttribute('aria-invalid')).toBeNull();
		await expectTranscriptKept();

		// Markup in the first names: refused, shown back as text, never run.
		const markup = '<script>alert(1)</script>';
		await firstNames.fill(markup);
		summary = await r.continueWithErrors();
		await expectFieldError(r, summary, firstNames, t.errors.firstNamesCharacters);
		expect(await firstNames.inputValue()).toBe(markup);
		expect(await surname.inputValue()).toBe('Jansen');
		expect(await page.locator('script', { hasText: 'alert(1)' }).count()).toBe(0);

		// Markup in the surname: the first names stay.
		await firstNames.fill('Jan');
		await surname.fill(markup);
		summary = await r.continueWithErrors();
		await expectFieldError(r, summary, surname, t.errors.surnameCharacters);
		expect(await firstNames.inputValue()).toBe('Jan');
		expect(await surname.inputValue()).toBe(markup);

		// Both empty: two messages, in the order of the fields.
		await firstNames.fill('');
		await surname.fill('');
		summary = await r.continueWithErrors();
		expect(await summary.getByRole('link').allTextContents()).toEqual([
			t.errors.firstNamesRequired,
			t.errors.surnameRequired
		]);
		await expectFieldError(r, summary, firstNames, t.errors.firstNamesRequired);
		await expectFieldError(r, summary, surname, t.errors.surnameRequired);
		await expectTranscriptKept();

		await firstNames.fill('Jan');
		await surname.fill('Jansen');
		await r.continue();
		await r.expectStep('sex');
		expect(dialogs).toEqual([]);
	});

	test('an empty address and a bad email address', async ({ page }) => {
		const voter = {
			...adultInGermany,
			country: 'CA',
			types: ['TK' as const],
			epDeclaration: undefined
		};
		const r = new Registration(page, locale);
		await r.start();
		await r.answer(voter, { until: 'address' });

		let summary = await r.continueWithErrors();
		await expectFieldError(r, summary, r.field(t.addressLine1), t.errors.addressRequired);
		await expectFieldError(r, summary, r.field(t.addressLine2), t.errors.cityRequired);
		await r.field(t.addressLine3).fill('Ontario');
		// The optional line alone is still not an address; what was typed stays.
		summary = await r.continueWithErrors();
		expect(await summary.getByRole('link').allTextContents()).toEqual([
			t.errors.addressRequired,
			t.errors.cityRequired
		]);
		expect(await r.field(t.addressLine3).inputValue()).toBe('Ontario');
		await r.answer(voter, { from: 'address', until: 'contact' });

		await r.field(t.email).fill('not-an-address');
		await r.field(t.phone).fill('+1 416 555 0100');
		summary = await r.continueWithErrors();
		await expectFieldError(r, summary, r.field(t.email), t.errors.emailInvalid);
		expect(await r.field(t.phone).inputValue()).toBe('+1 416 555 0100');
		const answers = await r.transcript();
		expect(answers.get(t.questions.address)).toContain(voter.address.line1);
		expect(answers.get(t.questions.sex)).toBe(t.sex[voter.sex]);
	});
});
