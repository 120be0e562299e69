import { customType } from 'drizzle-orm/pg-core';
import { decryptField, encryptField } from '../../crypto';

/**
 * The BSN sealed inside jsonb columns (AES-256-GCM under ENCRYPTION_KEYS, like `registrations.bsn`),
 * so that a database dump or a backup shows no BSN in the drafts and applications either (issue 8).
 * Only the BSN is worth the cost; the rest of the answers stays searchable jsonb. Values written
 * before sealing existed read unchanged.
 */

/** A journey's answers, keyed by step, each step's fields by name. */
export type StoredAnswers = Record<string, Record<string, unknown>>;

type Fields = Record<string, unknown>;

/** `holder[field]` as `holder[field + 'Sealed']`, authenticated with `context`. */
function sealField(holder: Fields, field: string, context: string): Fields {
	const value = holder[field];
	if (typeof value !== 'string' || value === '') return holder;
	const rest = { ...holder };
	delete rest[field];
	return { ...rest, [`${field}Sealed`]: encryptField(value, context) };
}

function openField(holder: Fields, field: string, context: string): Fields {
	const sealed = holder[`${field}Sealed`];
	if (typeof sealed !== 'string') return holder;
	const rest = { ...holder };
	delete rest[`${field}Sealed`];
	return { ...rest, [field]: decryptField(sealed, context) };
}

const isFields = (v: unknown): v is Fields =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

/** A jsonb column that passes one nested object through `seal` on the way in, `open` on the way out. */
function sealedJsonb<T>(seal: (value: T) => T, open: (value: T) => T) {
	return customType<{ data: T; driverData: string }>({
		dataType: () => 'jsonb',
		toDriver: (value) => JSON.stringify(seal(value)),
		// postgres.js and PGlite hand drizzle the text (drizzle turns their JSON parsing off).
		fromDriver: (value) => open(typeof value === 'string' ? JSON.parse(value) : (value as T))
	});
}

// The context is authenticated with the value: a sealed BSN moved elsewhere does not open.
const ANSWERS = 'answers.bsn';
const REQUEST = 'request.voter.bsn';

/** Answers: the `bsn` step's `bsn` field. */
export const sealAnswers = (a: StoredAnswers): StoredAnswers =>
	isFields(a.bsn) ? { ...a, bsn: sealField(a.bsn, 'bsn', ANSWERS) } : a;
export const openAnswers = (a: StoredAnswers): StoredAnswers =>
	isFields(a.bsn) ? { ...a, bsn: openField(a.bsn, 'bsn', ANSWERS) } : a;

/** A typed request ($lib/journeys/requests): its `voter.bsn`. */
export function sealRequest<T>(r: T): T {
	const voter = isFields(r) ? r.voter : null;
	return isFields(voter) ? ({ ...r, voter: sealField(voter, 'bsn', REQUEST) } as T) : r;
}
export function openRequest<T>(r: T): T {
	const voter = isFields(r) ? r.voter : null;
	return isFields(voter) ? ({ ...r, voter: openField(voter, 'bsn', REQUEST) } as T) : r;
}

export const answersColumn = sealedJsonb<StoredAnswers>(sealAnswers, openAnswers);
export const requestColumn = <T>() => sealedJsonb<T>(sealRequest, openRequest);
