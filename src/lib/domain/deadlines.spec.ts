import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, amsterdamInstant, compareIsoDates, daysBetween } from './dates';
import {
	DEFAULT_POSTAL_DAYS,
	FALLBACK_POSTAL_DAYS,
	nextRegistrationTarget,
	postBy,
	postalDaysFor,
	type PlannedElection
} from './deadlines';
import type { ElectionType } from './elections';

describe('postal days', () => {
	it('default by region, with a fallback', () => {
		expect(DEFAULT_POSTAL_DAYS.default).toBe(14);
		expect(postalDaysFor('NL')).toBe(2);
		expect(postalDaysFor('DE')).toBe(5);
		expect(postalDaysFor('CH')).toBe(5);
		expect(postalDaysFor('GB')).toBe(5);
		expect(postalDaysFor('RS')).toBe(7);
		expect(postalDaysFor('US')).toBe(10);
		expect(postalDaysFor('CA')).toBe(10);
		expect(postalDaysFor('AW')).toBe(10);
		expect(postalDaysFor('CW')).toBe(10);
		expect(postalDaysFor('SX')).toBe(10);
		expect(postalDaysFor('AU')).toBe(14);
		expect(Object.isFrozen(DEFAULT_POSTAL_DAYS)).toBe(true);
	});

	it('take a table of the caller’s', () => {
		const table = { FR: 3, default: 9 };
		expect(postalDaysFor('FR', table)).toBe(3);
		expect(postalDaysFor('JP', table)).toBe(9);
		expect(postalDaysFor('JP', { FR: 3 })).toBe(FALLBACK_POSTAL_DAYS);
	});
});

describe('postBy', () => {
	it('subtracts the postal days from a received-by cut-off', () => {
		expect(postBy('2027-02-03', 5)).toBe('2027-01-29');
		expect(postBy('2027-02-03', 0)).toBe('2027-02-03');
		expect(postBy('2028-03-02', 3)).toBe('2028-02-28');
	});

	it('rejects negative or fractional postal days', () => {
		expect(() => postBy('2027-02-03', -1)).toThrow(RangeError);
		expect(() => postBy('2027-02-03', 1.5)).toThrow(RangeError);
	});
});

describe('nextRegistrationTarget', () => {
	type Planned = PlannedElection & { label: string };
	const PS_2027: Planned = {
		id: 'ps2027',
		type: 'KNI',
		electionDay: '2027-03-17',
		provisional: false,
		label: 'PS'
	};
	const EP_2029: Planned = {
		id: 'ep2029',
		type: 'EP',
		electionDay: '2029-06-07',
		provisional: true,
		label: 'EP'
	};
	const TK_2030: Planned = {
		id: 'tk2030',
		type: 'TK',
		electionDay: '2030-05-15',
		provisional: true,
		label: 'TK'
	};
	const TK_UNKNOWN: Planned = {
		id: 'tk?',
		type: 'TK',
		electionDay: null,
		provisional: true,
		label: '?'
	};
	const ELECTIONS = [TK_UNKNOWN, TK_2030, EP_2029, PS_2027];
	const ALL: ElectionType[] = ['TK', 'EP', 'KNI'];
	const JAN = new Date('2027-01-10T12:00:00Z');

	it('picks the earliest election whose registration cut-off is open, keeping the caller’s type', () => {
		const target = nextRegistrationTarget(ELECTIONS, ALL, JAN);
		expect(target?.election).toBe(PS_2027);
		expect(target?.election.label).toBe('PS');
		expect(target?.cutoff).toMatchObject({ kind: 'registration', day: '2027-02-03' });
	});

	it('counts the whole cut-off day in Den Haag, and not a millisecond more', () => {
		const closes = new Date('2027-02-03T22:59:59.999Z');
		expect(nextRegistrationTarget(ELECTIONS, ALL, closes)?.election).toBe(PS_2027);
		expect(nextRegistrationTarget(ELECTIONS, ALL, new Date(closes.getTime() + 1))?.election).toBe(
			EP_2029
		);
	});

	it('considers only the chosen types, and provisional elections too', () => {
		expect(nextRegistrationTarget(ELECTIONS, ['TK'], JAN)?.election).toBe(TK_2030);
		expect(nextRegistrationTarget(ELECTIONS, ['EP', 'TK'], JAN)?.election).toBe(EP_2029);
		expect(nextRegistrationTarget(ELECTIONS, [], JAN)).toBeNull();
	});

	it('is null when every cut-off has closed or no day is known', () => {
		expect(nextRegistrationTarget(ELECTIONS, ALL, new Date('2031-01-01T00:00:00Z'))).toBeNull();
		expect(nextRegistrationTarget([TK_UNKNOWN], ALL, JAN)).toBeNull();
		expect(nextRegistrationTarget([], ALL, JAN)).toBeNull();
	});

	it('skips elections before the voter turns 18 (KW B 1(1))', () => {
		// 18 on 17 March 2027: in time; 18 the day after: not.
		expect(
			nextRegistrationTarget(ELECTIONS, ALL, JAN, { dateOfBirth: '2009-03-17' })?.election
		).toBe(PS_2027);
		expect(
			nextRegistrationTarget(ELECTIONS, ALL, JAN, { dateOfBirth: '2009-03-18' })?.election
		).toBe(EP_2029);
	});

	describe('with only the start of the registration', () => {
		it('skips an election whose nomination day precedes a later start (a 17-year-old)', () => {
			expect(
				nextRegistrationTarget(ELECTIONS, ALL, JAN, { startsOn: '2027-02-02' })?.election
			).toBe(EP_2029);
			expect(
				nextRegistrationTarget(ELECTIONS, ALL, JAN, { startsOn: '2027-02-01' })?.election
			).toBe(PS_2027);
		});

		it('keeps an election when the registration starts on the decision, after nomination day (D 3(2))', () => {
			const afterNomination = new Date('2027-02-02T10:00:00Z');
			const target = nextRegistrationTarget(ELECTIONS, ALL, afterNomination, {
				startsOn: '2027-02-02'
			});
			expect(target?.election).toBe(PS_2027);
		});

		it('ignores a null start, and the start when the date of birth is known', () => {
			expect(nextRegistrationTarget(ELECTIONS, ALL, JAN, { startsOn: null })?.election).toBe(
				PS_2027
			);
			const both = { dateOfBirth: '2009-03-17', startsOn: '2027-02-02' };
			expect(nextRegistrationTarget(ELECTIONS, ALL, JAN, both)?.election).toBe(PS_2027);
		});
	});

	it('keeps the order given for elections on the same day', () => {
		const a: PlannedElection = {
			id: 'a',
			type: 'TK',
			electionDay: '2027-03-17',
			provisional: false
		};
		const b: PlannedElection = {
			id: 'b',
			type: 'EP',
			electionDay: '2027-03-17',
			provisional: false
		};
		expect(nextRegistrationTarget([a, b], ALL, JAN)?.election.id).toBe('a');
		expect(nextRegistrationTarget([b, a], ALL, JAN)?.election.id).toBe('b');
	});

	it('rejects an invalid election day or instant', () => {
		const bad: PlannedElection = {
			id: 'x',
			type: 'TK',
			electionDay: '2027-02-30',
			provisional: false
		};
		expect(() => nextRegistrationTarget([bad], ALL, JAN)).toThrow(RangeError);
		expect(() => nextRegistrationTarget(ELECTIONS, ALL, new Date(Number.NaN))).toThrow(RangeError);
	});

	it('returns the earliest election still open, or null when none is (property)', () => {
		const election = fc.record({
			id: fc.string(),
			type: fc.constantFrom<ElectionType>('TK', 'EP', 'KNI'),
			electionDay: fc.option(
				fc.integer({ min: 0, max: 3000 }).map((n) => addDays('2026-01-01', n))
			),
			provisional: fc.boolean()
		});
		const now = fc
			.integer({ min: 0, max: 3000 })
			.map((n) => new Date(Date.UTC(2026, 0, 1) + n * 86_400_000 + (n % 24) * 3_600_000));
		fc.assert(
			fc.property(
				fc.array(election, { maxLength: 8 }),
				fc.subarray(['TK', 'EP', 'KNI'] as ElectionType[]),
				now,
				(elections, types, at) => {
					const open = elections.filter(
						(e) =>
							e.electionDay !== null &&
							types.includes(e.type) &&
							at.getTime() <= amsterdamInstant(addDays(e.electionDay, -42), 'end-of-day').getTime()
					);
					const target = nextRegistrationTarget(elections, types, at);
					if (open.length === 0) {
						expect(target).toBeNull();
						return;
					}
					expect(target).not.toBeNull();
					const day = target?.election.electionDay as string;
					expect(daysBetween(target?.cutoff.day as string, day)).toBe(42);
					for (const e of open)
						expect(compareIsoDates(day, e.electionDay as string)).toBeLessThanOrEqual(0);
				}
			)
		);
	});
});
