import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

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
