import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { loadFonts, sharedFontkit } from './fonts';
import { readBack } from './testing';

/** A one-page document in both fonts, made with the shared fontkit. */
async function pdfWith(regularText: string, boldText: string) {
	const files = await loadFonts();
	const doc = await PDFDocument.create();
	doc.registerFontkit(sharedFontkit);
	const regular = await doc.embedFont(files.regular, { subset: true });
	const bold = await doc.embedFont(files.bold, { subset: true });
	const page = doc.addPage();
	page.drawText(regularText, { x: 50, y: 700, size: 12, font: regular });
	page.drawText(boldText, { x: 50, y: 680, size: 12, font: bold });
	return doc.save();
}

describe('sharedFontkit', () => {
	it('parses each font file once per process, and other bytes as before', async () => {
		const files = await loadFonts();
		expect(await sharedFontkit.create(files.regular)).toBe(
			await sharedFontkit.create(files.regular)
		);
		expect(await sharedFontkit.create(files.bold)).not.toBe(
			await sharedFontkit.create(files.regular)
		);
		expect(await sharedFontkit.create(files.regular.slice())).not.toBe(
			await sharedFontkit.create(files.regular)
		);
	});

	it('gives each document its own subset: documents made at once each hold their own text', async () => {
		const texts = [
			['Łódź, Żółć', 'Ĳsselmeer'],
			['Ærøskøbing', 'Nguyễn Thị Minh Khai'],
			['Σωκράτης', 'Пётр Ильич'],
			['Ørsted ß', 'Curaçao, Bonaire']
		] as const;
		const pdfs = await Promise.all(texts.map(([r, b]) => pdfWith(r, b)));
		for (const [i, bytes] of pdfs.entries()) {
			const { pages } = await readBack(bytes, `shared-font-${i}`);
			expect(pages[0]).toContain(texts[i]![0]);
			expect(pages[0]).toContain(texts[i]![1]);
			// Nothing of another document drawn at the same time.
			const other = texts[(i + 1) % texts.length]![0];
			expect(pages[0]).not.toContain(other);
		}
		// A document with few glyphs stays small: its subsets hold only what it draws, not the
		// glyphs the documents before it used (a subset shared with the font would gather them).
		const small = await pdfWith('A', 'B');
		expect(small.length).toBeLessThan(pdfs[0]!.length);
	});
});
