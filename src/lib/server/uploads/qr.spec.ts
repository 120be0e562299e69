import { PDFDocument } from 'pdf-lib';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';
import { describe, expect, it } from 'vitest';
import {
	canvas,
	gradient,
	jpegOf,
	noise,
	pngOf,
	type Pixels
} from '../../../../tests/factories/files';
import { newReference } from '$lib/server/drafts';
import { readReference } from './qr';

/**
 * A page as a scanner or phone delivers it: A4 at 200 dpi, off-white with speckles, the QR code
 * of the registration form (qrcode with the defaults the PDF uses, holding only the reference)
 * somewhere on it at `modulePixels` per module, and some dark "text" lines.
 */
async function scannedPage(reference: string, modulePixels: number, at: { x: number; y: number }) {
	const page = canvas(1654, 2339);
	// Paper is not pure white; speckles of grey everywhere.
	const speckles = noise(page.width, page.height).data;
	for (let i = 0; i < page.data.length; i += 4) {
		const shade = 235 + (speckles[i]! % 20);
		page.data[i] = page.data[i + 1] = page.data[i + 2] = shade;
	}
	for (let line = 0; line < 30; line++) {
		const y = 1200 + line * 30;
		page.data.fill(40, (y * page.width + 150) * 4, (y * page.width + 1400) * 4);
	}
	const qr = PNG.sync.read(await QRCode.toBuffer(reference, { scale: modulePixels, margin: 4 }));
	for (let y = 0; y < qr.height; y++) {
		const from = y * qr.width * 4;
		qr.data.copy(page.data, ((at.y + y) * page.width + at.x) * 4, from, from + qr.width * 4);
	}
	return page;
}

async function pdfOfImage(image: Pixels, format: 'jpeg' | 'png'): Promise<Uint8Array> {
	const doc = await PDFDocument.create();
	const page = doc.addPage([595.28, 841.89]);
	const embedded =
		format === 'jpeg' ? await doc.embedJpg(jpegOf(image, 85)) : await doc.embedPng(pngOf(image));
	page.drawImage(embedded, { x: 0, y: 0, width: 595.28, height: 841.89 });
	return doc.save();
}

// Building A4 pages at 200 dpi and decoding them takes seconds on a busy two-core machine.
describe('reading the reference from a scan', { timeout: 90_000 }, () => {
	const reference = newReference();

	it('reads the cover sheet code from a PNG scan and a JPEG photo', async () => {
		const page = await scannedPage(reference, 8, { x: 1200, y: 300 });
		expect(await readReference(pngOf(page))).toBe(reference);
		expect(await readReference(jpegOf(page, 85))).toBe(reference);
	});

	it('reads the small code of a form page, which needs the larger search size', async () => {
		// 48 pt at 200 dpi: 133 px for 21 modules, about 6 px a module.
		const page = await scannedPage(reference, 6, { x: 1400, y: 120 });
		expect(await readReference(jpegOf(page, 85))).toBe(reference);
	});

	it('reads it from a scanned PDF: a JPEG page image (DCTDecode) and a Flate one', async () => {
		const page = await scannedPage(reference, 8, { x: 200, y: 1800 });
		expect(await readReference(await pdfOfImage(page, 'jpeg'))).toBe(reference);
		expect(await readReference(await pdfOfImage(page, 'png'))).toBe(reference);
	});

	it('returns null for a picture without a QR code', async () => {
		expect(await readReference(pngOf(gradient(800, 600)))).toBeNull();
		expect(await readReference(jpegOf(noise(640, 480)))).toBeNull();
		expect(await readReference(await pdfOfImage(gradient(400, 560), 'jpeg'))).toBeNull();
	});

	it('returns null for a QR code that holds something else, and for what is no image', async () => {
		const page = await scannedPage('https://example.org/K7QX-2M9P-4TZA', 8, { x: 100, y: 100 });
		expect(await readReference(pngOf(page))).toBeNull();
		expect(await readReference(Buffer.from('K7QX-2M9P-4TZA'))).toBeNull();
		expect(await readReference(Buffer.from('%PDF-1.7 broken'))).toBeNull();
		expect(await readReference(new Uint8Array())).toBeNull();
	});
});
