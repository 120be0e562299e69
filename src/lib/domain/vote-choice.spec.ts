import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, amsterdamInstant, formatIsoDate, minIsoDate, type ClockTime } from './dates';
import { LAW } from './legal';
import {
	PROXY_HOLDER_CONDITIONS,
	VOTER_PASS_CONDITIONS,
	assessVoteChoice,
	offersVoteChoice,
	openForVoteChoice,
	voteChoiceCutoff,
	voteChoiceOverview,
	votingAgeOn,
	type VoteChoiceElection
} from './vote-choice';

const codes = (basis: { code: string }[]) => basis.map((b) => b.code);

// The seeded calendar: TK of 15 May 2030 with certificates out on 20 February 2030 (M 6(3)).
const tk2030: VoteChoiceElection = {
	slug: 'TK-2030',
	type: 'TK',
	electionDay: '2030-05-15',
	certificatesSentOn: '2030-02-20'
};
const kni2027: VoteChoiceElection = {
	slug: 'KNI-2027',
	type: 'KNI',
	electionDay: '2027-03-17',
	certificatesSentOn: '2026-12-23'
};
const ep2029: VoteChoiceElection = {
	slug: 'EP-2029',
	type: 'EP',
	electionDay: null,
	certificatesSentOn: null
};
const ep2029Dated: VoteChoiceElection = {
	slug: 'EP-2029',
	type: 'EP',
	electionDay: '2029-06-07',
	certificatesSentOn: null
};

/** An instant in Den Haag: the day at the given wall-clock time. */
const at = (day: string, time: ClockTime = '11:00') => amsterdamInstant(day, time);

describe('offersVoteChoice', () => {
	it('is TK and EP, never the KNI (KW Pa 21)', () => {
		expect(offersVoteChoice('TK')).toBe(true);
		expect(offersVoteChoice('EP')).toBe(true);
		expect(offersVoteChoice('KNI')).toBe(false);
	});
});

describe('voteChoiceCutoff', () => {
	it('is the day before the certificates go out when that is earlier than six weeks', () => {
		const c = voteChoiceCutoff(tk2030)!;
		expect(c.day).toBe('2030-02-19');
		expect(c.limitedBy).toBe('certificates');
		expect(c.sixWeeks).toBe('2030-04-03');
		expect(c.latestCertificatesDay).toBe('2030-02-20');
		// The end of 19 February in Den Haag (CET, UTC+1).
		expect(c.closesAt.toISOString()).toBe('2030-02-19T22:59:59.999Z');
		expect(c.explanation).toEqual({
			code: 'certificates',
			params: { day: '2030-02-19', sentOn: '2030-02-20', sixWeeks: '2030-04-03' },
			basis: [
				LAW.VOTER_PASS_REFUSAL,
				LAW.PROXY_REFUSAL_CERTIFICATE_ISSUED,
				LAW.CERTIFICATES_SENT,
				LAW.VOTER_PASS_CUTOFF,
				LAW.PROXY_CUTOFF
			]
		});
		expect(codes(c.explanation.basis)).toEqual([
			'KW K 8(2)',
			'KW L 10(b)',
			'KW M 6(3)',
			'KW K 7(2)',
			'KW L 9(2)'
		]);
	});

	it('is six weeks before when the certificates go out only after that', () => {
		const c = voteChoiceCutoff({ ...tk2030, certificatesSentOn: '2030-04-10' })!;
		expect(c.day).toBe('2030-04-03');
		expect(c.limitedBy).toBe('six_weeks');
		expect(c.explanation.code).toBe('six_weeks');
		expect(c.explanation.params).toEqual({ day: '2030-04-03', sentOn: '2030-04-10' });
		expect(codes(c.explanation.basis)).toEqual(['KW K 7(2)', 'KW L 9(2)']);
	});

	it('is six weeks before when the certificates go out the day after (both rules agree)', () => {
		const c = voteChoiceCutoff({ ...tk2030, certificatesSentOn: '2030-04-04' })!;
		expect(c.day).toBe('2030-04-03');
		expect(c.limitedBy).toBe('six_weeks');
	});

	it('is six weeks before while the day is unknown, warning of the twelve weeks (M 6(3))', () => {
		const c = voteChoiceCutoff(ep2029Dated)!;
		expect(c.day).toBe('2029-04-26');
		expect(c.limitedBy).toBe('unknown');
		expect(c.certificatesSentOn).toBeNull();
		expect(c.explanation.code).toBe('unknown');
		expect(c.explanation.params).toEqual({ day: '2029-04-26', latest: '2029-03-15' });
		expect(codes(c.explanation.basis)).toContain('KW M 6(3)');
		expect(codes(c.explanation.basis)).toContain('KW L 10(b)');
	});

	it('does not exist for the KNI (Pa 21) nor for an election without a day', () => {
		expect(voteChoiceCutoff(kni2027)).toBeNull();
		expect(voteChoiceCutoff(ep2029)).toBeNull();
	});

	it('is always min(six weeks, the day before the certificates), for any days', () => {
		const day = fc.integer({ min: 0, max: 60_000 }).map((n) => addDays('1990-01-01', n));
		fc.assert(
			fc.property(
				day,
				fc.integer({ min: 1, max: 150 }),
				fc.constantFrom('TK' as const, 'EP' as const),
				(electionDay, sentBefore, type) => {
					const sentOn = addDays(electionDay, -sentBefore);
					const c = voteChoiceCutoff({ slug: 'x', type, electionDay, certificatesSentOn: sentOn })!;
					const expected = minIsoDate(addDays(electionDay, -42), addDays(sentOn, -1));
					expect(c.day).toBe(expected);
					expect(c.limitedBy).toBe(
						expected < addDays(electionDay, -42) ? 'certificates' : 'six_weeks'
					);
					expect(c.closesAt.getTime()).toBe(amsterdamInstant(expected, 'end-of-day').getTime());
				}
			)
		);
	});
});

describe('assessVoteChoice', () => {
	it('is open until the end of the effective cut-off in Den Haag', () => {
		// The clocked e2e server's moment: 10 February 2030, 11:00 in Den Haag, nine days ahead.
		expect(assessVoteChoice(tk2030, new Date('2030-02-10T10:00:00Z')).status).toBe('open');
		expect(assessVoteChoice(tk2030, new Date('2030-02-19T22:59:59.999Z')).status).toBe('open');
	});

	it('is closed from the certificates day, citing K 2, L 2(2), K 8(2), L 10(b) and M 6(3)', () => {
		const s = assessVoteChoice(tk2030, new Date('2030-02-19T23:00:00Z'));
		expect(s.status).toBe('closed');
		if (s.status !== 'closed') return;
		expect(s.reasons).toHaveLength(1);
		expect(s.reasons[0]!.code).toBe('vote_choice_certificate_sent');
		expect(s.reasons[0]!.params).toEqual({
			type: 'TK',
			date: '2030-05-15',
			sentOn: '2030-02-20'
		});
		expect(codes(s.reasons[0]!.basis)).toEqual([
			'KW K 2',
			'KW L 2(2)',
			'KW K 8(2)',
			'KW L 10(b)',
			'KW M 6(3)'
		]);
	});

	it('gives both reasons once the six weeks have passed too', () => {
		const s = assessVoteChoice(tk2030, at('2030-04-04'));
		expect(s.status === 'closed' && s.reasons.map((r) => r.code)).toEqual([
			'vote_choice_certificate_sent',
			'vote_choice_six_weeks_passed'
		]);
	});

	it('gives the six weeks alone when the certificates day is not known (K 7(2), L 9(2))', () => {
		const s = assessVoteChoice(ep2029Dated, at('2029-04-27'));
		expect(s.status).toBe('closed');
		if (s.status !== 'closed') return;
		expect(s.reasons).toEqual([
			{
				code: 'vote_choice_six_weeks_passed',
				params: { type: 'EP', date: '2029-06-07', day: '2029-04-26' },
				basis: [LAW.VOTER_PASS_CUTOFF, LAW.PROXY_CUTOFF]
			}
		]);
		expect(assessVoteChoice(ep2029Dated, at('2029-04-26', '23:59')).status).toBe('open');
	});

	it('never offers the KNI, citing Pa 21 and Pa 20', () => {
		const s = assessVoteChoice(kni2027, at('2026-11-01'));
		expect(s).toEqual({
			election: kni2027,
			status: 'not_offered',
			reasons: [
				{
					code: 'vote_choice_kni',
					params: { type: 'KNI', date: '2027-03-17' },
					basis: [LAW.KNI_NO_PROXY_OR_PASS, LAW.KNI_POST_ONLY]
				}
			]
		});
		expect(codes(s.status === 'not_offered' ? s.reasons[0]!.basis : [])).toEqual([
			'KW Pa 21',
			'KW Pa 20'
		]);
	});

	it('does not offer an election whose day is not yet known', () => {
		const s = assessVoteChoice(ep2029, at('2026-11-01'));
		expect(s.status).toBe('not_offered');
		expect(s.status === 'not_offered' && s.reasons[0]!.code).toBe('vote_choice_no_day');
	});
});

describe('voteChoiceOverview and openForVoteChoice', () => {
	const past: VoteChoiceElection = {
		slug: 'TK-2025',
		type: 'TK',
		electionDay: '2025-10-29',
		certificatesSentOn: '2025-08-06'
	};
	const all = [tk2030, ep2029, kni2027, past, ep2029Dated];

	it('lists upcoming elections soonest first, undated last, and drops past ones', () => {
		const list = voteChoiceOverview(all, at('2026-11-22'));
		expect(list.map((s) => [s.election.slug, s.election.electionDay, s.status])).toEqual([
			['KNI-2027', '2027-03-17', 'not_offered'],
			['EP-2029', '2029-06-07', 'open'],
			['TK-2030', '2030-05-15', 'open'],
			['EP-2029', null, 'not_offered']
		]);
	});

	it('offers only TK and EP elections with a day whose cut-off is open', () => {
		expect(openForVoteChoice(all, at('2026-11-22')).map((s) => s.election.electionDay)).toEqual([
			'2029-06-07',
			'2030-05-15'
		]);
		expect(
			openForVoteChoice(all, new Date('2030-02-10T10:00:00Z')).map((s) => s.election.slug)
		).toEqual(['TK-2030']);
		expect(openForVoteChoice(all, at('2030-02-20'))).toEqual([]);
		expect(openForVoteChoice([kni2027], at('2026-11-22'))).toEqual([]);
	});

	it('keeps an election on its own day in the overview (the cut-off long closed)', () => {
		const list = voteChoiceOverview([tk2030], at('2030-05-15'));
		expect(list.map((s) => s.status)).toEqual(['closed']);
		expect(voteChoiceOverview([tk2030], at('2030-05-16'))).toEqual([]);
	});

	it('closes at the end of the day in Den Haag on either side of the clock change', () => {
		// Summer time begins on Sunday 30 March 2031; six weeks before 14 May is 2 April.
		const dst = (certificatesSentOn: string): VoteChoiceElection => ({
			slug: 'TK-x',
			type: 'TK',
			electionDay: formatIsoDate(2031, 5, 14),
			certificatesSentOn
		});
		expect(voteChoiceCutoff(dst('2031-03-30'))!.closesAt.toISOString()).toBe(
			'2031-03-29T22:59:59.999Z'
		);
		expect(voteChoiceCutoff(dst('2031-04-01'))!.closesAt.toISOString()).toBe(
			'2031-03-31T21:59:59.999Z'
		);
	});
});

describe('votingAgeOn', () => {
	it('is 18 on election day (KW B 1(1), Y 3(a))', () => {
		expect(votingAgeOn('2012-05-15', '2030-05-15')).toBe(true);
		expect(votingAgeOn('2012-05-16', '2030-05-15')).toBe(false);
	});
});

describe('conditions', () => {
	it('tell of the proxy holder with L 8(2), L 10(d), L 4, L 3, L 8(3), L 10(c)', () => {
		expect(PROXY_HOLDER_CONDITIONS.map((c) => [c.code, codes(c.basis)])).toEqual([
			['holder_is_voter', ['KW L 8(2)', 'KW L 10(d)']],
			['holder_at_most_two', ['KW L 4']],
			['holder_with_own_vote', ['KW L 3']],
			['holder_declaration', ['KW L 8(3)', 'KW L 10(c)']]
		]);
	});

	it('tell of the voter pass with K 1(1), K 11(1), K 4(3), K 4(2), M 1(1)', () => {
		expect(VOTER_PASS_CONDITIONS.map((c) => [c.code, codes(c.basis)])).toEqual([
			['pass_any_polling_station', ['KW K 1(1)', 'KW K 11(1)']],
			['pass_not_replaced', ['KW K 4(3)', 'KW K 4(2)']],
			['pass_no_postal_papers', ['KW M 1(1)']]
		]);
	});
});
