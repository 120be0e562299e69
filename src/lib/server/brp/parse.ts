/**
 * Reading a population-register import file (docs/brp-import.md): CSV (RFC 4180, a header row)
 * or JSON (an array of objects), with the same fields. Strict: every problem is reported with the
 * row and the field, and the rows are then checked by the domain's `readBrpRow`. Nothing here
 * touches the database; error texts are message keys (`office_brp_error_<code>`,
 * `office_brp_file_error_<code>`), never a value from the file (the file holds BSNs).
 */
import {
	BRP_COLUMNS,
	readBrpRow,
	type BrpColumn,
	type BrpRawRow,
	type BrpRow,
	type BrpRowErrorCode,
	type IsoDate
} from '$lib/domain';

export type BrpFormat = 'csv' | 'json';

/** A batch is at most this many changes: a bigger BRP extract is split (docs/brp-import.md). */
export const MAX_ROWS = 10_000;
/** 10,000 rows of the widest realistic CSV stay well under this. */
export const MAX_BYTES = 4 * 1024 * 1024;

export const FILE_ERROR_CODES = [
	'empty',
	'too_large',
	'too_many_rows',
	'encoding',
	'csv_semicolons',
	'csv_unterminated_quote',
	'missing_column',
	'unknown_column',
	'duplicate_column',
	'json_invalid',
	'json_not_array'
] as const;
export type FileErrorCode = (typeof FILE_ERROR_CODES)[number];

/**
 * A problem with the file as a whole; `column` names the header cell concerned, `row` the line
 * where an unterminated quote starts.
 */
export type FileError = { code: FileErrorCode; column?: string; row?: number };

export const STRUCTURE_ERROR_CODES = [
	'cell_count',
	'stray_quote',
	'not_object',
	'unknown_field'
] as const;
export type StructureErrorCode = (typeof STRUCTURE_ERROR_CODES)[number];

/**
 * A problem with one row: `row` is the line of the CSV where the row starts (the header is line 1,
 * as a spreadsheet numbers it) or the position in the JSON array (from 1); `field` the column.
 */
export type RowError = {
	row: number;
	field: string | null;
	code: BrpRowErrorCode | StructureErrorCode;
};

export type CheckedFile =
	| { ok: true; rows: (BrpRow & { row: number })[] }
	| { ok: false; fileErrors: FileError[]; rowErrors: RowError[]; total: number };

const REQUIRED: BrpColumn[] = ['bsn', 'change', 'effective_date'];
const KNOWN: ReadonlySet<string> = new Set(BRP_COLUMNS);
// A field name from the file is shown back to the office; keep it short and plain.
const shown = (name: string) => name.replace(/[^\w -]/g, '?').slice(0, 40);

/** CSV when the file is named .csv, JSON when .json; otherwise by its first character. */
export function detectFormat(fileName: string, content: string): BrpFormat {
	const name = fileName.toLowerCase();
	if (name.endsWith('.json')) return 'json';
	if (name.endsWith('.csv')) return 'csv';
	return /^\uFEFF?\s*[[{]/.test(content) ? 'json' : 'csv';
}

type Record_ = { line: number; cells: string[]; strayQuote: boolean };

/**
 * RFC 4180 records: comma-separated, fields in double quotes may hold commas, quotes ("") and line
 * breaks; CRLF or LF. Each record knows the line it starts on. Lines with nothing on them are
 * skipped (an editor's trailing newline); a quote inside an unquoted field is flagged.
 */
function csvRecords(text: string): { records: Record_[]; unterminatedAt: number | null } {
	const records: Record_[] = [];
	let line = 1;
	let i = 0;
	while (i < text.length) {
		const start = line;
		const cells: string[] = [];
		let strayQuote = false;
		let cell = '';
		let quoted = false;
		let atCellStart = true;
		for (;;) {
			if (i >= text.length) {
				if (quoted) return { records, unterminatedAt: start };
				cells.push(cell);
				break;
			}
			const ch = text[i]!;
			if (quoted) {
				if (ch === '"') {
					if (text[i + 1] === '"') {
						cell += '"';
						i += 2;
					} else {
						quoted = false;
						i++;
					}
				} else {
					if (ch === '\n') line++;
					cell += ch;
					i++;
				}
				continue;
			}
			if (ch === '"' && atCellStart) {
				quoted = true;
				atCellStart = false;
				i++;
			} else if (ch === ',') {
				cells.push(cell);
				cell = '';
				atCellStart = true;
				i++;
			} else if (ch === '\r' && text[i + 1] === '\n') {
				i += 2;
				cells.push(cell);
				line++;
				break;
			} else if (ch === '\n') {
				i++;
				cells.push(cell);
				line++;
				break;
			} else {
				if (ch === '"') strayQuote = true;
				cell += ch;
				atCellStart = false;
				i++;
			}
		}
		if (!(cells.length === 1 && cells[0] === '')) records.push({ line: start, cells, strayQuote });
	}
	return { records, unterminatedAt: null };
}

/** The rows read, the structural problems found, and how many rows the file has in all. */
type RawRows = { rows: { row: number; raw: BrpRawRow }[]; rowErrors: RowError[]; total: number };

function readCsv(text: string): { fileErrors: FileError[] } | RawRows {
	const { records, unterminatedAt } = csvRecords(text);
	if (unterminatedAt !== null) {
		return { fileErrors: [{ code: 'csv_unterminated_quote', row: unterminatedAt }] };
	}
	const [header, ...body] = records;
	if (!header) return { fileErrors: [{ code: 'empty' }] };
	const names = header.cells.map((c) => c.trim().toLowerCase());
	// Dutch spreadsheet software saves "CSV" with semicolons: say so rather than list 8 columns.
	if (names.length === 1 && names[0]!.includes(';')) {
		return { fileErrors: [{ code: 'csv_semicolons' }] };
	}
	const fileErrors: FileError[] = [];
	const seen = new Set<string>();
	for (const name of names) {
		if (!KNOWN.has(name)) fileErrors.push({ code: 'unknown_column', column: shown(name) });
		else if (seen.has(name)) fileErrors.push({ code: 'duplicate_column', column: name });
		seen.add(name);
	}
	for (const name of REQUIRED) {
		if (!seen.has(name)) fileErrors.push({ code: 'missing_column', column: name });
	}
	if (fileErrors.length > 0) return { fileErrors };
	if (body.length === 0) return { fileErrors: [{ code: 'empty' }] };

	const rows: RawRows['rows'] = [];
	const rowErrors: RowError[] = [];
	for (const record of body) {
		if (record.cells.length !== names.length) {
			rowErrors.push({ row: record.line, field: null, code: 'cell_count' });
			continue;
		}
		if (record.strayQuote) rowErrors.push({ row: record.line, field: null, code: 'stray_quote' });
		const raw: BrpRawRow = {};
		names.forEach((name, i) => (raw[name as BrpColumn] = record.cells[i]!));
		rows.push({ row: record.line, raw });
	}
	return { rows, rowErrors, total: body.length };
}

function readJson(text: string): { fileErrors: FileError[] } | RawRows {
	let data: unknown;
	try {
		data = JSON.parse(text);
	} catch {
		return { fileErrors: [{ code: 'json_invalid' }] };
	}
	if (!Array.isArray(data)) return { fileErrors: [{ code: 'json_not_array' }] };
	if (data.length === 0) return { fileErrors: [{ code: 'empty' }] };
	const rows: RawRows['rows'] = [];
	const rowErrors: RowError[] = [];
	data.forEach((item: unknown, i) => {
		const row = i + 1;
		if (item === null || typeof item !== 'object' || Array.isArray(item)) {
			rowErrors.push({ row, field: null, code: 'not_object' });
			return;
		}
		const raw: BrpRawRow = {};
		for (const [key, value] of Object.entries(item)) {
			if (!KNOWN.has(key)) {
				rowErrors.push({ row, field: shown(key), code: 'unknown_field' });
				continue;
			}
			// Numbers and nested values are refused as not_text by the row check.
			raw[key as BrpColumn] = value as string | boolean | null;
		}
		rows.push({ row, raw });
	});
	return { rows, rowErrors, total: data.length };
}

/**
 * Reads and checks a whole file. All or nothing: `ok` only when every row is valid, so the office
 * never applies part of a file that is broken somewhere (docs/brp-import.md says why).
 * `today` (Europe/Amsterdam) bounds the effective dates.
 */
export function checkFile(format: BrpFormat, content: string, today: IsoDate): CheckedFile {
	if (Buffer.byteLength(content, 'utf8') > MAX_BYTES) {
		return { ok: false, fileErrors: [{ code: 'too_large' }], rowErrors: [], total: 0 };
	}
	// A file saved in another encoding than UTF-8 (Windows-1252 from a spreadsheet) decodes with
	// replacement characters: every accented address would be wrong.
	if (content.includes('\uFFFD')) {
		return { ok: false, fileErrors: [{ code: 'encoding' }], rowErrors: [], total: 0 };
	}
	const text = content.replace(/^\uFEFF/, '');
	if (text.trim() === '')
		return { ok: false, fileErrors: [{ code: 'empty' }], rowErrors: [], total: 0 };
	const read = format === 'csv' ? readCsv(text) : readJson(text);
	if ('fileErrors' in read) return { ok: false, ...read, rowErrors: [], total: 0 };
	const { total } = read;
	if (total > MAX_ROWS) {
		return { ok: false, fileErrors: [{ code: 'too_many_rows' }], rowErrors: [], total };
	}
	const rowErrors = [...read.rowErrors];
	const rows: (BrpRow & { row: number })[] = [];
	for (const { row, raw } of read.rows) {
		const result = readBrpRow(raw, today);
		if (result.ok) rows.push({ ...result.row, row });
		else for (const e of result.errors) rowErrors.push({ row, field: e.field, code: e.code });
	}
	if (rowErrors.length > 0) {
		rowErrors.sort((a, b) => a.row - b.row);
		return { ok: false, fileErrors: [], rowErrors, total };
	}
	return { ok: true, rows };
}
