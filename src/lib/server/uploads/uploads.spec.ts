import { deflateSync } from 'node:zlib';
import { PDFDocument } from 'pdf-lib';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { withTestDatabase } from '../../../../tests/db/database';
import {
	gradient,
	jpegClaiming,
	jpegOf,
	noise,
	pdfWithText,
	pngClaiming,
	pngOf,
	testKeyring
} from '../../../../tests/factories/files';
import { locales } from '$lib/paraglide/runtime';
import * as crypto from '$lib/server/crypto';
import type { Database } from '$lib/server/db';
import { applications, uploads as table } from '$lib/server/db/schema';
import * as uploads from './index';

let database: Database;
let close: () => Promise<void>;
let applicationId: string;

const SECRET = 'PASSPORT NX7TK2P91 JANSEN';

async function newApplication(): Promise<string> {
	const [row] = await database.db
		.insert(applications)
		.values({
			reference: `TEST-${Math.random().toString(36).slice(2, 6)}-${Date.now() % 10000}`,
			kind: 'registration',
			locale: 'nl',
			answers: {},
			channel: 'upload',
			receivedAt: new Date('2026-11-02T10:00:00Z'),
			dueOn: '2026-11-09'
		})
		.returning({ id: applications.id });
	return row!.id;
}

beforeAll(async () => {
	({ database, close } = await withTestDatabase());
	crypto.useKeyring(testKeyring());
});
afterAll(async () => {
	crypto.useKeyring(undefined);
	await close();
});
beforeEach(async () => {
	applicationId = await newApplication();
});
afterEach(() => {
	delete process.env.UPLOAD_MAX_BYTES;
	delete process.env.UPLOAD_RETENTION_DAYS;
});

/** A PDF with one object stream holding `data` (compressed with `filter`), as a bomb would be. */
function pdfWithObjectStream(data: Buffer, filter = '/FlateDecode'): Uint8Array {
	const head = Buffer.from(
		`%PDF-1.7\n1 0 obj\n<< /Type /ObjStm /N 1 /First 4 /Filter ${filter} /Length ${data.length} >>\nstream\n`,
		'latin1'
	);
	const tail = Buffer.from('\nendstream\nendobj\ntrailer\n<< /Root 2 0 R >>\n%%EOF\n', 'latin1');
	return new Uint8Array(Buffer.concat([head, data, tail]));
}

const store = (bytes: Uint8Array, extra: Partial<uploads.StoreInput> = {}) =>
	uploads.store({ applicationId, kind: 'signed_form', bytes, ...extra });

describe('accepted files', () => {
	it('stores a PDF encrypted: the stored bytes are not the plaintext and hide its text', async () => {
		const pdf = await pdfWithText(SECRET);
		expect(Buffer.from(pdf).includes(SECRET)).toBe(true);
		const result = await store(pdf, { fileName: 'scan.PDF', declaredType: 'application/pdf' });
		expect(result).toMatchObject({ ok: true, upload: { mediaType: 'application/pdf' } });
		if (!result.ok) return;
		const [row] = await database.db.select().from(table).where(eq(table.id, result.upload.id));
		expect(row!.byteSize).toBe(pdf.length);
		expect(row!.ciphertext!.equals(Buffer.from(pdf))).toBe(false);
		expect(row!.ciphertext!.includes(SECRET)).toBe(false);
		expect(row!.ciphertext!.includes('%PDF')).toBe(false);
		const back = await uploads.read(result.upload.id);
		expect(back?.bytes.equals(Buffer.from(pdf))).toBe(true);
		expect(back).toMatchObject({
			applicationId,
			kind: 'signed_form',
			mediaType: 'application/pdf'
		});
	});

	it('stores a JPEG photo and a PNG scan, typed by their content', async () => {
		const photo = jpegOf(gradient(320, 240));
		const scan = pngOf(gradient(200, 280));
		const a = await store(photo, { kind: 'identity_document', fileName: 'IMG_0001.JPG' });
		const b = await store(scan, { declaredType: 'image/png' });
		expect(a).toMatchObject({
			ok: true,
			upload: { mediaType: 'image/jpeg', kind: 'identity_document' }
		});
		expect(b).toMatchObject({ ok: true, upload: { mediaType: 'image/png' } });
		// No name and an uninformative browser type: the content decides.
		const c = await store(scan, { fileName: 'scan', declaredType: 'application/octet-stream' });
		expect(c).toMatchObject({ ok: true, upload: { mediaType: 'image/png' } });
		const listed = await uploads.list(applicationId);
		expect(listed.map((u) => u.mediaType)).toEqual(['image/jpeg', 'image/png', 'image/png']);
		expect(listed[0]).not.toHaveProperty('ciphertext');
		if (a.ok) expect((await uploads.read(a.upload.id))!.bytes.equals(photo)).toBe(true);
	});

	it('reads nothing for an unknown or malformed id', async () => {
		expect(await uploads.read('00000000-0000-4000-8000-000000000000')).toBeNull();
		expect(await uploads.read("' or 1=1 --")).toBeNull();
	});

	it('refuses a ciphertext copied into another row (it is bound to its own)', async () => {
		const first = await store(pngOf(gradient(20, 20)));
		const second = await store(pngOf(gradient(30, 30)));
		if (!first.ok || !second.ok) throw new Error('setup');
		const [source] = await database.db.select().from(table).where(eq(table.id, first.upload.id));
		await database.db
			.update(table)
			.set({ iv: source!.iv, authTag: source!.authTag, ciphertext: source!.ciphertext })
			.where(eq(table.id, second.upload.id));
		await expect(uploads.read(second.upload.id)).rejects.toThrow();
	});
});

describe('refused files', () => {
	it('refuses an empty file and one over UPLOAD_MAX_BYTES', async () => {
		expect(await store(new Uint8Array())).toEqual({ ok: false, reason: 'empty' });
		process.env.UPLOAD_MAX_BYTES = '1000';
		const big = pngOf(noise(40, 40));
		expect(big.length).toBeGreaterThan(1000);
		expect(await store(big)).toEqual({ ok: false, reason: 'too_large' });
		expect(await uploads.list(applicationId)).toEqual([]);
	});

	it('holds the default limit at 10 MiB', async () => {
		expect(uploads.maxBytes()).toBe(10 * 1024 * 1024);
		expect(await store(new Uint8Array(10 * 1024 * 1024 + 1))).toEqual({
			ok: false,
			reason: 'too_large'
		});
	});

	it('refuses a PNG renamed .pdf or sent as application/pdf: the file is not what it says', async () => {
		const png = pngOf(gradient(40, 40));
		expect(await store(png, { fileName: 'form.pdf' })).toEqual({
			ok: false,
			reason: 'type_mismatch'
		});
		expect(await store(png, { declaredType: 'application/pdf' })).toEqual({
			ok: false,
			reason: 'type_mismatch'
		});
	});

	it('refuses a text file claiming to be a PNG, and a Word document', async () => {
		const text = Buffer.from('Dit is geen afbeelding.\n');
		expect(await store(text, { fileName: 'photo.png', declaredType: 'image/png' })).toEqual({
			ok: false,
			reason: 'unsupported_type'
		});
		const docx = Buffer.from('PK\u0003\u0004 word/document.xml');
		expect(await store(docx, { fileName: 'form.docx' })).toEqual({
			ok: false,
			reason: 'unsupported_type'
		});
	});

	it('refuses files that start right but do not parse: a truncated JPEG and PNG, a fake PDF', async () => {
		const photo = jpegOf(gradient(300, 200));
		expect(await store(photo.subarray(0, photo.length / 2))).toEqual({
			ok: false,
			reason: 'damaged'
		});
		const scan = pngOf(gradient(300, 200));
		expect(await store(scan.subarray(0, scan.length - 40))).toEqual({
			ok: false,
			reason: 'damaged'
		});
		expect(await store(Buffer.from('%PDF-1.7\nnot really a document'))).toEqual({
			ok: false,
			reason: 'damaged'
		});
	});

	it('refuses a password-protected PDF, which the office could not open', async () => {
		const doc = await PDFDocument.load(await pdfWithText(SECRET));
		doc.context.trailerInfo.Encrypt = doc.context.register(
			doc.context.obj({ Filter: 'Standard', V: 2, R: 3 })
		);
		const protectedPdf = await doc.save({ useObjectStreams: false });
		expect(await store(protectedPdf)).toEqual({ ok: false, reason: 'protected' });
	});

	it('refuses a PDF whose object streams inflate to gigabytes, before pdf-lib parses it', async () => {
		// 256 MiB of zeros deflates to a quarter of a megabyte: far under UPLOAD_MAX_BYTES.
		const bomb = pdfWithObjectStream(deflateSync(Buffer.alloc(256 * 1024 * 1024)));
		expect(bomb.length).toBeLessThan(1024 * 1024);
		expect(uploads.objectStreamsWithin(bomb)).toBe(false);
		expect(await store(bomb)).toEqual({ ok: false, reason: 'damaged' });
		// Chained filters, and filters zlib cannot bound, are refused as well.
		const chained = pdfWithObjectStream(
			deflateSync(deflateSync(Buffer.alloc(1024))),
			'[/FlateDecode /FlateDecode]'
		);
		expect(uploads.objectStreamsWithin(chained)).toBe(false);
		expect(uploads.objectStreamsWithin(pdfWithObjectStream(Buffer.from('x'), '/LZWDecode'))).toBe(
			false
		);
		// What pdf-lib itself writes with object streams stays well within the budget.
		const doc = await PDFDocument.load(await pdfWithText(SECRET));
		const ordinary = await doc.save({ useObjectStreams: true });
		expect(Buffer.from(ordinary).toString('latin1')).toContain('/ObjStm');
		expect(uploads.objectStreamsWithin(ordinary)).toBe(true);
		expect(await store(ordinary)).toMatchObject({ ok: true });
	});

	it('refuses decompression bombs by their header, before decoding', async () => {
		expect(await store(pngClaiming(50_000, 50_000))).toEqual({ ok: false, reason: 'too_large' });
		expect(await store(jpegClaiming(60_000, 60_000))).toEqual({ ok: false, reason: 'too_large' });
	});
});

describe('refusal messages', () => {
	it('has a message for every refusal in every language, with the limit filled in', () => {
		for (const locale of locales) {
			for (const reason of uploads.UPLOAD_REFUSALS) {
				expect(uploads.refusalMessage(reason, locale)).not.toMatch(/[{}]/);
			}
		}
		expect(uploads.refusalMessage('too_large', 'en')).toContain('10 MB');
		expect(uploads.refusalMessage('too_large', 'de')).toContain('10 MB');
	});
});

describe('deletion after the decision', () => {
	it('schedules deletion UPLOAD_RETENTION_DAYS after the decision and purges then', async () => {
		const pdf = await pdfWithText(SECRET);
		const kept = await store(pdf);
		const other = await newApplication();
		const untouched = await uploads.store({
			applicationId: other,
			kind: 'signed_form',
			bytes: pdf
		});
		if (!kept.ok || !untouched.ok) throw new Error('setup');

		process.env.UPLOAD_RETENTION_DAYS = '14';
		const decidedAt = new Date('2026-11-05T09:00:00Z');
		const deleteAfter = await uploads.scheduleDeletion(applicationId, decidedAt);
		expect(deleteAfter.toISOString()).toBe('2026-11-19T09:00:00.000Z');

		expect(await uploads.purgeExpired(new Date('2026-11-19T08:59:59Z'))).toBe(0);
		expect(await uploads.read(kept.upload.id)).not.toBeNull();

		const now = new Date('2026-11-19T09:00:00Z');
		expect(await uploads.purgeExpired(now)).toBe(1);
		expect(await uploads.purgeExpired(now)).toBe(0);
		expect(await uploads.read(kept.upload.id)).toBeNull();
		const [row] = await database.db.select().from(table).where(eq(table.id, kept.upload.id));
		expect(row!.ciphertext).toBeNull();
		expect(row!.deletedAt?.toISOString()).toBe(now.toISOString());
		// The other application has no decision yet: its file stays.
		expect((await uploads.read(untouched.upload.id))?.bytes.length).toBe(pdf.length);
	});

	it('defaults to 30 days', async () => {
		await store(pngOf(gradient(10, 10)));
		const at = await uploads.scheduleDeletion(applicationId, new Date('2027-01-01T00:00:00Z'));
		expect(at.toISOString()).toBe('2027-01-31T00:00:00.000Z');
	});
});
