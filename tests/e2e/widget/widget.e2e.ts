/**
 * The deadline widget (issue 5) embedded as an association embeds it: an iframe in a page of
 * another site (a tiny node:http server on 127.0.0.1; the portal is on localhost, so the browser
 * treats the widget as a third-party frame), against the server whose clock stands at
 * `inject('clock')` (10 February 2030, 11:00 in Den Haag). The cut-off days come from the public
 * API and the days left from that clock, never copied by hand; the words are written out, so that
 * a lost translation fails. No cookie is set or kept, the links leave the frame for a new tab, the
 * page reflows in 300 pixels, and axe finds nothing.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import type { Frame, Page, Response } from 'playwright-core';
import { freePort } from '../global-setup';
import { expectNoAxeViolations } from '../support/axe';
import { expect, test } from '../support/browser';
import { daysBetween, todayInDenHaag } from '../support/dates';

const clocked = inject('clockedURL');
const clock = new Date(inject('clock'));
const CODE = 'abcdEFGH1234';

type ApiElection = { id: string; cutoffs: { id: string; date: string }[] };

/** The cut-off days of TK 2030 as the public API gives them, by the API's names. */
async function tk2030(): Promise<Record<string, string>> {
	const response = await fetch(`${clocked}/api/v1/elections`);
	const { elections } = (await response.json()) as { elections: ApiElection[] };
	const tk = elections.find((e) => e.id === 'TK-2030')!;
	return Object.fromEntries(tk.cutoffs.map((c) => [c.id, c.date]));
}

const longDay = (iso: string, locale: string) =>
	new Intl.DateTimeFormat(locale, {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(new Date(`${iso}T00:00:00Z`));

const daysLeft = (iso: string) => daysBetween(todayInDenHaag(clock), iso);

/** An association's page: two widgets, in English with a guided link and in German without. */
const hostPage = () => `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Dutch Club of Example</title></head>
<body>
<main>
<h1>Dutch Club of Example</h1>
<iframe id="en" title="Deadlines for Dutch voters abroad" width="300" height="720"
	src="${clocked}/widget/deadlines?lang=en&amp;link=${CODE}"></iframe>
<iframe id="de" title="Fristen für Wähler im Ausland" width="300" height="720"
	src="${clocked}/widget/deadlines?lang=de"></iframe>
</main>
</body>
</html>`;

let host: http.Server;
let hostURL: string;

beforeAll(async () => {
	host = http.createServer((request, response) => {
		if (request.url !== '/') {
			response.writeHead(404).end();
			return;
		}
		response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(hostPage());
	});
	const port = await freePort();
	await new Promise<void>((resolve) => host.listen(port, '127.0.0.1', resolve));
	hostURL = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});

afterAll(async () => {
	await new Promise<void>((resolve) => host.close(() => resolve()));
});

/** Opens the association's page; returns its two widget frames and the widget's responses. */
async function openHost(page: Page): Promise<{ en: Frame; de: Frame; responses: Response[] }> {
	const responses: Response[] = [];
	page.on('response', (r) => {
		if (r.url().startsWith(`${clocked}/widget/`)) responses.push(r);
	});
	await page.goto(hostURL);
	const frame = async (id: string) => {
		const handle = await page.locator(`iframe#${id}`).elementHandle();
		const found = await handle!.contentFrame();
		expect(found, id).not.toBeNull();
		await found!.waitForLoadState('load');
		return found!;
	};
	return { en: await frame('en'), de: await frame('de'), responses };
}

const items = (frame: Frame) => frame.getByRole('listitem').allInnerTexts();
const squash = (texts: string[]) => texts.map((t) => t.replace(/\s+/g, ' ').trim());

describe('the deadline widget', () => {
	test('shows the next cut-offs in English in another site’s page, with the guided link', async ({
		page
	}) => {
		const days = await tk2030();
		const { en, responses } = await openHost(page);

		expect(await en.evaluate(() => document.documentElement.lang)).toBe('en');
		expect(await en.title()).toBe('Deadlines for voters abroad');
		await en
			.getByRole('heading', { level: 1, name: 'Deadlines for voters abroad', exact: true })
			.waitFor();
		await en
			.getByRole('heading', {
				level: 2,
				name: 'House of Representatives (Tweede Kamer), election of 15 May 2030',
				exact: true
			})
			.waitFor();
		const left = (n: number) => (n === 1 ? 'Tomorrow is the last day.' : `${n} days left.`);
		const line = (what: string, iso: string) =>
			`${what}: by ${longDay(iso, 'en-GB')}. ${left(daysLeft(iso))}`;
		expect(squash(await items(en))).toEqual([
			line('Proxy or voter pass', days.proxy!),
			line('Change to your registration', days.change!),
			line('Registration', days.registration!),
			line('Return envelope in The Hague (15:00)', days.returnEnvelope!)
		]);
		// The set-up's clock puts the change cut-off (13 March) 31 days ahead: the API agrees.
		expect(days.change).toBe('2030-03-13');
		expect(squash(await items(en))[1]).toBe(
			'Change to your registration: by Wednesday, 13 March 2030. 31 days left.'
		);

		const cta = en.getByRole('link', {
			name: 'Arrange your vote from abroad (opens in a new tab)',
			exact: true
		});
		expect(await cta.getAttribute('href')).toBe(`${clocked}/go/${CODE}`);
		expect(await cta.getAttribute('target')).toBe('_blank');
		expect(await cta.getAttribute('rel')).toBe('noopener');
		const all = en.getByRole('link', {
			name: 'All deadlines, and what you can still do (opens in a new tab)',
			exact: true
		});
		expect(await all.getAttribute('href')).toBe(`${clocked}/en/elections`);
		expect(await all.getAttribute('target')).toBe('_blank');

		// The stylesheet applied (its hash matched the policy), and 300 pixels need no sideways scroll.
		expect(await cta.evaluate((a) => getComputedStyle(a).backgroundColor)).toBe('rgb(21, 66, 115)');
		const widths = await en.evaluate(() => ({
			scroll: document.documentElement.scrollWidth,
			client: document.documentElement.clientWidth
		}));
		expect(widths.client).toBeLessThanOrEqual(300);
		expect(widths.scroll).toBeLessThanOrEqual(widths.client);

		// Framed by another site: no X-Frame-Options, any ancestor allowed, and no cookie.
		expect(responses.length).toBeGreaterThanOrEqual(2);
		for (const response of responses) {
			expect(response.status(), response.url()).toBe(200);
			expect(await response.headerValue('set-cookie'), response.url()).toBeNull();
			expect(await response.headerValue('x-frame-options'), response.url()).toBeNull();
			expect(await response.headerValue('content-security-policy')).toMatch(
				/(^|; )frame-ancestors \*(;|$)/
			);
			expect(await response.headerValue('cache-control')).toBe('public, max-age=300');
		}
		expect(await page.context().cookies(clocked)).toEqual([]);
		expect(await page.context().cookies()).toEqual([]);
	});

	test('is in German with lang=de, and leads to the German registration', async ({ page }) => {
		const days = await tk2030();
		const { de } = await openHost(page);
		expect(await de.evaluate(() => document.documentElement.lang)).toBe('de');
		await de
			.getByRole('heading', { level: 1, name: 'Fristen für Wähler im Ausland', exact: true })
			.waitFor();
		const line = (what: string, iso: string) =>
			`${what}: bis ${longDay(iso, 'de')}. Noch ${daysLeft(iso)} Tage.`;
		expect(squash(await items(de))).toContain(line('Änderung Ihrer Registrierung', days.change!));
		expect(squash(await items(de))).toContain(
			'Änderung Ihrer Registrierung: bis Mittwoch, 13. März 2030. Noch 31 Tage.'
		);
		const cta = de.getByRole('link', {
			name: 'Als Wähler im Ausland registrieren (öffnet in einem neuen Tab)',
			exact: true
		});
		expect(await cta.getAttribute('href')).toBe(`${clocked}/de/register`);

		// Followed, it opens a tab of its own that has no handle on the association's page.
		const [popup] = await Promise.all([page.waitForEvent('popup'), cta.click()]);
		await popup.waitForLoadState('domcontentloaded');
		expect(popup.url()).toBe(`${clocked}/de/register`);
		expect(await popup.evaluate(() => window.opener)).toBeNull();
		expect(page.url()).toBe(`${hostURL}/`);
		await popup.close();
	});

	test('answers any query with a widget, never a redirect, a cookie or a session', async () => {
		const get = (query: string, headers: Record<string, string> = {}) =>
			fetch(`${clocked}/widget/deadlines${query}`, {
				redirect: 'manual',
				headers: { accept: 'text/html', ...headers }
			});
		// The language switch's own parameter, a remembered language, a browser in German, a
		// session cookie nobody has: the widget negotiates nothing and reads no session.
		for (const [query, headers, lang, action] of [
			['?lang=en', {}, 'en', '/en/register'],
			['', { cookie: 'lang=de', 'accept-language': 'de' }, 'nl', '/register'],
			['?lang=fr', { cookie: '__Host-session=not-a-session' }, 'fr', '/fr/register'],
			['?lang=%3Cscript%3E&link=..%2F..%2Foffice', {}, 'nl', '/register'],
			['?lang=es&link=short', {}, 'es', '/es/register'],
			[`?lang=pap&link=${CODE}&link=other`, {}, 'pap', `/go/${CODE}`]
		] as const) {
			const response = await get(query, headers);
			const html = await response.text();
			expect(response.status, query).toBe(200);
			expect(response.headers.get('set-cookie'), query).toBeNull();
			expect(response.headers.get('cache-control'), query).toBe('public, max-age=300');
			expect(html, query).toContain(`<html lang="${lang}">`);
			expect(html, query).toContain(`href="${clocked}${action}"`);
			expect(html, query).not.toContain('<script');
		}
	});

	test('has no axe violations, at 300 pixels wide, in English and German', async ({ page }) => {
		await page.setViewportSize({ width: 300, height: 800 });
		for (const query of [`?lang=en&link=${CODE}`, '?lang=de']) {
			const response = await page.goto(`${clocked}/widget/deadlines${query}`);
			expect(response?.status()).toBe(200);
			await expectNoAxeViolations(page);
		}
		expect(await page.context().cookies()).toEqual([]);
	});
});
