import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTestDatabase } from '../../../../tests/db/database';
import { electionsOverview, type OverviewElectionInput } from '$lib/domain';
import type { ElectionView } from '$lib/journeys/overview';
import * as widget from './index';

// The e2e server's clock: 10 February 2030, 11:00 in Den Haag.
const now = new Date('2030-02-10T10:00:00Z');

/** The public overview's shape (as `overview.forPublic` gives it) for elections made up here. */
function views(elections: OverviewElectionInput[], at = now): ElectionView[] {
	return electionsOverview(elections, at).map((o) => ({
		...o,
		nominationDay: null,
		actions: o.actions.map((a) => ({
			...a,
			closesAt: a.closesAt?.toISOString() ?? null,
			href: null
		}))
	}));
}

const election = (
	slug: string,
	type: OverviewElectionInput['type'],
	electionDay: string | null
): OverviewElectionInput => ({ slug, type, electionDay, provisional: false });

describe('parseQuery', () => {
	const parse = (query: string, fallback?: 'nl' | 'de') =>
		widget.parseQuery(new URLSearchParams(query), fallback);

	it('takes each of the portal’s languages', () => {
		for (const lang of ['nl', 'en', 'de', 'fr', 'es', 'pap']) {
			expect(parse(`lang=${lang}`).locale).toBe(lang);
		}
	});

	it('falls back to Dutch, or to the language of the URL, for anything else', () => {
		for (const query of [
			'',
			'lang=',
			'lang=EN',
			'lang=en-GB',
			'lang=xx',
			'lang=<b>',
			'lang=en&lang=de'
		]) {
			expect(parse(query).locale, query).toBe(query === 'lang=en&lang=de' ? 'en' : 'nl');
		}
		expect(parse('lang=xx', 'de').locale).toBe('de');
		expect(parse('lang=fr', 'de').locale).toBe('fr');
	});

	it('keeps a guided link code of 8 to 64 letters, digits, _ and -', () => {
		for (const code of ['abcdEFGH', 'abcdEFGH1234', 'a_b-c_d-', 'x'.repeat(64)]) {
			expect(parse(`link=${code}`).link, code).toBe(code);
		}
	});

	it('ignores any other code, so that no link leads anywhere but /go/', () => {
		for (const code of [
			'',
			'abcdEFG',
			'x'.repeat(65),
			'abcd EFGH',
			'abcd/EFGH',
			'../../office',
			'abcdEFGH%2F..',
			'abcdEFGH?x=1',
			'abcdEFGH#top',
			'äbcdEFGH',
			'abcdEFGH\n'
		]) {
			expect(parse(`link=${encodeURIComponent(code)}`).link, code).toBeNull();
		}
		expect(parse('').link).toBeNull();
	});
});

describe('nextDeadlines', () => {
	it('shows the cut-offs a voter abroad acts on, still open, in the order they close', () => {
		const [tk] = widget.nextDeadlines(views([election('TK-2030', 'TK', '2030-05-15')]), now);
		expect(tk).toEqual({
			slug: 'TK-2030',
			type: 'TK',
			electionDay: '2030-05-15',
			provisional: false,
			cutoffs: [
				{ kind: 'change', day: '2030-03-13', days: 31 },
				{ kind: 'registration', day: '2030-04-03', days: 52 },
				// No certificates day known here: six weeks before (K 7, L 9).
				{ kind: 'proxy_or_voter_pass', day: '2030-04-03', days: 52 },
				{ kind: 'den_haag_return', day: '2030-05-15', days: 94 }
			]
		});
	});

	it('leaves out cut-offs that have passed, and the ones for other voters', () => {
		// 20 March 2030: the change cut-off (13 March) has passed, registration (3 April) has not.
		const later = new Date('2030-03-20T12:00:00Z');
		const [tk] = widget.nextDeadlines(
			views([election('TK-2030', 'TK', '2030-05-15')], later),
			later
		);
		expect(tk!.cutoffs.map((c) => [c.kind, c.days])).toEqual([
			['registration', 14],
			['proxy_or_voter_pass', 14],
			['den_haag_return', 56]
		]);
		for (const kind of ['temporarily_abroad', 'replacement_written', 'embassy_return']) {
			expect(widget.WIDGET_KINDS).not.toContain(kind);
		}
	});

	it('counts calendar days in Den Haag: 0 on the day itself, 1 the day before', () => {
		// 14 May 2030, 23:30 in Den Haag (21:30 UTC): election day is tomorrow.
		const eve = new Date('2030-05-14T21:30:00Z');
		const [tk] = widget.nextDeadlines(views([election('TK-2030', 'TK', '2030-05-15')], eve), eve);
		expect(tk!.cutoffs).toEqual([{ kind: 'den_haag_return', day: '2030-05-15', days: 1 }]);
		// 00:30 on election day in Den Haag is still 14 May in UTC.
		const day = new Date('2030-05-14T22:30:00Z');
		const [same] = widget.nextDeadlines(views([election('TK-2030', 'TK', '2030-05-15')], day), day);
		expect(same!.cutoffs).toEqual([{ kind: 'den_haag_return', day: '2030-05-15', days: 0 }]);
		// 15:00 in Den Haag has passed: nothing left to do, so the election is not shown.
		const after = new Date('2030-05-15T13:00:01Z');
		expect(
			widget.nextDeadlines(views([election('TK-2030', 'TK', '2030-05-15')], after), after)
		).toEqual([]);
	});

	it('shows at most two elections, the earliest, and none whose day is unknown', () => {
		const shown = widget.nextDeadlines(
			views([
				election('EP-2029', 'EP', null),
				election('TK-2031', 'TK', '2031-10-29'),
				election('KNI-2031', 'KNI', '2031-03-19'),
				election('TK-2030', 'TK', '2030-05-15')
			]),
			now
		);
		expect(shown.map((e) => e.slug)).toEqual(['TK-2030', 'KNI-2031']);
		// The KNI is by post only (Pa 20, 21): no proxy or voter pass to count down to.
		expect(shown[1]!.cutoffs.map((c) => c.kind)).toEqual([
			'change',
			'registration',
			'den_haag_return'
		]);
		expect(widget.nextDeadlines(views([election('EP-2029', 'EP', null)]), now)).toEqual([]);
	});
});

describe('links', () => {
	const origin = 'https://kiezer.example.nl';

	it('lead a guided link to /go/<code> on the portal', () => {
		const links = widget.links({ locale: 'de', link: 'abcdEFGH1234' }, origin);
		expect(links).toEqual({
			action: 'https://kiezer.example.nl/go/abcdEFGH1234',
			guided: true,
			elections: 'https://kiezer.example.nl/de/elections'
		});
	});

	it('lead to the registration in the widget’s language without one', () => {
		expect(widget.links({ locale: 'nl', link: null }, `${origin}/`).action).toBe(
			'https://kiezer.example.nl/register'
		);
		expect(widget.links({ locale: 'pap', link: null }, origin)).toEqual({
			action: 'https://kiezer.example.nl/pap/register',
			guided: false,
			elections: 'https://kiezer.example.nl/pap/elections'
		});
	});
});

describe('view', () => {
	let close: () => Promise<void>;
	beforeAll(async () => {
		({ close } = await withTestDatabase());
	});
	afterAll(async () => {
		await close();
	});

	it('shows the calendar’s next election at the portal’s clock, with its certificates day', async () => {
		const shown = await widget.view({ locale: 'en', link: null }, now);
		expect(shown.locale).toBe('en');
		// The seeded calendar: KNI-2027 is past, EP-2029 has no day yet.
		expect(shown.elections).toEqual([
			{
				slug: 'TK-2030',
				type: 'TK',
				electionDay: '2030-05-15',
				provisional: true,
				cutoffs: [
					// The day before the certificates go out (20 February), K 8(2), L 10(b).
					{ kind: 'proxy_or_voter_pass', day: '2030-02-19', days: 9 },
					{ kind: 'change', day: '2030-03-13', days: 31 },
					{ kind: 'registration', day: '2030-04-03', days: 52 },
					{ kind: 'den_haag_return', day: '2030-05-15', days: 94 }
				]
			}
		]);
		expect(shown.links.action).toMatch(/^https?:\/\/[^/]+\/en\/register$/);
	});

	it('answers a whole document that any site may frame, cacheable and without a cookie', async () => {
		const response = await widget.respond({ locale: 'fr', link: 'abcdEFGH1234' });
		expect(response.status).toBe(200);
		expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
		expect(response.headers.get('cache-control')).toBe('public, max-age=300');
		expect(response.headers.get('content-security-policy')).toMatch(/frame-ancestors \*/);
		expect(response.headers.get('content-security-policy')).toMatch(/script-src 'none'/);
		expect(response.headers.get('set-cookie')).toBeNull();
		const html = await response.text();
		expect(html).toMatch(/^<!doctype html>\n<html lang="fr">/);
		expect(html).toContain('/go/abcdEFGH1234');
	});
});
