/**
 * Builders for population-register imports: valid BSNs, rows as CSV or JSON, and registrations
 * in bulk (ten thousand in a few statements) with their BSN sealed as the portal stores it.
 */
import { randomUUID } from 'node:crypto';
import {
	BRP_COLUMNS,
	lookupKey,
	type BrpColumn,
	type ElectionType,
	type IsoDate
} from '$lib/domain';
import * as crypto from '$lib/server/crypto';
import type { Db } from '$lib/server/db';
import { registrations, registrationTypes, type PostalAddress } from '$lib/server/db/schema';
import { bsnContext } from '$lib/server/registrations';

/**
 * The n-th (from 0) valid BSN of a deterministic series: eight digits counted up from a start
 * that real BSNs do not use (9xx…), with the check digit of the elfproef; numbers whose check
 * digit would be 10 are passed over.
 */
export function bsnSeries(count: number, start = 90_000_000): string[] {
	const out: string[] = [];
	for (let eight = start; out.length < count; eight++) {
		const digits = String(eight).padStart(8, '0');
		let sum = 0;
		for (let i = 0; i < 8; i++) sum += (9 - i) * Number(digits[i]);
		const check = sum % 11;
		if (check !== 10) out.push(`${digits}${check}`);
	}
	return out;
}

export type Row = Partial<Record<BrpColumn, string | boolean | null>>;

const quote = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

/** A CSV file with every column, in documentation order. */
export function toCsv(
	rows: Row[],
	opts: { eol?: string; columns?: readonly string[] } = {}
): string {
	const columns = opts.columns ?? BRP_COLUMNS;
	const eol = opts.eol ?? '\n';
	const lines = [columns.join(',')];
	for (const row of rows) {
		lines.push(
			columns
				.map((c) => {
					const v = row[c as BrpColumn];
					return v === undefined || v === null ? '' : quote(String(v));
				})
				.join(',')
		);
	}
	return lines.join(eol) + eol;
}

export const toJson = (rows: Row[]) => JSON.stringify(rows, null, 1);

export type RegistrationSpec = {
	bsn: string | null;
	types: ElectionType[];
	address: PostalAddress;
	correspondence?: PostalAddress | null;
	email?: string | null;
	locale?: string;
	status?: 'active' | 'removed';
	/** Types that ended before (with this day), e.g. a registration removed earlier. */
	endedOn?: IsoDate | null;
	startsOn?: IsoDate;
	surname?: string;
	firstNames?: string;
};

/** Inserts registrations with their types in bulk; returns their ids in the order given. */
export async function insertRegistrations(db: Db, specs: RegistrationSpec[]): Promise<string[]> {
	const ids = specs.map(() => randomUUID());
	const rows = specs.map((spec, i) => {
		const id = ids[i]!;
		const surname = spec.surname ?? `Jansen ${i}`;
		const birthDate = '1980-05-17';
		return {
			id,
			surname,
			firstNames: spec.firstNames ?? 'Anna',
			birthDate,
			sex: 'V',
			residentialAddress: spec.address,
			correspondenceAddress: spec.correspondence ?? null,
			email: spec.email === undefined ? `voter${i}@example.org` : spec.email,
			bsnEncrypted: spec.bsn ? crypto.encryptField(spec.bsn, bsnContext(id)) : null,
			bsnIndex: spec.bsn ? crypto.blindIndex(spec.bsn) : null,
			locale: spec.locale ?? 'nl',
			lookupKey: lookupKey(surname, birthDate, spec.address.country),
			status: spec.status ?? ('active' as const)
		};
	});
	const types = specs.flatMap((spec, i) =>
		spec.types.map((type) => ({
			registrationId: ids[i]!,
			type,
			startsOn: spec.startsOn ?? '2025-01-06',
			endedOn: spec.endedOn ?? (spec.status === 'removed' ? '2026-01-05' : null),
			endReason: spec.endedOn || spec.status === 'removed' ? 'on_request' : null
		}))
	);
	for (let i = 0; i < rows.length; i += 500)
		await db.insert(registrations).values(rows.slice(i, i + 500));
	for (let i = 0; i < types.length; i += 1000) {
		await db.insert(registrationTypes).values(types.slice(i, i + 1000));
	}
	return ids;
}

export const BATCH_KINDS = [
	'new_address',
	'moved_to_caribbean',
	'died',
	'settled_in_netherlands',
	'lost_nationality',
	'excluded_from_voting'
] as const;
export type BatchKind = (typeof BATCH_KINDS)[number];
export const BATCH_LOCALES = ['nl', 'en', 'de', 'fr', 'es', 'pap'];
export const BERLIN: PostalAddress = { lines: ['Hauptstraße 1', '10115 Berlin'], country: 'DE' };
export const WILLEMSTAD: PostalAddress = { lines: ['Kaya Grandi 1', 'Willemstad'], country: 'CW' };
export const POST_BOX: PostalAddress = { lines: ['Postfach 12', '80331 München'], country: 'DE' };

/** Registration number i of a batch: every combination of types, contact, address and status. */
export function batchRegistration(i: number, bsn: string): RegistrationSpec {
	const types: ElectionType[] =
		i % 7 === 0 ? ['EP'] : i % 7 === 1 ? ['TK'] : i % 7 === 2 ? ['TK', 'KNI'] : ['TK', 'EP', 'KNI'];
	return {
		bsn,
		types,
		address: i % 20 === 5 ? WILLEMSTAD : BERLIN,
		correspondence: i % 4 === 0 ? POST_BOX : null,
		email: i % 3 === 0 ? null : `voter${i}@example.org`,
		locale: BATCH_LOCALES[i % 6],
		status: i % 50 === 7 ? 'removed' : 'active'
	};
}

/** Change number i of a batch, for registration i (or for `bsn`, someone else). */
export function batchChange(i: number, bsn: string): Row & { kind: BatchKind } {
	const kind = BATCH_KINDS[Math.floor(i / 7) % BATCH_KINDS.length]!;
	const row: Row & { kind: BatchKind } = { kind, bsn, change: kind, effective_date: '2026-10-01' };
	if (kind === 'new_address') {
		Object.assign(row, {
			country: 'FR',
			address_line_1: `${i} rue de la Paix`,
			address_line_2: 'Paris'
		});
	} else if (kind === 'moved_to_caribbean') {
		Object.assign(row, {
			country: ['CW', 'AW', 'SX'][i % 3],
			address_line_1: `Kaya ${i}`,
			ten_years: i % 5 === 0 ? 'true' : i % 5 === 1 ? 'false' : ''
		});
	} else if (kind === 'settled_in_netherlands') {
		Object.assign(row, { country: i % 2 ? 'NL' : 'BQ' });
	}
	return row;
}

/**
 * A batch of n registrations and n changes, one per registration, except that every 97th change
 * names a BSN nobody registered has. `registered[i]` is null for those.
 */
export function brpBatch(n: number) {
	const bsns = bsnSeries(n);
	const strangers = bsnSeries(Math.ceil(n / 97), 99_000_000);
	const all: RegistrationSpec[] = [];
	const registered: (RegistrationSpec | null)[] = [];
	const changes: (Row & { kind: BatchKind })[] = [];
	for (let i = 0; i < n; i++) {
		const spec = batchRegistration(i, bsns[i]!);
		const unknown = i % 97 === 50;
		all.push(spec);
		registered.push(unknown ? null : spec);
		changes.push(batchChange(i, unknown ? strangers[Math.floor(i / 97)]! : bsns[i]!));
	}
	const csv = toCsv(changes.map(({ kind: _kind, ...row }) => row));
	return { all, registered, changes, csv };
}
