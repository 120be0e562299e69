import { describe, expect, it } from 'vitest';
import { bsnSeries, toCsv, toJson, type Row } from '../../../../tests/factories/brp';
import { MAX_BYTES, MAX_ROWS, checkFile, detectFormat } from './parse';

const TODAY = '2026-11-20';
const [A, B, C] = bsnSeries(3);

const died: Row = { bsn: A, change: 'died', effective_date: '2026-11-01' };
const moved: Row = {
	bsn: B,
	change: 'moved_to_caribbean',
	effective_date: '2026-10-15',
	country: 'CW',
	address_line_1: 'Kaya Grandi 12, apt. "B"',
	address_line_2: 'Willemstad',
	ten_years: 'false'
};
const settled: Row = {
	bsn: C,
	change: 'settled_in_netherlands',
	effective_date: '2026-09-30',
	country: 'NL'
};

describe('detectFormat', () => {
	it('goes by the file name, then by the first character', () => {
		expect(detectFormat('mutaties.JSON', 'bsn,change')).toBe('json');
		expect(detectFormat('mutaties.csv', '[]')).toBe('csv');
		expect(detectFormat('upload', '\uFEFF  [{"bsn":1}]')).toBe('json');
		expect(detectFormat('upload', '{"bsn":1}')).toBe('json');
		expect(detectFormat('upload', 'bsn,change,effective_date')).toBe('csv');
	});
});

describe('checkFile', () => {
	describe('CSV', () => {
		it('reads every row with its line number, quotes and all', () => {
			const result = checkFile('csv', toCsv([died, moved, settled]), TODAY);
			expect(result).toEqual({
				ok: true,
				rows: [
					{ row: 2, bsn: A, change: { kind: 'died', effectiveOn: '2026-11-01' } },
					{
						row: 3,
						bsn: B,
						change: {
							kind: 'moved_to_caribbean',
							effectiveOn: '2026-10-15',
							address: { lines: ['Kaya Grandi 12, apt. "B"', 'Willemstad'], country: 'CW' },
							tenYears: false
						}
					},
					{
						row: 4,
						bsn: C,
						change: {
							kind: 'settled_in_netherlands',
							effectiveOn: '2026-09-30',
							address: { lines: [], country: 'NL' }
						}
					}
				]
			});
		});

		it('takes CRLF, a byte-order mark, columns in any order and case, and only the required ones', () => {
			const crlf = '\uFEFF' + toCsv([died, died], { eol: '\r\n' });
			expect(checkFile('csv', crlf, TODAY)).toMatchObject({
				ok: true,
				rows: [{ row: 2 }, { row: 3 }]
			});
			const minimal = 'Effective_Date , BSN,change\n2026-11-01,' + A + ',died';
			expect(checkFile('csv', minimal, TODAY)).toMatchObject({
				ok: true,
				rows: [{ row: 2, bsn: A, change: { kind: 'died' } }]
			});
		});

		it('counts lines inside quoted fields and skips empty lines', () => {
			const text =
				toCsv([{ ...moved, address_line_1: 'Line\nbreak' }]) +
				'\n\n' +
				toCsv([died]).split('\n')[1];
			const result = checkFile('csv', text, TODAY);
			// The line break inside the quotes makes the first row span lines 2 and 3.
			expect(result).toMatchObject({ ok: true, rows: [{ row: 2 }, { row: 6 }] });
			if (result.ok) expect(result.rows[0]!.change.address!.lines[0]).toBe('Line break');
		});

		it('reports each invalid field with its row, and applies nothing', () => {
			const text = toCsv([
				died,
				{ ...died, bsn: '123456789' },
				{ ...moved, country: 'NL', ten_years: 'ja' },
				{ ...settled, effective_date: '2027-01-01' }
			]);
			expect(checkFile('csv', text, TODAY)).toEqual({
				ok: false,
				fileErrors: [],
				rowErrors: [
					{ row: 3, field: 'bsn', code: 'bsn_invalid' },
					{ row: 4, field: 'ten_years', code: 'ten_years_invalid' },
					{ row: 4, field: 'country', code: 'country_not_caribbean' },
					{ row: 5, field: 'effective_date', code: 'date_in_future' }
				],
				total: 4
			});
		});

		it('reports a row with too few or too many cells, and a stray quote', () => {
			const text = `bsn,change,effective_date\n${A},died\n${A},died,2026-11-01,x\n${A},di"ed,2026-11-01\n`;
			expect(checkFile('csv', text, TODAY)).toEqual({
				ok: false,
				fileErrors: [],
				rowErrors: [
					{ row: 2, field: null, code: 'cell_count' },
					{ row: 3, field: null, code: 'cell_count' },
					{ row: 4, field: null, code: 'stray_quote' },
					{ row: 4, field: 'change', code: 'change_unknown' }
				],
				total: 3
			});
		});

		it('refuses a header it does not know, a missing or repeated column', () => {
			expect(checkFile('csv', `bsn,change,datum,bsn\n${A},died,x,${A}`, TODAY)).toEqual({
				ok: false,
				fileErrors: [
					{ code: 'unknown_column', column: 'datum' },
					{ code: 'duplicate_column', column: 'bsn' },
					{ code: 'missing_column', column: 'effective_date' }
				],
				rowErrors: [],
				total: 0
			});
			expect(checkFile('csv', `bsn,change,"eff<script>"\n`, TODAY)).toMatchObject({
				fileErrors: [
					{ code: 'unknown_column', column: 'eff?script?' },
					{ code: 'missing_column', column: 'effective_date' }
				]
			});
		});

		it('recognises a spreadsheet export with semicolons', () => {
			expect(
				checkFile('csv', `bsn;change;effective_date\n${A};died;2026-11-01`, TODAY)
			).toMatchObject({
				fileErrors: [{ code: 'csv_semicolons' }]
			});
		});

		it('refuses an unterminated quote, naming the line it starts on', () => {
			expect(
				checkFile('csv', `bsn,change,effective_date\n${A},died,2026-11-01\n"${A},died`, TODAY)
			).toMatchObject({ fileErrors: [{ code: 'csv_unterminated_quote', row: 3 }] });
		});

		it('refuses a file with a header and no rows', () => {
			expect(checkFile('csv', 'bsn,change,effective_date\n', TODAY)).toMatchObject({
				fileErrors: [{ code: 'empty' }]
			});
		});
	});

	describe('JSON', () => {
		it('reads an array of objects, numbering from 1', () => {
			const result = checkFile('json', toJson([died, { ...moved, ten_years: true }]), TODAY);
			expect(result).toMatchObject({
				ok: true,
				rows: [
					{ row: 1, bsn: A },
					{ row: 2, bsn: B, change: { tenYears: true } }
				]
			});
		});

		it('reports entries that are not objects, unknown fields and numbers for text', () => {
			const text = JSON.stringify([
				died,
				null,
				[1],
				'x',
				{ ...died, bsn: Number(A), comment: 'hi' }
			]);
			expect(checkFile('json', text, TODAY)).toEqual({
				ok: false,
				fileErrors: [],
				rowErrors: [
					{ row: 2, field: null, code: 'not_object' },
					{ row: 3, field: null, code: 'not_object' },
					{ row: 4, field: null, code: 'not_object' },
					{ row: 5, field: 'comment', code: 'unknown_field' },
					{ row: 5, field: 'bsn', code: 'not_text' }
				],
				total: 5
			});
		});

		it('refuses what is not JSON, not an array, or empty', () => {
			expect(checkFile('json', '[{', TODAY)).toMatchObject({
				fileErrors: [{ code: 'json_invalid' }]
			});
			expect(checkFile('json', '{"bsn":"1"}', TODAY)).toMatchObject({
				fileErrors: [{ code: 'json_not_array' }]
			});
			expect(checkFile('json', '[]', TODAY)).toMatchObject({ fileErrors: [{ code: 'empty' }] });
		});
	});

	it('refuses an empty file, a file not in UTF-8, and one too large or too long', () => {
		expect(checkFile('csv', ' \n', TODAY)).toMatchObject({ fileErrors: [{ code: 'empty' }] });
		expect(checkFile('csv', 'bsn,change\n\uFFFD', TODAY)).toMatchObject({
			fileErrors: [{ code: 'encoding' }]
		});
		expect(checkFile('csv', 'x'.repeat(MAX_BYTES + 1), TODAY)).toMatchObject({
			fileErrors: [{ code: 'too_large' }]
		});
		const many = `bsn,change,effective_date\n${`${A},died,2026-11-01\n`.repeat(MAX_ROWS + 1)}`;
		expect(checkFile('csv', many, TODAY)).toMatchObject({
			ok: false,
			fileErrors: [{ code: 'too_many_rows' }],
			total: MAX_ROWS + 1
		});
		const enough = `bsn,change,effective_date\n${`${A},died,2026-11-01\n`.repeat(MAX_ROWS)}`;
		expect(checkFile('csv', enough, TODAY).ok).toBe(true);
	});
});
