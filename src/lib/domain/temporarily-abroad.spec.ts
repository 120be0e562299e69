import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, amsterdamInstant } from './dates';
import { LAW } from './legal';
import {
	LIVES_ABROAD,
	assessTemporarilyAbroadVoter,
	ballotDelivery,
	checkStay,
	temporarilyAbroadClosedReasons,
	temporarilyAbroadCutoff,
	temporarilyAbroadElections,
	type CalendarElection
} from './temporarily-abroad';

type Row = CalendarElection & { slug: string };
const TK_2030: Row = { slug: 'TK-2030', type: 'TK', electionDay: '2030-05-15' };
const EP_2029: Row = { slug: 'EP-2029', type: 'EP', electionDay: '2029-06-07' };
const KNI_2031: Row = { slug: 'KNI-2031', type: 'KNI', electionDay: '2031-03-19' };
const EP_UNDATED: Row = { slug: 'EP-2034', type: 'EP', electionDay: null };
const codes = (rs: { code: string }[]) => rs.map((r) => r.code);

describe('temporarilyAbroadCutoff (KW M 3(3))', () => {
	it('is the end of the 28th day before election day, Den Haag time', () => {
		const c = temporarilyAbroadCutoff(TK_2030 as { type: 'TK'; electionDay: string });
		expect(c?.day).toBe('2030-04-17');
		// Summer time: midnight in Den Haag is 22:00 UTC.
		expect(c?.closesAt.toISOString()).toBe('2030-04-17T21:59:59.999Z');
		expect(c?.basis.map((b) => b.code)).toEqual(['KW M 1(2)', 'KW M 3(3)']);
	});

	it('cites Y 2 for the European Parliament', () => {
		const c = temporarilyAbroadCutoff({ type: 'EP', electionDay: '2029-06-07' });
		expect(c?.day).toBe('2029-05-10');
		expect(c?.basis.map((b) => b.code)).toContain('KW Y 2');
	});

	it('does not exist for the KNI (KW Pa 2(1))', () => {
		expect(temporarilyAbroadCutoff({ type: 'KNI', electionDay: '2031-03-19' })).toBeNull();
	});

	it('is always 28 days before, whatever the day (property)', () => {
		fc.assert(
			fc.property(
				fc.date({ min: new Date('2000-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }),
				(d) => {
					const day = d.toISOString().slice(0, 10);
					const c = temporarilyAbroadCutoff({ type: 'TK', electionDay: day });
					expect(c?.day).toBe(addDays(day, -28));
					expect(c?.closesAt.getTime()).toBe(
						amsterdamInstant(addDays(day, -28), 'end-of-day').getTime()
					);
				}
			)
		);
	});
});

describe('temporarilyAbroadElections', () => {
	const all = [KNI_2031, TK_2030, EP_UNDATED, EP_2029];

	it('offers TK and EP elections with a known day whose cut-off is still open, by day', () => {
		const open = temporarilyAbroadElections(all, new Date('2029-01-01T12:00:00Z'));
		expect(open.map((o) => o.election.slug)).toEqual(['EP-2029', 'TK-2030']);
		expect(open[0]?.cutoff.day).toBe('2029-05-10');
	});

	it('never offers the KNI (KW Pa 2(1)) nor an election without a day', () => {
		const open = temporarilyAbroadElections(all, new Date('2030-06-01T00:00:00Z'));
		expect(open).toEqual([]);
	});

	it('keeps the election open until the last millisecond of the 28th day in Den Haag', () => {
		const last = new Date('2030-04-17T21:59:59.999Z');
		expect(temporarilyAbroadElections([TK_2030], last)).toHaveLength(1);
		expect(temporarilyAbroadElections([TK_2030], new Date(last.getTime() + 1))).toHaveLength(0);
	});

	it('on the clocked e2e day (10 February 2030) offers TK-2030', () => {
		const open = temporarilyAbroadElections([TK_2030], new Date('2030-02-10T10:00:00Z'));
		expect(open.map((o) => [o.election.slug, o.cutoff.day])).toEqual([['TK-2030', '2030-04-17']]);
	});
});

describe('temporarilyAbroadClosedReasons', () => {
	it('says, per upcoming election, why it is not open', () => {
		const reasons = temporarilyAbroadClosedReasons(
			[TK_2030, KNI_2031, EP_UNDATED],
			new Date('2030-04-20T10:00:00Z')
		);
		expect(reasons).toEqual([
			{
				code: 'temporarily_abroad_cutoff_passed',
				params: { type: 'TK', electionDay: '2030-05-15', cutoffDay: '2030-04-17' },
				basis: [LAW.POSTAL_VOTE_TEMPORARILY_ABROAD, LAW.TEMPORARILY_ABROAD_CUTOFF]
			},
			{
				code: 'temporarily_abroad_kni',
				basis: [LAW.KNI_VOTERS, LAW.POSTAL_VOTE_TEMPORARILY_ABROAD]
			},
			{
				code: 'temporarily_abroad_no_date',
				params: { type: 'EP' },
				basis: [LAW.POSTAL_VOTE_TEMPORARILY_ABROAD, LAW.EP_TK_RULES_APPLY]
			}
		]);
	});

	it('leaves out elections already held, and says none is planned when nothing is left', () => {
		expect(
			codes(temporarilyAbroadClosedReasons([TK_2030], new Date('2030-06-01T10:00:00Z')))
		).toEqual(['temporarily_abroad_none_planned']);
		expect(codes(temporarilyAbroadClosedReasons([], new Date()))).toEqual([
			'temporarily_abroad_none_planned'
		]);
	});
});

describe('assessTemporarilyAbroadVoter (KW M 1(2), B 1(1), Y 3(a))', () => {
	const tk = { type: 'TK' as const, electionDay: '2030-05-15' };

	it('allows a Dutch national who is 18 on election day, also when that is the birthday', () => {
		expect(assessTemporarilyAbroadVoter({ dutch: true, dateOfBirth: '2012-05-15' }, tk)).toEqual(
			[]
		);
		expect(assessTemporarilyAbroadVoter({ dutch: true, dateOfBirth: '1950-01-01' }, tk)).toEqual(
			[]
		);
	});

	it('refuses someone who turns 18 the day after election day, with the article', () => {
		expect(assessTemporarilyAbroadVoter({ dutch: true, dateOfBirth: '2012-05-16' }, tk)).toEqual([
			{
				code: 'temporarily_abroad_too_young',
				params: { electionDay: '2030-05-15' },
				basis: [LAW.TK_VOTERS, LAW.POSTAL_VOTE_TEMPORARILY_ABROAD]
			}
		]);
	});

	it('refuses someone who is not Dutch, citing Y 3(a) for the EP', () => {
		const ep = { type: 'EP' as const, electionDay: '2029-06-07' };
		expect(assessTemporarilyAbroadVoter({ dutch: false }, ep)).toEqual([
			{ code: 'not_dutch', basis: [LAW.EP_VOTERS, LAW.POSTAL_VOTE_TEMPORARILY_ABROAD] }
		]);
	});

	it('has nothing to say before the facts are known, and refuses a malformed date', () => {
		expect(assessTemporarilyAbroadVoter({}, tk)).toEqual([]);
		expect(() => assessTemporarilyAbroadVoter({ dateOfBirth: '2012-02-30' }, tk)).toThrow(
			RangeError
		);
	});
});

describe('checkStay (KW M 1(2): abroad on election day)', () => {
	const day = '2030-05-15';

	it('accepts a stay that takes in election day, including leaving or coming back that day', () => {
		expect(checkStay({ from: '2030-05-01', until: '2030-06-01' }, day)).toBeNull();
		expect(checkStay({ from: day, until: day }, day)).toBeNull();
		expect(checkStay({ from: '2029-09-01', until: day }, day)).toBeNull();
	});

	it('refuses a stay that ends before it starts, at the return date', () => {
		expect(checkStay({ from: '2030-05-20', until: '2030-05-10' }, day)).toMatchObject({
			field: 'until',
			code: 'until_before_from'
		});
	});

	it('refuses leaving after election day, at the departure date', () => {
		expect(checkStay({ from: '2030-05-16', until: '2030-06-01' }, day)).toEqual({
			field: 'from',
			code: 'leaves_after_election_day',
			basis: [LAW.POSTAL_VOTE_TEMPORARILY_ABROAD]
		});
	});

	it('refuses coming back before election day, at the return date', () => {
		expect(checkStay({ from: '2030-05-01', until: '2030-05-14' }, day)).toMatchObject({
			field: 'until',
			code: 'back_before_election_day'
		});
	});

	it('accepts exactly the stays that contain election day (property)', () => {
		const offset = fc.integer({ min: -400, max: 400 });
		fc.assert(
			fc.property(offset, offset, (a, b) => {
				const stay = { from: addDays(day, Math.min(a, b)), until: addDays(day, Math.max(a, b)) };
				expect(checkStay(stay, day) === null).toBe(Math.min(a, b) <= 0 && Math.max(a, b) >= 0);
			})
		);
	});

	it('refuses malformed dates', () => {
		expect(() => checkStay({ from: '2030-13-01', until: day }, day)).toThrow(RangeError);
	});
});

describe('ballotDelivery (KW M 3(4), M 3(5))', () => {
	it('sends the ballot to the e-mail address given', () => {
		expect(ballotDelivery({ post: false, email: 'a@example.org' })).toEqual({
			by: 'email',
			basis: [LAW.TEMPORARILY_ABROAD_BALLOT_EMAIL]
		});
	});

	it('sends it by post when asked, or without an address', () => {
		expect(ballotDelivery({ post: true, email: 'a@example.org' })).toEqual({
			by: 'post',
			basis: [LAW.TEMPORARILY_ABROAD_BALLOT_POST]
		});
		expect(ballotDelivery({ post: false, email: null }).by).toBe('post');
	});
});

describe('LIVES_ABROAD', () => {
	it('points to the registration of voters abroad and the papers it brings', () => {
		expect(LIVES_ABROAD.basis.map((b) => b.code)).toEqual(['KW M 1(2)', 'KW D 2', 'KW M 1(1)']);
	});
});
