import { describe, expect, it } from 'vitest';
import { INVALID_REASONS, invalidExtractDue, isInvalidReason } from './certificates';

describe('invalidExtractDue', () => {
	it('is the 8th day before election day, under KW M 5(3)', () => {
		const due = invalidExtractDue('2030-05-15');
		expect(due.date).toBe('2030-05-07');
		expect(due.basis.map((b) => b.code)).toEqual(['KW M 5(3)']);
		expect(due.basis[0]!.url).toMatch(/#ArtikelM_5$/);
	});

	it('counts back across a month and a leap day', () => {
		expect(invalidExtractDue('2028-03-03').date).toBe('2028-02-24');
		expect(invalidExtractDue('2027-03-03').date).toBe('2027-02-23');
	});
});

describe('INVALID_REASONS', () => {
	it('maps every ground of KW M 5(2) to its item', () => {
		expect(INVALID_REASONS.replaced.code).toBe('KW M 5(2)(a)');
		expect(INVALID_REASONS.not_a_voter.code).toBe('KW M 5(2)(b)');
		expect(INVALID_REASONS.stolen.code).toBe('KW M 5(2)(c)');
	});

	it('knows its own reasons only', () => {
		expect(isInvalidReason('replaced')).toBe(true);
		expect(isInvalidReason('toString')).toBe(false);
		expect(isInvalidReason('lost')).toBe(false);
	});
});
