import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { firstNamesMatch, givenNames, lookupKey, normaliseName, selectMatch } from './lookup';

describe('normaliseName', () => {
	it('lower-cases and strips diacritics, spaces, hyphens, apostrophes and full stops', () => {
		expect(normaliseName('Zoë IJsselmeer-Çelik')).toBe('zoeijsselmeercelik');
		expect(normaliseName("D'Ánjou")).toBe('danjou');
		expect(normaliseName('D’Anjou')).toBe('danjou');
		expect(normaliseName('Nguyễn Thị')).toBe('nguyenthi');
		expect(normaliseName('  St. John  ')).toBe('stjohn');
	});

	it('folds letters Unicode does not decompose, and ligatures', () => {
		expect(normaliseName('Søren Łukasz Æbelø')).toBe('sorenlukaszaebelo');
		expect(normaliseName('Straße')).toBe('strasse');
		expect(normaliseName('Œuvray Þór Đorđe Ħal')).toBe('oeuvraythordordehal');
		// The Dutch IJ as one character (U+0132), as some systems store it.
		expect(normaliseName('\u0132sselstein')).toBe('ijsselstein');
		expect(normaliseName('Yıldız')).toBe('yildiz');
	});

	it('keeps Dutch prefixes, written any way, as the same letters', () => {
		const forms = ['van der Berg', 'Van Der Berg', 'van-der-berg', 'VanderBerg', 'van  der  Berg'];
		for (const form of forms) expect(normaliseName(form)).toBe('vanderberg');
		expect(normaliseName('de Vries')).not.toBe(normaliseName('Vries'));
	});

	it('is idempotent and never leaves a space, hyphen, apostrophe or mark', () => {
		fc.assert(
			fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), (s) => {
				const once = normaliseName(s);
				expect(normaliseName(once)).toBe(once);
				expect(once).not.toMatch(/[\s\-'’.\p{M}]/u);
				expect(once).toBe(once.toLowerCase());
			})
		);
	});
});

describe('lookupKey', () => {
	it('joins the normalised surname, the date of birth and the country with |', () => {
		expect(lookupKey('van der Berg', '1980-02-29', 'de')).toBe('vanderberg|1980-02-29|DE');
		expect(lookupKey(' Müller-Lüdenscheidt ', ' 1975-01-31 ', 'CH ')).toBe(
			'mullerludenscheidt|1975-01-31|CH'
		);
	});

	it('gives the office and the request the same key however the name is written', () => {
		expect(lookupKey("D'Ánjou-van Dijk", '2001-07-04', 'US')).toBe(
			lookupKey('danjou vandijk', '2001-07-04', 'us')
		);
	});

	it('tells different dates and countries apart', () => {
		expect(lookupKey('Jansen', '1980-01-01', 'DE')).not.toBe(
			lookupKey('Jansen', '1980-01-02', 'DE')
		);
		expect(lookupKey('Jansen', '1980-01-01', 'DE')).not.toBe(
			lookupKey('Jansen', '1980-01-01', 'BE')
		);
	});
});

describe('givenNames', () => {
	it('splits names and initials on spaces, full stops and hyphens', () => {
		expect(givenNames('Jan-Willem')).toEqual(['jan', 'willem']);
		expect(givenNames('J.W.')).toEqual(['j', 'w']);
		expect(givenNames(' Anne  Marie ')).toEqual(['anne', 'marie']);
		expect(givenNames('Zoë')).toEqual(['zoe']);
		expect(givenNames(' . - ')).toEqual([]);
	});
});

describe('firstNamesMatch', () => {
	it.each([
		['Johanna Maria', 'Johanna Maria'],
		['Johanna', 'Johanna Maria'],
		['J.M.', 'Johanna Maria'],
		['J', 'Johanna Maria'],
		['Johanna M.', 'Johanna Maria'],
		['johanna maria', 'Jóhanna María'],
		['Johanna Maria', 'J.M.'],
		['Johanna', 'J.M.'],
		['J.', 'J.M.'],
		['Jan-Willem', 'Jan Willem Hendrik'],
		['J.W.', 'Jan-Willem']
	])('matches "%s" against "%s" on record', (asked, held) => {
		expect(firstNamesMatch(asked, held)).toBe(true);
	});

	it.each([
		['Maria', 'Johanna Maria'],
		['Jo', 'Johanna Maria'],
		['Johanna Maria Petra', 'Johanna Maria'],
		['Hanna', 'Johanna'],
		['Hans', 'Johannes'],
		['M.J.', 'Johanna Maria'],
		['', 'Johanna'],
		['...', 'Johanna'],
		['Johanna', '']
	])('does not match "%s" against "%s" on record', (asked, held) => {
		expect(firstNamesMatch(asked, held)).toBe(false);
	});

	it('always matches the names on record, and their initials', () => {
		const name = fc.stringMatching(/^[A-Z][a-z]{1,8}$/);
		fc.assert(
			fc.property(fc.array(name, { minLength: 1, maxLength: 4 }), (names) => {
				const held = names.join(' ');
				expect(firstNamesMatch(held, held)).toBe(true);
				expect(firstNamesMatch(names.map((n) => `${n[0]}.`).join(''), held)).toBe(true);
				expect(firstNamesMatch(names[0]!, held)).toBe(true);
			})
		);
	});
});

describe('selectMatch', () => {
	const anna = { id: 1, firstNames: 'Anna' };
	const anouk = { id: 2, firstNames: 'Anouk Maria' };

	it('picks the one registration whose first names fit', () => {
		expect(selectMatch('Anouk', [anna, anouk])).toBe(anouk);
		expect(selectMatch('A. M.', [anna, anouk])).toBe(anouk);
	});

	it('finds nobody when none fits, or when more than one does (twins asked for by initial)', () => {
		expect(selectMatch('Bram', [anna, anouk])).toBeNull();
		expect(selectMatch('A.', [anna, anouk])).toBeNull();
		expect(selectMatch('Anna', [])).toBeNull();
	});
});
