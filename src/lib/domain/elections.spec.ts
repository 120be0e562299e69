import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	addDays,
	amsterdamDay,
	amsterdamTime,
	daysBetween,
	formatIsoDate,
	isLeapYear,
	weekday
} from './dates';
import {
	CUTOFF_KINDS,
	ELECTION_TYPE_RULES,
	ELECTION_TYPES,
	NOMINATION_BASIS,
	computeCutoffs,
	cutoff,
	decisionDueOn,
	electionDayFromNomination,
	isElectionType,
	nominationDayFor,
	registrationCutoff,
	regularNominationDay,
	statusReasonsDueOn,
	type Cutoff,
	type CutoffKind,
	type ElectionType
} from './elections';
import { LAW } from './legal';

const codes = (c: Cutoff | undefined) => c?.basis.map((b) => b.code);
const byKind = (cutoffs: Cutoff[]) => new Map(cutoffs.map((c) => [c.kind, c]));

/** Election days from 1980 to 2199, weighted towards clock changes and 29 February. */
const electionDay = fc.oneof(
	fc.integer({ min: 0, max: 80_000 }).map((n) => addDays('1980-01-01', n)),
	fc
		.tuple(
			fc.integer({ min: 1996, max: 2199 }),
			fc.constantFrom(3, 10),
			fc.integer({ min: -90, max: 90 })
		)
		.map(([y, m, shift]) => addDays(formatIsoDate(y, m, 25), shift)),
	fc
		.tuple(
			fc.integer({ min: 500, max: 549 }).map((n) => n * 4),
			fc.integer({ min: 0, max: 100 })
		)
		.filter(([y]) => isLeapYear(y))
		.map(([y, shift]) => addDays(formatIsoDate(y, 2, 29), shift))
);
const electionType = fc.constantFrom<ElectionType>('TK', 'EP', 'KNI');

// Days before election day per kind, for the rows that do not depend on data.
const DAYS_BEFORE: Partial<Record<CutoffKind, number>> = {
	change: 63,
	registration: 42,
	temporarily_abroad: 28,
	replacement_written: 12,
	replacement_in_person: 9,
	den_haag_return: 0
};

describe('election types', () => {
	it('are TK, EP and KNI', () => {
		expect(ELECTION_TYPES).toEqual(['TK', 'EP', 'KNI']);
		expect(Object.isFrozen(ELECTION_TYPES)).toBe(true);
		expect(isElectionType('EP')).toBe(true);
		expect(isElectionType('PS')).toBe(false);
		expect(isElectionType(1)).toBe(false);
	});

	it('follow the table of the rulebook', () => {
		expect(ELECTION_TYPE_RULES.TK).toMatchObject({
			byPost: true,
			proxyOrVoterPass: true,
			temporarilyAbroadPostalVote: true,
			caribbeanCondition: true
		});
		expect(ELECTION_TYPE_RULES.EP).toMatchObject({
			byPost: true,
			proxyOrVoterPass: true,
			temporarilyAbroadPostalVote: true,
			caribbeanCondition: false
		});
		expect(ELECTION_TYPE_RULES.KNI).toMatchObject({
			byPost: true,
			proxyOrVoterPass: false,
			temporarilyAbroadPostalVote: false,
			caribbeanCondition: true
		});
	});

	it('cite their basis', () => {
		const of = (t: ElectionType) => ELECTION_TYPE_RULES[t].basis.map((b) => b.code);
		expect(of('TK')).toEqual(
			expect.arrayContaining([
				'KW B 1(1)',
				'KW B 1(2)',
				'KW M 1(1)',
				'KW M 1(2)',
				'KW K 7(1)',
				'KW L 9(1)'
			])
		);
		expect(of('EP')).toEqual(
			expect.arrayContaining(['KW Y 2', 'KW Y 3(a)', 'KW Y 5a', 'KW Y 6(1)'])
		);
		expect(of('KNI')).toEqual(
			expect.arrayContaining(['KW Pa 2(1)', 'KW Pa 2(2)', 'KW Pa 3', 'KW Pa 20', 'KW Pa 21'])
		);
		expect(Object.isFrozen(ELECTION_TYPE_RULES.KNI)).toBe(true);
	});
});

describe('computeCutoffs', () => {
	it('gives the worked example of the rulebook: provincial + KNI of 17 March 2027', () => {
		const rows = computeCutoffs({ type: 'KNI', electionDay: '2027-03-17' });
		const m = byKind(rows);
		expect(m.get('change')?.day).toBe('2027-01-13');
		expect(m.get('registration')?.day).toBe('2027-02-03');
		// KW Pa 21: no proxy or voter pass; Pa 2(1): no residents temporarily abroad.
		expect(m.has('proxy_or_voter_pass')).toBe(false);
		expect(m.has('temporarily_abroad')).toBe(false);
		expect(rows.map((c) => c.kind)).toEqual([
			'certificates_sent',
			'change',
			'registration',
			'replacement_written',
			'replacement_in_person',
			'embassy_return',
			'den_haag_return'
		]);
		expect(rows.map((c) => c.day)).toEqual([
			'2026-12-23',
			'2027-01-13',
			'2027-02-03',
			'2027-03-05',
			'2027-03-08',
			'2027-03-12',
			'2027-03-17'
		]);
	});

	it('closes Den Haag cut-offs at their time in Den Haag', () => {
		const m = byKind(computeCutoffs({ type: 'KNI', electionDay: '2027-03-17' }));
		expect(m.get('registration')).toMatchObject({
			time: 'end-of-day',
			timeZone: 'Europe/Amsterdam'
		});
		expect(m.get('registration')?.closesAt?.toISOString()).toBe('2027-02-03T22:59:59.999Z');
		expect(m.get('replacement_in_person')).toMatchObject({
			time: '12:00',
			timeZone: 'Europe/Amsterdam'
		});
		expect(m.get('replacement_in_person')?.closesAt?.toISOString()).toBe(
			'2027-03-08T11:00:00.000Z'
		);
		expect(m.get('den_haag_return')).toMatchObject({ time: '15:00', timeZone: 'Europe/Amsterdam' });
		expect(m.get('den_haag_return')?.closesAt?.toISOString()).toBe('2027-03-17T14:00:00.000Z');
	});

	it('leaves the embassy cut-off at 10:00 local time, with no instant', () => {
		const embassy = cutoff({ type: 'TK', electionDay: '2030-05-15' }, 'embassy_return');
		expect(embassy).toMatchObject({
			day: '2030-05-10',
			time: '10:00',
			timeZone: 'local',
			closesAt: null
		});
		expect(codes(embassy)).toEqual(['KW M 7(7)']);
	});

	it('puts the EP embassy cut-off on the 6th day before (KW Y 22c)', () => {
		const embassy = cutoff({ type: 'EP', electionDay: '2029-06-07' }, 'embassy_return');
		expect(embassy?.day).toBe('2029-06-01');
		expect(codes(embassy)).toEqual(['KW M 7(7)', 'KW Y 22c']);
	});

	it('gives every row for the TK, in order', () => {
		const rows = computeCutoffs({ type: 'TK', electionDay: '2030-05-15' });
		expect(rows.map((c) => [c.kind, c.day])).toEqual([
			['certificates_sent', '2030-02-20'],
			['change', '2030-03-13'],
			['registration', '2030-04-03'],
			['proxy_or_voter_pass', '2030-04-03'],
			['temporarily_abroad', '2030-04-17'],
			['replacement_written', '2030-05-03'],
			['replacement_in_person', '2030-05-06'],
			['embassy_return', '2030-05-10'],
			['den_haag_return', '2030-05-15']
		]);
	});

	it('gives the EP the TK rows, citing Y 2', () => {
		const rows = computeCutoffs({ type: 'EP', electionDay: '2029-06-07' });
		expect(rows.map((c) => c.kind).sort()).toEqual([...CUTOFF_KINDS].sort());
		const m = byKind(rows);
		expect(codes(m.get('registration'))).toEqual(['KW D 3(2)', 'KW Y 2']);
		expect(codes(m.get('temporarily_abroad'))).toEqual(['KW M 1(2)', 'KW M 3(3)', 'KW Y 2']);
	});

	it('cites the bridges for the KNI: Pa 3 for chapter D, Pa 22 for chapter M', () => {
		const m = byKind(computeCutoffs({ type: 'KNI', electionDay: '2027-03-17' }));
		expect(codes(m.get('change'))).toEqual(['KW D 3(3)', 'KW Pa 3']);
		expect(codes(m.get('registration'))).toEqual(['KW D 3(2)', 'KW Pa 3']);
		expect(codes(m.get('certificates_sent'))).toEqual(['KW M 6(3)', 'KW Pa 22']);
		expect(codes(m.get('replacement_written'))).toEqual(['KW M 6b(3)', 'KW Pa 22']);
		expect(codes(m.get('embassy_return'))).toEqual(['KW M 7(7)', 'KW Pa 22']);
		expect(codes(m.get('den_haag_return'))).toEqual(['KW M 8(1)', 'KW Pa 22']);
	});

	it('cites chapter D and M directly for the TK', () => {
		const m = byKind(computeCutoffs({ type: 'TK', electionDay: '2030-05-15' }));
		expect(codes(m.get('change'))).toEqual(['KW D 3(3)']);
		expect(codes(m.get('replacement_in_person'))).toEqual(['KW M 6b(4)']);
		expect(codes(m.get('proxy_or_voter_pass'))).toEqual([
			'KW K 7(2)',
			'KW L 9(2)',
			'KW K 8(2)',
			'KW L 10(b)',
			'KW M 6(3)'
		]);
	});

	describe('proxy or voter pass', () => {
		const election = { type: 'TK' as const, electionDay: '2030-05-15' };

		it('is six weeks before when the certificates day is unknown', () => {
			expect(cutoff(election, 'proxy_or_voter_pass')?.day).toBe('2030-04-03');
			expect(cutoff({ ...election, certificatesSentOn: null }, 'proxy_or_voter_pass')?.day).toBe(
				'2030-04-03'
			);
		});

		it('is the day before the certificate is sent, when that is earlier (K 8(2), L 10(b))', () => {
			const e = { ...election, certificatesSentOn: '2030-02-15' };
			expect(cutoff(e, 'proxy_or_voter_pass')?.day).toBe('2030-02-14');
			expect(cutoff(e, 'certificates_sent')?.day).toBe('2030-02-15');
		});

		it('stays six weeks before when the certificate is sent later (a late registration)', () => {
			const e = { ...election, certificatesSentOn: '2030-04-10' };
			expect(cutoff(e, 'proxy_or_voter_pass')?.day).toBe('2030-04-03');
		});

		it('is the same day either way when the certificate goes out on day 41', () => {
			expect(
				cutoff({ ...election, certificatesSentOn: '2030-04-04' }, 'proxy_or_voter_pass')?.day
			).toBe('2030-04-03');
		});

		it('does not exist for the KNI (Pa 21)', () => {
			expect(
				cutoff({ type: 'KNI', electionDay: '2027-03-17' }, 'proxy_or_voter_pass')
			).toBeUndefined();
		});
	});

	it('rejects an unknown type, an invalid election day or certificates day', () => {
		expect(() => computeCutoffs({ type: 'PS' as ElectionType, electionDay: '2027-03-17' })).toThrow(
			RangeError
		);
		expect(() => computeCutoffs({ type: 'TK', electionDay: '2027-02-30' })).toThrow(RangeError);
		expect(() =>
			computeCutoffs({ type: 'TK', electionDay: '2027-03-17', certificatesSentOn: 'soon' })
		).toThrow(RangeError);
	});

	it('counts each cut-off back in calendar days, across 29 February (property)', () => {
		fc.assert(
			fc.property(electionType, electionDay, (type, day) => {
				const rows = computeCutoffs({ type, electionDay: day });
				for (const c of rows) {
					const n = DAYS_BEFORE[c.kind];
					if (n !== undefined) expect(daysBetween(c.day, day)).toBe(n);
				}
				const m = byKind(rows);
				expect(daysBetween(m.get('certificates_sent')?.day ?? '', day)).toBe(84);
				expect(daysBetween(m.get('embassy_return')?.day ?? '', day)).toBe(type === 'EP' ? 6 : 5);
				if (type !== 'KNI')
					expect(daysBetween(m.get('proxy_or_voter_pass')?.day ?? '', day)).toBe(42);
			}),
			{ numRuns: 300 }
		);
	});

	it('closes every Den Haag cut-off at its local time on its day (property)', () => {
		fc.assert(
			fc.property(electionType, electionDay, (type, day) => {
				for (const c of computeCutoffs({ type, electionDay: day })) {
					if (c.timeZone === 'local') {
						expect(c.closesAt).toBeNull();
						continue;
					}
					const closesAt = c.closesAt as Date;
					expect(amsterdamDay(closesAt)).toBe(c.day);
					if (c.time === 'end-of-day') {
						expect(amsterdamTime(closesAt)).toBe('23:59:59.999');
						const next = new Date(closesAt.getTime() + 1);
						expect(amsterdamDay(next)).toBe(addDays(c.day, 1));
						expect(amsterdamTime(next)).toBe('00:00:00.000');
					} else {
						expect(amsterdamTime(closesAt)).toBe(`${c.time}:00.000`);
					}
				}
			}),
			{ numRuns: 300 }
		);
	});

	it('sorts by day and cites a basis for every row (property)', () => {
		fc.assert(
			fc.property(
				electionType,
				electionDay,
				fc.integer({ min: 30, max: 150 }),
				(type, day, sentBefore) => {
					const rows = computeCutoffs({
						type,
						electionDay: day,
						certificatesSentOn: addDays(day, -sentBefore)
					});
					for (let i = 1; i < rows.length; i++) {
						expect((rows[i - 1] as Cutoff).day <= (rows[i] as Cutoff).day).toBe(true);
					}
					for (const c of rows) expect(c.basis.length).toBeGreaterThan(0);
				}
			)
		);
	});

	it('keeps proxy or voter pass at the earlier of six weeks and the day before the certificate (property)', () => {
		fc.assert(
			fc.property(
				fc.constantFrom<ElectionType>('TK', 'EP'),
				electionDay,
				fc.integer({ min: 0, max: 150 }),
				(type, day, sentBefore) => {
					const sent = addDays(day, -sentBefore);
					const proxy = cutoff(
						{ type, electionDay: day, certificatesSentOn: sent },
						'proxy_or_voter_pass'
					);
					const expected = Math.max(42, sentBefore + 1);
					expect(daysBetween(proxy?.day ?? '', day)).toBe(expected);
				}
			)
		);
	});
});

describe('registrationCutoff', () => {
	it('is the 42nd day before, end of day in Den Haag, for every type', () => {
		for (const type of ELECTION_TYPES) {
			const c = registrationCutoff({ type, electionDay: '2027-03-17' });
			expect(c).toMatchObject({ kind: 'registration', day: '2027-02-03', time: 'end-of-day' });
			expect(c.closesAt.toISOString()).toBe('2027-02-03T22:59:59.999Z');
			expect(c.basis[0]).toBe(LAW.REGISTRATION_CUTOFF);
		}
	});

	it('rejects an invalid election', () => {
		expect(() => registrationCutoff({ type: 'TK', electionDay: '17-03-2027' })).toThrow(RangeError);
	});
});

describe('regularNominationDay', () => {
	it('matches past and planned nomination days (KW F 1(1))', () => {
		expect(regularNominationDay(2017)).toBe('2017-01-30'); // TK 15 March 2017
		expect(regularNominationDay(2019)).toBe('2019-02-04'); // PS 20 March 2019
		expect(regularNominationDay(2021)).toBe('2021-02-01'); // TK 17 March 2021
		expect(regularNominationDay(2023)).toBe('2023-01-30'); // PS 15 March 2023
		expect(regularNominationDay(2027)).toBe('2027-02-01'); // PS + KNI 17 March 2027
	});

	it('uses 31 January – 6 February in a leap year', () => {
		// 30 January 2040 is a Monday, but 2040 is a leap year.
		expect(weekday('2040-01-30')).toBe(1);
		expect(regularNominationDay(2040)).toBe('2040-02-06');
	});

	it('moves the TK to 28 March – 3 April in a municipal year (KW F 1(2))', () => {
		expect(regularNominationDay(2030, { municipalYear: true })).toBe('2030-04-01');
		expect(electionDayFromNomination(regularNominationDay(2030, { municipalYear: true }))).toBe(
			'2030-05-15'
		);
		// No leap-year variant in F 1(2): 28 March 2044 is a Monday in a leap year.
		expect(regularNominationDay(2044, { municipalYear: true })).toBe('2044-03-28');
		expect(regularNominationDay(2044, { municipalYear: false })).toBe('2044-02-01');
	});

	it('is always a Monday in the window of F 1 (property)', () => {
		fc.assert(
			fc.property(fc.integer({ min: 1900, max: 2400 }), fc.boolean(), (year, municipalYear) => {
				const day = regularNominationDay(year, { municipalYear });
				expect(weekday(day)).toBe(1);
				const first = municipalYear
					? formatIsoDate(year, 3, 28)
					: formatIsoDate(year, 1, isLeapYear(year) ? 31 : 30);
				const offset = daysBetween(first, day);
				expect(offset).toBeGreaterThanOrEqual(0);
				expect(offset).toBeLessThanOrEqual(6);
			})
		);
	});
});

describe('nomination and election day', () => {
	it('puts election day on the 44th day after nomination (KW J 1(1), Y 8(2))', () => {
		expect(electionDayFromNomination('2027-02-01')).toBe('2027-03-17');
		expect(nominationDayFor('KNI', '2027-03-17')).toBe('2027-02-01');
		expect(nominationDayFor('EP', '2024-06-06')).toBe('2024-04-23');
		expect(nominationDayFor('TK', '2030-05-15')).toBe('2030-04-01');
	});

	it('rejects an unknown type', () => {
		expect(() => nominationDayFor('GR' as ElectionType, '2026-03-18')).toThrow(RangeError);
	});

	it('cites J 1(1) for TK and KNI (through Pa 1), Y 8(2) for the EP', () => {
		expect(NOMINATION_BASIS.TK.map((b) => b.code)).toEqual(['KW J 1(1)']);
		expect(NOMINATION_BASIS.EP.map((b) => b.code)).toEqual(['KW Y 8(2)']);
		expect(NOMINATION_BASIS.KNI.map((b) => b.code)).toEqual(['KW J 1(1)', 'KW Pa 1']);
	});

	it('are 44 calendar days apart and inverse, across 29 February (property)', () => {
		fc.assert(
			fc.property(electionType, electionDay, (type, day) => {
				const nomination = nominationDayFor(type, day);
				expect(daysBetween(nomination, day)).toBe(44);
				expect(electionDayFromNomination(nomination)).toBe(day);
			})
		);
	});
});

describe('decision terms', () => {
	it('gives the decision by the 7th day after receipt (KB D 9)', () => {
		expect(decisionDueOn('2027-02-03')).toBe('2027-02-10');
		expect(decisionDueOn('2028-02-25')).toBe('2028-03-03');
	});

	it('gives the reasons for "not registered" by the 7th day after the request (KB D 8)', () => {
		expect(statusReasonsDueOn('2027-12-28')).toBe('2028-01-04');
		expect(statusReasonsDueOn('2027-02-25')).toBe('2027-03-04');
	});
});
