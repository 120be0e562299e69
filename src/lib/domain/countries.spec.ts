import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	BES,
	CARIBBEAN_COUNTRIES,
	COUNTRY_CODES,
	EU_MEMBER_STATES,
	EU_TERRITORIES_WITH_OWN_CODE,
	NETHERLANDS,
	classifyResidence,
	isCountryCode
} from './countries';

const regionNames = new Intl.DisplayNames(['en'], { type: 'region', fallback: 'none' });

describe('COUNTRY_CODES', () => {
	it('holds the 249 assigned ISO 3166-1 alpha-2 codes, sorted and unique', () => {
		expect(COUNTRY_CODES).toHaveLength(249);
		expect(new Set(COUNTRY_CODES).size).toBe(249);
		expect([...COUNTRY_CODES].sort()).toEqual([...COUNTRY_CODES]);
		expect(Object.isFrozen(COUNTRY_CODES)).toBe(true);
	});

	it('has a region name in CLDR for every code', () => {
		for (const code of COUNTRY_CODES) expect(regionNames.of(code), code).toBeTruthy();
	});

	it('leaves out withdrawn, reserved and user-assigned codes', () => {
		for (const code of ['AN', 'CS', 'YU', 'UK', 'EU', 'XK', 'ZZ', 'EL']) {
			expect(COUNTRY_CODES as readonly string[]).not.toContain(code);
		}
	});

	it('contains every code the rules name', () => {
		for (const code of [
			NETHERLANDS,
			BES,
			...CARIBBEAN_COUNTRIES,
			...EU_MEMBER_STATES,
			...EU_TERRITORIES_WITH_OWN_CODE
		]) {
			expect(isCountryCode(code), code).toBe(true);
		}
	});
});

describe('EU_MEMBER_STATES', () => {
	it('are the 27, including the Netherlands and Greece as GR', () => {
		expect(EU_MEMBER_STATES).toHaveLength(27);
		expect(new Set(EU_MEMBER_STATES).size).toBe(27);
		expect(EU_MEMBER_STATES).toContain('NL');
		expect(EU_MEMBER_STATES).toContain('GR');
		expect(EU_MEMBER_STATES).not.toContain('GB');
		expect(Object.isFrozen(EU_MEMBER_STATES)).toBe(true);
	});
});

describe('isCountryCode', () => {
	it('accepts assigned codes in upper case only', () => {
		expect(isCountryCode('DE')).toBe(true);
		expect(isCountryCode('de')).toBe(false);
		expect(isCountryCode('XK')).toBe(false);
		expect(isCountryCode('DEU')).toBe(false);
		expect(isCountryCode(49)).toBe(false);
		expect(isCountryCode(undefined)).toBe(false);
	});
});

describe('classifyResidence', () => {
	it('puts the European Netherlands in the Netherlands', () => {
		expect(classifyResidence('NL')).toBe('netherlands');
	});

	it('puts Bonaire, Sint Eustatius and Saba in their own class (inside the Netherlands)', () => {
		expect(classifyResidence('BQ')).toBe('bes');
	});

	it('puts Aruba, Curaçao and Sint Maarten in the Caribbean class', () => {
		expect(CARIBBEAN_COUNTRIES.map(classifyResidence)).toEqual([
			'caribbean',
			'caribbean',
			'caribbean'
		]);
	});

	it('puts the other member states, and EU regions with their own code, in the EU', () => {
		expect(classifyResidence('BE')).toBe('eu');
		expect(classifyResidence('GR')).toBe('eu');
		expect(classifyResidence('RE')).toBe('eu');
		expect(classifyResidence('AX')).toBe('eu');
	});

	it('puts everything else elsewhere, including overseas territories outside the Union', () => {
		expect(classifyResidence('GB')).toBe('other');
		expect(classifyResidence('CH')).toBe('other');
		expect(classifyResidence('US')).toBe('other');
		expect(classifyResidence('GL')).toBe('other');
		expect(classifyResidence('BL')).toBe('other');
		expect(classifyResidence('SR')).toBe('other');
	});

	it('throws on a code that is not assigned', () => {
		expect(() => classifyResidence('XK')).toThrow(RangeError);
		expect(() => classifyResidence('nl')).toThrow(RangeError);
	});

	it('classifies every code, and only NL and BQ as inside the Netherlands (property)', () => {
		fc.assert(
			fc.property(fc.constantFrom(...COUNTRY_CODES), (code) => {
				const c = classifyResidence(code);
				expect(['netherlands', 'bes'].includes(c)).toBe(code === 'NL' || code === 'BQ');
				expect(c === 'caribbean').toBe(CARIBBEAN_COUNTRIES.includes(code));
			})
		);
	});
});
