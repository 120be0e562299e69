import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderReplacementPdf, type ReplacementPdfInput } from './replacement';
import { drawnQrMatrices, expectedQr, outsideMargins, readBack } from './testing';

const germany: ReplacementPdfInput = {
	reference: 'RP7M-Q2XD-4TNA',
	locale: 'en',
	generatedOn: '2030-02-10',
	election: {
		type: 'TK',
		electionDay: '2030-05-15',
		provisional: false,
		cutoffDay: '2030-05-03',
		inPersonDay: '2030-05-06',
		uploadBy: '2030-05-03',
		postBy: '2030-04-28'
	},
	reason: 'lost',
	voter: {
		surname: 'Müller',
		firstNames: 'Jan Łukasz',
		dateOfBirth: '1979-11-02',
		bsn: null,
		address: { lines: ['Müllerstraße 12', '10115 Berlin'], country: 'Duitsland' }
	},
	delivery: { by: 'email', email: 'jan@example.org' },
	emailAllowed: true,
	destination: {
		name: 'Gemeente Den Haag',
		lines: ['Postbus 84008', '2508 AA Den Haag', 'Nederland'],
		email: 'verkiezingen@denhaag.nl'
	},
	representation: null
};

const curacao: ReplacementPdfInput = {
	...germany,
	reference: 'RPCW-0000-0000',
	locale: 'pap',
	reason: 'not_received',
	election: {
		...germany.election,
		type: 'KNI',
		electionDay: '2031-03-19',
		cutoffDay: '2031-03-07',
		inPersonDay: '2031-03-10'
	},
	voter: {
		...germany.voter,
		bsn: '123456782',
		address: { lines: ['Kaya Grandi 1', 'Willemstad'], country: 'Curaçao' }
	},
	delivery: { by: 'post', address: { lines: ['Kaya Grandi 1', 'Willemstad'], country: 'Curaçao' } },
	emailAllowed: false,
	representation: { name: 'Vertegenwoordiging van Nederland in Curaçao', lines: ['Willemstad'] }
};

describe('renderReplacementPdf: lost, by e-mail, English', async () => {
	const bytes = await renderReplacementPdf(germany);
	const { pages, items } = await readBack(bytes, germany.reference);
	const [cover = '', ...rest] = pages;
	const form = rest.join(' ');

	it('has an English cover with the written cut-off, the in-person route and the invalid old certificate', () => {
		expect(cover).toContain('Your request for a replacement postal voting certificate');
		expect(cover).toContain('RP7M-Q2XD-4TNA');
		expect(cover).toContain(
			'The Hague must receive your written request by 3 May 2030 (article M 6b(3)'
		);
		expect(cover).toContain('Post the form by 28 April 2030.');
		expect(cover).toContain(
			'Your old postal voting certificate becomes invalid (article M 5(2)(a)'
		);
		expect(cover).toContain('in person at the municipality of The Hague until 12:00 on 6 May 2030');
		expect(cover).not.toContain('Aruba');
	});

	it('fills in the Dutch request: reason ticked, e-mail delivery offered and chosen', () => {
		for (const text of [
			'Verzoek om een vervangend briefstembewijs (artikel M 6b Kieswet)',
			'Ik verzoek om een vervangend briefstembewijs voor de verkiezing van de leden van de Tweede Kamer der Staten-Generaal op 15 mei 2030',
			'artikel M 5, tweede lid, onder a, Kieswet',
			'Mijn briefstembewijs is in het ongerede geraakt',
			'My postal voting certificate has been lost',
			'Ik heb mijn briefstembewijs niet ontvangen',
			'Müller',
			'Jan Łukasz',
			'2 november 1979',
			'Niet opgegeven',
			'Müllerstraße 12',
			'Duitsland',
			'Per post',
			'Per e-mail',
			'jan@example.org',
			'Handtekening'
		]) {
			expect(form).toContain(text);
		}
	});

	it('draws the reference QR on every page and keeps to the margins', async () => {
		const doc = await PDFDocument.load(bytes);
		expect(doc.getPageCount()).toBe(2);
		const expected = expectedQr(germany.reference);
		for (const page of doc.getPages()) expect(drawnQrMatrices(page)).toEqual([expected]);
		expect(outsideMargins(items)).toEqual([]);
		expect((await PDFDocument.load(bytes, { updateMetadata: false })).getTitle()).toBe(
			'Request for a replacement postal voting certificate'
		);
	});
});

describe('renderReplacementPdf: Curaçao, Papiamentu, by post only (KW M 6b(5))', async () => {
	const { pages } = await readBack(await renderReplacementPdf(curacao), curacao.reference);
	const [cover = '', ...rest] = pages;
	const form = rest.join(' ');

	it('fits cover and request on one page each', () => {
		expect(pages).toHaveLength(2);
	});

	it('says on the cover: post or in person only, and the representation', () => {
		expect(cover).toContain('sertifikado di voto pa korreo di reemplaso');
		expect(cover).toContain('Vertegenwoordiging van Nederland in Curaçao');
		expect(cover).toContain('no pa e-mail');
	});

	it('offers no e-mail on the form, and ticks "not received"', () => {
		expect(form).toContain('kiescollege niet-ingezetenen');
		expect(form).toContain('het kiescollege niet-ingezetenen op 19 maart 2031');
		expect(form).toContain('Per post');
		expect(form).not.toContain('Per e-mail');
		expect(form).toContain('Kaya Grandi 1');
		expect(form).toContain('123456782');
	});
});
