import { PDFDocument, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { renderTemporarilyAbroadPdf, type TemporarilyAbroadPdfInput } from './temporarily-abroad';
import { drawnQrMatrices, expectedQr, outsideMargins, readBack } from './testing';

const byEmail: TemporarilyAbroadPdfInput = {
	reference: 'TA7M-Q2XD-4TNA',
	locale: 'en',
	generatedOn: '2030-02-10',
	election: {
		type: 'TK',
		electionDay: '2030-05-15',
		provisional: true,
		cutoffDay: '2030-04-17',
		uploadBy: '2030-04-17',
		postBy: '2030-04-15'
	},
	voter: {
		surname: 'IJsselmeer-Çelik',
		firstNames: 'Zoë Ødegård',
		dateOfBirth: '1985-06-14',
		bsn: '123456782',
		address: ['Lange Voorhout 1', '2514 EA Den Haag'],
		municipality: "'s-Gravenhage"
	},
	stay: { from: '2030-05-01', until: '2030-06-01' },
	ballot: { by: 'email', email: 'zoe@example.org' },
	destination: {
		name: 'Gemeente Den Haag',
		lines: [
			'Verkiezingen, kiezers buiten Nederland',
			'Postbus 84008',
			'2508 AA Den Haag',
			'Nederland'
		],
		email: 'verkiezingen@denhaag.nl'
	}
};

const byPost: TemporarilyAbroadPdfInput = {
	...byEmail,
	reference: 'TA9P-0STN-L000',
	locale: 'nl',
	election: {
		...byEmail.election,
		type: 'EP',
		electionDay: '2029-06-07',
		cutoffDay: '2029-05-10',
		uploadBy: '2029-05-10',
		postBy: '2029-05-08',
		provisional: false
	},
	ballot: { by: 'post', address: { lines: ['Calle Mayor 5', '28013 Madrid'], country: 'Spanje' } }
};

describe('renderTemporarilyAbroadPdf: by e-mail, English', async () => {
	const bytes = await renderTemporarilyAbroadPdf(byEmail);
	const { pages, items } = await readBack(bytes, byEmail.reference);
	const [cover = '', ...rest] = pages;
	const form = rest.join(' ');

	it('has an English cover sheet with the cut-off, the send-to address and the polling-card notice', () => {
		expect(cover).toContain('Your request to vote by post from abroad');
		expect(cover).toContain('TA7M-Q2XD-4TNA');
		expect(cover).toContain(
			'Your request is for: House of Representatives (Tweede Kamer), 15 May 2030.'
		);
		expect(cover).toContain('Upload or e-mail the scan by 17 April 2030.');
		expect(cover).toContain('Post the form by 15 April 2030.');
		expect(cover).toContain('The Hague must receive your request by 17 April 2030 (article M 3(3)');
		expect(cover).toContain('not final yet');
		expect(cover).toContain('your municipality sends you no polling card (stempas) (article M 2');
		expect(cover).toContain('The ballot paper will come to zoe@example.org.');
		expect(cover).toContain('passport, identity card or driving licence');
		expect(cover).toContain('Postbus 84008');
		expect(cover).toContain('verkiezingen@denhaag.nl');
	});

	it('fills in the Dutch request with English beside it', () => {
		expect(form).toContain(
			'Verzoek om per brief te stemmen vanuit het buitenland (artikel M 3 Kieswet)'
		);
		expect(form).toContain(
			'Request to vote by post from abroad (article M 3 of the Elections Act)'
		);
		expect(form).toContain(
			'Ik verzoek om bij de verkiezing van de leden van de Tweede Kamer der Staten-Generaal op 15 mei 2030 per brief te mogen stemmen.'
		);
		expect(form).toContain(
			'I request to vote by post in: House of Representatives (Tweede Kamer), 15 May 2030.'
		);
		expect(form).toContain('de burgemeester van ’s-Gravenhage (gemeente Den Haag)');
		for (const text of [
			'IJsselmeer-Çelik',
			'Zoë Ødegård',
			'14 juni 1985',
			'123456782',
			'Lange Voorhout 1',
			'2514 EA Den Haag',
			"'s-Gravenhage",
			'Gemeente waar ik als kiezer ben geregistreerd',
			'Vertrek uit Nederland op',
			'1 mei 2030',
			'Terug in Nederland op',
			'1 juni 2030',
			'Per e-mail',
			'E-mailadres voor het stembiljet',
			'zoe@example.org',
			'artikel M 3, tweede lid, Kieswet',
			'Handtekening'
		]) {
			expect(form).toContain(text);
		}
		expect(form).not.toContain('Postadres voor het stembiljet');
	});

	it('draws the reference as a QR code on the cover and on every form page, A4', async () => {
		const doc = await PDFDocument.load(bytes);
		expect(doc.getPageCount()).toBe(2);
		const expected = expectedQr(byEmail.reference);
		for (const page of doc.getPages()) {
			expect(page.getSize().width).toBeCloseTo(595.28, 1);
			expect(drawnQrMatrices(page)).toEqual([expected]);
		}
	});

	it('keeps all text inside the margins, and no personal data in the metadata', async () => {
		expect(outsideMargins(items)).toEqual([]);
		const doc = await PDFDocument.load(bytes, { updateMetadata: false });
		expect(doc.getTitle()).toBe('Request to vote by post from abroad');
		expect(String(doc.catalog.get(PDFName.of('Lang')))).toContain('en');
		const info = String(doc.context.lookup(doc.context.trailerInfo.Info));
		for (const personal of ['TA7M', 'Çelik', 'zoe@', '123456782', 'Voorhout']) {
			expect(info).not.toContain(personal);
		}
	});
});

describe('renderTemporarilyAbroadPdf: by post, Dutch, European Parliament', async () => {
	const bytes = await renderTemporarilyAbroadPdf(byPost);
	const { pages } = await readBack(bytes, byPost.reference);
	const [cover = '', ...rest] = pages;
	const form = rest.join(' ');

	it('fits cover and request on one page each', () => {
		expect(pages).toHaveLength(2);
	});

	it('has a Dutch cover sheet without translations', () => {
		expect(cover).toContain('Uw verzoek om per brief te stemmen vanuit het buitenland');
		expect(cover).toContain('Europees Parlement, 7 juni 2029');
		expect(cover).toContain('uw gemeente stuurt u geen stempas');
		expect(cover).toContain('Het stembiljet komt per post naar het adres op het verzoek.');
		expect(cover).not.toContain('staat nog niet vast');
	});

	it('asks for the ballot by post to the address abroad', () => {
		expect(form).toContain('het Europees Parlement op 7 juni 2029');
		expect(form).toContain('Postadres voor het stembiljet');
		expect(form).toContain('Calle Mayor 5');
		expect(form).toContain('Spanje');
		expect(form).not.toContain('E-mailadres voor het stembiljet');
		expect(form).not.toContain('Request to vote by post');
	});

	it('refuses a date that is not a date', async () => {
		await expect(
			renderTemporarilyAbroadPdf({ ...byPost, stay: { from: '2029-02-30', until: '2029-07-01' } })
		).rejects.toThrow(RangeError);
	});
});
