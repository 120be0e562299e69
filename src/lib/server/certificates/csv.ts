/**
 * CSV as RFC 4180 writes it (fields with a comma, quote or line break in double quotes, quotes
 * doubled, lines ended by CRLF), made safe to open in a spreadsheet: a text field that starts
 * with = + - @ (or a tab or carriage return) would be read as a formula, so it gets a leading
 * apostrophe (OWASP, "CSV injection"). A name on the list can never run as a formula on the
 * official's machine.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvField(value: string | number | null | undefined): string {
	if (value === null || value === undefined) return '';
	if (typeof value === 'number') return String(value);
	const safe = FORMULA_START.test(value) ? `'${value}` : value;
	return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** One line, CRLF included. */
export function csvRow(values: readonly (string | number | null | undefined)[]): string {
	return `${values.map(csvField).join(',')}\r\n`;
}
