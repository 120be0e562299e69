/**
 * Issue 4 item 2 on the server whose clock stands at `inject('clock')` (10 February 2030, 11:00
 * in Den Haag): the countdown's days for every cut-off of TK 2030, with JavaScript on and off,
 * computed here from that clock and the cut-off days the public API gives (never copied by
 * hand); the overview sent without scripts (issue 6); local times in the voter's time zone,
 * chosen in the GET form, taken from a country that keeps one time, or detected in the browser
 * (the checklist); "post by" for a chosen country; the live countdown ticking from the server's
 * clock (the start page); errors and axe on every state.
 */
import { describe, inject } from 'vitest';
import type { APIRequestContext, Page } from 'playwright-core';
import { expectNoAxeViolations } from '../support/axe';
import { expect, test } from '../support/browser';
import { addDays, daysBetween, todayInDenHaag } from '../support/dates';
import { text } from '../support/passkeys';

const clocked = inject('clockedURL');
const clock = new Date(inject('clock'));
const t = (key: string, params?: Record<string, string>) => text('en', key, params);

// The API's names for the cut-offs, and the page's.
const KINDS: Record<string, string> = {
	proxy: 'proxy_or_voter_pass',
	change: 'change',
	registration: 'registration',
	temporaryAbroadPostal: 'temporarily_abroad',
	replacementWritten: 'replacement_written',
	replacementInPerson: 'replacement_in_person',
	embassyReturn: 'embassy_return',
	returnEnvelope: 'den_haag_return'
};

type ApiCutoff = { id: string; date: string; closesAt: string | null };
type ApiElection = {
	id: string;
	electionDay: string;
	certificatesSentOn: string;
	cutoffs: ApiCutoff[];
};

async function tk2030(request: APIRequestContext): Promise<ApiElection> {
	const response = await request.get(`${clocked}/api/v1/elections`);
	const { elections } = (await response.json()) as { elections: ApiElection[] };
	return elections.find((e) => e.id === 'TK-2030')!;
}

/** A day as the pages write it: 'Wednesday, 13 March 2030' (en-GB, as the server's Intl does). */
const longDay = (iso: string) =>
	new Intl.DateTimeFormat('en-GB', {
		weekday: 'long',
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(new Date(`${iso}T00:00:00Z`));

/** An instant as it reads in a time zone, as the page writes it. */
function inZone(instant: string, timeZone: string) {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-CA', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			hourCycle: 'h23'
		})
			.formatToParts(new Date(instant))
			.map((p) => [p.type, p.value])
	);
	return t('datetime', {
		date: longDay(`${parts.year}-${parts.month}-${parts.day}`),
		time: `${parts.hour}:${parts.minute}`
	});
}

/** '2030-05-15' → '15 May 2030', as titles write a day. */
const shortDay = (iso: string) =>
	new Intl.DateTimeFormat('en-GB', {
		day: 'numeric',
		month: 'long',
		year: 'numeric',
		timeZone: 'UTC'
	}).format(new Date(`${iso}T00:00:00Z`));

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The TK 2030 election's section on the page (the seeded election of 15 May 2030). */
function tkSection(page: Page) {
	const name = t('overview_election_name', {
		type: t('election_type_TK'),
		date: shortDay('2030-05-15')
	});
	return page.getByRole('region', { name: new RegExp(`^${escape(name)}`) });
}

/** One action in it, by the action's label. */
const action = (page: Page, kind: string) =>
	tkSection(page)
		.getByRole('listitem')
		.filter({ has: page.getByText(t(`cutoff_${kind}`), { exact: true }) });

const hydrated = (page: Page) => page.locator('#svelte-announcer').waitFor({ state: 'attached' });

async function expectCountdowns(page: Page, election: ApiElection) {
	const today = todayInDenHaag(clock);
	const seen = new Set<string>();
	for (const cutoff of election.cutoffs) {
		const kind = KINDS[cutoff.id];
		if (!kind || seen.has(kind)) continue;
		seen.add(kind);
		const days = daysBetween(today, cutoff.date);
		expect(days, cutoff.id).toBeGreaterThan(1);
		const item = action(page, kind);
		await expect
			.poll(() => item.textContent(), { message: kind })
			.toContain(t('countdown_days', { count: String(days) }));
	}
	expect(seen.size).toBe(8);
}

describe('with JavaScript', () => {
	test('the overview is sent as HTML alone; every TK 2030 cut-off counts down the days from the fixed clock', async ({
		page
	}) => {
		const election = await tk2030(page.request);
		const proxy = election.cutoffs.find((c) => c.id === 'proxy')!;
		// The proxy cut-off is the day before the certificates go out (KW K 8(2), L 10(b)).
		expect(proxy.date).toBe(addDays(election.certificatesSentOn, -1));

		const response = await page.goto(`${clocked}/en/elections`);
		// Issue 6: no script to fetch, parse or run on a phone (csr = false); the server says it all,
		// and the page's policy allows none.
		expect(await page.locator('script').count()).toBe(0);
		expect(response!.headers()['content-security-policy']).toContain("script-src 'none'");
		await expectCountdowns(page, election);
		await expectNoAxeViolations(page);
	});

	test('the countdown ticks on from the server clock: days, then hours and minutes on the last day', async ({
		page
	}) => {
		// The browser's own clock is faked and runs from a wrong day: only elapsed time counts.
		await page.clock.install({ time: new Date('2001-01-01T00:00:00Z') });
		// The start page's glance at the coming elections: TK 2030's proxy cut-off comes first.
		await page.goto(`${clocked}/en`);
		await hydrated(page);
		const compact = page.getByRole('region', { name: t('home_elections_title'), exact: true });
		const next = compact.getByRole('listitem').first();
		expect(await next.textContent()).toContain(t('cutoff_proxy_or_voter_pass'));
		await expect.poll(() => next.textContent()).toContain(t('countdown_days', { count: '9' }));
		await page.clock.fastForward('24:00:00');
		await expect.poll(() => next.textContent()).toContain(t('countdown_days', { count: '8' }));
		// To 13:00 on 19 February in Den Haag: 11 hours left on the last day (to 23:59:59.999).
		await page.clock.fastForward(194 * 3_600_000);
		await expect
			.poll(() => next.textContent())
			.toContain(t('countdown_hours_minutes', { hours: '11', minutes: '0' }));
		await page.clock.runFor(60_000);
		await expect
			.poll(() => next.textContent())
			.toContain(t('countdown_hours_minutes', { hours: '10', minutes: '59' }));
		// 23:31: under an hour left, in minutes only; at 00:01 the next day it has passed.
		await page.clock.fastForward(630 * 60_000);
		await expect
			.poll(() => next.textContent())
			.toContain(t('countdown_minutes', { minutes: '29' }));
		await page.clock.fastForward(30 * 60_000);
		await expect.poll(() => next.textContent()).toContain(t('countdown_closed'));
	});

	test('the start page shows the next cut-offs of TK 2030 with their days', async ({ page }) => {
		await page.goto(`${clocked}/en`);
		await hydrated(page);
		const compact = page.getByRole('region', { name: t('home_elections_title'), exact: true });
		const item = compact.getByRole('listitem').first();
		await expect.poll(() => item.textContent()).toContain(t('countdown_days', { count: '9' }));
		await expect.poll(() => item.textContent()).toContain(t('countdown_days', { count: '31' }));
		expect(await compact.textContent()).toContain(t('overview_date_unknown_short'));
		await compact.getByRole('link', { name: t('home_elections_link'), exact: true }).click();
		await page.waitForURL(/\/en\/elections$/);
	});
});

describe('in the voter’s own time zone', () => {
	test('a browser in New York sees the checklist’s cut-offs in New York time as well as Dutch time', async ({
		browser
	}) => {
		const context = await browser.newContext({
			timezoneId: 'America/New_York',
			locale: 'en-US'
		});
		try {
			const page = await context.newPage();
			const election = await tk2030(page.request);
			await page.goto(`${clocked}/en/elections/TK-2030/checklist`);
			await hydrated(page);
			const cutoff = election.cutoffs.find((c) => c.id === 'returnEnvelope')!;
			const item = page
				.getByRole('main')
				.getByRole('listitem')
				.filter({ has: page.getByText(t('cutoff_den_haag_return'), { exact: true }) });
			await expect
				.poll(() => item.textContent())
				.toContain(
					t('cutoff_time_yours', {
						zone: 'America/New York',
						datetime: inZone(cutoff.closesAt!, 'America/New_York')
					})
				);
			expect(await item.textContent()).toContain(
				t('cutoff_time_den_haag', { datetime: inZone(cutoff.closesAt!, 'Europe/Amsterdam') })
			);
			// The change cut-off: the end of 13 March in Den Haag is 18:59 in New York.
			expect(
				inZone(election.cutoffs.find((c) => c.id === 'change')!.closesAt!, 'America/New_York')
			).toContain('18:59');
			// The form starts at the browser's zone.
			expect(await page.getByLabel(t('overview_time_zone_label')).inputValue()).toBe(
				'America/New_York'
			);
			await expectNoAxeViolations(page);
		} finally {
			await context.close();
		}
	});

	test('on the overview, a country that keeps one time gives the voter’s time without a zone chosen', async ({
		page
	}) => {
		const election = await tk2030(page.request);
		await page.goto(`${clocked}/en/elections?country=JP`);
		// Japan keeps one time: its zone is taken, and the form shows it.
		expect(await page.getByLabel(t('overview_time_zone_label')).inputValue()).toBe('Asia/Tokyo');
		for (const id of ['change', 'proxy', 'returnEnvelope']) {
			const cutoff = election.cutoffs.find((c) => c.id === id)!;
			expect(await action(page, KINDS[id]!).textContent(), id).toContain(
				t('cutoff_time_yours', {
					zone: 'Asia/Tokyo',
					datetime: inZone(cutoff.closesAt!, 'Asia/Tokyo')
				})
			);
		}
		// The United States keep several: no guess, Dutch time only until the voter chooses.
		await page.goto(`${clocked}/en/elections?country=US`);
		expect(await page.getByLabel(t('overview_time_zone_label')).inputValue()).toBe(
			'Europe/Amsterdam'
		);
		const yours = t('cutoff_time_yours', { zone: '', datetime: '' }).split('(')[0]!;
		expect(await tkSection(page).textContent()).not.toContain(yours);
		await expectNoAxeViolations(page);
	});
});

describe('without JavaScript', () => {
	test.override('javaScriptEnabled', false);

	test('the server renders the same days, and local times for a chosen zone', async ({ page }) => {
		const election = await tk2030(page.request);
		await page.goto(`${clocked}/en/elections`);
		expect(await page.locator('#svelte-announcer').count()).toBe(0);
		await expectCountdowns(page, election);
		// No zone chosen, and no script to ask the browser: Dutch time only.
		const yours = t('cutoff_time_yours', { zone: '', datetime: '' }).split('(')[0]!;
		expect(await tkSection(page).textContent()).not.toContain(yours);
		await expectNoAxeViolations(page, { javaScriptEnabled: false });

		// The GET form: a time zone and a country.
		await page.getByLabel(t('overview_time_zone_label')).selectOption('America/New_York');
		await page.getByLabel(t('overview_country_label')).selectOption('CA');
		await page.getByRole('button', { name: t('overview_preferences_submit'), exact: true }).click();
		await page.waitForURL(/\/en\/elections\?country=CA&tz=America%2FNew_York$/);
		const change = election.cutoffs.find((c) => c.id === 'change')!;
		const item = action(page, 'change');
		expect(await item.textContent()).toContain(
			t('cutoff_time_yours', {
				zone: 'America/New York',
				datetime: inZone(change.closesAt!, 'America/New_York')
			})
		);
		// From Canada the post takes the days the page states; "post by" is that many days earlier.
		const stated = new RegExp(
			escape(t('overview_postal_days', { country: 'Canada', days: '§' })).replace('§', '(\\d+)')
		);
		const postalDays = Number(stated.exec((await page.getByRole('main').textContent())!)![1]);
		expect(postalDays).toBeGreaterThan(0);
		expect(await item.textContent()).toContain(
			t('overview_post_by', { date: longDay(addDays(change.date, -postalDays)) })
		);
		await expectNoAxeViolations(page, { javaScriptEnabled: false });
	});

	test('an unknown time zone or country is an error at the field and in the summary', async ({
		page
	}) => {
		await page.goto(`${clocked}/en/elections?country=ZZ&tz=Mars%2FOlympus`);
		const summary = page.getByRole('alert');
		await summary.getByRole('link', { name: t('overview_error_country') }).waitFor();
		await summary.getByRole('link', { name: t('overview_error_time_zone') }).waitFor();
		expect(await page.title()).toMatch(new RegExp(`^${t('error_title_prefix')} `));
		await page.locator('#f-tz-error').getByText(t('overview_error_time_zone')).waitFor();
		// The overview is still there, in Dutch time.
		await expectCountdowns(page, await tk2030(page.request));
		await expectNoAxeViolations(page, { javaScriptEnabled: false });
	});

	test('an election without a day says that its date is not yet known', async ({ page }) => {
		await page.goto(`${clocked}/en/elections`);
		const ep = page.getByRole('region', {
			name: t('overview_election_undated', { type: t('election_type_EP') }),
			exact: true
		});
		await ep.getByText(t('overview_date_unknown'), { exact: false }).waitFor();
	});
});
