/**
 * Reads the reference from the QR code printed on the registration form (src/lib/server/pdf/qr.ts
 * draws it; it holds exactly the reference) in a photo or scan of the signed form, so the clerk
 * finds the application without typing it (issue 3, intake). JPEG and PNG are decoded and
 * searched with jsQR; from a scanned PDF the embedded page images are taken out (JPEG as is,
 * Flate-compressed pixels inflated) and searched the same way. Vector PDFs (the form as the
 * portal made it, never printed) have no image to read: the clerk types the reference then.
 */
import { inflateSync } from 'node:zlib';
import jsQR from 'jsqr';
import {
	PDFArray,
	PDFDict,
	PDFDocument,
	PDFName,
	PDFNumber,
	PDFRawStream,
	PDFRef,
	type PDFObject
} from 'pdf-lib';
import { decodeImage, MAX_PIXELS, sniff, type Rgba } from './content';

/** XXXX-XXXX-XXXX in Crockford's base32 alphabet, as drafts.newReference() makes them. */
export const REFERENCE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

/**
 * Sizes (longest side, pixels) the image is searched at, smallest first: jsQR's time grows with
 * the pixel count, and a phone photo of a page finds the cover sheet's large code at 1000 px.
 * The form pages' small code (48 pt) needs about 3 px per module: an A4 page at 2400 px.
 */
const SEARCH_SIZES = [1000, 2400];

/** Box-filter downscale to `longest` pixels on the longest side (no-op when already smaller). */
export function downscale(image: Rgba, longest: number): Rgba {
	const scale = longest / Math.max(image.width, image.height);
	if (scale >= 1) return image;
	const width = Math.max(1, Math.round(image.width * scale));
	const height = Math.max(1, Math.round(image.height * scale));
	const out = new Uint8Array(width * height * 4);
	const xRatio = image.width / width;
	const yRatio = image.height / height;
	for (let y = 0; y < height; y++) {
		const y0 = Math.floor(y * yRatio);
		const y1 = Math.max(y0 + 1, Math.floor((y + 1) * yRatio));
		for (let x = 0; x < width; x++) {
			const x0 = Math.floor(x * xRatio);
			const x1 = Math.max(x0 + 1, Math.floor((x + 1) * xRatio));
			let r = 0,
				g = 0,
				b = 0,
				n = 0;
			for (let sy = y0; sy < y1; sy++) {
				let i = (sy * image.width + x0) * 4;
				for (let sx = x0; sx < x1; sx++, i += 4) {
					r += image.data[i]!;
					g += image.data[i + 1]!;
					b += image.data[i + 2]!;
					n++;
				}
			}
			const o = (y * width + x) * 4;
			out[o] = r / n;
			out[o + 1] = g / n;
			out[o + 2] = b / n;
			out[o + 3] = 255;
		}
	}
	return { width, height, data: out };
}

/** The reference in an image, searched at growing sizes; null when there is none. */
export function findReference(image: Rgba): string | null {
	const longest = Math.max(image.width, image.height);
	const sizes = [...SEARCH_SIZES.filter((s) => s < longest), longest].filter(
		(s, i, all) => all.indexOf(s) === i && s <= Math.max(...SEARCH_SIZES)
	);
	for (const size of sizes) {
		const scaled = downscale(image, size);
		const data = new Uint8ClampedArray(
			scaled.data.buffer,
			scaled.data.byteOffset,
			scaled.data.length
		);
		const code = jsQR(data, scaled.width, scaled.height, { inversionAttempts: 'dontInvert' });
		const text = code?.data.trim().toUpperCase();
		if (text && REFERENCE.test(text)) return text;
	}
	return null;
}

const name = (value: PDFObject | undefined) => (value instanceof PDFName ? value.decodeText() : '');

function resolve(doc: PDFDocument, value: PDFObject | undefined): PDFObject | undefined {
	return value instanceof PDFRef ? doc.context.lookup(value) : value;
}

/** Colour components of an image's colour space; null for one we do not convert (Indexed…). */
function components(doc: PDFDocument, space: PDFObject | undefined): number | null {
	const resolved = resolve(doc, space);
	if (resolved instanceof PDFName) {
		return (
			{ DeviceGray: 1, CalGray: 1, DeviceRGB: 3, CalRGB: 3, DeviceCMYK: 4 }[
				resolved.decodeText()
			] ?? null
		);
	}
	if (resolved instanceof PDFArray && name(resolved.get(0)) === 'ICCBased') {
		const profile = resolve(doc, resolved.get(1));
		const n = profile instanceof PDFRawStream ? profile.dict.get(PDFName.of('N')) : undefined;
		return n instanceof PDFNumber ? n.asNumber() : null;
	}
	return null;
}

/** Undoes PNG predictors (PDF Predictor ≥ 10): each row starts with its filter type byte. */
function unpredict(data: Uint8Array, rowBytes: number, bpp: number, rows: number): Uint8Array {
	const out = new Uint8Array(rowBytes * rows);
	for (let y = 0; y < rows; y++) {
		const filter = data[y * (rowBytes + 1)];
		const src = y * (rowBytes + 1) + 1;
		const row = y * rowBytes;
		for (let x = 0; x < rowBytes; x++) {
			const raw = data[src + x] ?? 0;
			const left = x >= bpp ? out[row + x - bpp]! : 0;
			const up = y > 0 ? out[row - rowBytes + x]! : 0;
			const upLeft = y > 0 && x >= bpp ? out[row - rowBytes + x - bpp]! : 0;
			let value = raw;
			if (filter === 1) value = raw + left;
			else if (filter === 2) value = raw + up;
			else if (filter === 3) value = raw + ((left + up) >> 1);
			else if (filter === 4) {
				const p = left + up - upLeft;
				const pa = Math.abs(p - left);
				const pb = Math.abs(p - up);
				const pc = Math.abs(p - upLeft);
				value = raw + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
			}
			out[row + x] = value & 0xff;
		}
	}
	return out;
}

/** Raw samples (8 or 1 bit, gray/RGB/CMYK) to RGBA. */
function samplesToRgba(
	samples: Uint8Array,
	width: number,
	height: number,
	comps: number,
	bits: number
): Rgba {
	const rowBytes = Math.ceil((width * comps * bits) / 8);
	const data = new Uint8Array(width * height * 4);
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			const o = (y * width + x) * 4;
			let r: number, g: number, b: number;
			if (bits === 1) {
				const bit = (samples[y * rowBytes + (x >> 3)]! >> (7 - (x & 7))) & 1;
				r = g = b = bit ? 255 : 0;
			} else {
				const i = y * rowBytes + x * comps;
				if (comps === 1) r = g = b = samples[i]!;
				else if (comps === 3) [r, g, b] = [samples[i]!, samples[i + 1]!, samples[i + 2]!];
				else {
					const k = samples[i + 3]!;
					r = 255 - Math.min(255, samples[i]! + k);
					g = 255 - Math.min(255, samples[i + 1]! + k);
					b = 255 - Math.min(255, samples[i + 2]! + k);
				}
			}
			data[o] = r;
			data[o + 1] = g;
			data[o + 2] = b;
			data[o + 3] = 255;
		}
	}
	return { width, height, data };
}

/** One embedded image as RGBA, or null when its encoding is one we do not read. */
function pdfImage(doc: PDFDocument, stream: PDFRawStream): Rgba | null {
	const dict = stream.dict;
	const get = (key: string) => resolve(doc, dict.get(PDFName.of(key)));
	const filter = get('Filter');
	const filters = (filter instanceof PDFArray ? filter.asArray() : filter ? [filter] : []).map(
		(f) => name(resolve(doc, f))
	);
	const width = (get('Width') as PDFNumber | undefined)?.asNumber() ?? 0;
	const height = (get('Height') as PDFNumber | undefined)?.asNumber() ?? 0;
	if (!width || !height || width * height > MAX_PIXELS) return null;

	let bytes: Uint8Array = stream.contents;
	for (const [i, f] of filters.entries()) {
		if (f === 'DCTDecode' && i === filters.length - 1) {
			// A JPEG file, as the scanner wrote it.
			return decodeImage(bytes, 'image/jpeg');
		}
		if (f !== 'FlateDecode') return null; // JBIG2, CCITT, JPX: not read here
		const comps = components(doc, get('ColorSpace')) ?? 1;
		// Bounded: at most the pixels the header announces (plus predictor bytes), never a bomb.
		bytes = inflateSync(bytes, { maxOutputLength: (width * comps + 1) * height + 1024 });
	}

	const comps = dict.get(PDFName.of('ImageMask')) ? 1 : components(doc, get('ColorSpace'));
	const bits = (get('BitsPerComponent') as PDFNumber | undefined)?.asNumber() ?? 1;
	if (!comps || (bits !== 8 && bits !== 1)) return null;
	const params = get('DecodeParms');
	const predictor =
		params instanceof PDFDict
			? (params.get(PDFName.of('Predictor')) as PDFNumber | undefined)
			: undefined;
	const rowBytes = Math.ceil((width * comps * bits) / 8);
	if (predictor && predictor.asNumber() >= 10) {
		bytes = unpredict(bytes, rowBytes, Math.max(1, (comps * bits) >> 3), height);
	}
	if (bytes.length < rowBytes * height) return null;
	return samplesToRgba(bytes, width, height, comps, bits);
}

async function referenceInPdf(bytes: Uint8Array): Promise<string | null> {
	const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
	for (const [, object] of doc.context.enumerateIndirectObjects()) {
		if (!(object instanceof PDFRawStream)) continue;
		if (name(object.dict.get(PDFName.of('Subtype'))) !== 'Image') continue;
		let image: Rgba | null;
		try {
			image = pdfImage(doc, object);
		} catch {
			continue; // one damaged image does not hide the others
		}
		const reference = image && findReference(image);
		if (reference) return reference;
	}
	return null;
}

/**
 * The reference (XXXX-XXXX-XXXX) in the QR code of an uploaded photo or scan (JPEG, PNG or a
 * scanned PDF), or null when there is none, or the file cannot be read.
 */
export async function readReference(bytes: Uint8Array): Promise<string | null> {
	const type = sniff(bytes);
	try {
		if (type === 'application/pdf') return await referenceInPdf(bytes);
		if (type === 'image/jpeg' || type === 'image/png') {
			return findReference(decodeImage(bytes, type));
		}
	} catch {
		// Unreadable: the clerk types the reference.
	}
	return null;
}
