/** The public deadlines API over HTTP: JSON, errors, caching and the iCalendar feed. */
import ical from 'node-ical';
import { expect, test } from './support/browser';

test('GET /api/v1/cutoffs answers JSON, and a bad query a 400 with a message', async ({ page }) => {
	const ok = await page.request.get('/api/v1/cutoffs?electionDay=2027-03-17&type=KNI');
	expect(ok.status()).toBe(200);
	expect(ok.headers()['cache-control']).toContain('public');
	expect(ok.headers()['access-control-allow-origin']).toBe('*');
	const body = await ok.json();
	expect(body.electionDay).toBe('2027-03-17');
	expect(body.cutoffs.map((c: { id: string }) => c.id)).not.toContain('proxy');

	const bad = await page.request.get('/en/api/v1/cutoffs?electionDay=2027-02-31&type=KNI');
	expect(bad.status()).toBe(400);
	expect((await bad.json()).error).toBe(
		'Give electionDay as a real date in the form YYYY-MM-DD, for example 2027-03-17.'
	);
});

test.override('browserLocale', 'de-DE');

test('the API is never redirected to a language, even from a browser', async ({ page }) => {
	const response = await page.goto('/api/v1/elections');
	expect(new URL(page.url()).pathname).toBe('/api/v1/elections');
	expect(response?.status()).toBe(200);
	const { elections } = await response!.json();
	expect(elections.map((e: { id: string }) => e.id)).toContain('TK-2030');
});

test('GET /api/v1/elections.ics is a calendar a phone can subscribe to', async ({ page }) => {
	const response = await page.request.get('/api/v1/elections.ics?type=TK');
	expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8');
	const events = Object.values(ical.sync.parseICS(await response.text())).filter(
		(c) => c?.type === 'VEVENT'
	);
	expect(events).toHaveLength(9);
});
