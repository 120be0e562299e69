/**
 * The registration journey as a voter goes through it: each step answered with role and label
 * locators (what a screen reader user hears), the next page waited for by its URL and its h1,
 * and axe-core run on every page reached.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect } from 'vitest';
import { expectNoAxeViolations } from './axe';
import { parts, type IsoDate } from './dates';
import {
	TEXTS,
	countryName,
	type Channel,
	type ElectionType,
	type Locale,
	type Sex,
	type Step
} from './texts';

export type Address = { line1: string; line2: string; line3?: string };

export type Voter = {
	dutch: boolean;
	/** ISO 3166 code, chosen in the select by its name in the page's language. */
	country: string;
	caribbeanTenYears?: boolean;
	caribbeanPublicService?: boolean;
	dateOfBirth: IsoDate;
	types: ElectionType[];
	/** Set when the journey must ask for it (EP chosen while living in another EU member state). */
	epDeclaration?: boolean;
	firstNames: string;
	surname: string;
	sex: Sex;
	address: Address;
	correspondence?: Address & { country: string };
	email: string;
	phone?: string;
	bsn?: string;
	channel: Channel;
};

const CARIBBEAN = ['AW', 'CW', 'SX'];

/** The steps this voter is asked, in order: the branching the issue describes. */
export function pathOf(voter: Voter): Step[] {
	const steps: Step[] = ['nationality', 'residence'];
	if (CARIBBEAN.includes(voter.country)) {
		steps.push('caribbean_ten_years');
		if (voter.caribbeanTenYears === false) steps.push('caribbean_public_service');
	}
	steps.push('date_of_birth', 'election_types');
	if (voter.epDeclaration !== undefined) steps.push('ep_declaration');
	steps.push('name', 'sex', 'address', 'correspondence_choice');
	if (voter.correspondence) steps.push('correspondence_address');
	steps.push('contact', 'bsn', 'submission');
	return steps;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class Registration {
	readonly t: (typeof TEXTS)[Locale];
	/** The draft's token, known once the journey has started. */
	token = '';

	constructor(
		readonly page: Page,
		readonly locale: Locale,
		/** `javaScriptEnabled` must match the browser context's (axe runs differently without). */
		readonly options: { axe?: boolean; javaScriptEnabled?: boolean } = {}
	) {
		this.t = TEXTS[locale];
	}

	get axe() {
		return this.options.axe ?? true;
	}

	stepUrl(step: string) {
		return new RegExp(`${escape(this.t.prefix)}/register/[A-Za-z0-9_-]+/${step}$`);
	}

	async checkPage() {
		if (this.axe) await expectNoAxeViolations(this.page, this.options);
	}

	async expectLang() {
		expect(await this.page.locator('html').getAttribute('lang')).toBe(this.t.htmlLang);
	}

	h1(name: string) {
		return this.page.getByRole('heading', { level: 1, name, exact: true });
	}

	/** Opens the start page and presses "Start now": the first question follows. */
	async start() {
		await this.page.goto(`${this.t.prefix}/register`);
		await this.h1(this.t.startTitle).waitFor();
		await this.expectLang();
		await this.checkPage();
		await this.page.getByRole('button', { name: this.t.start, exact: true }).click();
		await this.expectStep('nationality');
	}

	/** Waits for a question page: its URL, its h1 in this language, `<html lang>`; then axe. */
	async expectStep(step: Step) {
		await this.page.waitForURL(this.stepUrl(step));
		const match = /\/register\/([A-Za-z0-9_-]+)\//.exec(new URL(this.page.url()).pathname);
		this.token = match?.[1] ?? this.token;
		await this.h1(this.t.questions[step]).waitFor();
		await this.expectLang();
		expect(await this.page.title()).toBe(`${this.t.questions[step]} – ${this.t.siteName}`);
		await this.checkPage();
	}

	async expectCheck() {
		await this.page.waitForURL(this.stepUrl('check'));
		await this.h1(this.t.checkTitle).waitFor();
		await this.expectLang();
		await this.checkPage();
	}

	continueButton() {
		return this.page.getByRole('button', { name: this.t.continue, exact: true });
	}

	async continue() {
		await this.continueButton().click();
	}

	/** Presses Continue on a page that must answer with errors, and waits for the summary. */
	async continueWithErrors(): Promise<Locator> {
		// An error-summary link may have added a #fragment; the form posts to the page itself.
		const url = this.page.url().split('#')[0];
		const posted = this.page.waitForResponse(
			(r) => r.request().method() === 'POST' && r.url().split(/[?#]/)[0] === url
		);
		await this.continue();
		const response = await posted;
		expect(response.status()).toBeLessThan(500);
		const summary = this.errorSummary();
		await summary.waitFor();
		if (this.options.javaScriptEnabled !== false) {
			// GOV.UK pattern: the summary takes focus, so a screen reader reads it out at once.
			await expect
				.poll(() => summary.evaluate((el) => el === document.activeElement), {
					message: 'the error summary has focus'
				})
				.toBe(true);
		}
		await expect
			.poll(() => this.page.title())
			.toMatch(new RegExp(`^${escape(this.t.errorTitlePrefix)} `));
		await this.checkPage();
		return summary;
	}

	errorSummary() {
		return this.page.getByRole('alert').filter({
			has: this.page.getByRole('heading', { name: this.t.errorSummaryTitle, exact: true })
		});
	}

	radio(name: string) {
		return this.page.getByRole('radio', { name, exact: true });
	}

	checkbox(name: string) {
		return this.page.getByRole('checkbox', { name, exact: true });
	}

	field(label: string) {
		return this.page.getByLabel(label, { exact: true });
	}

	yesNo(value: boolean) {
		return this.radio(value ? this.t.yes : this.t.no);
	}

	async fillDate(d: { day: string; month: string; year: string }) {
		await this.field(this.t.day).fill(d.day);
		await this.field(this.t.month).fill(d.month);
		await this.field(this.t.year).fill(d.year);
	}

	async fillAddress(a: Address) {
		await this.field(this.t.addressLine1).fill(a.line1);
		await this.field(this.t.addressLine2).fill(a.line2);
		await this.field(this.t.addressLine3).fill(a.line3 ?? '');
	}

	/** Fills in one step's answer (without pressing Continue). */
	async fill(step: Step, voter: Voter) {
		const t = this.t;
		switch (step) {
			case 'nationality':
				return this.yesNo(voter.dutch).check();
			case 'residence':
				await this.field(t.questions.residence).selectOption({
					label: countryName(voter.country, this.locale)
				});
				return;
			case 'caribbean_ten_years':
				return this.yesNo(voter.caribbeanTenYears ?? false).check();
			case 'caribbean_public_service':
				return this.yesNo(voter.caribbeanPublicService ?? false).check();
			case 'date_of_birth':
				return this.fillDate(parts(voter.dateOfBirth));
			case 'election_types':
				for (const type of voter.types) await this.checkbox(t.electionTypes[type]).check();
				return;
			case 'ep_declaration':
				return this.radio(voter.epDeclaration ? t.epDeclarationYes : t.no).check();
			case 'name':
				await this.field(t.firstNames).fill(voter.firstNames);
				await this.field(t.surname).fill(voter.surname);
				return;
			case 'sex':
				return this.radio(t.sex[voter.sex]).check();
			case 'address':
				return this.fillAddress(voter.address);
			case 'correspondence_choice':
				return this.yesNo(voter.correspondence !== undefined).check();
			case 'correspondence_address':
				if (!voter.correspondence) throw new Error('no correspondence address');
				await this.fillAddress(voter.correspondence);
				await this.field(t.country).selectOption({
					label: countryName(voter.correspondence.country, this.locale)
				});
				return;
			case 'contact':
				await this.field(t.email).fill(voter.email);
				await this.field(t.phone).fill(voter.phone ?? '');
				return;
			case 'bsn':
				return this.field(t.questions.bsn).fill(voter.bsn ?? '');
			case 'submission':
				return this.radio(t.channels[voter.channel]).check();
		}
	}

	/**
	 * Answers every step of the voter's path from the current one, checking that each next page
	 * is the one the path expects, up to (not answering) `until`, or to the check page.
	 */
	async answer(voter: Voter, options: { from?: Step; until?: Step } = {}) {
		const path = pathOf(voter);
		const first = options.from ? path.indexOf(options.from) : 0;
		for (let i = first; i < path.length; i++) {
			const step = path[i] as Step;
			if (step === options.until) return;
			await this.fill(step, voter);
			await this.continue();
			const next = path[i + 1];
			if (next) await this.expectStep(next);
			else await this.expectCheck();
		}
	}

	/** The conversation so far (or the check page's answers): question → answer lines. */
	async transcript(heading = this.t.transcriptTitle): Promise<Map<string, string>> {
		const region = this.page.getByRole('region', { name: heading, exact: true });
		await region.waitFor();
		const rows = await region.getByRole('term').evaluateAll((terms) =>
			terms.map((dt) => [
				dt.textContent?.trim() ?? '',
				// innerText: each answer line is a block of its own, so lines keep a space between.
				((dt.nextElementSibling as HTMLElement | null)?.innerText ?? '').replace(/\s+/g, ' ').trim()
			])
		);
		return new Map(rows as [string, string][]);
	}

	/** On the check page: confirms, waits for the done page and returns the reference shown. */
	async createForm(): Promise<string> {
		await this.page.getByRole('button', { name: this.t.createForm, exact: true }).click();
		await this.page.waitForURL(this.stepUrl('done'));
		await this.h1(this.t.doneTitle).waitFor();
		await this.expectLang();
		await this.checkPage();
		const main = this.page.getByRole('main');
		await main.getByText(this.t.referenceLabel, { exact: true }).waitFor();
		const reference = main.getByText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
		return (await reference.textContent())?.trim() ?? '';
	}

	/** On the done page: downloads the form as the voter does and returns its text. */
	async downloadPdf(): Promise<string> {
		const link = this.page.getByRole('link', { name: this.t.download, exact: true });
		expect(await link.getAttribute('href')).toMatch(
			new RegExp(`^${escape(this.t.prefix)}/register/${this.token}/form\\.pdf$`)
		);
		const [download] = await Promise.all([this.page.waitForEvent('download'), link.click()]);
		const file = await download.path();
		return pdfText(await readFile(file));
	}
}

/** The text of every page of a PDF, whitespace collapsed and in Unicode NFC. */
export async function pdfText(bytes: Uint8Array): Promise<string> {
	expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
	const pdf = await getDocumentProxy(new Uint8Array(bytes));
	const { text } = await extractText(pdf, { mergePages: true });
	return text.normalize('NFC').replace(/\s+/g, ' ');
}
