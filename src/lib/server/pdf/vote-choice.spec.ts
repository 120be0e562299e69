import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderVoteChoicePdf, VOTE_CHOICE_NL, type VoteChoicePdfInput } from './vote-choice';
import { drawnQrMatrices, expectedQr, readBack, scannedQrCodes } from './testing';

const denHaag = {
	name: 'Gemeente Den Haag',
	lines: [
		'Verkiezingen, kiezers buiten Nederland',
		'Postbus 84008',
		'2508 AA Den Haag',
		'Nederland'
	],
	email: 'verkiezingen@denhaag.nl'
};

// A voter in Germany names her brother in Den Haag as proxy holder, in Dutch.
const proxy: VoteChoicePdfInput = {
	reference: 'VC7M-Q2XD-4TNA',
	locale: 'nl',
	generatedOn: '2030-02-10',
	election: {
		type: 'TK',
		electionDay: '2030-05-15',
		localName: 'Tweede Kamer, 15 mei 2030'
	},
	voter: {
		surname: 'IJsselmeer-Çelik',
		firstNames: 'Zoë Ødegård',
		dateOfBirth: '1985-06-14',
		address: { lines: ['Müllerstraße 12', '10115 Berlin'], country: 'Duitsland' },
		email: 'zoe@example.org'
	},
	holder: {
		surname: 'de Vries',
		firstNames: 'Jan Willem',
		dateOfBirth: '1960-01-02',
		address: { lines: ['Lange Voorhout 1', '2514 EA Den Haag'], country: 'Nederland' }
	},
	destination: denHaag,
	deadline: {
		cutoffDay: '2030-02-19',
		uploadBy: '2030-02-19',
		postBy: '2030-02-14',
		why: 'Dit is eerder dan zes weken voor de verkiezing (3 april 2030): Den Haag verstuurt de briefstembewijzen op 20 februari 2030.',
		provisional: true
	}
};

// A voter in the United Kingdom asks for a voter pass, in English, by e-mail only.
const pass: VoteChoicePdfInput = {
	...proxy,
	reference: 'VP3R-7XWA-M2KD',
	locale: 'en',
	election: {
		type: 'EP',
		electionDay: '2029-06-07',
		localName: 'European Parliament, 7 June 2029'
	},
	voter: {
		surname: 'Nguyễn',
		firstNames: 'Thị Minh Khai',
		dateOfBirth: '1990-03-27',
		address: { lines: ['88 Ñúñez Crescent', 'London SW1A 1AA'], country: 'Verenigd Koninkrijk' },
		email: null
	},
	holder: null,
	deadline: {
		cutoffDay: '2029-04-26',
		uploadBy: '2029-04-26',
		postBy: null,
		why: 'Six weeks before the election (26 April 2029).',
		provisional: false
	}
};

async function render(input: VoteChoicePdfInput) {
	const bytes = await renderVoteChoicePdf(input);
	return { bytes, ...(await readBack(bytes, input.reference)) };
}

function expectInsideMargins(items: { str: string; x: number; y: number; width: number }[][]) {
	for (const pageItems of items) {
		for (const item of pageItems.filter((i) => i.str.trim())) {
			expect(item.x).toBeGreaterThanOrEqual(49);
			expect(item.x + item.width).toBeLessThanOrEqual(595.28 - 49);
			expect(item.y).toBeGreaterThanOrEqual(30);
			expect(item.y).toBeLessThanOrEqual(841.89 - 49);
		}
	}
}

describe('renderVoteChoicePdf: a proxy, in Dutch', async () => {
	const { bytes, pages, items } = await render(proxy);
	const [cover = '', request = '', declaration = ''] = pages;

	it('has three pages: the cover, the request, and the holder’s declaration (L 8(3))', () => {
		expect(pages).toHaveLength(3);
		expect(request).toContain('Verzoek om bij volmacht te stemmen');
		expect(declaration).toContain('Verklaring van de gemachtigde');
		expect(declaration).not.toContain('Verzoek om bij volmacht te stemmen');
	});

	it('has a Dutch cover with the reference, the cut-off and why, and where to send it', () => {
		expect(cover).toContain('Uw verzoek om bij volmacht te stemmen');
		expect(cover).toContain('Tweede Kamer, 15 mei 2030');
		expect(cover).toContain('Jan Willem de Vries');
		expect(cover).toContain('VC7M-Q2XD-4TNA');
		expect(cover).toContain('Den Haag moet uw verzoek uiterlijk op 19 februari 2030 ontvangen.');
		expect(cover).toContain('E-mail de scan uiterlijk op 19 februari 2030.');
		expect(cover).toContain('Of post het verzoek uiterlijk op 14 februari 2030.');
		expect(cover).toContain('eerder dan zes weken voor de verkiezing');
		expect(cover).toContain('staat nog niet vast');
		expect(cover).toContain(
			'Laat Jan Willem de Vries de verklaring van de gemachtigde ondertekenen'
		);
		expect(cover).toContain('Postbus 84008');
		expect(cover).toContain('verkiezingen@denhaag.nl');
		expect(cover).toContain('(artikel L 9 Kieswet)');
		// Dutch readers need no word on the form's language.
		expect(cover).not.toContain('officiële model');
	});

	it('fills in the request: the election, the voter and the holder the voter named', () => {
		expect(request).toContain("Aan: de burgemeester van 's-Gravenhage");
		expect(request).toContain('artikelen L 8 en L 9 Kieswet');
		expect(request).toContain(
			'Verkiezing van de leden van de Tweede Kamer der Staten-Generaal op 15 mei 2030'
		);
		for (const s of ['IJsselmeer-Çelik', 'Zoë Ødegård', '14 juni 1985', 'Müllerstraße 12']) {
			expect(request).toContain(s);
		}
		expect(request).toContain('10115 Berlin');
		expect(request).toContain('Duitsland');
		expect(request).toContain('zoe@example.org');
		expect(request).toContain('Gegevens van de gemachtigde');
		for (const s of ['de Vries', 'Jan Willem', '2 januari 1960', 'Lange Voorhout 1']) {
			expect(request).toContain(s);
		}
		expect(request).toContain('wijs ik zelf de hierboven genoemde persoon aan');
		expect(request).toContain('artikel L 8, derde lid');
		expect(request).toContain('Handtekening kiezer');
		expect(request).not.toContain('kiezerspas');
	});

	it('gives the holder a declaration to sign, with their details and the voter’s', () => {
		expect(declaration).toContain('Bereidverklaring (artikel L 8, derde lid, Kieswet)');
		for (const s of ['de Vries', 'Jan Willem', '2 januari 1960', '2514 EA Den Haag']) {
			expect(declaration).toContain(s);
		}
		expect(declaration).toContain(
			'Ik verklaar dat ik bereid ben als gemachtigde op te treden voor Zoë Ødegård IJsselmeer-Çelik, geboren op 14 juni 1985, bij de verkiezing van de leden van de Tweede Kamer der Staten-Generaal op 15 mei 2030.'
		);
		expect(declaration).toContain(VOTE_CHOICE_NL.declarationVoter);
		expect(declaration).toContain('niet meer dan twee volmachten');
		expect(declaration).toContain('tegelijk met mijn eigen stem');
		expect(declaration).toContain('Handtekening gemachtigde');
		expect(declaration).toContain('Pagina 3 van 3');
	});

	it('draws on every page a QR code that is exactly the reference', async () => {
		const doc = await PDFDocument.load(bytes);
		const expected = expectedQr(proxy.reference);
		for (const page of doc.getPages()) {
			expect(page.getSize().width).toBeCloseTo(595.28, 1);
			expect(page.getSize().height).toBeCloseTo(841.89, 1);
			expect(drawnQrMatrices(page)).toEqual([expected]);
		}
	});

	// A real decoder (Debian: poppler-utils, zbar-tools; .ci/run installs them).
	it('has QR codes a scanner reads', () => {
		const codes = scannedQrCodes(bytes);
		expect(codes).toHaveLength(3);
		expect(codes).toEqual(codes.map(() => proxy.reference));
	});

	it('keeps all text inside the margins', () => expectInsideMargins(items));

	it('has a title and language, and no personal data in the metadata', async () => {
		const doc = await PDFDocument.load(bytes, { updateMetadata: false });
		expect(doc.getTitle()).toBe('Verzoek om bij volmacht te stemmen');
		expect(doc.getCreator()).toBe('Kiezer buitenland portal');
		expect(String(doc.catalog.get(PDFName.of('Lang')))).toContain('nl');
		const info = String(doc.context.lookup(doc.context.trailerInfo.Info));
		for (const personal of ['VC7M', 'Çelik', 'Vries', 'zoe@', 'Berlin']) {
			expect(info).not.toContain(personal);
		}
	});
});

describe('renderVoteChoicePdf: a voter pass, in English', async () => {
	const { bytes, pages, items } = await render(pass);
	const [cover = '', request = ''] = pages;

	it('has two pages: the cover and the request, no declaration', () => {
		expect(pages).toHaveLength(2);
		expect(pages.join(' ')).not.toContain('Verklaring van de gemachtigde');
	});

	it('has an English cover: e-mail only when the post is too late, ID copy (K 3)', () => {
		expect(cover).toContain('Your request for a voter pass');
		expect(cover).toContain('European Parliament, 7 June 2029');
		expect(cover).toContain('The request itself is in Dutch');
		expect(cover).toContain('The Hague must receive your request by 26 April 2029.');
		expect(cover).toContain('Email the scan by 26 April 2029.');
		expect(cover).toContain('By post the request will no longer arrive in time: email the scan.');
		expect(cover).not.toContain('Or post the request');
		expect(cover).toContain('Six weeks before the election (26 April 2029).');
		expect(cover).not.toContain('not final yet');
		expect(cover).toContain('Enclose a copy of your valid passport or identity card');
		expect(cover).toContain('VP3R-7XWA-M2KD');
		expect(cover).toContain('(article K 7 of the Elections Act)');
		expect(cover).toContain('Page 1 of 2');
	});

	it('fills in the Dutch request for a voter pass', () => {
		expect(request).toContain('Verzoek om een kiezerspas');
		expect(request).toContain('artikelen K 6 en K 7 Kieswet');
		expect(request).toContain('Verkiezing van de leden van het Europees Parlement op 7 juni 2029');
		expect(request).toContain('Nguyễn');
		expect(request).toContain('Thị Minh Khai');
		expect(request).toContain('27 maart 1990');
		expect(request).toContain('88 Ñúñez Crescent');
		expect(request).toContain('Niet opgegeven');
		expect(request).toContain('stembureau van mijn keuze in Nederland');
		expect(request).toContain('kopie van een geldig identiteitsbewijs (artikel K 3, tweede lid');
		expect(request).not.toContain('gemachtigde');
		expect(request).toContain('Pagina 2 van 2');
	});

	it('draws the reference’s QR code on both pages and sets an English title', async () => {
		const doc = await PDFDocument.load(bytes, { updateMetadata: false });
		const expected = expectedQr(pass.reference);
		for (const page of doc.getPages()) expect(drawnQrMatrices(page)).toEqual([expected]);
		expect(doc.getTitle()).toBe('Request for a voter pass');
		expect(String(doc.catalog.get(PDFName.of('Lang')))).toContain('en');
	});

	it('keeps all text inside the margins', () => expectInsideMargins(items));
});

describe('renderVoteChoicePdf: edge cases', () => {
	it.each(['nl', 'en', 'de', 'fr', 'es', 'pap'])(
		'keeps cover, request and declaration on one page each (%s)',
		async (locale) => {
			const { pages } = await render({
				...proxy,
				locale,
				reference: `FULL-${locale.toUpperCase().padEnd(4, '0')}-0000`
			});
			expect(pages).toHaveLength(3);
		}
	);

	it('says nothing of a deadline when there is none, and runs long fields over pages', async () => {
		const long = 'Wolfeschlegelsteinhausenbergerdorff '.repeat(6).slice(0, 200);
		const lines = Array.from({ length: 3 }, (_, i) => `${i + 1} ${long.slice(0, 100)}`);
		const { pages, items } = await render({
			...proxy,
			reference: 'LONG-AAAA-BBBB',
			voter: { ...proxy.voter, surname: 'Ł'.repeat(200), firstNames: long },
			holder: { ...proxy.holder!, firstNames: long, address: { lines, country: long } },
			deadline: null
		});
		expect(pages[0]).not.toContain('uiterlijk op');
		expect(pages.join('').replace(/\s/g, '')).toContain('Ł'.repeat(200));
		expectInsideMargins(items);
	});
});
