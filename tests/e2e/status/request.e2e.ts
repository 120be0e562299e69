/**
 * The status request without an account (KW D 5): the page never tells whether anyone is
 * registered. A registered person (a demo voter, seeded because the e2e server runs with
 * DEMO_DATA=1) and an unregistered one get byte-identical answers: the same status, headers and
 * bodies for the POST and for the confirmation page, with and without JavaScript. The form, its
 * error state and the confirmation pass axe, in Dutch and English, and work without JavaScript.
 */
import { describe } from 'vitest';
import type { Page } from 'playwright-core';
import { expect, test } from '../support/browser';
import { expectNoAxeViolations } from '../support/axe';

// Johanna Maria Jansen, born 27 March 1985, living in Germany: registered for TK and EP
// (src/lib/server/db/demo.ts). "Kees Pietersen" is in no registration.
const registered = {
	firstNames: 'J.M.',
	surname: 'Jansen',
	day: '27',
	month: '3',
	year: '1985',
	country: 'DE'
};
const unregistered = { ...registered, firstNames: 'Kees', surname: 'Pietersen' };
type Person = typeof registered;

/** What a browser without JavaScript posts: the same typed contact for both people. */
function formBody(person: Person): URLSearchParams {
	return new URLSearchParams({
		first_names: person.firstNames,
		surname: person.surname,
		dob_day: person.day,
		dob_month: person.month,
		dob_year: person.year,
		country: person.country,
		answer_by: 'email',
		email: 'asker@example.net'
	});
}

/**
 * Only what differs per response whatever was asked, never per outcome: SvelteKit's strict CSP
 * gives every page a fresh random nonce (in the header and on the inline bootstrap script), the
 * ETag is a hash of that body, and Date is the clock. These are replaced by placeholders; every
 * other byte must be equal.
 */
function normalise(text: string): string {
	return text.replace(/nonce-[A-Za-z0-9+/=]+/g, 'nonce-N').replace(/nonce="[^"]*"/g, 'nonce="N"');
}
function headersOf(response: Response): Record<string, string> {
	const headers: Record<string, string> = {};
	response.headers.forEach((value, name) => {
		if (name === 'date') return;
		headers[name] = name === 'etag' ? 'E' : normalise(value);
	});
	return headers;
}

async function post(baseURL: string, person: Person, enhanced: boolean) {
	const response = await fetch(`${baseURL}/status`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin: baseURL,
			'content-type': 'application/x-www-form-urlencoded',
			// A plain form post accepts HTML; SvelteKit's enhanced form posts ask for JSON.
			accept: enhanced ? 'application/json' : 'text/html',
			...(enhanced ? { 'x-sveltekit-action': 'true' } : {})
		},
		body: formBody(person)
	});
	return { status: response.status, headers: headersOf(response), body: await response.text() };
}

async function confirmation(baseURL: string, location: string) {
	const response = await fetch(new URL(location, baseURL), { headers: { accept: 'text/html' } });
	return {
		status: response.status,
		headers: headersOf(response),
		body: normalise(await response.text())
	};
}

describe('the anonymous status request', () => {
	test('answers a registered and an unregistered person with byte-identical responses', async ({
		baseURL
	}) => {
		for (const enhanced of [false, true]) {
			const a = await post(baseURL, registered, enhanced);
			const b = await post(baseURL, unregistered, enhanced);
			expect(a.status).toBe(enhanced ? 200 : 303);
			expect(b).toEqual(a);
			if (enhanced) {
				expect(JSON.parse(a.body)).toEqual({
					type: 'redirect',
					status: 303,
					location: '/status/sent'
				});
			} else {
				// The confirmation's URL carries nothing: the same fixed address for everyone.
				expect(a.headers.location).toBe('/status/sent');
				expect(a.body).toBe('');
			}
		}
		const pageA = await confirmation(baseURL, '/status/sent');
		const pageB = await confirmation(baseURL, '/status/sent');
		expect(pageA.status).toBe(200);
		expect(pageB).toEqual(pageA);
		expect(pageA.headers['cache-control']).toBe('private, no-store');
	});
});

const TEXTS = {
	nl: {
		path: '/status',
		title: 'Vraag na of u geregistreerd bent',
		firstNames: 'Voornamen',
		surname: 'Achternaam',
		day: 'Dag',
		month: 'Maand',
		year: 'Jaar',
		country: 'Land waar u woont',
		countryName: 'Duitsland',
		email: 'Per e-mail',
		post: 'Per post',
		emailAddress: 'E-mailadres',
		line1: 'Straat en huisnummer',
		line2: 'Postcode en woonplaats',
		addressCountry: 'Land',
		submit: 'Verstuur de vraag',
		errorTitle: 'Fout: Vraag na of u geregistreerd bent',
		errors: [
			'Vul uw voornamen in',
			'Vul uw achternaam in',
			'Vul uw geboortedatum in',
			'Kies het land waar u woont',
			'Kies per e-mail of per post'
		],
		sentTitle: 'Wij hebben uw vraag ontvangen',
		homeLink: 'Nagaan of u geregistreerd bent'
	},
	en: {
		path: '/en/status',
		title: 'Ask whether you are registered',
		firstNames: 'First names',
		surname: 'Surname',
		day: 'Day',
		month: 'Month',
		year: 'Year',
		country: 'Country where you live',
		countryName: 'Germany',
		email: 'By email',
		post: 'By post',
		emailAddress: 'Email address',
		line1: 'Street and house number',
		line2: 'Postal code and town or city',
		addressCountry: 'Country',
		submit: 'Send request',
		errorTitle: 'Error: Ask whether you are registered',
		errors: [
			'Enter your first names',
			'Enter your surname',
			'Enter your date of birth',
			'Choose the country where you live',
			'Choose email or post'
		],
		sentTitle: 'We have received your request',
		homeLink: 'Check whether you are registered'
	}
} as const;
type Locale = keyof typeof TEXTS;

async function fill(page: Page, person: Person, locale: Locale) {
	const t = TEXTS[locale];
	await page.getByLabel(t.firstNames).fill(person.firstNames);
	await page.getByLabel(t.surname, { exact: true }).fill(person.surname);
	await page.getByLabel(t.day).fill(person.day);
	await page.getByLabel(t.month).fill(person.month);
	await page.getByLabel(t.year).fill(person.year);
	await page.getByLabel(t.country, { exact: true }).selectOption({ label: t.countryName });
	await page.getByRole('radio', { name: t.email }).check();
	await page.getByLabel(t.emailAddress).fill('asker@example.net');
}

describe.each(['nl', 'en'] as const)('the status page in %s', (locale) => {
	const t = TEXTS[locale];

	test('is linked from the start page; errors are summarised, at the field, and nothing is lost', async ({
		page
	}) => {
		await page.goto(locale === 'nl' ? '/' : '/en');
		await page.getByRole('link', { name: t.homeLink }).click();
		await page.waitForURL(`**${t.path}`);
		expect(await page.title()).toContain(t.title);
		await expectNoAxeViolations(page);

		// Everything empty: every problem at once, in the summary and at its field.
		await page.getByRole('button', { name: t.submit }).click();
		const summary = page.getByRole('alert');
		await expect.poll(() => summary.getByRole('link').allTextContents()).toEqual([...t.errors]);
		expect(await page.title()).toMatch(new RegExp(`^${t.errorTitle}`));
		await expectNoAxeViolations(page);

		// Part typed: what was typed stays, the rest is still asked for.
		await page.getByLabel(t.firstNames).fill('Kees');
		await page.getByRole('radio', { name: t.post }).check();
		await page.getByRole('button', { name: t.submit }).click();
		// Surname, date of birth, country, and now the three required parts of the postal address.
		await expect.poll(() => summary.getByRole('link').count()).toBe(6);
		expect(await page.getByLabel(t.firstNames).inputValue()).toBe('Kees');
		expect(await page.getByRole('radio', { name: t.post }).isChecked()).toBe(true);
		// The postal address fields are shown, with their errors, because "post" was chosen.
		expect(await page.getByLabel(t.line1).isVisible()).toBe(true);
		expect(await page.getByLabel(t.emailAddress).isVisible()).toBe(false);
		await expectNoAxeViolations(page);

		await fill(page, unregistered, locale);
		await page.getByRole('button', { name: t.submit }).click();
		await page.waitForURL(`**${t.path}/sent`);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(t.sentTitle);
		await expectNoAxeViolations(page);
	});
});

describe('without JavaScript', () => {
	test.override('javaScriptEnabled', false);

	test('a browser gets the same answer and the same confirmation page for both people', async ({
		page
	}) => {
		const seen: { post: number; location: string | null; status: number; page: string }[] = [];
		for (const person of [registered, unregistered]) {
			await page.goto('/status');
			await fill(page, person, 'nl');
			const [post, document] = await Promise.all([
				page.waitForResponse((r) => r.request().method() === 'POST'),
				page.waitForResponse((r) => r.url().endsWith('/status/sent')),
				page.getByRole('button', { name: TEXTS.nl.submit }).click()
			]);
			seen.push({
				post: post.status(),
				location: await post.headerValue('location'),
				status: document.status(),
				page: normalise(await document.text())
			});
			expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(TEXTS.nl.sentTitle);
		}
		expect(seen[0]).toMatchObject({ post: 303, location: '/status/sent', status: 200 });
		expect(seen[1]).toEqual(seen[0]);
	});

	test('the fields under the chosen way of answering show, and the request goes through', async ({
		page
	}) => {
		const t = TEXTS.en;
		await page.goto(t.path);
		// CSS alone hides the fields of the way not chosen (:has), so the page works without scripts.
		expect(await page.getByLabel(t.emailAddress).isVisible()).toBe(false);
		await page.getByRole('radio', { name: t.post }).check();
		expect(await page.getByLabel(t.line1).isVisible()).toBe(true);

		await page.getByLabel(t.firstNames).fill('Kees');
		await page.getByRole('button', { name: t.submit }).click();
		await page.waitForURL(`**${t.path}`);
		expect(await page.title()).toMatch(/^Error: /);
		expect(await page.getByLabel(t.firstNames).inputValue()).toBe('Kees');
		expect(await page.getByRole('radio', { name: t.post }).isChecked()).toBe(true);
		await expectNoAxeViolations(page, { javaScriptEnabled: false });

		await page.getByLabel(t.surname, { exact: true }).fill('Pietersen');
		await page.getByLabel(t.day).fill('5');
		await page.getByLabel(t.month).fill('5');
		await page.getByLabel(t.year).fill('1970');
		await page.getByLabel(t.country, { exact: true }).selectOption({ label: t.countryName });
		await page.getByLabel(t.line1).fill('Hauptstraße 1');
		await page.getByLabel(t.line2).fill('80331 München');
		await page.getByLabel(t.addressCountry, { exact: true }).selectOption({ label: 'Germany' });
		await page.getByRole('button', { name: t.submit }).click();
		await page.waitForURL(`**${t.path}/sent`);
		expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(t.sentTitle);
		await expectNoAxeViolations(page, { javaScriptEnabled: false });
	});
});
