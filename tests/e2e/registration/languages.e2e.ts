/**
 * Issue 7: the registration in each of the six languages, axe-core on every page, the form's
 * cover sheet in that language; and how the language is chosen (Accept-Language on a first
 * visit, the voter's choice remembered after).
 */
import { readFileSync } from 'node:fs';
import { describe } from 'vitest';
import { expect, test } from '../support/browser';
import { Registration } from '../support/journey';
import { ALL_LOCALES, TEXTS, type Locale } from '../support/texts';
import { adultInGermany } from '../support/voters';

describe.each(ALL_LOCALES)('registration in %s', (locale: Locale) => {
	test('completes from the start page to the downloaded form', async ({ page }) => {
		const voter = { ...adultInGermany, firstNames: 'Zoë', surname: 'IJsselmeer-Çelik' };
		const r = new Registration(page, locale);
		await r.start();
		await r.answer(voter);
		const reference = await r.createForm();
		expect(reference).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
		const text = await r.downloadPdf();
		expect(text).toContain('IJsselmeer-Çelik');
		expect(text).toContain(reference);
		// The form is Dutch; the cover sheet is in the page's language.
		expect(text).toContain('Aanvraag registratie kiezer buiten Nederland');
		const catalogue = JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8'));
		expect(text).toContain(catalogue.pdf_cover_title);
	});
});

describe('choosing the language', () => {
	test.override('browserLocale', 'de-DE');

	test('a first visit follows Accept-Language; the switch is remembered', async ({ page }) => {
		await page.goto('/register');
		await page.waitForURL(/\/de\/register$/);
		expect(await page.locator('html').getAttribute('lang')).toBe('de');

		// The voter prefers Dutch after all: from now on Dutch URLs stay Dutch.
		const nav = page.getByRole('navigation', { name: TEXTS.de.languageNav });
		await nav.getByRole('link', { name: TEXTS.nl.languageName }).click();
		await page.waitForURL(/\/register$/);
		expect(new URL(page.url()).pathname).toBe('/register');
		expect(await page.locator('html').getAttribute('lang')).toBe('nl');
		await page.goto('/');
		expect(new URL(page.url()).pathname).toBe('/');
		expect(await page.locator('html').getAttribute('lang')).toBe('nl');

		// And a switch to Spanish sends later Dutch URLs to Spanish.
		const nlNav = page.getByRole('navigation', { name: TEXTS.nl.languageNav });
		await nlNav.getByRole('link', { name: TEXTS.es.languageName }).click();
		await page.waitForURL(/\/es\/?$/);
		await page.goto('/register');
		await page.waitForURL(/\/es\/register$/);

		// The only cookie is the language: nothing else is stored about the visitor.
		const cookies = await page.context().cookies();
		expect(cookies.map((c) => [c.name, c.value, c.httpOnly])).toEqual([['lang', 'es', true]]);
	});

	test('every link on a page keeps its language', async ({ page }) => {
		await page.goto('/fr');
		const hrefs = await page
			.getByRole('main')
			.getByRole('link')
			.evaluateAll((links) => links.map((a) => a.getAttribute('href') ?? ''));
		const internal = hrefs.filter((h) => h.startsWith('/'));
		expect(internal.length).toBeGreaterThan(0);
		for (const href of internal) expect(href).toMatch(/^\/fr(\/|$)/);
	});
});
