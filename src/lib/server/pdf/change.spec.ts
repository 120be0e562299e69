import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderChangePdf, type ChangePdfInput } from './change';
import { drawnQrMatrices, expectedQr, readBack, scannedQrCodes } from './testing';

const denHaag = {
	name: 'Gemeente Den Haag',
	lines: [
		'Verkiezingen, kiezers buiten Nederland',
		'Postbus 84008',
		'2508 AA Den Haag',
		'Nederland'
	],
	email: 'verkiezingen@denhaag.nl',
	preferred: 'den_haag_upload' as const
};

// Moved within Germany, new correspondence address, new e-mail, phone removed, a new name, TK
// and EP with the EP declaration; English.
const moved: ChangePdfInput = {
	reference: 'CH7M-Q2XD-4TNA',
	locale: 'en',
	generatedOn: '2030-02-10',
	voter: {
		surname: 'IJsselmeer-Çelik',
		firstNames: 'Zoë Ødegård',
		dateOfBirth: '1985-06-14',
		bsn: '123456782',
		residence: 'Duitsland'
	},
	removal: false,
	changes: {
		residentialAddress: { lines: ['Müllerstraße 12', '10115 Berlin'], country: 'Duitsland' },
		correspondenceAddress: { lines: ['c/o Łukasz Wałęsa', 'ul. Długa 5'], country: 'Polen' },
		email: 'zoe@example.org',
		phone: null,
		name: { surname: 'Jansen', firstNames: 'Zoë Anna' },
		electionTypes: ['TK', 'EP']
	},
	epDeclaration: { memberState: 'Duitsland', memberStateLocal: 'Germany' },
	publicServiceDeclaration: false,
	destination: denHaag,
	deadlines: [
		{
			electionName: 'House of Representatives, 15 May 2030',
			cutoffDay: '2030-03-13',
			uploadBy: '2030-03-13',
			postBy: '2030-03-08',
			postTooLate: false,
			provisional: true
		}
	]
};

// Removal on request, Dutch, no election with a day yet.
const removal: ChangePdfInput = {
	reference: 'RM4R-8PZC-QK2W',
	locale: 'nl',
	generatedOn: '2026-11-22',
	voter: {
		surname: 'Nguyễn',
		firstNames: 'Thị Minh Khai',
		dateOfBirth: '1970-01-31',
		bsn: null,
		residence: 'Canada'
	},
	removal: true,
	changes: {},
	epDeclaration: null,
	publicServiceDeclaration: false,
	destination: { ...denHaag, preferred: 'den_haag_post' },
	deadlines: []
};

async function render(input: ChangePdfInput) {
	const bytes = await renderChangePdf(input);
	return { bytes, ...(await readBack(bytes, input.reference)) };
}

describe('renderChangePdf: moved in Germany, English', async () => {
	const { bytes, pages, items } = await render(moved);
	const [cover = '', ...formPages] = pages;
	const form = formPages.join(' ');

	it('has an English cover sheet: where to send it and by when for each election', () => {
		expect(cover).toContain('Changing your registration');
		expect(cover).toContain('CH7M-Q2XD-4TNA');
		expect(cover).toContain('if The Hague receives it by the 63rd day before it');
		expect(cover).toContain('House of Representatives, 15 May 2030: received by 13 March 2030');
		expect(cover).toContain('Upload or e-mail the scan by 13 March 2030.');
		expect(cover).toContain('Post the form by 8 March 2030.');
		expect(cover).toContain('it counts for the next election');
		expect(cover).toContain('not final yet');
		expect(cover).toContain('Gemeente Den Haag');
		expect(cover).toContain('Postbus 84008');
		expect(cover).toContain('verkiezingen@denhaag.nl');
		expect(cover).toContain('The copy must show your new name.');
		expect(cover).toContain('Read the declaration for the European Parliament election');
		expect(cover).toContain('does not send your change');
	});

	it('fills in the Dutch change form with English labels beside it', () => {
		expect(form).toContain(
			'Wijziging registratie kiezer buiten Nederland (artikel D 3, derde lid, Kieswet)'
		);
		expect(form).toContain('Change of registration as a voter outside the Netherlands');
		expect(form).toContain('Indienen bij: Gemeente Den Haag');
		expect(form).toContain('IJsselmeer-Çelik');
		expect(form).toContain('Zoë Ødegård');
		expect(form).toContain('14 juni 1985');
		expect(form).toContain('123456782');
		expect(form).toContain('Land van werkelijke woonplaats');
		expect(form).toContain('Nieuw woonadres');
		expect(form).toContain('Müllerstraße 12');
		expect(form).toContain('10115 Berlin');
		expect(form).toContain('Nieuw correspondentieadres');
		expect(form).toContain('c/o Łukasz Wałęsa');
		expect(form).toContain('Polen');
		expect(form).toContain('Nieuw e-mailadres');
		expect(form).toContain('zoe@example.org');
		expect(form).toContain('Telefoonnummer vervalt');
		expect(form).toContain('Telephone number removed');
		expect(form).toContain('Nieuwe naam');
		expect(form).toContain('Jansen');
		expect(form).toContain('Zoë Anna');
		expect(form).toContain('Ik wil voortaan geregistreerd zijn voor de verkiezing van');
		expect(form).toContain('Tweede Kamer der Staten-Generaal');
		expect(form).toContain('Europees Parlement');
		expect(form).not.toContain('Kiescollege niet-ingezetenen');
		expect(form).toContain('Verklaring verkiezing Europees Parlement (artikel Y 6 Kieswet)');
		expect(form).toContain('niet tevens deel aan die verkiezing in Duitsland');
		expect(form).not.toContain('Verwijdering');
		expect(form).toContain('Handtekening');
		expect(form).toContain('Kopie van een geldig identiteitsbewijs');
	});

	it('draws QR codes on every page whose modules are exactly those of the reference', async () => {
		const doc = await PDFDocument.load(bytes);
		const expected = expectedQr(moved.reference);
		expect(doc.getPageCount()).toBeGreaterThanOrEqual(2);
		for (const page of doc.getPages()) {
			expect(page.getSize().width).toBeCloseTo(595.28, 1);
			expect(page.getSize().height).toBeCloseTo(841.89, 1);
			expect(drawnQrMatrices(page)).toEqual([expected]);
		}
	});

	// A real decoder (Debian: poppler-utils, zbar-tools).
	it('has QR codes a scanner reads as the reference', () => {
		const codes = scannedQrCodes(bytes);
		expect(codes.length).toBeGreaterThanOrEqual(2);
		expect(codes).toEqual(codes.map(() => moved.reference));
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

	it('keeps personal data out of the metadata', async () => {
		const doc = await PDFDocument.load(bytes, { updateMetadata: false });
		expect(doc.getTitle()).toBe('Change of registration as a voter outside the Netherlands');
		expect(doc.getAuthor()).toBeUndefined();
		expect(String(doc.catalog.get(PDFName.of('Lang')))).toContain('en');
		const info = String(doc.context.lookup(doc.context.trailerInfo.Info));
		for (const personal of ['CH7M', 'Çelik', 'Jansen', 'zoe@', 'Berlin', '123456782']) {
			expect(info).not.toContain(personal);
		}
	});
});

describe('renderChangePdf: removal on request, Dutch', async () => {
	const { bytes, pages } = await render(removal);
	const [cover = '', ...formPages] = pages;
	const form = formPages.join(' ');

	it('has a Dutch cover sheet that says no election date is known yet', () => {
		expect(cover).toContain('Wijziging van uw registratie');
		expect(cover).toContain('uit de registratie van kiezers buiten Nederland te laten verwijderen');
		expect(cover).toContain('Er is nog geen verkiezingsdatum bekend.');
		expect(cover).not.toContain('The form is in Dutch');
		expect(cover).not.toContain('nieuwe naam');
	});

	it('asks for removal and nothing else, without translations', () => {
		expect(form).toContain('Verwijdering uit de registratie');
		expect(form).toContain(
			'Ik verzoek mij te verwijderen uit de registratie van kiezers buiten Nederland.'
		);
		expect(form).toContain('Nguyễn');
		expect(form).toContain('31 januari 1970');
		expect(form).toContain('Niet opgegeven');
		expect(form).not.toContain('Gevraagde wijzigingen');
		expect(form).not.toContain('Removal');
		expect(form).toContain('RM4R-8PZC-QK2W');
	});

	it('fits cover and form on one page each', async () => {
		expect(pages).toHaveLength(2);
		const doc = await PDFDocument.load(bytes);
		for (const page of doc.getPages()) {
			expect(drawnQrMatrices(page)).toEqual([expectedQr(removal.reference)]);
		}
	});
});

describe('renderChangePdf: edge cases', () => {
	it('says to e-mail the scan where the post can no longer make it', async () => {
		const { pages } = await render({
			...moved,
			reference: 'LATE-0000-0000',
			deadlines: [{ ...moved.deadlines[0]!, postTooLate: true, provisional: false }]
		});
		expect(pages[0]).toContain('By post it will no longer arrive in time: e-mail a scan.');
		expect(pages[0]).not.toContain('Post the form by');
		expect(pages[0]).not.toContain('not final yet');
	});

	it('adds the public-service declaration box (KB D 4(c)) when it applies', async () => {
		const { pages } = await render({
			...removal,
			reference: 'ACS0-0000-0000',
			removal: false,
			changes: { electionTypes: ['TK', 'KNI'] },
			publicServiceDeclaration: true
		});
		const form = pages.slice(1).join(' ');
		expect(form).toContain('Verklaring Nederlandse openbare dienst');
		expect(form).toContain('Kiescollege niet-ingezetenen');
		expect(pages[0]).toContain('verklaring over Nederlandse openbare dienst');
	});

	it('wraps long values over pages, all inside the margins', async () => {
		const long = 'Wolfeschlegelsteinhausenbergerdorff '.repeat(6).slice(0, 200);
		const lines = Array.from({ length: 3 }, (_, i) => `${i + 1} ${long}`);
		const { pages, items } = await render({
			...moved,
			reference: 'LONG-AAAA-BBBB',
			voter: { ...moved.voter, surname: long, firstNames: long },
			changes: {
				...moved.changes,
				residentialAddress: { lines, country: long },
				correspondenceAddress: { lines, country: long },
				name: { surname: long, firstNames: long }
			},
			deadlines: [moved.deadlines[0]!, moved.deadlines[0]!, moved.deadlines[0]!]
		});
		expect(pages.length).toBeGreaterThan(2);
		for (const pageItems of items) {
			for (const item of pageItems.filter((i) => i.str.trim())) {
				expect(item.x).toBeGreaterThanOrEqual(49);
				expect(item.x + item.width).toBeLessThanOrEqual(595.28 - 49);
				expect(item.y).toBeGreaterThanOrEqual(30);
			}
		}
	});
});

describe('renderChangePdf: a cover that runs over a page', () => {
	it('carries the QR code and the reference on every page, the cover’s second one too', async () => {
		const input: ChangePdfInput = {
			...moved,
			locale: 'nl',
			deadlines: Array.from({ length: 6 }, (_, i) => ({
				...moved.deadlines[0]!,
				electionName: `Verkiezing ${i + 1} van de leden van de Tweede Kamer der Staten-Generaal`
			}))
		};
		const { bytes, pages } = await render(input);
		const doc = await PDFDocument.load(bytes, { updateMetadata: false });
		// The cover runs onto a second page before the form starts.
		expect(doc.getPageCount()).toBeGreaterThanOrEqual(3);
		const expected = expectedQr(input.reference);
		for (const [i, page] of doc.getPages().entries()) {
			expect(drawnQrMatrices(page).length, `page ${i + 1}`).toBeGreaterThanOrEqual(1);
			expect(drawnQrMatrices(page)[0]).toEqual(expected);
			expect(pages[i]).toContain(input.reference);
		}
		const codes = scannedQrCodes(bytes);
		expect(codes).toEqual(codes.map(() => input.reference));
	});
});
