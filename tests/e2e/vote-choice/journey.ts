/**
 * The vote-choice journey as a voter goes through it on the clocked server (its clock fixed at
 * `inject('clock')`): each page found by its URL, its h1 and its title, the countdown to the
 * effective cut-off checked on each, and axe-core run on every page reached.
 */
import type { Locator, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { expect, inject } from 'vitest';
import { expectNoAxeViolations } from '../support/axe';

export type Locale = 'nl' | 'en';
export type Step =
	| 'election'
	| 'registered'
	| 'choice'
	| 'voter_pass_conditions'
	| 'name'
	| 'date_of_birth'
	| 'address'
	| 'email'
	| 'holder_name'
	| 'holder_date_of_birth'
	| 'holder_address'
	| 'holder_conditions';

/**
 * The seeded TK election of 15 May 2030 (src/lib/server/db/seed.ts): its postal voting
 * certificates go out on 20 February 2030 (M 6(3)), so a proxy or voter pass must be received by
 * the day before (K 8(2), L 10(b)), earlier than six weeks before (3 April, K 7(2), L 9(2)).
 */
export const TK_2030 = {
	slug: 'TK-2030',
	cutoffDay: '2030-02-19',
	sixWeeks: '2030-04-03',
	certificatesSentOn: '2030-02-20',
	nominationDay: '2030-04-01',
	// The end of 19 February in Den Haag: midnight CET (UTC+1) is 23:00 UTC.
	closesAt: Date.parse('2030-02-19T23:00:00Z') - 1
};

/** Whole days left on the countdown at the clocked server's fixed moment. */
export function daysLeft(): number {
	return Math.floor((TK_2030.closesAt - Date.parse(inject('clock'))) / 86_400_000);
}

/** '2030-02-19' → '19 februari 2030' / '19 February 2030', as the pages write a date. */
export function longDate(iso: string, locale: Locale): string {
	return new Intl.DateTimeFormat(locale === 'nl' ? 'nl-NL' : 'en-GB', {
		timeZone: 'UTC',
		day: 'numeric',
		month: 'long',
		year: 'numeric'
	}).format(new Date(`${iso}T00:00:00Z`));
}

/** The words a voter sees (from messages/nl.json and en.json), written out as they read. */
export const TEXTS = {
	nl: {
		prefix: '',
		siteName: 'Stemmen vanuit het buitenland',
		startTitle: 'Per volmacht of met een kiezerspas stemmen',
		start: 'Begin',
		continue: 'Doorgaan',
		yes: 'Ja',
		questions: {
			election: 'Voor welke verkiezing is het?',
			registered: 'Bent u geregistreerd als kiezer buiten Nederland?',
			choice: 'Hoe wilt u stemmen?',
			voter_pass_conditions: 'Wat betekent een kiezerspas?',
			name: 'Wat is uw naam?',
			date_of_birth: 'Wat is uw geboortedatum?',
			address: 'Wat is uw woonadres in het buitenland?',
			email: 'Waar kan Den Haag u over uw verzoek bereiken?',
			holder_name: 'Wie stemt er voor u?',
			holder_date_of_birth: 'Wat is de geboortedatum van uw gemachtigde?',
			holder_address: 'Wat is het adres van uw gemachtigde?',
			holder_conditions: 'Kan uw gemachtigde voor u stemmen?'
		} satisfies Record<Step, string>,
		tk2030: 'Tweede Kamer, 15 mei 2030',
		choices: {
			post: 'Per brief, zoals altijd',
			proxy: 'Iemand anders stemt voor mij (volmacht)',
			voter_pass: 'Zelf in Nederland stemmen, met een kiezerspas'
		},
		passUnderstood:
			'Ik begrijp dit: ik stem zelf in Nederland, een verloren kiezerspas wordt niet vervangen en ik krijg geen briefstembewijs',
		holderUnderstood:
			'Ik heb dit nagegaan: mijn gemachtigde voldoet hieraan en ondertekent de verklaring',
		firstNames: 'Voornamen',
		surname: 'Achternaam',
		holderFirstNames: 'Voornamen van uw gemachtigde',
		holderSurname: 'Achternaam van uw gemachtigde',
		day: 'Dag',
		month: 'Maand',
		year: 'Jaar',
		line1: 'Straat en huisnummer',
		line2: 'Postcode en woonplaats',
		line3: 'Regio, provincie of staat (optioneel)',
		country: 'Land',
		email: 'E-mailadres (optioneel)',
		errorSummaryTitle: 'Er is een probleem',
		errorTitlePrefix: 'Fout:',
		holderTooYoung:
			'Uw gemachtigde moet op de verkiezingsdag 18 jaar of ouder zijn: alleen een kiezer kan gemachtigde zijn',
		deadlinesTitle: 'Uiterste data',
		countdown: (days: number) => `Nog ${days} dagen.`,
		receivedBy: `${longDate(TK_2030.cutoffDay, 'nl')} ontvangen.`,
		why: `Dit is eerder dan zes weken voor de verkiezing (${longDate(TK_2030.sixWeeks, 'nl')}): Den Haag verstuurt de briefstembewijzen op ${longDate(TK_2030.certificatesSentOn, 'nl')}, en zodra uw briefstembewijs verstuurd is, worden een volmacht en een kiezerspas geweigerd. Daarom moet uw verzoek er uiterlijk op ${longDate(TK_2030.cutoffDay, 'nl')} zijn, de dag ervoor.`,
		kniNote: 'De verkiezing van het kiescollege niet-ingezetenen staat hier nooit',
		transcriptTitle: 'Uw antwoorden tot nu toe',
		checkTitle: 'Controleer uw antwoorden',
		confirm: 'Maak mijn formulier',
		doneTitle: 'Uw formulier is klaar',
		referenceLabel: 'Uw referentienummer',
		download: 'Download het formulier (pdf)',
		keepPostTitle: 'U stemt per brief: u hoeft niets te sturen',
		checklist: 'Uw stemchecklist voor Tweede Kamer, 15 mei 2030',
		elections: 'Alle komende verkiezingen en hun termijnen'
	},
	en: {
		prefix: '/en',
		siteName: 'Voting from abroad',
		startTitle: 'Vote by proxy or with a voter pass',
		start: 'Start',
		continue: 'Continue',
		yes: 'Yes',
		questions: {
			election: 'Which election is it for?',
			registered: 'Are you registered as a voter abroad?',
			choice: 'How do you want to vote?',
			voter_pass_conditions: 'What does a voter pass mean?',
			name: 'What is your name?',
			date_of_birth: 'What is your date of birth?',
			address: 'What is your home address abroad?',
			email: 'Where can The Hague reach you about your request?',
			holder_name: 'Who will vote for you?',
			holder_date_of_birth: 'What is your proxy holder’s date of birth?',
			holder_address: 'What is your proxy holder’s address?',
			holder_conditions: 'Can your proxy holder vote for you?'
		} satisfies Record<Step, string>,
		tk2030: 'House of Representatives (Tweede Kamer), 15 May 2030',
		choices: {
			post: 'By post, as usual',
			proxy: 'Someone else votes for me (proxy)',
			voter_pass: 'In person in the Netherlands, with a voter pass'
		},
		passUnderstood:
			'I understand: I vote in person in the Netherlands, a lost voter pass is not replaced, and I get no postal voting certificate',
		holderUnderstood:
			'I have checked: my proxy holder meets these conditions and will sign the declaration',
		firstNames: 'First names',
		surname: 'Surname',
		holderFirstNames: 'First names of your proxy holder',
		holderSurname: 'Surname of your proxy holder',
		day: 'Day',
		month: 'Month',
		year: 'Year',
		line1: 'Street and house number',
		line2: 'Postal code and town or city',
		line3: 'Region, province or state (optional)',
		country: 'Country',
		email: 'Email address (optional)',
		errorSummaryTitle: 'There is a problem',
		errorTitlePrefix: 'Error:',
		holderTooYoung:
			'Your proxy holder must be 18 or older on election day: only a voter can be a proxy holder',
		deadlinesTitle: 'Deadlines',
		countdown: (days: number) => `Days left: ${days}.`,
		receivedBy: `${longDate(TK_2030.cutoffDay, 'en')}.`,
		why: `This is earlier than six weeks before the election (${longDate(TK_2030.sixWeeks, 'en')}): The Hague sends the postal voting certificates on ${longDate(TK_2030.certificatesSentOn, 'en')}, and once yours has been sent, a proxy or voter pass is refused. So your request must arrive by ${longDate(TK_2030.cutoffDay, 'en')}, the day before.`,
		kniNote: 'The election of the electoral college for non-residents is never listed',
		transcriptTitle: 'Your answers so far',
		checkTitle: 'Check your answers',
		confirm: 'Create my form',
		doneTitle: 'Your form is ready',
		referenceLabel: 'Your reference number',
		download: 'Download the form (PDF)',
		keepPostTitle: 'You vote by post: there is nothing to send',
		checklist: 'Your voting checklist for House of Representatives (Tweede Kamer), 15 May 2030',
		elections: 'All upcoming elections and their deadlines'
	}
} as const;

/**
 * Letters that differ per run (names take letters only): the e2e servers share one database
 * across files and runs, so each run's voters are its own.
 */
export function uniqueName(): string {
	return [...Date.now().toString(36).slice(-5).toUpperCase()]
		.map((c) => (/\d/.test(c) ? String.fromCharCode(65 + Number(c)) : c))
		.join('');
}

export type Address = { line1: string; line2: string; country: string };
export type Person = {
	firstNames: string;
	surname: string;
	dateOfBirth: string;
	address: Address;
};
export type Request = {
	choice: 'proxy' | 'voter_pass';
	voter: Person & { email: string };
	holder?: Person;
};

/** The steps this request asks, in order. */
export function pathOf(request: Request): Step[] {
	const steps: Step[] = ['election', 'registered', 'choice'];
	if (request.choice === 'voter_pass') steps.push('voter_pass_conditions');
	steps.push('name', 'date_of_birth', 'address', 'email');
	if (request.choice === 'proxy') {
		steps.push('holder_name', 'holder_date_of_birth', 'holder_address', 'holder_conditions');
	}
	return steps;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const parts = (iso: string) => {
	const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
	return { day: String(d), month: String(m), year: String(y) };
};

export class VoteChoice {
	readonly t: (typeof TEXTS)[Locale];
	readonly origin = inject('clockedURL');
	token = '';

	constructor(
		readonly page: Page,
		readonly locale: Locale,
		/** `javaScriptEnabled` must match the browser context's (axe runs differently without). */
		readonly options: { javaScriptEnabled: boolean }
	) {
		this.t = TEXTS[locale];
	}

	url(path: string) {
		return `${this.origin}${this.t.prefix}${path}`;
	}

	pageUrl(part: string) {
		return new RegExp(`${escape(this.t.prefix)}/vote-choice/[A-Za-z0-9_-]+/${part}$`);
	}

	async checkPage() {
		await expectNoAxeViolations(this.page, this.options);
		expect(await this.page.locator('html').getAttribute('lang')).toBe(this.locale);
	}

	h1(name: string) {
		return this.page.getByRole('heading', { level: 1, name, exact: true });
	}

	/** The start page (with a guided link's query, if any), then "Start". */
	async start(query = '') {
		await this.page.goto(this.url(`/vote-choice${query}`));
		await this.h1(this.t.startTitle).waitFor();
		await this.checkPage();
		await this.page.getByRole('button', { name: this.t.start, exact: true }).click();
	}

	/** A question page: URL, h1, title; the countdown and why the cut-off is early; axe. */
	async expectStep(step: Step) {
		await this.page.waitForURL(this.pageUrl(step)).catch(async (error: Error) => {
			// Say where the voter is instead: usually a page answering with an error.
			const h1 = await this.page.getByRole('heading', { level: 1 }).allTextContents();
			throw new Error(
				`expected ${step}, still at ${this.page.url()} (${h1.join()}): ${error.message}`
			);
		});
		this.token = /\/vote-choice\/([A-Za-z0-9_-]+)\//.exec(this.page.url())?.[1] ?? this.token;
		await this.h1(this.t.questions[step]).waitFor();
		expect(await this.page.title()).toBe(`${this.t.questions[step]} – ${this.t.siteName}`);
		await this.expectDeadline();
		await this.checkPage();
	}

	/** The deadlines region: the day, the countdown's days at the fixed clock, and why. */
	async expectDeadline() {
		const region = this.page.getByRole('region', { name: this.t.deadlinesTitle, exact: true });
		const text = (await region.innerText()).replace(/\s+/g, ' ');
		expect(text).toContain(this.t.receivedBy);
		expect(text).toContain(this.t.countdown(daysLeft()));
		expect(text).toContain(this.t.why);
		// The end of the day in Den Haag, after the weekday the page adds: "… 19 February 2030."
		// The articles behind the day, linked.
		for (const code of ['KW K 7(2)', 'KW L 9(2)', 'KW K 8(2)', 'KW L 10(b)', 'KW M 6(3)']) {
			await expect
				.poll(() => region.getByRole('link', { name: code, exact: true }).count())
				.toBeGreaterThan(0);
		}
		return text;
	}

	field(label: string) {
		return this.page.getByLabel(label, { exact: true });
	}

	radio(name: string) {
		return this.page.getByRole('radio', { name, exact: true });
	}

	async continue() {
		await this.page.getByRole('button', { name: this.t.continue, exact: true }).click();
	}

	async fillDate(iso: string) {
		const d = parts(iso);
		await this.field(this.t.day).fill(d.day);
		await this.field(this.t.month).fill(d.month);
		await this.field(this.t.year).fill(d.year);
	}

	async fillAddress(a: Address) {
		await this.field(this.t.line1).fill(a.line1);
		await this.field(this.t.line2).fill(a.line2);
		await this.field(this.t.country).selectOption(a.country);
	}

	async fill(step: Step, r: Request) {
		const t = this.t;
		switch (step) {
			case 'election':
				return this.radio(t.tk2030).check();
			case 'registered':
				return this.radio(t.yes).check();
			case 'choice':
				return this.radio(t.choices[r.choice]).check();
			case 'voter_pass_conditions':
				return this.page.getByRole('checkbox', { name: t.passUnderstood, exact: true }).check();
			case 'name':
				await this.field(t.firstNames).fill(r.voter.firstNames);
				await this.field(t.surname).fill(r.voter.surname);
				return;
			case 'date_of_birth':
				return this.fillDate(r.voter.dateOfBirth);
			case 'address':
				return this.fillAddress(r.voter.address);
			case 'email':
				return this.field(t.email).fill(r.voter.email);
			case 'holder_name':
				await this.field(t.holderFirstNames).fill(r.holder!.firstNames);
				await this.field(t.holderSurname).fill(r.holder!.surname);
				return;
			case 'holder_date_of_birth':
				return this.fillDate(r.holder!.dateOfBirth);
			case 'holder_address':
				return this.fillAddress(r.holder!.address);
			case 'holder_conditions':
				return this.page.getByRole('checkbox', { name: t.holderUnderstood, exact: true }).check();
		}
	}

	/** Answers the request's steps from `from` (the current page) up to `until` or the check page. */
	async answer(r: Request, options: { from?: Step; until?: Step } = {}) {
		const path = pathOf(r);
		for (let i = options.from ? path.indexOf(options.from) : 0; i < path.length; i++) {
			const step = path[i]!;
			if (step === options.until) return;
			await this.fill(step, r);
			await this.continue();
			const next = path[i + 1];
			if (next) await this.expectStep(next);
			else await this.expectCheck();
		}
	}

	async expectCheck() {
		await this.page.waitForURL(this.pageUrl('check'));
		await this.h1(this.t.checkTitle).waitFor();
		await this.expectDeadline();
		await this.checkPage();
	}

	errorSummary(): Locator {
		return this.page.getByRole('alert').filter({
			has: this.page.getByRole('heading', { name: this.t.errorSummaryTitle, exact: true })
		});
	}

	/** Presses Continue on a page that must answer with errors; waits for the summary; axe. */
	async continueWithErrors(): Promise<Locator> {
		const url = this.page.url().split('#')[0];
		const posted = this.page.waitForResponse(
			(r) => r.request().method() === 'POST' && r.url().split(/[?#]/)[0] === url
		);
		await this.continue();
		// Without JavaScript a 400 page; with it, SvelteKit's JSON answer (200) carries the failure.
		const status = (await posted).status();
		expect(status).toBe(this.options.javaScriptEnabled ? 200 : 400);
		const summary = this.errorSummary();
		await summary.waitFor();
		if (this.options.javaScriptEnabled) {
			await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
		}
		await expect
			.poll(() => this.page.title())
			.toMatch(new RegExp(`^${escape(this.t.errorTitlePrefix)} `));
		await this.checkPage();
		return summary;
	}

	/** The conversation so far: question → answer. */
	async transcript(heading: string = this.t.transcriptTitle): Promise<Map<string, string>> {
		const region = this.page.getByRole('region', { name: heading, exact: true });
		await region.waitFor();
		const rows = await region
			.getByRole('term')
			.evaluateAll((terms) =>
				terms.map((dt) => [
					dt.textContent?.trim() ?? '',
					((dt.nextElementSibling as HTMLElement | null)?.innerText ?? '')
						.replace(/\s+/g, ' ')
						.trim()
				])
			);
		return new Map(rows as [string, string][]);
	}

	/** On the check page: confirms; returns the reference the done page shows. */
	async createForm(): Promise<string> {
		await this.page.getByRole('button', { name: this.t.confirm, exact: true }).click();
		await this.page.waitForURL(this.pageUrl('done'));
		await this.h1(this.t.doneTitle).waitFor();
		await this.expectDeadline();
		await this.checkPage();
		const main = this.page.getByRole('main');
		await main.getByText(this.t.referenceLabel, { exact: true }).waitFor();
		const reference = main.getByText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/);
		return (await reference.textContent())?.trim() ?? '';
	}

	/** On the done page: downloads the PDF as the voter does; returns each page's text. */
	async downloadPdf(): Promise<string[]> {
		const link = this.page.getByRole('link', { name: this.t.download, exact: true });
		expect(await link.getAttribute('href')).toBe(
			`${this.t.prefix}/vote-choice/${this.token}/form.pdf`
		);
		const [download] = await Promise.all([this.page.waitForEvent('download'), link.click()]);
		expect(download.suggestedFilename()).toMatch(/^volmacht-kiezerspas-[0-9A-Z-]{14}\.pdf$/);
		const { readFile } = await import('node:fs/promises');
		const bytes = new Uint8Array(await readFile(await download.path()));
		expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
		const pdf = await getDocumentProxy(bytes);
		const { text } = await extractText(pdf);
		return text.map((t) => t.normalize('NFC').replace(/\s+/g, ' '));
	}
}
