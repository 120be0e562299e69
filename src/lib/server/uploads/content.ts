/**
 * What an uploaded file really is, judged by its content alone (issue 3: "checked by content, not
 * by name"): a PDF that pdf-lib can parse, or a JPEG or PNG that actually decodes. Images are
 * decoded (in a worker thread, ./pixels.ts) with bounded dimensions, so a small file that
 * inflates to gigabytes (a decompression bomb) is refused before any pixel memory is taken.
 */
import { constants, inflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { checkImage } from './pixels';

/** 40 megapixels: an A4 page scanned at 600 dpi (35 MP) or a full-size phone photo fits. */
export { MAX_PIXELS } from './pixels';

export const MEDIA_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type MediaType = (typeof MEDIA_TYPES)[number];

/**
 * Why a file is refused; callers show the message `upload_error_<reason>`.
 * - `too_large`: more bytes than UPLOAD_MAX_BYTES, or more pixels than MAX_PIXELS
 * - `empty`: zero bytes
 * - `unsupported_type`: not a PDF, JPEG or PNG
 * - `type_mismatch`: the name or the browser says one of those types, the content is another
 * - `damaged`: starts like a PDF, JPEG or PNG but does not parse or decode
 * - `protected`: an encrypted (password-protected) PDF the office could not open
 */
export const UPLOAD_REFUSALS = [
	'too_large',
	'empty',
	'unsupported_type',
	'type_mismatch',
	'damaged',
	'protected'
] as const;
export type UploadRefusal = (typeof UPLOAD_REFUSALS)[number];

const startsWith = (bytes: Uint8Array, signature: readonly number[]) =>
	bytes.length >= signature.length && signature.every((b, i) => bytes[i] === b);

const PDF = [0x25, 0x50, 0x44, 0x46, 0x2d]; // %PDF-
const JPEG = [0xff, 0xd8, 0xff];
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The type the first bytes announce (magic numbers), before any parsing. */
export function sniff(bytes: Uint8Array): MediaType | null {
	if (startsWith(bytes, PDF)) return 'application/pdf';
	if (startsWith(bytes, JPEG)) return 'image/jpeg';
	if (startsWith(bytes, PNG_SIGNATURE)) return 'image/png';
	return null;
}

/**
 * What the object streams of a PDF may inflate to, in all. pdf-lib inflates them while parsing,
 * with no bound on the main thread: a 10 MiB upload of compressed zeros would become gigabytes (a
 * PDF decompression bomb). A scanner's or phone's PDF holds a few kilobytes of objects.
 */
export const MAX_OBJECT_STREAM_BYTES = 16 * 1024 * 1024;

/**
 * Whether the object streams (`/Type /ObjStm`) stay within `budget` bytes when inflated, counted
 * with zlib's own output bound before pdf-lib sees them. Only FlateDecode, once, is accepted
 * for an object stream: other or chained filters are what a bomb would hide behind.
 */
export function objectStreamsWithin(bytes: Uint8Array, budget = MAX_OBJECT_STREAM_BYTES): boolean {
	const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
	let left = budget;
	for (const match of text.matchAll(/\/Type\s*\/ObjStm\b/g)) {
		const keyword = text.indexOf('stream', match.index);
		if (keyword < 0) return false;
		const dictionary = text.slice(Math.max(0, text.lastIndexOf('obj', match.index)), keyword);
		let start = keyword + 'stream'.length;
		if (text[start] === '\r') start++;
		if (text[start] === '\n') start++;
		const end = text.indexOf('endstream', start);
		if (end < 0) return false;
		const filters = [...dictionary.matchAll(/\/(\w+Decode)\b/g)].map((m) => m[1]);
		if (filters.length === 0) {
			left -= end - start;
		} else if (filters.length > 1 || filters[0] !== 'FlateDecode') {
			return false;
		} else {
			try {
				// A truncated stream still inflates as far as it goes: count that part too.
				left -= inflateSync(bytes.subarray(start, end), {
					maxOutputLength: Math.max(1, left),
					finishFlush: constants.Z_SYNC_FLUSH
				}).length;
			} catch (error) {
				if ((error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return false;
				// Not deflate data at all: pdf-lib's parser refuses it as damaged.
			}
		}
		if (left < 0) return false;
	}
	return true;
}

async function inspectPdf(bytes: Uint8Array): Promise<UploadRefusal | null> {
	if (!objectStreamsWithin(bytes)) return 'damaged';
	let doc: PDFDocument;
	try {
		doc = await PDFDocument.load(bytes, { ignoreEncryption: true, updateMetadata: false });
	} catch {
		return 'damaged';
	}
	if (doc.isEncrypted) return 'protected';
	try {
		return doc.getPageCount() > 0 ? null : 'damaged';
	} catch {
		return 'damaged';
	}
}

export type Inspection = { ok: true; mediaType: MediaType } | { ok: false; reason: UploadRefusal };

/** Checks size, then type by content, then that the content really parses or decodes. */
export async function inspect(bytes: Uint8Array, maxBytes: number): Promise<Inspection> {
	if (bytes.length === 0) return { ok: false, reason: 'empty' };
	if (bytes.length > maxBytes) return { ok: false, reason: 'too_large' };
	const mediaType = sniff(bytes);
	if (!mediaType) return { ok: false, reason: 'unsupported_type' };
	if (mediaType === 'application/pdf') {
		const refusal = await inspectPdf(bytes);
		return refusal ? { ok: false, reason: refusal } : { ok: true, mediaType };
	}
	// Decoded in a worker thread (seconds for a phone photo), bounded in pixels.
	const refusal = await checkImage(mediaType, bytes);
	return refusal ? { ok: false, reason: refusal } : { ok: true, mediaType };
}

const EXTENSIONS: Record<string, MediaType> = {
	pdf: 'application/pdf',
	jpg: 'image/jpeg',
	jpeg: 'image/jpeg',
	jpe: 'image/jpeg',
	jfif: 'image/jpeg',
	png: 'image/png'
};
const DECLARED: Record<string, MediaType> = {
	'application/pdf': 'application/pdf',
	'image/jpeg': 'image/jpeg',
	'image/pjpeg': 'image/jpeg',
	'image/jpg': 'image/jpeg',
	'image/png': 'image/png'
};

/**
 * What the file name or the browser claims, when it names one of the accepted types. A claim of
 * another type (or none: 'application/octet-stream', no extension) says nothing; the content
 * decides then.
 */
export function claimedTypes(fileName?: string, declaredType?: string): MediaType[] {
	const claims: MediaType[] = [];
	const extension = fileName?.match(/\.([A-Za-z0-9]+)$/)?.[1]?.toLowerCase();
	if (extension && EXTENSIONS[extension]) claims.push(EXTENSIONS[extension]);
	const declared = declaredType?.split(';')[0]?.trim().toLowerCase();
	if (declared && DECLARED[declared]) claims.push(DECLARED[declared]);
	return claims;
}
