/**
 * The "Done when" scenarios, each in Dutch and in English, from the start page to the
 * downloaded form (or the outcome page), with axe-core on every page on the way.
 */
import { describe } from 'vitest';
import { expect, test } from '../support/browser';
import { seventeenYearOld } from '../support/dates';
import { Registration, type Voter } from '../support/journey';
import { LOCALES, TEXTS, countryName, longDate, type Locale } from '../support/texts';
import {
	adultInGermany,
	arubaEightYears,
	bonaireResident,
	seventeenInCanada
} from '../support/voters';

/** Every applied-for type is listed under "What you can register for". */
async function expectRegisteredFor(r: Registration, voter: Voter) {
	const intro =
		r.locale === 'nl'
			? 'Met dit formulier vraagt u registratie aan voor:'
			: 'With this form you apply to be registered for:';
	const list = r.page
		.getByRole('main')
		.getByRole('list')
		.filter({
			has: r.page.getByRole('listitem').filter({ hasText: r.t.electionTypes[voter.types[0]!] })
		});
	await r.page.getByText(intro, { exact: true }).waitFor();
	const items = (await list.first().getByRole('listitem').allTextContents()).map((s) =>
		s.replace(/\s+/g, ' ')
	);
	for (const type of voter.types) {
		expect(items.some((i) => i.startsWith(r.t.electionTypes[type]))).toBe(true);
	}
}

/** The check page shows the voter's own answers under "Your answers". */
async function expectCheckAnswers(r: Registration, voter: Voter) {
	const answers = await r.transcript(r.t.checkAnswersHeading);
	const t = r.t;
	expect(answers.get(t.questions.nationality)).toBe(t.yes);
	expect(answers.get(t.questions.residence)).toBe(countryName(voter.country, r.locale));
	expect(answers.get(t.questions.date_of_birth)).toBe(longDate(voter.dateOfBirth, r.locale));
	expect(answers.get(t.questions.name)).toBe(`${voter.firstNames} ${voter.surname}`);
	expect(answers.get(t.questions.sex)).toBe(t.sex[voter.sex]);
	expect(answers.get(t.questions.address)).toContain(voter.address.line1);
	expect(answers.get(t.questions.contact)).toContain(voter.email);
	expect(answers.get(t.questions.bsn)).toBe(voter.bsn ?? t.notGiven);
	expect(answers.get(t.questions.submission)).toBe(t.channels[voter.channel]);
}

/** The downloaded form carries the name, the date of birth and the reference code. */
async function expectPdf(r: Registration, voter: Voter, reference: string) {
	const text = await r.downloadPdf();
	expect(text).toContain(voter.firstNames.normalize('NFC'));
	expect(text).toContain(voter.surname.normalize('NFC'));
	// The form itself is the Dutch official model, whatever the page's language.
	expect(text).toContain(longDate(voter.dateOfBirth, 'nl'));
	expect(text).toContain(reference);
}

describe.each(LOCALES)('registration in %s', (locale: Locale) => {
	const t = TEXTS[locale];

	test('an adult in Germany registers for TK and EP and is asked the EP declaration', async ({
		page
	}) => {
		const voter = adultInGermany;
		const r = new Registration(page, locale);
		await r.start();
		await r.answer(voter, { until: 'ep_declaration' });

		// Only EP + another EU member state brings this question, with its note and article.
		await page.getByText(/Y 6\(1\)/).waitFor();
		expect(await page.getByRole('link', { name: 'KW Y 6(1)', exact: true }).count()).toBe(1);
		await r.answer(voter, { from: 'ep_declaration' });

		await expectCheckAnswers(r, voter);
		const answers = await r.transcript(t.checkAnswersHeading);
		expect(answers.get(t.questions.ep_declaration)).toBe(t.epDeclarationYes);
		expect(answers.get(t.questions.election_types)).toBe(
			`${t.electionTypes.TK} ${t.electionTypes.EP}`
		);
		await expectRegisteredFor(r, voter);

		const reference = await r.createForm();
		expect(reference).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
		await expectRegisteredFor(r, voter);
		await expectPdf(r, voter, reference);
	});

	test('a 17-year-old in Canada sees when the registration takes effect', async ({ page }) => {
		const voter = seventeenInCanada();
		const { startsOn } = seventeenYearOld();
		const startsOnText = t.startsOn(longDate(startsOn, locale));
		const r = new Registration(page, locale);
		await r.start();
		// Canada is outside the EU: no EP declaration although EP is on offer.
		await r.answer(voter);

		await expectCheckAnswers(r, voter);
		await page.getByText(startsOnText, { exact: false }).waitFor();
		await expectRegisteredFor(r, voter);

		const reference = await r.createForm();
		await page.getByText(startsOnText, { exact: false }).waitFor();
		await expectPdf(r, voter, reference);
	});

	test('a resident of Aruba with 8 years in the Netherlands: TK refused, EP registered', async ({
		page
	}) => {
		const voter = arubaEightYears;
		const r = new Registration(page, locale);
		await r.start();
		await r.answer(voter, { until: 'election_types' });

		// TK and KNI are not offered; a note says why, with the article.
		expect(await r.checkbox(t.electionTypes.TK).count()).toBe(0);
		expect(await r.checkbox(t.electionTypes.KNI).count()).toBe(0);
		expect(await r.checkbox(t.electionTypes.EP).count()).toBe(1);
		// Each note: its title, the reason and the article, together (the title's parent block).
		const note = (type: 'TK' | 'KNI') =>
			page
				.getByRole('main')
				.getByText(t.typeNotAvailable(t.electionTypes[type]), { exact: true })
				.locator('..');
		await note('TK').getByText(t.caribbeanConditionNotMet, { exact: false }).waitFor();
		const article = note('TK').getByRole('link', { name: 'KW B 1(2)', exact: true });
		expect(await article.count()).toBe(1);
		expect(await article.getAttribute('href')).toMatch(
			/^https:\/\/wetten\.overheid\.nl\/BWBR0004627\/[\d-]+#ArtikelB_1$/
		);
		await note('KNI').getByText(t.caribbeanConditionNotMet, { exact: false }).waitFor();
		expect(await note('KNI').getByRole('link', { name: 'KW Pa 2(2)', exact: true }).count()).toBe(
			1
		);

		await r.answer(voter, { from: 'election_types' });
		await expectCheckAnswers(r, voter);
		await expectRegisteredFor(r, voter);
		const reference = await r.createForm();
		await expectRegisteredFor(r, voter);
		await expectPdf(r, voter, reference);
	});

	test('a resident of Bonaire is told they do not live abroad', async ({ page }) => {
		const r = new Registration(page, locale);
		await r.start();
		await r.yesNo(true).check();
		await r.continue();
		await r.expectStep('residence');
		await r.field(t.questions.residence).selectOption({
			label: countryName(bonaireResident.country, locale)
		});
		await r.continue();

		await page.waitForURL(r.stepUrl('result'));
		await r.h1(t.notAbroadTitle).waitFor();
		await r.expectLang();
		expect(await page.title()).toBe(`${t.notAbroadTitle} – ${t.siteName}`);
		await r.checkPage();
		const main = page.getByRole('main');
		await main.getByText(t.livesInBes).waitFor();
		// The pointer to the postal vote for voters temporarily abroad, with its article.
		await main.getByText(t.notAbroadNext, { exact: true }).waitFor();
		expect(await main.getByRole('link', { name: 'KW M 1(2)', exact: true }).count()).toBe(1);
		const answers = await r.transcript();
		expect(answers.get(t.questions.residence)).toBe(countryName('BQ', locale));
	});
});
