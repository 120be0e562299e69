/**
 * The files a voter uploads: the scan or photo of the signed form and of their passport or ID card
 * (KB D 4, KB D 5(4): Den Haag accepts electronic submissions). Checked by content, encrypted at
 * rest (AES-256-GCM, key from the environment), and wiped a configurable number of days after the
 * decision: the copy is needed to decide (KB D 6) and not after (GDPR art. 5(1)(e)).
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, isNull, lte } from 'drizzle-orm';
import { message } from '$lib/i18n';
import * as crypto from '$lib/server/crypto';
import { db, type Db } from '$lib/server/db';
import { uploads, type Upload } from '$lib/server/db/schema';
import { claimedTypes, inspect, type MediaType, type UploadRefusal } from './content';
export { readReference } from './qr';

export {
	MAX_OBJECT_STREAM_BYTES,
	MAX_PIXELS,
	MEDIA_TYPES,
	objectStreamsWithin,
	UPLOAD_REFUSALS,
	type MediaType,
	type UploadRefusal
} from './content';

export type UploadKind = Upload['kind'];

/** What the office and the voter see of an upload; never the bytes. */
export type UploadInfo = {
	id: string;
	applicationId: string;
	kind: UploadKind;
	mediaType: MediaType;
	byteSize: number;
	createdAt: Date;
	deleteAfter: Date | null;
	deletedAt: Date | null;
};

export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;
export const DEFAULT_RETENTION_DAYS = 30;

function positiveInteger(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isSafeInteger(value) || value <= 0) {
		throw new Error(`${name} must be a positive whole number, not "${raw}"`);
	}
	return value;
}

/** UPLOAD_MAX_BYTES (default 10 MiB). */
export const maxBytes = () => positiveInteger('UPLOAD_MAX_BYTES', DEFAULT_MAX_BYTES);
/** UPLOAD_RETENTION_DAYS after the decision (default 30). */
export const retentionDays = () => positiveInteger('UPLOAD_RETENTION_DAYS', DEFAULT_RETENTION_DAYS);

/** The refusal in the voter's language, for the field and the error summary. */
export function refusalMessage(reason: UploadRefusal, locale: string): string {
	const max = `${Math.floor(maxBytes() / (1024 * 1024)) || 1} MB`;
	return message(`upload_error_${reason}`, { max }, locale);
}

// GCM's additional data binds a ciphertext to its row: copied into another row, it fails.
const context = (id: string) => `upload:${id}`;

const infoColumns = {
	id: uploads.id,
	applicationId: uploads.applicationId,
	kind: uploads.kind,
	mediaType: uploads.mediaType,
	byteSize: uploads.byteSize,
	createdAt: uploads.createdAt,
	deleteAfter: uploads.deleteAfter,
	deletedAt: uploads.deletedAt
};

export type StoreInput = {
	applicationId: string;
	kind: UploadKind;
	bytes: Uint8Array;
	/** The name the browser sent, if any: a name that says another accepted type is refused. */
	fileName?: string;
	/** The browser's Content-Type for the file, if any; never trusted, only compared. */
	declaredType?: string;
	now?: Date;
};

export type StoreResult = { ok: true; upload: UploadInfo } | { ok: false; reason: UploadRefusal };

/**
 * Checks the file (size, then type by content; a name or browser type naming another accepted
 * type is a mismatch), encrypts it and stores it. Pass the transaction that records the
 * application, so the file and the receipt commit together. A refusal stores nothing.
 */
export async function store(input: StoreInput, tx?: Db): Promise<StoreResult> {
	const inspection = await inspect(input.bytes, maxBytes());
	if (!inspection.ok) return inspection;
	const claims = claimedTypes(input.fileName, input.declaredType);
	if (claims.some((claim) => claim !== inspection.mediaType)) {
		return { ok: false, reason: 'type_mismatch' };
	}
	const id = randomUUID();
	const sealed = crypto.encrypt(input.bytes, context(id));
	const [row] = await (tx ?? (await db()))
		.insert(uploads)
		.values({
			id,
			applicationId: input.applicationId,
			kind: input.kind,
			mediaType: inspection.mediaType,
			byteSize: input.bytes.length,
			keyId: sealed.keyId,
			iv: sealed.iv,
			authTag: sealed.authTag,
			ciphertext: sealed.ciphertext,
			...(input.now ? { createdAt: input.now } : {})
		})
		.returning(infoColumns);
	return { ok: true, upload: row as UploadInfo };
}

/** The upload with its decrypted bytes; null when there is none or it has been deleted. */
export async function read(
	uploadId: string,
	tx?: Db
): Promise<(UploadInfo & { bytes: Buffer }) | null> {
	if (!isUuid(uploadId)) return null;
	const [row] = await (tx ?? (await db()))
		.select({
			info: infoColumns,
			keyId: uploads.keyId,
			iv: uploads.iv,
			authTag: uploads.authTag,
			ciphertext: uploads.ciphertext
		})
		.from(uploads)
		.where(eq(uploads.id, uploadId));
	if (!row?.ciphertext || row.info.deletedAt) return null;
	const bytes = crypto.decrypt(
		{ keyId: row.keyId, iv: row.iv, authTag: row.authTag, ciphertext: row.ciphertext },
		context(uploadId)
	);
	return { ...(row.info as UploadInfo), bytes };
}

/** The uploads of an application, oldest first (deleted ones too, marked by `deletedAt`). */
export async function list(applicationId: string, tx?: Db): Promise<UploadInfo[]> {
	if (!isUuid(applicationId)) return [];
	const rows = await (tx ?? (await db()))
		.select(infoColumns)
		.from(uploads)
		.where(eq(uploads.applicationId, applicationId))
		.orderBy(asc(uploads.createdAt), asc(uploads.id));
	return rows as UploadInfo[];
}

/**
 * After the decision the copies are kept UPLOAD_RETENTION_DAYS (for questions and an appeal,
 * KW D 8), then wiped. Call in the decision's transaction. Returns the moment set.
 */
export async function scheduleDeletion(
	applicationId: string,
	decidedAt: Date,
	tx?: Db
): Promise<Date> {
	const deleteAfter = new Date(decidedAt.getTime() + retentionDays() * 24 * 60 * 60 * 1000);
	await (tx ?? (await db()))
		.update(uploads)
		.set({ deleteAfter })
		.where(and(eq(uploads.applicationId, applicationId), isNull(uploads.deletedAt)));
	return deleteAfter;
}

/**
 * Wipes every upload whose time has come: the ciphertext goes, the row stays as a record that
 * there was a file (type, size, dates). Idempotent, so every process may run it hourly.
 */
export async function purgeExpired(now: Date = new Date()): Promise<number> {
	const wiped = await (
		await db()
	)
		.update(uploads)
		.set({ ciphertext: null, deletedAt: now })
		.where(and(isNull(uploads.deletedAt), lte(uploads.deleteAfter, now)))
		.returning({ id: uploads.id });
	return wiped.length;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
// A malformed id would make PostgreSQL raise instead of finding nothing.
const isUuid = (value: string) => UUID.test(value);
