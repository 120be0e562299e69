/**
 * Issue 4 item 2 and 9: "add to calendar" beside each cut-off, and the per-election iCalendar
 * feed it links to, parsed back with node-ical: one event per cut-off on the right day, one event
 * with ?kind=, cacheable, no account; a bad kind is a 400, an unknown election a 404.
 */
import ical from 'node-ical';
import { expect, test } from '../support/browser';
import { text } from '../support/passkeys';

type Api = { id: string; cutoffs: { id: string; date: string; closesAt: string | null }[] };

const events = (body: string) =>
	Object.values(ical.sync.parseICS(body)).filter((c): c is ical.VEvent => c?.type === 'VEVENT');

/** The calendar day an all-day event falls on (node-ical gives it as local midnight). */
const dayOf = (e: ical.VEvent) =>
	`${e.start.getFullYear()}-${String(e.start.getMonth() + 1).padStart(2, '0')}-${String(e.start.getDate()).padStart(2, '0')}`;

test('the feed of one election holds each of its cut-offs on the day the API gives', async ({
	page
}) => {
	const { elections } = (await (await page.request.get('/api/v1/elections')).json()) as {
		elections: Api[];
	};
	const tk = elections.find((e) => e.id === 'TK-2030')!;

	const response = await page.request.get('/en/api/v1/elections/TK-2030.ics');
	expect(response.status()).toBe(200);
	expect(response.headers()['content-type']).toBe('text/calendar; charset=utf-8');
	expect(response.headers()['cache-control']).toContain('public');
	const all = events(await response.text());
	expect(all).toHaveLength(tk.cutoffs.length);
	for (const cutoff of tk.cutoffs) {
		const event = all.find((e) => e.uid === `TK-2030-${cutoff.id}@kiezer-buitenland.denhaag.nl`);
		expect(event, cutoff.id).toBeDefined();
		if (event!.datetype === 'date') {
			// The end of a day in Den Haag, or 10:00 local time at an embassy: that whole day.
			expect(dayOf(event!), cutoff.id).toBe(cutoff.date);
		} else {
			// 12:00 or 15:00 in Den Haag: the event ends at the instant the cut-off closes.
			expect(event!.datetype, cutoff.id).toBe('date-time');
			expect((event!.end as Date).toISOString(), cutoff.id).toBe(cutoff.closesAt);
		}
	}
	expect(String(all.find((e) => e.uid?.startsWith('TK-2030-change@'))!.summary)).toContain(
		text('en', 'api_cutoff_change')
	);

	// One cut-off, for the link beside it: the change cut-off of 13 March 2030.
	const one = events(
		await (await page.request.get('/api/v1/elections/TK-2030.ics?kind=change')).text()
	);
	expect(one).toHaveLength(1);
	expect(dayOf(one[0]!)).toBe(tk.cutoffs.find((c) => c.id === 'change')!.date);
	// The proxy and the voter pass share one cut-off in the rules: two events.
	const proxy = events(
		await (await page.request.get('/api/v1/elections/TK-2030.ics?kind=proxy_or_voter_pass')).text()
	);
	expect(proxy.map((e) => e.uid).sort()).toEqual([
		'TK-2030-proxy@kiezer-buitenland.denhaag.nl',
		'TK-2030-voterPass@kiezer-buitenland.denhaag.nl'
	]);
});

test('a bad kind is a 400 with a message, an unknown election a 404', async ({ page }) => {
	const bad = await page.request.get('/en/api/v1/elections/TK-2030.ics?kind=tomorrow');
	expect(bad.status()).toBe(400);
	expect((await bad.json()).error).toBe(text('en', 'api_error_kind'));
	const missing = await page.request.get('/api/v1/elections/NOPE-1.ics', {
		headers: { Accept: 'text/calendar' }
	});
	expect(missing.status()).toBe(404);
	// An election without a day: a valid, empty calendar.
	const undated = await page.request.get('/api/v1/elections/EP-2029.ics');
	expect(undated.status()).toBe(200);
	expect(events(await undated.text())).toEqual([]);
});

test('every "add to calendar" link on the overview leads to a calendar in the page’s language', async ({
	page
}) => {
	await page.goto('/en/elections');
	const links = await page
		.getByRole('link', { name: new RegExp(`^${text('en', 'overview_add_to_calendar')}`) })
		.evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
	expect(links.length).toBeGreaterThanOrEqual(8);
	for (const href of links) {
		expect(href).toMatch(/^\/en\/api\/v1\/elections\/[A-Z]+-[\d-]+\.ics\?kind=[a-z_]+$/);
		const response = await page.request.get(href);
		expect(response.status(), href).toBe(200);
		expect(events(await response.text()).length, href).toBeGreaterThanOrEqual(1);
	}
});
