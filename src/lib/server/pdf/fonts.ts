import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import fontkit from '@pdf-lib/fontkit';

export type FontFiles = { regular: Uint8Array; bold: Uint8Array };

// Resolved through Node's resolver (not a path relative to this file) so it works in vitest and
// in the adapter-node build, where dejavu-fonts-ttf is a runtime dependency in node_modules.
// DejaVu Sans covers every Latin-script name (ë Ĳ ç ø ł ő ñ ß, Vietnamese).
const nodeRequire = createRequire(import.meta.url);

let fonts: Promise<FontFiles> | undefined;

/** Reads the two TTF files once per process (about 1.4 MB); a failed read is retried next time. */
export function loadFonts(): Promise<FontFiles> {
	fonts ??= Promise.all([
		readFile(nodeRequire.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf')),
		readFile(nodeRequire.resolve('dejavu-fonts-ttf/ttf/DejaVuSans-Bold.ttf'))
	]).then(
		([regular, bold]) => ({ regular: new Uint8Array(regular), bold: new Uint8Array(bold) }),
		(error: unknown) => {
			fonts = undefined;
			throw error;
		}
	);
	return fonts;
}

type Fontkit = typeof fontkit;
type Font = Awaited<ReturnType<Fontkit['create']>>;
const parsed = new WeakMap<Uint8Array, Font>();

/**
 * fontkit for `PDFDocument.registerFontkit`, which parses each font file once per process instead
 * of once per document: pdf-lib hands it the bytes for every `embedFont`, and fontkit decoding
 * DejaVu's tables afresh was half the time a PDF took (bench/README.md item 2). The font object
 * is only read by the embedders (layout, glyph outlines); each document makes its own subset.
 * Keyed by the byte arrays `loadFonts` keeps, so other bytes are parsed as before.
 */
export const sharedFontkit: Fontkit = {
	...fontkit,
	create(data: Uint8Array, postscriptName?: string) {
		if (postscriptName !== undefined) return fontkit.create(data, postscriptName);
		let font = parsed.get(data);
		if (!font) {
			font = fontkit.create(data);
			parsed.set(data, font);
		}
		return font;
	}
};
