import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, type PDFFont } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadFonts } from './fonts';
import { clean, formatDate, textWidth, wrapText } from './text';

let font: PDFFont;
beforeAll(async () => {
	const doc = await PDFDocument.create();
	doc.registerFontkit(fontkit);
	font = await doc.embedFont((await loadFonts()).regular, { subset: true });
});

describe('wrapText', () => {
	const fits = (lines: string[], width: number) =>
		lines.every((line) => font.widthOfTextAtSize(line, 10) <= width);

	it('breaks between words and keeps every word', () => {
		const text = 'Zoë IJsselmeer-Çelik woont in de Müllerstraße in Berlijn, ver van Ødegård';
		const lines = wrapText(text, font, 10, 120);
		expect(lines.length).toBeGreaterThan(1);
		expect(fits(lines, 120)).toBe(true);
		expect(lines.join(' ')).toBe(text);
	});

	it('breaks a word longer than the line between characters', () => {
		const word = 'Łukasz'.repeat(40);
		const lines = wrapText(word, font, 10, 100);
		expect(lines.length).toBeGreaterThan(5);
		expect(fits(lines, 100)).toBe(true);
		expect(lines.join('')).toBe(word);
	});

	it('never splits a letter from its combining mark', () => {
		const word = 'Nguye\u0302\u0303n'.repeat(30); // decomposed "ễ"; clean() composes it
		const lines = wrapText(word, font, 10, 60);
		expect(lines.join('')).toBe(word.normalize('NFC'));
		for (const line of lines) expect(line.normalize('NFD').startsWith('\u0302')).toBe(false);
	});

	it('returns one empty line for empty text', () => {
		expect(wrapText('  ', font, 10, 100)).toEqual(['']);
	});
});

describe('clean', () => {
	it('composes to NFC and removes control characters and extra whitespace', () => {
		expect(clean(' Zoe\u0308\tvan\r\nDijk\u0000 ')).toBe('Zoë van Dijk');
	});
});

describe('formatDate', () => {
	it('writes long dates in the voter’s language', () => {
		expect(formatDate('2027-02-03', 'nl')).toBe('3 februari 2027');
		expect(formatDate('2027-02-03', 'en')).toBe('3 February 2027');
	});

	it('refuses what is not an IsoDate', () => {
		for (const bad of ['2027-02-30', '3-2-2027', '2027-2-3', '', '2027-02-03T00:00']) {
			expect(() => formatDate(bad, 'nl')).toThrow(RangeError);
		}
	});
});

describe('textWidth', () => {
	it('adds up: words and spaces measure as pdf-lib measures the whole line', () => {
		const lines = [
			'Zoë IJsselmeer-Çelik',
			'Nguyễn Thị Minh Khai',
			'Łukasz Wałęsa, Ødegård, Ñúñez',
			'Wolfeschlegelsteinhausenbergerdorff 1985 Staffelstraße' // "ff": a ligature
		];
		for (const line of lines) {
			const words = line.split(' ');
			const summed =
				words.reduce((w, word) => w + textWidth(font, word, 10), 0) +
				(words.length - 1) * textWidth(font, ' ', 10);
			expect(summed).toBeCloseTo(font.widthOfTextAtSize(line, 10), 6);
		}
	});
});
