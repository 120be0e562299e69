/**
 * Moving around the journey: the language switch keeps the step and the answers, "Change" on
 * the check page goes to the step and back, and the first questions work with the keyboard only.
 */
import { describe } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { expect, test } from '../support/browser';
import { Registration, type Voter } from '../support/journey';
import { LOCALES, TEXTS, countryName, type Locale } from '../support/texts';
import { adultInGermany } from '../support/voters';

const other = (locale: Locale): Locale => (locale === 'nl' ? 'en' : 'nl');

/** An adult in Germany for the House of Representatives only: no EP declaration yet. */
const tkOnlyInGermany: Voter = { ...adultInGermany, types: ['TK'], epDeclaration: undefined };

describe.each(LOCALES)('language switch from %s', (locale: Locale) => {
	const t = TEXTS[locale];
	const o = TEXTS[other(locale)];

	test('keeps the step, the transcript and the saved answer', async ({ page }) => {
		const r = new Registration(page, locale);
		await r.start();
		await r.answer(tkOnlyInGermany, { until: 'date_of_birth' });

		const nav = page.getByRole('navigation', { name: t.languageNav, exact: true });
		expect(await nav.getByRole('link', { name: t.languageName, exact: true }).count()).toBe(0);
		await nav.getByRole('link', { name: o.languageName, exact: true }).click();

		// The same question, now in the other language, with the answers so far translated.
		const switched = new Registration(page, other(locale));
		await switched.expectStep('date_of_birth');
		expect(new URL(page.url()).pathname).toContain(`/register/${r.token}/date_of_birth`);
		let answers = await switched.transcript();
		expect(answers.get(o.questions.nationality)).toBe(o.yes);
		expect(answers.get(o.questions.residence)).toBe(countryName('DE', other(locale)));

		// An answered step keeps its saved answer across the switch.
		await page.getByRole('link', { name: o.back, exact: true }).click();
		await switched.expectStep('residence');
		const select = switched.field(o.questions.residence);
		expect(await select.inputValue()).toBe('DE');
		await page
			.getByRole('navigation', { name: o.languageNav, exact: true })
			.getByRole('link', { name: t.languageName, exact: true })
			.click();
		await r.expectStep('residence');
		expect(await r.field(t.questions.residence).inputValue()).toBe('DE');
		answers = await r.transcript();
		expect(answers.get(t.questions.nationality)).toBe(t.yes);
	});
});

describe.each(LOCALES)('check page in %s', (locale: Locale) => {
	const t = TEXTS[locale];

	test('"Change" goes to the step and Continue comes back to the check page', async ({ page }) => {
		const voter = tkOnlyInGermany;
		const r = new Registration(page, locale);
		await r.start();
		await r.answer(voter);

		// A plain change: the saved answer is filled in; Continue returns to the check page.
		await page.getByRole('link', { name: `${t.change} ${t.questions.name}`, exact: true }).click();
		await r.expectStep('name');
		expect(await r.field(t.firstNames).inputValue()).toBe(voter.firstNames);
		expect(await r.field(t.surname).inputValue()).toBe(voter.surname);
		await r.field(t.firstNames).fill('Anna Zoë');
		await r.continue();
		await r.expectCheck();
		let answers = await r.transcript(t.checkAnswersHeading);
		expect(answers.get(t.questions.name)).toBe(`Anna Zoë ${voter.surname}`);

		// A change that needs a new question (EP while living in Germany): asked, then back.
		await page
			.getByRole('link', { name: `${t.change} ${t.questions.election_types}`, exact: true })
			.click();
		await r.expectStep('election_types');
		expect(await r.checkbox(t.electionTypes.TK).isChecked()).toBe(true);
		await r.checkbox(t.electionTypes.EP).check();
		await r.continue();
		await r.expectStep('ep_declaration');
		await r.radio(t.epDeclarationYes).check();
		await r.continue();
		await r.expectCheck();
		answers = await r.transcript(t.checkAnswersHeading);
		expect(answers.get(t.questions.election_types)).toBe(
			`${t.electionTypes.TK} ${t.electionTypes.EP}`
		);
		expect(answers.get(t.questions.ep_declaration)).toBe(t.epDeclarationYes);
		expect(answers.get(t.questions.name)).toBe(`Anna Zoë ${voter.surname}`);
	});
});

test('the route announcer tells the new page and stays visually hidden under the CSP', async ({
	page
}) => {
	const r = new Registration(page, 'en', { axe: false });
	await r.start();
	// SvelteKit's announcer (aria-live) is a framework element without a role of its own. It is
	// added once the app has started: only then does Continue navigate in the page.
	const announcer = page.locator('#svelte-announcer');
	await announcer.waitFor({ state: 'attached' });
	await r.yesNo(true).check();
	await r.continue();
	await r.expectStep('residence');
	await expect.poll(() => announcer.textContent()).toBe(await page.title());
	const box = await announcer.boundingBox();
	expect(box && box.width <= 1 && box.height <= 1, JSON.stringify(box)).toBe(true);
});

const isFocused = (target: Locator) => target.evaluate((el) => el === document.activeElement);

/** Presses Tab until `target` has focus (and fails if it never gets it). */
async function tabTo(page: Page, target: Locator, max = 40) {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press('Tab');
		if (await isFocused(target)) return;
	}
	throw new Error(`Tab never reached ${target}`);
}

/** WCAG 2.4.7: the focused control shows it (an outline or a box shadow). */
async function expectVisibleFocus(target: Locator) {
	const style = await target.evaluate((el) => {
		const s = getComputedStyle(el);
		return { outline: s.outlineStyle, width: s.outlineWidth, shadow: s.boxShadow };
	});
	const outlined = style.outline !== 'none' && style.width !== '0px';
	expect(outlined || style.shadow !== 'none', JSON.stringify(style)).toBe(true);
}

test('keyboard only: the first three questions with Tab, arrows, Space and Enter', async ({
	page
}) => {
	const r = new Registration(page, 'en');
	const t = r.t;
	await page.goto('/en/register');
	await r.h1(t.startTitle).waitFor();

	const start = page.getByRole('button', { name: t.start, exact: true });
	await tabTo(page, start);
	await expectVisibleFocus(start);
	await page.keyboard.press('Enter');
	await r.expectStep('nationality');

	// Into the radio group; the arrow keys move between the answers and choose them.
	const yes = r.radio(t.yes);
	const no = r.radio(t.no);
	await tabTo(page, yes);
	await expectVisibleFocus(yes);
	await page.keyboard.press('Space');
	expect(await yes.isChecked()).toBe(true);
	await page.keyboard.press('ArrowDown');
	expect(await no.isChecked()).toBe(true);
	await page.keyboard.press('ArrowUp');
	expect(await yes.isChecked()).toBe(true);
	await page.keyboard.press('Tab');
	const next = r.continueButton();
	expect(await isFocused(next)).toBe(true);
	await page.keyboard.press('Enter');
	await r.expectStep('residence');

	// A closed select: typing a name chooses it, as the arrow keys would.
	const select = r.field(t.questions.residence);
	await tabTo(page, select);
	await expectVisibleFocus(select);
	await page.keyboard.type('Germany');
	expect(await select.inputValue()).toBe('DE');
	await page.keyboard.press('ArrowDown');
	expect(await select.inputValue()).not.toBe('DE');
	await page.keyboard.press('ArrowUp');
	expect(await select.inputValue()).toBe('DE');
	await page.keyboard.press('Tab');
	expect(await isFocused(next)).toBe(true);
	await page.keyboard.press('Space');
	await r.expectStep('date_of_birth');

	// Three text fields: type, Tab, type, Tab, type, then Enter submits the form.
	const day = r.field(t.day);
	await tabTo(page, day);
	await expectVisibleFocus(day);
	await page.keyboard.type('14');
	await page.keyboard.press('Tab');
	await page.keyboard.type('5');
	await page.keyboard.press('Tab');
	await page.keyboard.type('1988');
	await page.keyboard.press('Enter');
	await r.expectStep('election_types');
	const answers = await r.transcript();
	expect(answers.get(t.questions.nationality)).toBe(t.yes);
	expect(answers.get(t.questions.residence)).toBe('Germany');
	expect(answers.get(t.questions.date_of_birth)).toBe('14 May 1988');
});

test('at 320 CSS pixels wide nothing scrolls sideways (WCAG 1.4.10)', async ({ page }) => {
	await page.setViewportSize({ width: 320, height: 640 });
	for (const path of ['/', '/en/register', '/pap/register']) {
		await page.goto(path);
		const overflow = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(overflow, path).toBeLessThanOrEqual(0);
	}
});

test('an answer given before the page’s script has run is kept', async ({ page, baseURL }) => {
	// Hold the app's scripts, as a slow connection would, while the voter answers.
	let release = () => {};
	const scripts = new Promise<void>((resolve) => (release = resolve));
	await page.route(/\/_app\/immutable\/.*\.js$/, async (route) => {
		await scripts;
		await route.continue();
	});
	// Start a draft as the start page's form does, then open its first question.
	const started = await page.request.post('/en/register', {
		headers: {
			accept: 'text/html',
			origin: new URL(page.url() === 'about:blank' ? baseURL : page.url()).origin
		},
		form: {},
		maxRedirects: 0
	});
	expect(started.status()).toBe(303);
	await page.goto(started.headers().location!, { waitUntil: 'commit' });
	const yes = page.getByRole('radio', { name: TEXTS.en.yes, exact: true });
	await yes.check();
	release();
	// SvelteKit adds its route announcer once the page has hydrated.
	await page.locator('#svelte-announcer').waitFor({ state: 'attached' });
	expect(await yes.isChecked()).toBe(true);
});
