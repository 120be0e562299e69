import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderRegistrationPdf, type RegistrationPdfInput } from './index';
import { drawnQrMatrices, expectedQr, readBack, scannedQrCodes } from './testing';

const germany: RegistrationPdfInput = {
	reference: 'KB7M-Q2XD-4TNA',
	locale: 'en',
	generatedOn: '2026-11-20',
	voter: {
		surname: 'IJsselmeer-Çelik',
		firstNames: 'Zoë Ødegård',
		dateOfBirth: '1985-06-14',
		sex: 'V',
		residentialAddress: { lines: ['Müllerstraße 12', '10115 Berlin'], country: 'Germany' },
		correspondenceAddress: {
			lines: ['c/o Łukasz Wałęsa', 'ul. Długa 5', '00-238 Warszawa'],
			country: 'Poland'
		},
		email: 'zoe@example.org',
		phone: '+49 30 1234567',
		bsn: '123456782'
	},
	electionTypes: ['TK', 'EP'],
	epDeclaration: { memberState: 'Duitsland', memberStateLocal: 'Germany' },
	publicServiceDeclaration: false,
	startsOn: null,
	destination: {
		channel: 'den_haag',
		name: 'Gemeente Den Haag',
		lines: ['Kiezers buiten Nederland', 'Postbus 84008', '2508 AA Den Haag', 'Netherlands'],
		email: 'kiezers@example.org',
		uploadUrl: 'https://example.org/upload'
	},
	deadlines: {
		electionName: 'House of Representatives election of 17 March 2027',
		cutoffDay: '2027-02-03',
		uploadBy: '2027-02-02',
		postBy: '2027-01-20',
		provisional: false
	}
};

// 17 years old; Vietnamese name; registration starts 44 days before the 18th birthday (KW D 3(1)).
const canada: RegistrationPdfInput = {
	reference: 'N4RT-8PZC-QK2W',
	locale: 'nl',
	generatedOn: '2026-11-20',
	voter: {
		surname: 'Nguyễn',
		firstNames: 'Thị Minh Khai',
		dateOfBirth: '2009-06-14',
		sex: 'X',
		residentialAddress: { lines: ['88 Ñúñez Crescent', 'Toronto ON M5V 2T6'], country: 'Canada' },
		correspondenceAddress: null,
		email: 'khai@example.org',
		phone: null,
		bsn: null
	},
	electionTypes: ['TK'],
	epDeclaration: null,
	publicServiceDeclaration: false,
	startsOn: '2027-05-01',
	destination: {
		channel: 'den_haag',
		name: 'Gemeente Den Haag',
		lines: ['Kiezers buiten Nederland', 'Postbus 84008', '2508 AA Den Haag', 'Nederland'],
		uploadUrl: 'https://example.org/upload'
	},
	deadlines: {
		electionName: 'Tweede Kamerverkiezing van 14 juni 2028',
		cutoffDay: '2028-05-03',
		uploadBy: '2028-05-02',
		postBy: '2028-04-12',
		provisional: true
	}
};

async function render(input: RegistrationPdfInput) {
	const bytes = await renderRegistrationPdf(input);
	return { bytes, ...(await readBack(bytes, input.reference)) };
}

describe('renderRegistrationPdf: adult in Germany, English, TK + EP', async () => {
	const { bytes, pages, items } = await render(germany);
	const [cover = '', ...formPages] = pages;
	const form = formPages.join(' ');

	it('has a cover sheet in English with the reference, deadlines and destination', () => {
		expect(cover).toContain('Your application to vote from abroad');
		expect(cover).toContain('KB7M-Q2XD-4TNA');
		expect(cover).toContain('House of Representatives election of 17 March 2027');
		expect(cover).toContain('Upload or e-mail the scan by 2 February 2027.');
		expect(cover).toContain('Post the form by 20 January 2027.');
		expect(cover).toContain('must be received by 3 February 2027');
		expect(cover).not.toContain('not final yet');
		expect(cover).toContain('Gemeente Den Haag');
		expect(cover).toContain('Postbus 84008');
		expect(cover).toContain('2508 AA Den Haag');
		expect(cover).toContain('kiezers@example.org');
		expect(cover).toContain('https://example.org/upload');
		expect(cover).toContain('Sign and date the form by hand.');
		expect(cover).toContain('You may black out your citizen service number (BSN) on the copy.');
		expect(cover).toContain('does not submit your application');
		expect(cover).toContain('Read the declaration for the European Parliament election');
		expect(cover).not.toContain('takes effect on');
	});

	it('fills in the Dutch form with English labels beside it', () => {
		expect(form).toContain('Aanvraag registratie kiezer buiten Nederland (artikel D 3 Kieswet)');
		expect(form).toContain('IJsselmeer-Çelik');
		expect(form).toContain('Zoë Ødegård');
		expect(form).toContain('14 juni 1985');
		expect(form).toContain('Müllerstraße 12');
		expect(form).toContain('10115 Berlin');
		expect(form).toContain('c/o Łukasz Wałęsa');
		expect(form).toContain('123456782');
		expect(form).toContain('zoe@example.org');
		expect(form).toContain('Geslachtsnaam');
		expect(form).toContain('Surname');
		expect(form).toContain('Date of birth');
		expect(form).toContain('Tweede Kamer der Staten-Generaal');
		expect(form).toContain('Europees Parlement');
		expect(form).not.toContain('Kiescollege niet-ingezetenen');
		expect(form).toContain('Handtekening');
		expect(form).toContain('Datum');
		expect(form).toContain('KB7M-Q2XD-4TNA');
	});

	it('includes the EP declaration (KW Y 6) in Dutch and English', () => {
		expect(form).toContain('Verklaring verkiezing Europees Parlement (artikel Y 6 Kieswet)');
		expect(form).toContain('alleen in Nederland stem');
		expect(form).toContain('niet tevens deel aan die verkiezing in Duitsland');
		expect(form).toContain('I will not also take part in that election in Germany');
		expect(form).not.toContain('openbare dienst');
	});

	it('is A4 throughout, cover then form', async () => {
		const doc = await PDFDocument.load(bytes);
		expect(doc.getPageCount()).toBeGreaterThanOrEqual(2);
		for (const page of doc.getPages()) {
			const { width, height } = page.getSize();
			expect(width).toBeCloseTo(595.28, 1);
			expect(height).toBeCloseTo(841.89, 1);
		}
	});

	it('draws QR codes whose modules are exactly those of the reference', async () => {
		const doc = await PDFDocument.load(bytes);
		const expected = expectedQr(germany.reference);
		const perPage = doc.getPages().map(drawnQrMatrices);
		expect(perPage[0]).toEqual([expected]); // the cover
		for (const formPage of perPage.slice(1)) expect(formPage).toEqual([expected]);
	});

	// A real decoder (Debian: poppler-utils, zbar-tools; .ci/run installs them).
	it('has QR codes a scanner reads', () => {
		const codes = scannedQrCodes(bytes);
		expect(codes.length).toBeGreaterThanOrEqual(2);
		expect(codes).toEqual(codes.map(() => germany.reference));
	});

	it('keeps all text inside the margins', () => {
		for (const pageItems of items) {
			for (const item of pageItems.filter((i) => i.str.trim())) {
				expect(item.x).toBeGreaterThanOrEqual(49);
				expect(item.x + item.width).toBeLessThanOrEqual(595.28 - 49);
				expect(item.y).toBeGreaterThanOrEqual(30);
				expect(item.y).toBeLessThanOrEqual(841.89 - 49);
			}
		}
	});

	it('sets title, language and creator, and no personal data in the metadata', async () => {
		const doc = await PDFDocument.load(bytes, { updateMetadata: false });
		expect(doc.getTitle()).toBe('Application for registration as a voter outside the Netherlands');
		expect(doc.getCreator()).toBe('Kiezer buitenland portal');
		expect(doc.getAuthor()).toBeUndefined();
		expect(doc.getSubject()).toBeUndefined();
		expect(doc.getKeywords()).toBeUndefined();
		const lang = doc.catalog.get(PDFName.of('Lang'));
		expect(String(lang)).toContain('en');
		const info = String(doc.context.lookup(doc.context.trailerInfo.Info));
		for (const personal of ['KB7M', 'Çelik', 'Celik', 'Zo', 'zoe@', 'Berlin', '123456782']) {
			expect(info).not.toContain(personal);
		}
	});
});

describe('renderRegistrationPdf: 17-year-old in Canada, Dutch', async () => {
	const { bytes, pages } = await render(canada);
	const [cover = '', ...formPages] = pages;
	const form = formPages.join(' ');

	it('has a Dutch cover sheet with the start date and provisional deadlines', () => {
		expect(cover).toContain('Uw aanvraag om vanuit het buitenland te stemmen');
		expect(cover).toContain('N4RT-8PZC-QK2W');
		expect(cover).toContain('uw registratie gaat in op 1 mei 2027');
		expect(cover).toContain('Tweede Kamerverkiezing van 14 juni 2028');
		expect(cover).toContain('Upload of e-mail de scan uiterlijk op 2 mei 2028.');
		expect(cover).toContain('Post het formulier uiterlijk op 12 april 2028.');
		expect(cover).toContain('staat nog niet vast');
		expect(cover).toContain('Gemeente Den Haag');
		expect(cover).toContain('https://example.org/upload');
		expect(cover).not.toContain('Europees Parlement');
	});

	it('fills in the form without translations and without the EP declaration', () => {
		expect(form).toContain('Nguyễn');
		expect(form).toContain('Thị Minh Khai');
		expect(form).toContain('14 juni 2009');
		expect(form).toContain('88 Ñúñez Crescent');
		expect(form).toContain('Canada');
		expect(form).toContain('Registratie gaat in op');
		expect(form).toContain('1 mei 2027');
		expect(form).toContain('X (onbepaald)');
		expect(form).toContain('Niet opgegeven');
		expect(form).toContain('Geen (post gaat naar het woonadres)');
		expect(form).not.toContain('Surname');
		expect(form).not.toContain('Europees Parlement');
		expect(form).not.toContain('Y 6');
	});

	it('is A4 with the reference in its QR codes', async () => {
		const doc = await PDFDocument.load(bytes);
		const expected = expectedQr(canada.reference);
		// One QR on the cover and one in the corner of each form page.
		for (const page of doc.getPages()) {
			expect(page.getSize().width).toBeCloseTo(595.28, 1);
			expect(page.getSize().height).toBeCloseTo(841.89, 1);
			expect(drawnQrMatrices(page)).toEqual([expected]);
		}
		expect(String(doc.catalog.get(PDFName.of('Lang')))).toContain('nl');
	});
});

describe('renderRegistrationPdf: edge cases', () => {
	it.each(['en', 'nl'])(
		'fits cover and form on one page each in the fullest realistic case (%s)',
		async (locale) => {
			const { pages } = await render({
				...germany,
				locale,
				reference: `FULL-${locale.toUpperCase()}00-0000`,
				startsOn: '2027-05-01',
				electionTypes: ['TK', 'EP', 'KNI'],
				deadlines: { ...germany.deadlines!, provisional: true }
			});
			expect(pages).toHaveLength(2);
			expect(pages[1]).toContain('Aanvraag registratie kiezer buiten Nederland (artikel D 3');
			expect(pages[1]).toContain('Handtekening');
		}
	);

	it('fits the form with the public-service declaration on one page', async () => {
		const { pages } = await render({
			...germany,
			reference: 'ACS0-0000-0000',
			epDeclaration: null,
			electionTypes: ['TK', 'KNI'],
			publicServiceDeclaration: true
		});
		expect(pages).toHaveLength(2);
	});

	it('says no election date is known, and offers no upload where the destination has none', async () => {
		const { pages } = await render({
			...germany,
			reference: 'PQ3R-7XWA-M2KD',
			deadlines: null,
			destination: {
				channel: 'consulate',
				name: 'Consulaat-Generaal der Nederlanden',
				lines: ['1 Dundas Street West', 'Toronto ON M5G 1Z3', 'Canada'],
				email: null,
				uploadUrl: null
			}
		});
		expect(pages[0]).toContain('No election date is known yet.');
		expect(pages[0]).toContain('Consulaat-Generaal der Nederlanden');
		expect(pages[0]).not.toContain('Upload or e-mail the scan');
		expect(pages[0]).not.toContain('Or e-mail');
	});

	it('adds the public-service declaration box when it applies', async () => {
		const { pages } = await render({
			...canada,
			reference: 'W8ZC-4KTR-9NMA',
			epDeclaration: null,
			publicServiceDeclaration: true,
			electionTypes: ['TK', 'KNI']
		});
		const form = pages.slice(1).join(' ');
		expect(form).toContain('Verklaring Nederlandse openbare dienst');
		expect(form).toContain('Werkgever (ministerie of dienst)');
		expect(form).toContain('Kiescollege niet-ingezetenen');
		expect(pages[0]).toContain('verklaring over Nederlandse openbare dienst');
	});

	it('wraps 200-character fields, breaks unbreakable words and adds pages, all inside the margins', async () => {
		const long = 'Wolfeschlegelsteinhausenbergerdorff '.repeat(6).slice(0, 200);
		const unbroken = 'Ł'.repeat(200);
		const lines = Array.from({ length: 6 }, (_, i) => `${i + 1} ${long}`);
		const input: RegistrationPdfInput = {
			...germany,
			reference: 'LONG-AAAA-BBBB',
			voter: {
				...germany.voter,
				surname: unbroken,
				firstNames: long,
				residentialAddress: { lines, country: long },
				correspondenceAddress: { lines, country: long }
			},
			epDeclaration: { memberState: long, memberStateLocal: long },
			publicServiceDeclaration: true,
			destination: { ...germany.destination, name: long, lines }
		};
		const { pages, items } = await render(input);
		expect(pages.length).toBeGreaterThan(2);
		const all = pages.join('').replace(/\s/g, '');
		expect(all).toContain(unbroken);
		for (const pageItems of items) {
			for (const item of pageItems.filter((i) => i.str.trim())) {
				expect(item.x).toBeGreaterThanOrEqual(49);
				expect(item.x + item.width).toBeLessThanOrEqual(595.28 - 49);
				expect(item.y).toBeGreaterThanOrEqual(30);
			}
		}
	});

	it('falls back to Dutch for a language without messages, and accepts en-GB', async () => {
		const it = await render({ ...canada, reference: 'IT00-0000-0000', locale: 'it' });
		expect(it.pages[0]).toContain('Uw aanvraag om vanuit het buitenland te stemmen');
		const enGb = await render({ ...canada, reference: 'ENGB-0000-0000', locale: 'en-GB' });
		expect(enGb.pages[0]).toContain('Your application to vote from abroad');
	});

	it('refuses a date that is not an IsoDate', async () => {
		await expect(renderRegistrationPdf({ ...canada, startsOn: '2027-02-30' })).rejects.toThrow(
			RangeError
		);
	});
});
