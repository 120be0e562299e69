/**
 * The change journey as a voter goes through it (role and label locators, axe on every page),
 * with its words written out in Dutch and English as they read, so that a changed or missing
 * translation fails a test.
 */
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { expect } from 'vitest';
import { expectNoAxeViolations } from '../support/axe';
import { parts, type IsoDate } from '../support/dates';
import { pdfText } from '../support/journey';
import { countryName, type ElectionType } from '../support/texts';

export type Locale = 'nl' | 'en';

export type ChangeStep =
	| 'residence'
	| 'identity'
	| 'what'
	| 'residential_address'
	| 'correspondence'
	| 'correspondence_address'
	| 'email'
	| 'phone'
	| 'name'
	| 'caribbean_ten_years'
	| 'caribbean_public_service'
	| 'election_types'
	| 'ep_declaration'
	| 'submission';

export type Item =
	| 'residential_address'
	| 'correspondence_address'
	| 'email'
	| 'phone'
	| 'name'
	| 'election_types'
	| 'removal';

export type Address = { line1: string; line2: string; line3?: string };

export type ChangeVoter = {
	country: string;
	firstNames: string;
	surname: string;
	dateOfBirth: IsoDate;
	bsn?: string;
	items: Item[];
	address?: Address;
	/** 'remove', or a new one with its country. */
	correspondence?: 'remove' | (Address & { country: string });
	/** null: remove. */
	email?: string | null;
	phone?: string | null;
	newName?: { firstNames: string; surname: string };
	types?: ElectionType[];
	epDeclaration?: boolean;
	channel: 'den_haag_upload' | 'den_haag_post';
};

const EU = ['AT', 'BE', 'DE', 'DK', 'ES', 'FR', 'IE', 'IT', 'PL', 'PT', 'SE'];

/** The steps this voter is asked, in order. */
export function pathOf(voter: ChangeVoter): ChangeStep[] {
	const steps: ChangeStep[] = ['residence', 'identity', 'what'];
	const has = (i: Item) => voter.items.includes(i);
	if (has('residential_address')) steps.push('residential_address');
	if (has('correspondence_address')) {
		steps.push('correspondence');
		if (voter.correspondence !== 'remove') steps.push('correspondence_address');
	}
	if (has('email')) steps.push('email');
	if (has('phone')) steps.push('phone');
	if (has('name')) steps.push('name');
	if (has('election_types')) {
		steps.push('election_types');
		if (voter.types?.includes('EP') && EU.includes(voter.country)) steps.push('ep_declaration');
	}
	steps.push('submission');
	return steps;
}

type Texts = {
	prefix: string;
	siteName: string;
	startTitle: string;
	start: string;
	continue: string;
	errorSummaryTitle: string;
	errorTitlePrefix: string;
	transcriptTitle: string;
	questions: Record<ChangeStep, string>;
	items: Record<Item, string>;
	firstNames: string;
	surname: string;
	dateOfBirth: string;
	bsn: string;
	day: string;
	month: string;
	year: string;
	addressLine1: string;
	addressLine2: string;
	addressLine3: string;
	country: string;
	yes: string;
	no: string;
	correspondenceNew: string;
	correspondenceRemove: string;
	emailNew: string;
	emailRemove: string;
	emailNewLabel: string;
	phoneNew: string;
	phoneRemove: string;
	phoneNewLabel: string;
	types: Record<ElectionType, string>;
	epDeclarationYes: string;
	channels: Record<ChangeVoter['channel'], string>;
	checkTitle: string;
	checkAnswersHeading: string;
	createForm: string;
	doneTitle: string;
	referenceLabel: string;
	download: string;
	deadlinesTitle: string;
	cutoffChange: string;
	countdownDays: (n: number) => string;
	errors: {
		whatRequired: string;
		removalExclusive: string;
		surnameRequired: string;
		dobInvalid: string;
		emailRequired: string;
	};
	netherlandsTitle: string;
	exOfficio: string;
	abroadLink: string;
	/** The form's Dutch, and the cover sheet's words in this language. */
	pdf: { formTitle: string; coverTitle: string; removal: string };
};

export const TEXTS: Record<Locale, Texts> = {
	nl: {
		prefix: '',
		siteName: 'Stemmen vanuit het buitenland',
		startTitle: 'Uw registratie wijzigen',
		start: 'Begin',
		continue: 'Doorgaan',
		errorSummaryTitle: 'Er is een probleem',
		errorTitlePrefix: 'Fout:',
		transcriptTitle: 'Uw antwoorden tot nu toe',
		questions: {
			residence: 'In welk land woont u nu?',
			identity: 'Wie bent u?',
			what: 'Wat wilt u wijzigen?',
			residential_address: 'Wat is uw nieuwe woonadres?',
			correspondence: 'Wat wilt u met uw correspondentieadres doen?',
			correspondence_address: 'Op welk adres wilt u uw stembescheiden ontvangen?',
			email: 'Wat wilt u met uw e-mailadres doen?',
			phone: 'Wat wilt u met uw telefoonnummer doen?',
			name: 'Wat is uw nieuwe naam?',
			caribbean_ten_years: 'Heeft u in totaal ten minste 10 jaar in Nederland gewoond?',
			caribbean_public_service:
				'Werkt u hier in Nederlandse openbare dienst, of hoort u bij het huishouden van iemand die dat doet?',
			election_types: 'Voor welke verkiezingen wilt u voortaan geregistreerd zijn?',
			ep_declaration: 'Verklaart u dat u voor het Europees Parlement alleen in Nederland stemt?',
			submission: 'Hoe stuurt u het ondertekende formulier naar Den Haag?'
		},
		items: {
			residential_address: 'Mijn woonadres (ik ben verhuisd)',
			correspondence_address: 'Mijn correspondentieadres (nieuw, of laten vervallen)',
			email: 'Mijn e-mailadres (nieuw, of laten vervallen)',
			phone: 'Mijn telefoonnummer (nieuw, of laten vervallen)',
			name: 'Mijn naam',
			election_types: 'De verkiezingen waarvoor ik geregistreerd ben',
			removal: 'Verwijder mij uit het register'
		},
		firstNames: 'Voornamen',
		surname: 'Achternaam',
		dateOfBirth: 'Geboortedatum',
		bsn: 'Burgerservicenummer (BSN) (optioneel)',
		day: 'Dag',
		month: 'Maand',
		year: 'Jaar',
		addressLine1: 'Straat en huisnummer',
		addressLine2: 'Postcode en woonplaats',
		addressLine3: 'Regio, provincie of staat (optioneel)',
		country: 'Land',
		yes: 'Ja',
		no: 'Nee',
		correspondenceNew: 'Een nieuw correspondentieadres opgeven',
		correspondenceRemove:
			'Mijn correspondentieadres laten vervallen; stembescheiden naar mijn woonadres',
		emailNew: 'Een nieuw e-mailadres opgeven',
		emailRemove: 'Mijn e-mailadres laten vervallen',
		emailNewLabel: 'Nieuw e-mailadres',
		phoneNew: 'Een nieuw telefoonnummer opgeven',
		phoneRemove: 'Mijn telefoonnummer laten vervallen',
		phoneNewLabel: 'Nieuw telefoonnummer',
		types: { TK: 'Tweede Kamer', EP: 'Europees Parlement', KNI: 'Kiescollege niet-ingezetenen' },
		epDeclarationYes: 'Ja, ik stem voor het Europees Parlement alleen in Nederland',
		channels: {
			den_haag_upload: 'Een scan of foto e-mailen naar de gemeente Den Haag',
			den_haag_post: 'Per post naar de gemeente Den Haag'
		},
		checkTitle: 'Controleer uw antwoorden',
		checkAnswersHeading: 'Uw antwoorden',
		createForm: 'Maak mijn formulier',
		doneTitle: 'Uw formulier is klaar',
		referenceLabel: 'Uw referentienummer',
		download: 'Download het formulier (pdf)',
		deadlinesTitle: 'Uiterste data',
		cutoffChange: 'Wijziging van uw registratie',
		countdownDays: (n) => `Nog ${n} dagen.`,
		errors: {
			whatRequired: 'Kies wat u wilt wijzigen',
			removalExclusive:
				'Kies óf verwijdering uit het register, óf een of meer wijzigingen, niet allebei',
			surnameRequired: 'Vul uw achternaam in',
			dobInvalid: 'Vul een bestaande datum in, bijvoorbeeld 27 3 1990',
			emailRequired: 'Vul uw nieuwe e-mailadres in'
		},
		netherlandsTitle: 'U hoeft geen wijziging te sturen',
		exOfficio:
			'Zodra uw verhuizing in de basisregistratie personen (BRP) staat, verwijdert Den Haag u zelf uit de registratie van kiezers buiten Nederland.',
		abroadLink: 'Bent u op de verkiezingsdag in het buitenland? Vraag dan om per brief te stemmen.',
		pdf: {
			formTitle: 'Wijziging registratie kiezer buiten Nederland (artikel D 3, derde lid, Kieswet)',
			coverTitle: 'Wijziging van uw registratie',
			removal: 'Ik verzoek mij te verwijderen uit de registratie van kiezers buiten Nederland.'
		}
	},
	en: {
		prefix: '/en',
		siteName: 'Voting from abroad',
		startTitle: 'Change your registration',
		start: 'Start',
		continue: 'Continue',
		errorSummaryTitle: 'There is a problem',
		errorTitlePrefix: 'Error:',
		transcriptTitle: 'Your answers so far',
		questions: {
			residence: 'Which country do you live in now?',
			identity: 'Who are you?',
			what: 'What do you want to change?',
			residential_address: 'What is your new home address?',
			correspondence: 'What do you want to do with your correspondence address?',
			correspondence_address: 'Which address should your voting papers be sent to?',
			email: 'What do you want to do with your e-mail address?',
			phone: 'What do you want to do with your phone number?',
			name: 'What is your new name?',
			caribbean_ten_years: 'Have you lived in the Netherlands for at least 10 years in total?',
			caribbean_public_service:
				'Do you work here in Dutch public service, or are you part of the household of someone who does?',
			election_types: 'Which elections do you want to be registered for from now on?',
			ep_declaration:
				'Do you declare that you will vote for the European Parliament only in the Netherlands?',
			submission: 'How will you send the signed form to The Hague?'
		},
		items: {
			residential_address: 'My home address (I have moved)',
			correspondence_address: 'My correspondence address (a new one, or remove it)',
			email: 'My e-mail address (a new one, or remove it)',
			phone: 'My phone number (a new one, or remove it)',
			name: 'My name',
			election_types: 'The elections I am registered for',
			removal: 'Remove me from the register'
		},
		firstNames: 'First names',
		surname: 'Surname',
		dateOfBirth: 'Date of birth',
		bsn: 'Citizen service number (BSN) (optional)',
		day: 'Day',
		month: 'Month',
		year: 'Year',
		addressLine1: 'Street and house number',
		addressLine2: 'Postal code and town or city',
		addressLine3: 'Region, province or state (optional)',
		country: 'Country',
		yes: 'Yes',
		no: 'No',
		correspondenceNew: 'Give a new correspondence address',
		correspondenceRemove: 'Remove my correspondence address; voting papers to my home address',
		emailNew: 'Give a new e-mail address',
		emailRemove: 'Remove my e-mail address',
		emailNewLabel: 'New e-mail address',
		phoneNew: 'Give a new phone number',
		phoneRemove: 'Remove my phone number',
		phoneNewLabel: 'New phone number',
		types: {
			TK: 'House of Representatives (Tweede Kamer)',
			EP: 'European Parliament',
			KNI: 'Electoral college for non-residents (kiescollege niet-ingezetenen)'
		},
		epDeclarationYes: 'Yes, I will vote for the European Parliament only in the Netherlands',
		channels: {
			den_haag_upload: 'Email a scan or photo to the municipality of The Hague',
			den_haag_post: 'By post to the municipality of The Hague'
		},
		checkTitle: 'Check your answers',
		checkAnswersHeading: 'Your answers',
		createForm: 'Create my form',
		doneTitle: 'Your form is ready',
		referenceLabel: 'Your reference number',
		download: 'Download the form (PDF)',
		deadlinesTitle: 'Deadlines',
		cutoffChange: 'Change to your registration',
		countdownDays: (n) => `Days left: ${n}.`,
		errors: {
			whatRequired: 'Choose what you want to change',
			removalExclusive: 'Choose either removal from the register or one or more changes, not both',
			surnameRequired: 'Enter your surname',
			dobInvalid: 'Enter a real date, for example 27 3 1990',
			emailRequired: 'Enter your new e-mail address'
		},
		netherlandsTitle: 'You do not need to send a change',
		exOfficio:
			'As soon as your move is recorded in the population register (BRP), The Hague itself removes you from the registration of voters abroad.',
		abroadLink: 'Abroad on election day? Ask to vote by post.',
		pdf: {
			formTitle: 'Wijziging registratie kiezer buiten Nederland (artikel D 3, derde lid, Kieswet)',
			coverTitle: 'Changing your registration',
			removal: 'Ik verzoek mij te verwijderen uit de registratie van kiezers buiten Nederland.'
		}
	}
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

export class ChangeJourney {
	readonly t: Texts;
	token = '';

	constructor(
		readonly page: Page,
		readonly locale: Locale,
		readonly options: { javaScriptEnabled?: boolean; origin?: string; axe?: boolean } = {}
	) {
		this.t = TEXTS[locale];
	}

	url(path: string) {
		return `${this.options.origin ?? ''}${this.t.prefix}${path}`;
	}

	pathUrl(part: string) {
		return new RegExp(`${escape(this.t.prefix)}/change/[A-Za-z0-9_-]+/${part}$`);
	}

	async checkPage() {
		if (this.options.axe !== false) await expectNoAxeViolations(this.page, this.options);
	}

	async expectLang() {
		expect(await this.page.locator('html').getAttribute('lang')).toBe(this.locale);
	}

	h1(name: string) {
		return this.page.getByRole('heading', { level: 1, name, exact: true });
	}

	/** Opens the start page (with an optional query) and presses Start. */
	async start(query = '') {
		await this.page.goto(this.url(`/change${query}`));
		await this.h1(this.t.startTitle).waitFor();
		await this.expectLang();
		await this.checkPage();
		await this.page.getByRole('button', { name: this.t.start, exact: true }).click();
	}

	async expectStep(step: ChangeStep) {
		await this.page.waitForURL(this.pathUrl(step));
		const match = /\/change\/([A-Za-z0-9_-]+)\//.exec(new URL(this.page.url()).pathname);
		this.token = match?.[1] ?? this.token;
		await this.h1(this.t.questions[step]).waitFor();
		await this.expectLang();
		expect(await this.page.title()).toBe(`${this.t.questions[step]} – ${this.t.siteName}`);
		await this.checkPage();
	}

	async expectCheck() {
		await this.page.waitForURL(this.pathUrl('check'));
		await this.h1(this.t.checkTitle).waitFor();
		await this.expectLang();
		await this.checkPage();
	}

	field(label: string) {
		return this.page.getByLabel(label, { exact: true });
	}

	radio(name: string) {
		return this.page.getByRole('radio', { name, exact: true });
	}

	checkbox(name: string) {
		return this.page.getByRole('checkbox', { name, exact: true });
	}

	async continue() {
		await this.page.getByRole('button', { name: this.t.continue, exact: true }).click();
	}

	errorSummary() {
		return this.page.getByRole('alert').filter({
			has: this.page.getByRole('heading', { name: this.t.errorSummaryTitle, exact: true })
		});
	}

	/** Continue on a page that must answer with errors: the summary, its focus, the title, axe. */
	async continueWithErrors(): Promise<Locator> {
		const url = this.page.url().split('#')[0];
		const posted = this.page.waitForResponse(
			(r) => r.request().method() === 'POST' && r.url().split(/[?#]/)[0] === url
		);
		await this.continue();
		// Without JavaScript the page itself comes back with 400; with it, SvelteKit's enhanced form
		// gets the failure as JSON in a 200.
		expect((await posted).status()).toBe(this.options.javaScriptEnabled === false ? 400 : 200);
		const summary = this.errorSummary();
		await summary.waitFor();
		if (this.options.javaScriptEnabled !== false) {
			await expect.poll(() => summary.evaluate((el) => el === document.activeElement)).toBe(true);
		}
		await expect
			.poll(() => this.page.title())
			.toMatch(new RegExp(`^${escape(this.t.errorTitlePrefix)} `));
		await this.checkPage();
		return summary;
	}

	async fillAddress(a: Address) {
		await this.field(this.t.addressLine1).fill(a.line1);
		await this.field(this.t.addressLine2).fill(a.line2);
		await this.field(this.t.addressLine3).fill(a.line3 ?? '');
	}

	async fill(step: ChangeStep, voter: ChangeVoter) {
		const t = this.t;
		switch (step) {
			case 'residence':
				await this.field(t.questions.residence).selectOption({
					label: countryName(voter.country, this.locale)
				});
				return;
			case 'identity': {
				await this.field(t.firstNames).fill(voter.firstNames);
				await this.field(t.surname).fill(voter.surname);
				const d = parts(voter.dateOfBirth);
				await this.field(t.day).fill(d.day);
				await this.field(t.month).fill(d.month);
				await this.field(t.year).fill(d.year);
				await this.field(t.bsn).fill(voter.bsn ?? '');
				return;
			}
			case 'what':
				for (const item of voter.items) await this.checkbox(t.items[item]).check();
				return;
			case 'residential_address':
				return this.fillAddress(voter.address!);
			case 'correspondence':
				return this.radio(
					voter.correspondence === 'remove' ? t.correspondenceRemove : t.correspondenceNew
				).check();
			case 'correspondence_address': {
				const c = voter.correspondence as Address & { country: string };
				await this.fillAddress(c);
				await this.field(t.country).selectOption({ label: countryName(c.country, this.locale) });
				return;
			}
			case 'email':
				if (voter.email === null) return this.radio(t.emailRemove).check();
				await this.radio(t.emailNew).check();
				await this.field(t.emailNewLabel).fill(voter.email ?? '');
				return;
			case 'phone':
				if (voter.phone === null) return this.radio(t.phoneRemove).check();
				await this.radio(t.phoneNew).check();
				await this.field(t.phoneNewLabel).fill(voter.phone ?? '');
				return;
			case 'name':
				await this.field(t.firstNames).fill(voter.newName!.firstNames);
				await this.field(t.surname).fill(voter.newName!.surname);
				return;
			case 'election_types':
				for (const type of voter.types ?? []) await this.checkbox(t.types[type]).check();
				return;
			case 'ep_declaration':
				return this.radio(voter.epDeclaration ? t.epDeclarationYes : t.no).check();
			case 'submission':
				return this.radio(t.channels[voter.channel]).check();
			default:
				throw new Error(`no answer for ${step}`);
		}
	}

	/** Answers the voter's path from `from` (or the start) up to `until` or the check page. */
	async answer(voter: ChangeVoter, options: { from?: ChangeStep; until?: ChangeStep } = {}) {
		const path = pathOf(voter);
		for (let i = options.from ? path.indexOf(options.from) : 0; i < path.length; i++) {
			const step = path[i]!;
			if (step === options.until) return;
			await this.fill(step, voter);
			await this.continue();
			const next = path[i + 1];
			if (next) await this.expectStep(next);
			else await this.expectCheck();
		}
	}

	async createForm(): Promise<string> {
		await this.page.getByRole('button', { name: this.t.createForm, exact: true }).click();
		await this.page.waitForURL(this.pathUrl('done'));
		await this.h1(this.t.doneTitle).waitFor();
		await this.expectLang();
		await this.checkPage();
		const main = this.page.getByRole('main');
		await main.getByText(this.t.referenceLabel, { exact: true }).waitFor();
		return (await main.getByText(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}$/).textContent())!.trim();
	}

	/** Downloads the form as the voter does: its bytes and its text. */
	async downloadPdf(): Promise<{ bytes: Uint8Array; text: string }> {
		const link = this.page.getByRole('link', { name: this.t.download, exact: true });
		expect(await link.getAttribute('href')).toMatch(
			new RegExp(`^${escape(this.t.prefix)}/change/${this.token}/form\\.pdf$`)
		);
		const [download] = await Promise.all([this.page.waitForEvent('download'), link.click()]);
		expect(download.suggestedFilename()).toMatch(
			/^wijziging-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}\.pdf$/
		);
		const bytes = new Uint8Array(await readFile(await download.path()));
		return { bytes, text: await pdfText(bytes) };
	}

	/** The deadlines box of the page as read: one entry's text per cut-off. */
	async deadlines(): Promise<string[]> {
		const region = this.page.getByRole('region', { name: this.t.deadlinesTitle, exact: true });
		await region.waitFor();
		return (await region.getByRole('listitem').allInnerTexts()).map((s) => s.replace(/\s+/g, ' '));
	}
}
