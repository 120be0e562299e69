/**
 * For the PDF specs only: read a rendered PDF back as a reader (and a scanner) would, page by page.
 * Not imported by the application.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodePDFRawStream, PDFArray, PDFName, PDFRawStream, type PDFPage } from 'pdf-lib';
import QRCode from 'qrcode';
import { extractText, extractTextItems } from 'unpdf';
import { QR_TAG } from './qr';

/** The text of each page (whitespace collapsed) and its positioned items. */
export async function readBack(bytes: Uint8Array, name: string) {
	if (process.env.KB_PDF_OUT) {
		// Look at the output: KB_PDF_OUT=/tmp/pdf npx vitest run src/lib/server/pdf
		mkdirSync(process.env.KB_PDF_OUT, { recursive: true });
		writeFileSync(join(process.env.KB_PDF_OUT, `${name}.pdf`), bytes);
	}
	// pdf.js may detach the buffer it is given: hand it copies.
	const { text } = await extractText(bytes.slice());
	const { items } = await extractTextItems(bytes.slice());
	return { pages: text.map((t) => t.normalize('NFC').replace(/\s+/g, ' ')), items };
}

/** The QR matrices drawn on a page, decoded from the rectangles in its content stream. */
export function drawnQrMatrices(page: PDFPage): number[][][] {
	const contents = page.node.get(PDFName.of('Contents'));
	const refs = contents instanceof PDFArray ? contents.asArray() : [contents];
	const source = refs
		.map((ref) => page.doc.context.lookup(ref))
		.filter((s): s is PDFRawStream => s instanceof PDFRawStream)
		.map((s) => new TextDecoder('latin1').decode(decodePDFRawStream(s).decode()))
		.join('\n');
	const matrices: number[][][] = [];
	for (const [, body] of source.matchAll(new RegExp(`/${QR_TAG} BMC([\\s\\S]*?)EMC`, 'g'))) {
		const runs = [...(body ?? '').matchAll(/(\d+) (\d+) (\d+) 1 re/g)].map((r) =>
			r.slice(1, 4).map(Number)
		);
		const size = Math.max(...runs.map(([col = 0, , length = 0]) => col + length));
		const matrix = Array.from({ length: size }, () => Array<number>(size).fill(0));
		for (const [col = 0, row = 0, length = 0] of runs) {
			for (let c = col; c < col + length; c++) matrix[row]![c] = 1;
		}
		matrices.push(matrix);
	}
	return matrices;
}

/** The modules of the QR code for `text`, as the renderer draws them. */
export function expectedQr(text: string): number[][] {
	const { size, data } = QRCode.create(text).modules;
	return Array.from({ length: size }, (_, r) =>
		Array.from(data.subarray(r * size, (r + 1) * size))
	);
}

/** Every non-empty text item lies inside the page's margins. */
export function outsideMargins(items: { str: string; x: number; y: number; width: number }[][]) {
	return items
		.flat()
		.filter((i) => i.str.trim())
		.filter((i) => i.x < 49 || i.x + i.width > 595.28 - 49 || i.y < 30 || i.y > 841.89 - 49)
		.map((i) => i.str);
}

function hasTool(tool: string): boolean {
	try {
		execFileSync('sh', ['-c', `command -v ${tool}`], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

/**
 * What a real decoder reads from the QR code of each page, in page order ('' where it reads
 * none): the pages rendered at 300 dpi, as an office scanner does, by poppler's pdftoppm, and read
 * by zbar (Debian: poppler-utils, zbar-tools; .ci/run installs them).
 */
export function scannedQrCodes(bytes: Uint8Array): string[] {
	for (const tool of ['pdftoppm', 'zbarimg']) {
		if (!hasTool(tool))
			throw new Error(`${tool} is missing: apt-get install poppler-utils zbar-tools`);
	}
	const dir = mkdtempSync(join(tmpdir(), 'kb-qr-'));
	try {
		writeFileSync(join(dir, 'form.pdf'), bytes);
		execFileSync('pdftoppm', ['-r', '300', '-png', join(dir, 'form.pdf'), join(dir, 'page')]);
		return readdirSync(dir)
			.filter((f) => f.endsWith('.png'))
			.sort()
			.map((png) => {
				try {
					return execFileSync('zbarimg', ['-q', '--raw', join(dir, png)], {
						encoding: 'utf8',
						stdio: ['ignore', 'pipe', 'ignore']
					}).trim();
				} catch {
					// zbarimg exits non-zero when it finds no code.
					return '';
				}
			});
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}
