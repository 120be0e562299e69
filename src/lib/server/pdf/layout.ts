import { PageSizes, rgb, type PDFDocument, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { textWidth, wrapText } from './text';

export const PAGE_SIZE: [number, number] = [...PageSizes.A4];
export const [PAGE_WIDTH, PAGE_HEIGHT] = PAGE_SIZE;
export const MARGIN = 50;
export const CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN;
/** Content stops here; the footer sits below it. */
export const CONTENT_BOTTOM = MARGIN + 12;
export const FOOTER_BASELINE = MARGIN - 16;

export const COLOR = {
	text: rgb(0.1, 0.1, 0.1),
	// Grey that still reads on a cheap printer (contrast 7:1 on white).
	muted: rgb(0.35, 0.35, 0.35),
	accent: rgb(0.08, 0.26, 0.45),
	rule: rgb(0.72, 0.72, 0.72),
	tint: rgb(0.94, 0.95, 0.97),
	white: rgb(1, 1, 1)
};

export type Fonts = { regular: PDFFont; bold: PDFFont };

export type TextStyle = { font: PDFFont; size: number; color?: RGB; lineHeight?: number };

export const lineHeightOf = (style: TextStyle) => style.lineHeight ?? style.size * 1.35;

/** Text wrapped to a width, with the style to draw it in. */
export type Block = { lines: string[]; style: TextStyle };

export function block(text: string, style: TextStyle, width: number): Block {
	return { lines: wrapText(text, style.font, style.size, width), style };
}

export const heightOf = (blocks: Block[]) =>
	blocks.reduce((h, b) => h + b.lines.length * lineHeightOf(b.style), 0);

/**
 * Draws wrapped lines from `top` downwards at x; returns the y below the last line. The baseline
 * sits one font size below the top of each line box (DejaVu's ascender is 0.93 em).
 */
export function drawBlocks(page: PDFPage, blocks: Block[], x: number, top: number): number {
	let y = top;
	for (const { lines, style } of blocks) {
		for (const line of lines) {
			if (line) {
				page.drawText(line, {
					x,
					y: y - style.size,
					font: style.font,
					size: style.size,
					color: style.color ?? COLOR.text
				});
			}
			y -= lineHeightOf(style);
		}
	}
	return y;
}

/**
 * A vertical flow of content over as many A4 pages as it needs. `startPage` draws a page's
 * header and returns the y where content starts.
 */
export class Flow {
	readonly pages: PDFPage[] = [];
	page!: PDFPage;
	y = 0;
	private top = 0;

	constructor(
		private readonly doc: PDFDocument,
		private readonly startPage: (page: PDFPage, index: number) => number
	) {
		this.newPage();
	}

	newPage(): void {
		this.page = this.doc.addPage(PAGE_SIZE);
		this.pages.push(this.page);
		this.y = this.top = this.startPage(this.page, this.pages.length - 1);
	}

	/** Height available on a fresh page. */
	get pageRoom(): number {
		return this.top - CONTENT_BOTTOM;
	}

	get atTop(): boolean {
		return this.y === this.top;
	}

	/** Starts a new page unless `height` fits below y (or nothing would be gained). */
	ensure(height: number): void {
		if (this.y - height < CONTENT_BOTTOM && !this.atTop) this.newPage();
	}

	/** Vertical space; swallowed at a page break. */
	gap(height: number): void {
		if (this.y - height < CONTENT_BOTTOM) this.newPage();
		else if (!this.atTop) this.y -= height;
	}

	/** Draws blocks line by line, breaking pages between lines. */
	text(blocks: Block[], x = MARGIN): void {
		for (const { lines, style } of blocks) {
			for (const line of lines) {
				this.ensure(lineHeightOf(style));
				this.y = drawBlocks(this.page, [{ lines: [line], style }], x, this.y);
			}
		}
	}

	/** Wraps and draws a paragraph across the content width (or from x to the right margin). */
	paragraph(text: string, style: TextStyle, x = MARGIN): void {
		this.text([block(text, style, PAGE_WIDTH - MARGIN - x)], x);
	}
}

/** A rectangle with an optional fill and border, given by its top edge. */
export function box(
	page: PDFPage,
	x: number,
	top: number,
	width: number,
	height: number,
	options: { fill?: RGB; border?: RGB; borderWidth?: number } = {}
): void {
	page.drawRectangle({
		x,
		y: top - height,
		width,
		height,
		color: options.fill,
		borderColor: options.border,
		borderWidth: options.border ? (options.borderWidth ?? 0.75) : 0
	});
}

/** An empty tick box (checked: with a cross), side `size`, top-left at (x, top). */
export function tickBox(
	page: PDFPage,
	x: number,
	top: number,
	size: number,
	checked: boolean
): void {
	box(page, x, top, size, size, { border: COLOR.text, borderWidth: 0.8 });
	if (!checked) return;
	const inset = size * 0.2;
	const opts = { thickness: 1.2, color: COLOR.text };
	page.drawLine({
		start: { x: x + inset, y: top - inset },
		end: { x: x + size - inset, y: top - size + inset },
		...opts
	});
	page.drawLine({
		start: { x: x + inset, y: top - size + inset },
		end: { x: x + size - inset, y: top - inset },
		...opts
	});
}

export function rule(page: PDFPage, y: number, x = MARGIN, width = CONTENT_WIDTH): void {
	page.drawLine({ start: { x, y }, end: { x: x + width, y }, thickness: 0.5, color: COLOR.rule });
}

/** Footer text on each page: `left` at the left margin, `right` right-aligned. */
export function footer(page: PDFPage, fonts: Fonts, left: string, right: string): void {
	const size = 8;
	const style = { font: fonts.regular, size, color: COLOR.muted };
	const rightWidth = textWidth(fonts.regular, right, size);
	const leftLines = wrapText(left, fonts.regular, size, CONTENT_WIDTH - rightWidth - 12);
	page.drawText(leftLines[0] ?? '', { x: MARGIN, y: FOOTER_BASELINE, ...style });
	page.drawText(right, { x: PAGE_WIDTH - MARGIN - rightWidth, y: FOOTER_BASELINE, ...style });
}
