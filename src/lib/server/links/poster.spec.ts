import { PDFDocument, PDFName } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTestDatabase } from '../../../../tests/db/database';
import {
	drawnQrMatrices,
	expectedQr,
	outsideMargins,
	readBack,
	scannedQrCodes
} from '$lib/server/pdf/testing';
import { nextCutoff, posterPdf, type PosterInput } from './poster';

// The seeded calendar (src/lib/server/db/seed.ts): KNI-2027 on 17 March 2027 (certificates
// 23 December 2026), EP-2029 without a day, TK-2030 on 15 May 2030 (certificates 20 February
// 2030), all provisional. Each test file has a database of its own.
let close: () => Promise<void>;
beforeAll(async () => {
	({ close } = await withTestDatabase());
});
afterAll(() => close());

const NOW = new Date('2026-11-22T12:00:00Z');
const URL = 'https://kiezer-buitenland.denhaag.nl/go/K7QM2XDA';
const ASSOCIATION = 'Vereniging Nederlanders in Zürich & Genève – Société d’Amitié Łódź';

const base: PosterInput = {
	association: ASSOCIATION,
	journey: 'registration',
	locale: 'en',
	url: URL,
	electionSlug: null,
	campaign: null,
	now: NOW
};

async function render(input: Partial<PosterInput>, name: string) {
	const bytes = await posterPdf({ ...base, ...input });
	const { pages, items } = await readBack(bytes, `poster-${name}`);
	return { bytes, pages, items, text: pages[0] ?? '' };
}

describe('posterPdf', () => {
	it('is one A4 page with its title in the metadata, small, with all text inside the margins', async () => {
		const { bytes, pages, items } = await render({ campaign: 'Spring fair 2027' }, 'en');
		const doc = await PDFDocument.load(bytes, { updateMetadata: false });
		expect(doc.getPageCount()).toBe(1);
		expect(pages).toHaveLength(1);
		const { width, height } = doc.getPage(0).getSize();
		expect([width, height].map(Math.round)).toEqual([595, 842]);
		expect(doc.getTitle()).toBe('Register to vote from abroad – Voting from abroad');
		expect(String(doc.catalog.get(PDFName.of('Lang')))).toBe('(en)');
		expect(doc.getCreationDate()?.toISOString()).toBe(NOW.toISOString());
		// Subset fonts: the full DejaVu pair alone is 1.4 MB.
		expect(bytes.length).toBeLessThan(80_000);
		expect(outsideMargins(items)).toEqual([]);
	});

	const headings = {
		nl: {
			heading: 'Registreer u om vanuit het buitenland te stemmen',
			shared: `Gedeeld door ${ASSOCIATION}`,
			date: 'woensdag 3 februari 2027'
		},
		en: {
			heading: 'Register to vote from abroad',
			shared: `Shared by ${ASSOCIATION}`,
			date: 'Wednesday, 3 February 2027'
		},
		de: {
			heading: 'Registrieren Sie sich, um aus dem Ausland zu wählen',
			shared: `Geteilt von ${ASSOCIATION}`,
			date: 'Mittwoch, 3. Februar 2027'
		}
	};
	for (const [locale, expected] of Object.entries(headings)) {
		it(`speaks ${locale}: the heading, the association's name with its accents, the date`, async () => {
			const { text, bytes } = await render({ locale }, locale);
			expect(text).toContain(expected.heading);
			expect(text).toContain(expected.shared);
			expect(text).toContain(expected.date);
			const doc = await PDFDocument.load(bytes, { updateMetadata: false });
			expect(doc.getTitle()).toContain(expected.heading);
		});
	}

	it('has a QR code that a scanner reads as the link, printed in full under it', async () => {
		const url =
			'https://kiezer-buitenland.denhaag.nl/de/go/ZH2030?utm_source=poster&utm_medium=print';
		const { bytes, text } = await render({ url, locale: 'de' }, 'qr');
		expect(scannedQrCodes(bytes)).toEqual([url]);
		const doc = await PDFDocument.load(bytes);
		expect(drawnQrMatrices(doc.getPage(0))).toEqual([expectedQr(url)]);
		expect(text).toContain(url);
	});

	it('shows the registration cut-off of the next election: KNI-2027, 42 days before (KW D 3(2))', async () => {
		const { text } = await render({}, 'registration');
		expect(text).toContain('Deadline Wednesday, 3 February 2027');
		expect(text).toContain(
			'Electoral college for non-residents (kiescollege niet-ingezetenen), election of 17 March 2027'
		);
		expect(text).toContain('KW D 3(2)');
		// Seeded elections are provisional until the office confirms them.
		expect(text).toContain('The election date is not yet final');
	});

	it('shows the chosen election: TK-2030, registration by 3 April 2030', async () => {
		const { text } = await render({ electionSlug: 'TK-2030' }, 'registration-tk');
		expect(text).toContain('Wednesday, 3 April 2030');
		expect(text).toContain('House of Representatives (Tweede Kamer), election of 15 May 2030');
		expect(text).not.toContain('3 February 2027');
	});

	it('shows the change cut-off nine weeks before (KW D 3(3)), in Dutch', async () => {
		const { text } = await render({ journey: 'change', locale: 'nl' }, 'change');
		expect(text).toContain('Houd uw registratie als kiezer buiten Nederland actueel');
		expect(text).toContain('woensdag 13 januari 2027');
		expect(text).toContain('Wettelijke grondslag (KW: Kieswet): KW D 3(3)');
	});

	it('passes over the KNI for a proxy or voter pass (KW Pa 21) and explains the certificate day', async () => {
		const { text } = await render({ journey: 'vote_choice', locale: 'de' }, 'vote-choice');
		// Six weeks before 15 May 2030 is 3 April, but the certificates go out on 20 February.
		expect(text).toContain('Dienstag, 19. Februar 2030');
		expect(text).toContain('Zweite Kammer (Tweede Kamer), Wahl vom 15. Mai 2030');
		expect(text).toContain('Die Briefwahlscheine werden am 20. Februar 2030 verschickt');
		expect(text).toContain('KW K 7(2), KW L 9(2), KW K 8(2), KW L 10(b), KW M 6(3)');
	});

	it('shows the temporarily-abroad cut-off, 28 days before (KW M 3(3)), in French', async () => {
		const { text } = await render({ journey: 'temporarily_abroad', locale: 'fr' }, 'abroad');
		expect(text).toContain('À l’étranger le jour de l’élection ? Votez par correspondance');
		expect(text).toContain('mercredi 17 avril 2030');
		expect(text).toContain('KW M 3(3)');
	});

	it('shows the written replacement cut-off, 12 days before (KW M 6b(3)), in Spanish', async () => {
		const { text } = await render({ journey: 'replacement', locale: 'es' }, 'replacement');
		expect(text).toContain('viernes, 5 de marzo de 2027');
		expect(text).toContain('KW M 6b(3)');
	});

	it('shows the registration cut-off for a status check, in Papiamentu', async () => {
		const { text } = await render({ journey: 'status', locale: 'pap' }, 'status');
		expect(text).toContain('Bo ta registrá pa vota for di eksterior? Puntra aki');
		expect(text).toContain('djárason 3 di febrüari 2027');
		expect(text).toContain('KW D 3(2)');
	});

	it('says no election is scheduled when none with a day is upcoming', async () => {
		const { text, bytes } = await render({ now: new Date('2030-06-01T12:00:00Z') }, 'none');
		expect(text).toContain(
			'No election has been scheduled yet for which this applies. Scan the code for the latest dates.'
		);
		expect(text).not.toContain('Legal basis');
		expect(scannedQrCodes(bytes)).toEqual([URL]);
	});

	it('prints the campaign label only when there is one', async () => {
		expect((await render({ campaign: 'Koningsdag 2027' }, 'campaign')).text).toContain(
			'Campaign: Koningsdag 2027'
		);
		expect((await render({}, 'no-campaign')).text).not.toContain('Campaign');
	});

	it('keeps a long association name on the page with a code that still scans, and refuses one that leaves no room', async () => {
		const long = `${'Vereniging van Nederlanders en vrienden van Nederland in ' + 'Zürich, '.repeat(10)}Genève`;
		const { bytes, text, items } = await render({ association: long, locale: 'nl' }, 'long');
		const doc = await PDFDocument.load(bytes);
		expect(doc.getPageCount()).toBe(1);
		expect(text).toContain(long);
		expect(outsideMargins(items)).toEqual([]);
		expect(scannedQrCodes(bytes)).toEqual([URL]);
		await expect(posterPdf({ ...base, association: 'Zürich '.repeat(400) })).rejects.toThrow(
			RangeError
		);
	});
});

describe('nextCutoff', () => {
	it('keeps a cut-off open through its last instant, then moves to the next election', async () => {
		// The end of 3 February 2027 in Den Haag (winter time, UTC+1).
		const last = new Date('2027-02-03T22:59:59.999Z');
		expect((await nextCutoff('registration', 'KNI-2027', last))?.day).toBe('2027-02-03');
		const after = await nextCutoff('registration', 'KNI-2027', new Date(last.getTime() + 1));
		expect(after).toMatchObject({ day: '2030-04-03', election: { slug: 'TK-2030' } });
	});

	it('prefers the chosen election over an earlier one, and ignores an unknown slug', async () => {
		expect((await nextCutoff('change', 'TK-2030', NOW))?.day).toBe('2030-03-13');
		expect((await nextCutoff('change', 'NOPE-2031', NOW))?.election.slug).toBe('KNI-2027');
	});

	it('moves a proxy or voter pass to the day before the certificates go out; other requests keep their article alone', async () => {
		// KNI-2027 has no proxy (KW Pa 21); TK-2030's certificates go out on 20 February 2030.
		const cutoff = await nextCutoff('vote_choice', null, NOW);
		expect(cutoff).toMatchObject({ day: '2030-02-19', certificatesSentOn: '2030-02-20' });
		// A temporarily-abroad request has no certificate rule at all.
		expect(await nextCutoff('temporarily_abroad', null, NOW)).toMatchObject({
			day: '2030-04-17',
			certificatesSentOn: null,
			basis: ['KW M 3(3)']
		});
	});
});
