/**
 * Files as a voter's phone or scanner would upload them: PNG, JPEG and PDF built in memory, plus
 * the hostile kinds (bombs, damaged files) that the upload checks must refuse.
 */
import { randomBytes } from 'node:crypto';
import { crc32 } from 'node:zlib';
import jpeg from 'jpeg-js';
import { PDFDocument, PDFName, PDFString, StandardFonts } from 'pdf-lib';
import { PNG } from 'pngjs';
import * as crypto from '$lib/server/crypto';

/** A keyring of random keys, so tests never write a development key file. */
export function testKeyring(ids: string[] = ['test']): crypto.Keyring {
	return crypto.loadKeyring({
		ENCRYPTION_KEYS: JSON.stringify(
			Object.fromEntries(ids.map((id) => [id, randomBytes(32).toString('base64')]))
		),
		ENCRYPTION_KEY_ID: ids.at(-1),
		BLIND_INDEX_KEY: randomBytes(32).toString('base64')
	});
}

export type Pixels = { width: number; height: number; data: Buffer };

/** A white RGBA canvas. */
export function canvas(width: number, height: number): Pixels {
	return { width, height, data: Buffer.alloc(width * height * 4, 255) };
}

/** A canvas with a gradient, so JPEG and PNG have something to compress. */
export function gradient(width: number, height: number): Pixels {
	const image = canvas(width, height);
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			const i = (y * width + x) * 4;
			image.data[i] = (x * 255) / width;
			image.data[i + 1] = (y * 255) / height;
			image.data[i + 2] = 128;
		}
	}
	return image;
}

export function pngOf(image: Pixels): Buffer {
	const png = new PNG({ width: image.width, height: image.height });
	image.data.copy(png.data);
	return PNG.sync.write(png);
}

export function jpegOf(image: Pixels, quality = 90): Buffer {
	return jpeg.encode(image, quality).data;
}

/**
 * A one-page PDF showing `text`, which also sits in the catalogue as a literal string:
 * the file's bytes contain it as written, so a test can look for it in what was stored.
 */
export async function pdfWithText(text: string): Promise<Uint8Array> {
	const doc = await PDFDocument.create();
	const page = doc.addPage([595, 842]);
	page.drawText(text, {
		x: 50,
		y: 700,
		size: 12,
		font: await doc.embedFont(StandardFonts.Helvetica)
	});
	// A private entry in the catalogue; viewers ignore it.
	doc.catalog.set(PDFName.of('PortalTest'), PDFString.of(text));
	return doc.save({ useObjectStreams: false });
}

/** Random pixels: they do not compress, so the file is about as big as the image. */
export function noise(width: number, height: number): Pixels {
	return { width, height, data: randomBytes(width * height * 4) };
}

/** A valid PNG whose header claims `width`×`height` (a decompression bomb's header). */
export function pngClaiming(width: number, height: number): Buffer {
	const png = Buffer.from(pngOf(canvas(2, 2)));
	png.writeUInt32BE(width, 16);
	png.writeUInt32BE(height, 20);
	// The IHDR chunk's CRC covers its type and data (bytes 12–28).
	png.writeUInt32BE(crc32(png.subarray(12, 29)), 29);
	return png;
}

/** A valid JPEG whose frame header (SOF0) claims `width`×`height`. */
export function jpegClaiming(width: number, height: number): Buffer {
	const bytes = Buffer.from(jpegOf(canvas(16, 16)));
	for (let i = 2; i < bytes.length - 8; i++) {
		if (bytes[i] === 0xff && bytes[i + 1] === 0xc0) {
			bytes.writeUInt16BE(height, i + 5);
			bytes.writeUInt16BE(width, i + 7);
			return bytes;
		}
	}
	throw new Error('No SOF0 marker');
}
