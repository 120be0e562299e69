/**
 * The per-election requests under chapter M (temporarily abroad, replacement certificate) as a
 * voter goes through them on the generic journey pages: role and label locators, every page's
 * URL, h1, title and language checked, axe-core on every page reached, the words taken from the
 * message catalogues so that a missing or changed translation fails.
 */
import { readFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectNoAxeViolations } from './axe';
import { pdfText } from './journey';
import { TEXTS, countryName, longDate, type Locale } from './texts';

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The instant of a wall-clock time in Den Haag ('end' is the last millisecond of the day), found
 * by trying the two offsets Amsterdam uses; independent of the app's own date code.
 */
export function denHaagInstant(day: string, time: string | 'end'): Date {
	const [y, m, d] = day.split('-').map(Number) as [number, number, number];
	const [h, min] = time === 'end' ? [24, 0] : (time.split(':').map(Number) as [number, number]);
	const wall = Date.UTC(y, m - 1, d, h, min) - (time === 'end' ? 1 : 0);
	const show = (ms: number, timeZone: string) =>
		new Intl.DateTimeFormat('en-CA', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit',
			second: '2-digit',
			hourCycle: 'h23'
		}).format(new Date(ms));
	for (const offset of [1, 2]) {
		const candidate = wall - offset * 3_600_000;
		// The candidate read on a Den Haag clock is the wall time asked for.
		if (show(candidate, 'Europe/Amsterdam') === show(wall, 'UTC')) return new Date(candidate);
	}
	throw new Error(`no Den Haag instant for ${day} ${time}`);
}

/** Whole days left from `now` until `closesAt`, as the countdown shows them. */
export const daysLeft = (closesAt: Date, now: string) =>
	Math.floor((closesAt.getTime() - Date.parse(now)) / DAY_MS);

export class RequestJourney {
	readonly c: Record<string, string>;
	token = '';

	constructor(
		readonly page: Page,
		readonly locale: Locale,
		readonly opts: {
			/** The server's origin (the clocked one, for countdowns). */
			origin: string;
			/** The start path without slash: `temporarily-abroad`, `replacement`. */
			segment: string;
			/** The journey id: `temporarily_abroad`, `replacement`. */
			journey: string;
			javaScriptEnabled: boolean;
		}
	) {
		this.c = JSON.parse(readFileSync(`messages/${locale}.json`, 'utf8')) as Record<string, string>;
	}

	/** A message as the page shows it; `{date}`-style parameters filled in as given. */
	m(key: string, params: Record<string, string> = {}): string {
		const text = this.c[key];
		if (text === undefined) throw new Error(`messages/${this.locale}.json lacks ${key}`);
		return Object.entries(params).reduce((t, [n, v]) => t.replaceAll(`{${n}}`, v), text);
	}

	date(iso: string) {
		return longDate(iso, this.locale);
	}

	country(code: string) {
		return countryName(code, this.locale);
	}

	get prefix() {
		return TEXTS[this.locale].prefix;
	}

	stepUrl(step: string) {
		return new RegExp(`${escape(this.prefix)}/${this.opts.segment}/[A-Za-z0-9_-]+/${step}$`);
	}

	async axe() {
		await expectNoAxeViolations(this.page, { javaScriptEnabled: this.opts.javaScriptEnabled });
	}

	h1(name: string) {
		return this.page.getByRole('heading', { level: 1, name, exact: true });
	}

	async expectLang() {
		expect(await this.page.locator('html').getAttribute('lang')).toBe(TEXTS[this.locale].htmlLang);
	}

	/** The start page (with an optional `?election=` query), then "Start". */
	async start(query = '') {
		await this.page.goto(`${this.opts.origin}${this.prefix}/${this.opts.segment}${query}`);
		await this.h1(this.m(`journey_${this.opts.journey}_title`)).waitFor();
		await this.expectLang();
		await this.axe();
		await this.page
			.getByRole('button', { name: this.m('journey_start_button'), exact: true })
			.click();
	}

	/** A question page: its URL, its h1 and title in this language; then axe. */
	async expectStep(step: string, question: string) {
		await this.page.waitForURL(this.stepUrl(step));
		const match = new RegExp(`/${this.opts.segment}/([A-Za-z0-9_-]+)/`).exec(
			new URL(this.page.url()).pathname
		);
		this.token = match?.[1] ?? this.token;
		await this.h1(question).waitFor();
		await this.expectLang();
		expect(await this.page.title()).toBe(`${question} – ${this.m('site_name')}`);
		await this.axe();
	}

	async continue() {
		await this.page.getByRole('button', { name: this.m('continue'), exact: true }).click();
	}

	/** Continue on a page that must answer with errors: the summary (focused with JS), the title. */
	async continueWithErrors(): Promise<Locator> {
		const url = this.page.url().split('#')[0];
		const posted = this.page.waitForResponse(
			(r) => r.request().method() === 'POST' && r.url().split(/[?#]/)[0] === url
		);
		await this.continue();
		// A plain post gets the page with 400; an enhanced one SvelteKit's JSON "failure" (200).
		const status = (await posted).status();
		if (this.opts.javaScriptEnabled) expect(status).toBeLessThan(500);
		else expect(status).toBe(400);
		const summary = this.page.getByRole('alert').filter({
			has: this.page.getByRole('heading', { name: this.m('error_summary_title'), exact: true })
		});
		await summary.waitFor();
		if (this.opts.javaScriptEnabled) {
			await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
		}
		await expect
			.poll(() => this.page.title())
			.toMatch(new RegExp(`^${escape(this.m('error_title_prefix'))} `));
		await this.axe();
		return summary;
	}

	/** The message is a link in the summary and is shown at the field, in the form. */
	async expectFieldError(summary: Locator, message: string) {
		expect(await summary.getByRole('link', { name: message, exact: true }).count()).toBe(1);
		const atField = this.page
			.getByRole('main')
			.locator('form')
			.getByText(`${this.m('error_prefix')} ${message}`, { exact: true });
		expect(await atField.isVisible()).toBe(true);
	}

	radio(name: string) {
		return this.page.getByRole('radio', { name, exact: true });
	}

	field(label: string, within: Page | Locator = this.page) {
		return within.getByLabel(label, { exact: true });
	}

	group(name: string) {
		return this.page.getByRole('group', { name, exact: true });
	}

	async fillDate(iso: string, within: Page | Locator = this.page) {
		const [y, m, d] = iso.split('-');
		await this.field(this.m('date_day'), within).fill(String(Number(d)));
		await this.field(this.m('date_month'), within).fill(String(Number(m)));
		await this.field(this.m('date_year'), within).fill(y!);
	}

	async fillAddress(lines: string[], country?: string) {
		await this.field(this.m('field_address_line1')).fill(lines[0] ?? '');
		await this.field(this.m('field_address_line2')).fill(lines[1] ?? '');
		const third = this.page.getByLabel(`${this.m('field_address_line3')} ${this.m('optional')}`, {
			exact: true
		});
		if (await third.count()) await third.fill(lines[2] ?? '');
		if (country) {
			await this.field(this.m('field_country')).selectOption({ label: this.country(country) });
		}
	}

	/** The countdown of the deadline list shows this many days. */
	async expectCountdown(days: number) {
		const region = this.page.getByRole('region', { name: this.m('deadlines_title'), exact: true });
		await expect
			.poll(() => region.innerText())
			.toContain(this.m('countdown_days', { count: String(days) }));
	}

	async expectCheck() {
		await this.page.waitForURL(this.stepUrl('check'));
		await this.h1(this.m('check_title')).waitFor();
		await this.expectLang();
		await this.axe();
	}

	/** Confirms on the check page; returns the reference the done page shows. */
	async confirm(): Promise<string> {
		await this.page
			.getByRole('button', { name: this.m('journey_check_confirm'), exact: true })
			.click();
		await this.page.waitForURL(this.stepUrl('done'));
		await this.h1(this.m('journey_done_title')).waitFor();
		await this.expectLang();
		await this.axe();
		const reference = this.page
			.getByRole('main')
			.getByText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
		return (await reference.textContent())?.trim() ?? '';
	}

	/** Downloads the PDF as the voter does and returns its text. */
	async downloadPdf(): Promise<string> {
		const link = this.page.getByRole('link', {
			name: this.m('journey_done_download'),
			exact: true
		});
		expect(await link.getAttribute('href')).toBe(
			`${this.prefix}/${this.opts.segment}/${this.token}/form.pdf`
		);
		const [download] = await Promise.all([this.page.waitForEvent('download'), link.click()]);
		return pdfText(await readFile(await download.path()));
	}

	/** The main content's text, whitespace collapsed. */
	async mainText(): Promise<string> {
		return (await this.page.getByRole('main').innerText()).replace(/\s+/g, ' ');
	}
}
