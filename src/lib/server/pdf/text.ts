import type { PDFFont } from 'pdf-lib';
import { formatDate as formatLongDate } from '$lib/i18n';

/**
 * Text as it will be drawn: NFC, so that a name typed with combining marks ("e" + U+0308) uses
 * the font's precomposed glyph (pdf-lib does not position marks); control characters become
 * spaces (pdf-lib would draw them as missing glyphs), runs of whitespace collapse.
 */
export function clean(text: string): string {
	return text
		.normalize('NFC')
		.replace(/[\p{Cc}\p{Zl}\p{Zp}]/gu, ' ')
		.replace(/\s+/gu, ' ')
		.trim();
}

const graphemes = new Intl.Segmenter('und', { granularity: 'grapheme' });

// fontkit lays text out on every widthOfTextAtSize call (about 0.3 ms), and wrapping measures
// every word: without a cache that was most of the render time. pdf-lib draws glyphs at their
// advance widths, without kerning, so a line's width is the sum of its words' and spaces'
// widths, and those are cached, per font, at size 1. Module level: most words are the same
// from one PDF to the next.
const widths = new Map<string, number>();
const MAX_CACHED = 20_000;

/** The width of `text` as pdf-lib will draw it, in points. */
export function textWidth(font: PDFFont, text: string, size: number): number {
	const key = `${font.name}\u0000${text}`;
	let width = widths.get(key);
	if (width === undefined) {
		width = font.widthOfTextAtSize(text, 1);
		if (widths.size >= MAX_CACHED) widths.clear();
		widths.set(key, width);
	}
	return width * size;
}

/**
 * Greedy word wrap by measured width. A word wider than the line is broken between grapheme
 * clusters (never inside "ễ"), so no input can run off the page. Always returns at least one
 * line (possibly empty).
 */
export function wrapText(text: string, font: PDFFont, size: number, maxWidth: number): string[] {
	const width = (s: string) => textWidth(font, s, size);
	const space = width(' ');
	const lines: string[] = [];
	let line = '';
	let lineWidth = 0;
	const push = () => {
		lines.push(line);
		line = '';
		lineWidth = 0;
	};
	for (const word of clean(text).split(' ').filter(Boolean)) {
		const wordWidth = width(word);
		if (line && lineWidth + space + wordWidth <= maxWidth) {
			line += ` ${word}`;
			lineWidth += space + wordWidth;
			continue;
		}
		if (line) push();
		if (wordWidth <= maxWidth) {
			line = word;
			lineWidth = wordWidth;
			continue;
		}
		// Rare (a word wider than the line), so measure each candidate whole: inside a word the
		// parts do not add up exactly ("ff" is a ligature in DejaVu Sans).
		for (const { segment } of graphemes.segment(word)) {
			if (line && width(line + segment) > maxWidth) push();
			line += segment;
		}
		lineWidth = width(line);
	}
	lines.push(line);
	return lines;
}

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Formats an IsoDate ('YYYY-MM-DD') as a long date in the given locale; throws on a non-date. */
export function formatDate(isoDate: string, locale: string): string {
	const match = ISO_DATE.exec(isoDate);
	const date = match ? new Date(`${isoDate}T00:00:00Z`) : undefined;
	if (
		!match ||
		!date ||
		Number.isNaN(date.getTime()) ||
		date.toISOString().slice(0, 10) !== isoDate
	) {
		throw new RangeError(`Not an IsoDate: ${JSON.stringify(isoDate)}`);
	}
	// One date format for screen and paper.
	return formatLongDate(isoDate, locale);
}
