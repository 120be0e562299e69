/** Builders for population-register imports: valid BSNs and rows as CSV or JSON. */
import { BRP_COLUMNS, type BrpColumn } from '$lib/domain';

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
