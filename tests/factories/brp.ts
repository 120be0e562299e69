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
