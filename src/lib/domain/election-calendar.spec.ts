import { describe, expect, it } from 'vitest';
import {
	ELECTION_CALENDAR_ISSUES,
	MAX_NOMINATION_ADVANCE_DAYS,
	checkElectionDates,
	type ElectionCalendarDates
} from './election-calendar';
import { LAW } from './legal';

const KNI_2027: ElectionCalendarDates = {
	type: 'KNI',
	electionDay: '2027-03-17',
	nominationDay: '2027-02-01',
	certificatesSentOn: '2026-12-23'
};
const TK_2030: ElectionCalendarDates = {
	type: 'TK',
	electionDay: '2030-05-15',
	nominationDay: '2030-04-01',
	certificatesSentOn: '2030-02-20'
};
// 6 June 2024 was the Dutch EP election day, a Thursday; nomination 23 April 2024.
const EP_2024: ElectionCalendarDates = {
	type: 'EP',
	electionDay: '2024-06-06',
	nominationDay: '2024-04-23',
	certificatesSentOn: '2024-03-14'
};

const codes = (dates: ElectionCalendarDates, confirming = false) =>
	checkElectionDates(dates, { confirming }).map((i) => `${i.field}:${i.code}`);

describe('checkElectionDates', () => {
	it('accepts the planned elections of DOMAIN.md, for saving and for confirming', () => {
		for (const dates of [KNI_2027, TK_2030, EP_2024]) {
			expect(checkElectionDates(dates)).toEqual([]);
			expect(checkElectionDates(dates, { confirming: true })).toEqual([]);
		}
	});

	it('lets an election wait for its day, but not be confirmed without it', () => {
		const open = {
			type: 'EP',
			electionDay: null,
			nominationDay: null,
			certificatesSentOn: null
		} as const;
		expect(checkElectionDates(open)).toEqual([]);
		expect(checkElectionDates(open, { confirming: true })).toEqual([
			{ field: 'electionDay', code: 'election_day_required', basis: [LAW.EP_ELECTION_DAY] }
		]);
	});

	it('refuses a nomination or certificate day without an election day', () => {
		expect(codes({ ...TK_2030, electionDay: null })).toEqual(['electionDay:election_day_required']);
		expect(
			checkElectionDates({ ...TK_2030, electionDay: null, nominationDay: null })[0]!.basis
		).toEqual([LAW.NOMINATION_DAY, LAW.ELECTION_DAY]);
	});

	it('asks for every day before confirming, saying which day the law points to', () => {
		const partial = { ...TK_2030, nominationDay: null, certificatesSentOn: null };
		expect(checkElectionDates(partial)).toEqual([]);
		expect(checkElectionDates(partial, { confirming: true })).toEqual([
			{
				field: 'nominationDay',
				code: 'nomination_day_required',
				basis: [LAW.ELECTION_DAY, LAW.NOMINATION_DAY_ROYAL_DECREE],
				params: { date: '2030-04-01' }
			},
			{
				field: 'certificatesSentOn',
				code: 'certificates_day_required',
				basis: [LAW.CERTIFICATES_SENT],
				params: { date: '2030-02-20' }
			}
		]);
	});

	it('holds the EP to a Thursday (KW Y 8(1))', () => {
		expect(
			codes({
				...EP_2024,
				electionDay: '2024-06-05',
				nominationDay: '2024-04-22',
				certificatesSentOn: '2024-03-01'
			})
		).toEqual(['electionDay:ep_not_thursday']);
	});

	it('holds the EP nomination to exactly 44 days before (KW Y 8(2))', () => {
		const issues = checkElectionDates({ ...EP_2024, nominationDay: '2024-04-22' });
		expect(issues).toEqual([
			{
				field: 'nominationDay',
				code: 'nomination_not_44_days',
				basis: [LAW.EP_NOMINATION_DAY],
				params: { date: '2024-04-23' }
			}
		]);
	});

	it('allows a TK or KNI span of 44 days, or up to a week more under a royal decree (KW J 1(1), F 1(3))', () => {
		expect(MAX_NOMINATION_ADVANCE_DAYS).toBe(7);
		// Nomination moved to the Monday before (F 1(3)); election day moved 7 days later.
		expect(codes({ ...TK_2030, nominationDay: '2030-03-25' })).toEqual([]);
		expect(codes({ ...TK_2030, nominationDay: '2030-03-24' })).toEqual([
			'nominationDay:nomination_span'
		]);
		expect(codes({ ...TK_2030, nominationDay: '2030-04-02' })).toEqual([
			'nominationDay:nomination_span'
		]);
		// After a dissolution the decree may set any day of the week (F 2).
		expect(
			codes({
				...TK_2030,
				electionDay: '2030-05-19',
				nominationDay: '2030-04-05',
				certificatesSentOn: null
			})
		).toEqual([]);
	});

	it('never has the KNI nominate at a weekend (KW F 1, Pa 1)', () => {
		const saturday = {
			...KNI_2027,
			electionDay: '2027-03-15',
			nominationDay: '2027-01-30',
			certificatesSentOn: '2026-12-01'
		};
		expect(codes(saturday)).toEqual(['nominationDay:nomination_weekend']);
		expect(checkElectionDates(saturday)[0]!.basis).toEqual([
			LAW.NOMINATION_DAY,
			LAW.NOMINATION_DAY_ROYAL_DECREE,
			LAW.KNI_PROVINCIAL_RULES_APPLY
		]);
		expect(codes({ ...saturday, electionDay: '2027-03-16', nominationDay: '2027-01-31' })).toEqual([
			'nominationDay:nomination_weekend'
		]);
	});

	it('sends the certificates at the latest twelve weeks before (KW M 6(3))', () => {
		expect(codes({ ...KNI_2027, certificatesSentOn: '2026-12-01' })).toEqual([]);
		expect(checkElectionDates({ ...KNI_2027, certificatesSentOn: '2026-12-24' })).toEqual([
			{
				field: 'certificatesSentOn',
				code: 'certificates_too_late',
				basis: [LAW.CERTIFICATES_SENT],
				params: { date: '2026-12-23' }
			}
		]);
	});

	it('lists every problem at once', () => {
		expect(
			codes({
				type: 'EP',
				electionDay: '2029-05-30',
				nominationDay: '2029-04-01',
				certificatesSentOn: '2029-05-01'
			})
		).toEqual([
			'electionDay:ep_not_thursday',
			'nominationDay:nomination_not_44_days',
			'certificatesSentOn:certificates_too_late'
		]);
	});

	it('names every issue it can raise', () => {
		expect(ELECTION_CALENDAR_ISSUES).toHaveLength(8);
	});
});
