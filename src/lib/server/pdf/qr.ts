import {
	beginMarkedContent,
	concatTransformationMatrix,
	endMarkedContent,
	fill,
	popGraphicsState,
	pushGraphicsState,
	rectangle,
	rgb,
	setFillingRgbColor,
	type PDFPage
} from 'pdf-lib';
import QRCode from 'qrcode';

/** Marked-content tag around the QR drawing, so tests can find and decode it in the content stream. */
export const QR_TAG = 'QRCode';

/** A horizontal run of dark modules, in module units, row 0 at the top. */
export type QrRun = { row: number; col: number; length: number };

/** The dark modules of the QR code for `text` (qrcode's defaults: error correction M, auto mode). */
export function qrRuns(text: string): { size: number; runs: QrRun[] } {
	const { size, data } = QRCode.create(text).modules;
	const runs: QrRun[] = [];
	for (let row = 0; row < size; row++) {
		let col = 0;
		while (col < size) {
			if (!data[row * size + col]) {
				col++;
				continue;
			}
			const start = col;
			while (col < size && data[row * size + col]) col++;
			runs.push({ row, col: start, length: col - start });
		}
	}
	return { size, runs };
}

/** The quiet zone the QR standard asks around the symbol, in modules. */
export const QR_QUIET_MODULES = 4;

/**
 * Draws the QR code as vector rectangles in one path filled once (no seams between modules), its
 * modules' top-left corner at (x, top) and `width` points wide, on a white quiet zone of 4
 * modules that reaches outside that square (so the symbol itself can align with a margin).
 */
export function drawQr(page: PDFPage, text: string, x: number, top: number, width: number): void {
	const { size, runs } = qrRuns(text);
	const m = width / size;
	const quiet = QR_QUIET_MODULES * m;
	page.drawRectangle({
		x: x - quiet,
		y: top - width - quiet,
		width: width + 2 * quiet,
		height: width + 2 * quiet,
		color: rgb(1, 1, 1)
	});
	page.pushOperators(
		beginMarkedContent(QR_TAG),
		pushGraphicsState(),
		// Module units with y pointing down, so a run's row is its y.
		concatTransformationMatrix(m, 0, 0, -m, x, top),
		setFillingRgbColor(0, 0, 0),
		...runs.map((r) => rectangle(r.col, r.row, r.length, 1)),
		fill(),
		popGraphicsState(),
		endMarkedContent()
	);
}
