import { describe, expect, it } from 'vitest';
import { csvField, csvRow } from './csv';

describe('csvField', () => {
	it('leaves plain text and numbers as they are', () => {
		expect(csvField('Jansen')).toBe('Jansen');
		expect(csvField('Zoë IJsselmeer-Çelik')).toBe('Zoë IJsselmeer-Çelik');
		expect(csvField(42)).toBe('42');
		expect(csvField(null)).toBe('');
		expect(csvField(undefined)).toBe('');
	});

	it('quotes commas, quotes and line breaks, doubling the quotes', () => {
		expect(csvField('Berg, van der')).toBe('"Berg, van der"');
		expect(csvField('Anna "Ans"')).toBe('"Anna ""Ans"""');
		expect(csvField('line 1\nline 2')).toBe('"line 1\nline 2"');
		expect(csvField('a\r\nb')).toBe('"a\r\nb"');
	});

	it.each([['=1+1'], ['+31 70 123'], ['-2'], ['@SUM(A1)'], ['\tx'], ['\rx']])(
		'neutralises the formula start of %j with an apostrophe',
		(value) => {
			const out = csvField(value);
			expect(out.replace(/^"/, '').startsWith(`'${value[0]}`)).toBe(true);
		}
	);

	it('neutralises and quotes together', () => {
		expect(csvField('=HYPERLINK("http://x","y")')).toBe('"\'=HYPERLINK(""http://x"",""y"")"');
	});

	it('leaves a formula character inside a value alone', () => {
		expect(csvField('Smith-Jones')).toBe('Smith-Jones');
		expect(csvField('a@b.example')).toBe('a@b.example');
	});
});

describe('csvRow', () => {
	it('joins fields with commas and ends with CRLF', () => {
		expect(csvRow([1, 'a,b', null, '=x'])).toBe('1,"a,b",,\'=x\r\n');
	});
});
