/**
 * Reads the reference from the QR code printed on the registration form (src/lib/server/pdf/qr.ts
 * draws it; it holds exactly the reference) in a photo or scan of the signed form, so the clerk
 * finds the application without typing it (issue 3, intake). JPEG and PNG are decoded and
 * searched with jsQR; from a scanned PDF the embedded page images are taken out (JPEG as is,
 * Flate-compressed pixels inflated) and searched the same way. The pixel work runs in a worker
 * thread (./pixels.worker.cjs). Vector PDFs (the form as the portal made it, never printed) have
 * no image to read: the clerk types the reference then.
 */
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
import { objectStreamsWithin, sniff } from './content';
import { MAX_PIXELS, referenceIn, type PixelSource } from './pixels';

/** XXXX-XXXX-XXXX in Crockford's base32 alphabet, as drafts.newReference() makes them. */
export const REFERENCE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

const name = (value: PDFObject | undefined) => (value instanceof PDFName ? value.decodeText() : '');
const number = (value: PDFObject | undefined) =>
	value instanceof PDFNumber ? value.asNumber() : undefined;

function resolve(doc: PDFDocument, value: PDFObject | undefined): PDFObject | undefined {
	return value instanceof PDFRef ? doc.context.lookup(value) : value;
}

/** Colour components of an image's colour space; null for one we do not convert (Indexed…). */
function components(doc: PDFDocument, space: PDFObject | undefined): number | null {
	const resolved = resolve(doc, space);
	if (resolved instanceof PDFName) {
		const known: Record<string, number> = {
			DeviceGray: 1,
			CalGray: 1,
			DeviceRGB: 3,
			CalRGB: 3,
			DeviceCMYK: 4
		};
		return known[resolved.decodeText()] ?? null;
	}
	if (resolved instanceof PDFArray && name(resolved.get(0)) === 'ICCBased') {
		const profile = resolve(doc, resolved.get(1));
		return (profile instanceof PDFRawStream && number(profile.dict.get(PDFName.of('N')))) || null;
	}
	return null;
}

/** One embedded image as the worker takes it, or null when its encoding is one we do not read. */
function pdfImage(doc: PDFDocument, stream: PDFRawStream): PixelSource | null {
	const get = (key: string) => resolve(doc, stream.dict.get(PDFName.of(key)));
	const filter = get('Filter');
	const filters = (filter instanceof PDFArray ? filter.asArray() : filter ? [filter] : []).map(
		(f) => name(resolve(doc, f))
	);
	const width = number(get('Width')) ?? 0;
	const height = number(get('Height')) ?? 0;
	if (!width || !height || width * height > MAX_PIXELS) return null;
	// A scanner's JPEG page, as it wrote it.
	if (filters.length === 1 && filters[0] === 'DCTDecode') {
		return { kind: 'encoded', type: 'image/jpeg', bytes: stream.contents };
	}
	// JBIG2, CCITT, JPX and chains of filters are not read here.
	if (filters.length > 1 || (filters.length === 1 && filters[0] !== 'FlateDecode')) return null;
	const mask = get('ImageMask');
	const comps = mask ? 1 : components(doc, get('ColorSpace'));
	const bits = number(get('BitsPerComponent')) ?? 1;
	if (!comps || (bits !== 8 && bits !== 1)) return null;
	const params = get('DecodeParms');
	return {
		kind: 'raw',
		bytes: stream.contents,
		flate: filters[0] === 'FlateDecode',
		width,
		height,
		components: comps,
		bits,
		predictor: params instanceof PDFDict ? (number(params.get(PDFName.of('Predictor'))) ?? 1) : 1
	};
}

async function referenceInPdf(bytes: Uint8Array): Promise<string | null> {
	const doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
	const sources: PixelSource[] = [];
	for (const [, object] of doc.context.enumerateIndirectObjects()) {
		if (!(object instanceof PDFRawStream)) continue;
		if (name(object.dict.get(PDFName.of('Subtype'))) !== 'Image') continue;
		const source = pdfImage(doc, object);
		if (source) sources.push(source);
	}
	return referenceIn(sources);
}

/**
 * The reference (XXXX-XXXX-XXXX) in the QR code of an uploaded photo or scan (JPEG, PNG or a
 * scanned PDF), or null when there is none, or the file cannot be read.
 */
export async function readReference(bytes: Uint8Array): Promise<string | null> {
	const type = sniff(bytes);
	try {
		// A PDF bomb is unreadable here too (the office's intake reads scans before any check).
		if (type === 'application/pdf') {
			return objectStreamsWithin(bytes) ? await referenceInPdf(bytes) : null;
		}
		if (type === 'image/jpeg' || type === 'image/png') {
			return await referenceIn([{ kind: 'encoded', type, bytes }]);
		}
	} catch {
		// Unreadable: the clerk types the reference.
	}
	return null;
}
