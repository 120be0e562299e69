import { describe, expect, it } from 'vitest';
import { AWB, KIESBESLUIT, KIESWET, LAW, OTHER_LAW, TERMS, awb, kb, kw, mvt } from './legal';

describe('kw', () => {
	it('cites an article with a paragraph and links its anchor in the versioned text', () => {
		expect(kw('D 3', 2)).toEqual({
			code: 'KW D 3(2)',
			url: 'https://wetten.overheid.nl/BWBR0004627/2026-10-01#ArtikelD_3'
		});
	});

	it('cites a whole article', () => {
		expect(kw('Y 6')).toEqual({
			code: 'KW Y 6',
			url: 'https://wetten.overheid.nl/BWBR0004627/2026-10-01#ArtikelY_6'
		});
	});

	it('turns the space in lettered article ids into an underscore', () => {
		expect(kw('M 6b', 4).url).toBe('https://wetten.overheid.nl/BWBR0004627/2026-10-01#ArtikelM_6b');
		expect(kw('Y 22c').url).toBe('https://wetten.overheid.nl/BWBR0004627/2026-10-01#ArtikelY_22c');
		expect(kw('Pa 21').url).toBe('https://wetten.overheid.nl/BWBR0004627/2026-10-01#ArtikelPa_21');
	});

	it('cites an item (onderdeel), with or without a paragraph', () => {
		expect(kw('B 1', 2, 'b').code).toBe('KW B 1(2)(b)');
		expect(kw('Y 3', undefined, 'a').code).toBe('KW Y 3(a)');
	});

	it('returns frozen references', () => {
		expect(Object.isFrozen(kw('D 2'))).toBe(true);
	});

	it.each([['D3'], ['d 3'], ['D 3 '], ['ABC 1'], ['D 3bb'], ['']])(
		'rejects the malformed article id %j',
		(article) => {
			expect(() => kw(article)).toThrow(RangeError);
		}
	);

	it.each([[0], [-1], [1.5], [Number.NaN]])('rejects the paragraph %j', (paragraph) => {
		expect(() => kw('D 3', paragraph)).toThrow(RangeError);
	});

	it.each([['A'], ['ab'], ['1']])('rejects the item %j', (item) => {
		expect(() => kw('B 1', 2, item)).toThrow(RangeError);
	});
});

describe('kb', () => {
	it('cites the Kiesbesluit in its own version', () => {
		expect(kb('D 5', 4)).toEqual({
			code: 'KB D 5(4)',
			url: 'https://wetten.overheid.nl/BWBR0004632/2019-02-22#ArtikelD_5'
		});
		expect(kb('D 4', undefined, 'a').code).toBe('KB D 4(a)');
		expect(kb('D 9').code).toBe('KB D 9');
	});
});

describe('awb', () => {
	it('cites an Awb article, with or without a paragraph, linking the current text', () => {
		expect(awb('6:7')).toEqual({
			code: 'Awb 6:7',
			url: 'https://wetten.overheid.nl/BWBR0005537#Artikel6:7'
		});
		expect(awb('6:8', 1).code).toBe('Awb 6:8(1)');
		expect(Object.isFrozen(awb('8:41'))).toBe(true);
		expect(AWB.bwbId).toBe('BWBR0005537');
	});

	it.each([['6.7'], ['D 8'], ['6:'], ['']])('rejects the article %j', (article) => {
		expect(() => awb(article)).toThrow(RangeError);
	});

	it.each([[0], [2.5]])('rejects the paragraph %j', (paragraph) => {
		expect(() => awb('6:8', paragraph)).toThrow(RangeError);
	});
});

describe('mvt', () => {
	it('cites a section of the explanatory memorandum (Kamerstuk 34 384 nr. 3)', () => {
		expect(mvt('7')).toEqual({
			code: 'MvT §7',
			url: 'https://zoek.officielebekendmakingen.nl/kst-34384-3.html'
		});
		expect(mvt('3.4').code).toBe('MvT §3.4');
		expect(() => mvt('seven')).toThrow(RangeError);
	});

	it('names the references outside the Kieswet and Kiesbesluit', () => {
		expect(Object.isFrozen(OTHER_LAW)).toBe(true);
		expect(Object.values(OTHER_LAW).map((r) => r.code)).toEqual([
			'Awb 6:7',
			'Awb 6:8(1)',
			'Awb 6:5',
			'MvT §7'
		]);
	});
});

describe('sources', () => {
	it('keeps the versions in one place', () => {
		expect(KIESWET).toEqual({ prefix: 'KW', bwbId: 'BWBR0004627', version: '2026-10-01' });
		expect(KIESBESLUIT).toEqual({ prefix: 'KB', bwbId: 'BWBR0004632', version: '2019-02-22' });
		expect(Object.isFrozen(KIESWET)).toBe(true);
		expect(Object.isFrozen(KIESBESLUIT)).toBe(true);
	});
});

describe('LAW', () => {
	it('is frozen, as is every reference in it', () => {
		expect(Object.isFrozen(LAW)).toBe(true);
		for (const ref of Object.values(LAW)) expect(Object.isFrozen(ref)).toBe(true);
	});

	it('links every reference to the article its code names', () => {
		for (const ref of Object.values(LAW)) {
			const m = /^(KW|KB) ([A-Z][a-z]? \d+[a-z]?)/.exec(ref.code);
			expect(m, ref.code).not.toBeNull();
			const [, prefix, article] = m as RegExpExecArray;
			const source = prefix === 'KW' ? KIESWET : KIESBESLUIT;
			expect(ref.url).toBe(
				`https://wetten.overheid.nl/${source.bwbId}/${source.version}#Artikel${(article as string).replace(' ', '_')}`
			);
		}
	});

	it('names the terms of the rulebook', () => {
		expect(LAW.REGISTRATION_CUTOFF.code).toBe('KW D 3(2)');
		expect(LAW.CHANGE_CUTOFF.code).toBe('KW D 3(3)');
		expect(LAW.REGISTRATION_ON_APPLICATION.code).toBe('KW D 3(1)');
		expect(LAW.EP_DECLARATION.code).toBe('KW Y 6(1)');
		expect(LAW.EP_EMBASSY_RETURN.code).toBe('KW Y 22c');
		expect(LAW.REPLACEMENT_IN_PERSON.code).toBe('KW M 6b(4)');
		expect(LAW.SUBMISSION_ELECTRONIC.code).toBe('KB D 5(4)');
		expect(LAW.DECISION_TERM.code).toBe('KB D 9');
		expect(LAW.KNI_NO_PROXY_OR_PASS.code).toBe('KW Pa 21');
	});
});

describe('TERMS', () => {
	it('holds the terms of the rulebook, frozen', () => {
		expect(Object.isFrozen(TERMS)).toBe(true);
		expect(TERMS).toMatchObject({
			changeDaysBefore: 63,
			registrationDaysBefore: 42,
			seventeenRegisteredDaysBeforeBirthday: 44,
			proxyOrVoterPassDaysBefore: 6 * 7,
			certificatesSentDaysBefore: 12 * 7,
			temporarilyAbroadDaysBefore: 28,
			replacementWrittenDaysBefore: 12,
			replacementInPersonDaysBefore: 9,
			embassyReturnDaysBefore: 5,
			embassyReturnDaysBeforeEp: 6,
			nominationToElectionDays: 44,
			decisionDays: 7,
			statusReasonsDays: 7,
			appealTermWeeks: 6
		});
	});
});
