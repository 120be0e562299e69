import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	addDays,
	amsterdamDay,
	amsterdamInstant,
	daysBetween,
	formatIsoDate,
	isLeapYear
} from './dates';
import type { ElectionType } from './elections';
import { LAW } from './legal';
import {
	ACTION_KINDS,
	REGISTERED_VOTER_ACTIONS,
	electionsOverview,
	nextElectionFor,
	nominationDayOf,
	type ActionKind,
	type ElectionOverview,
	type OverviewElectionInput
} from './overview';

const TK_2030: OverviewElectionInput = {
	slug: 'TK-2030',
	type: 'TK',
	electionDay: '2030-05-15',
	nominationDay: '2030-04-01',
	certificatesSentOn: '2030-02-20',
	provisional: true
};
const EP_2029: OverviewElectionInput = {
	slug: 'EP-2029',
	type: 'EP',
	electionDay: null,
	nominationDay: null,
	certificatesSentOn: null,
	provisional: true
};
const KNI_2027: OverviewElectionInput = {
	slug: 'KNI-2027',
	type: 'KNI',
	electionDay: '2027-03-17',
	nominationDay: '2027-02-01',
	certificatesSentOn: '2026-12-23',
	provisional: true
};
// A later election, so that a closed cut-off has a "next election" to point to.
const EP_2030: OverviewElectionInput = {
	slug: 'EP-2030',
	type: 'EP',
	electionDay: '2030-09-05',
	certificatesSentOn: null,
	provisional: false
};
const SEEDED = [KNI_2027, EP_2029, TK_2030];

const at = (iso: string) => new Date(iso);
const action = (o: ElectionOverview | undefined, kind: ActionKind) =>
	o?.actions.find((a) => a.kind === kind);
const codes = (refs: { code: string }[]) => refs.map((r) => r.code);

describe('electionsOverview', () => {
	// The e2e server's clock: 10 February 2030, 11:00 in Den Haag.
	const clock = at('2030-02-10T10:00:00Z');

	it('lists upcoming elections by day, undated ones last, and drops past ones', () => {
		const overview = electionsOverview(SEEDED, clock);
		expect(overview.map((o) => [o.election.slug, o.dated])).toEqual([
			['TK-2030', true],
			['EP-2029', false]
		]);
		expect(overview[1]!.actions).toEqual([]);
		expect(overview[1]!.certificatesSentOn).toBeNull();
	});

	it('gives every action of a TK election in the order it closes, with its countdown', () => {
		const [tk] = electionsOverview(SEEDED, clock);
		expect(tk!.actions.map((a) => [a.kind, a.day, a.countdown.days])).toEqual([
			// KW K 8(2), L 10(b): the day before the certificates go out (20 February).
			['proxy_or_voter_pass', '2030-02-19', 9],
			['change', '2030-03-13', 31],
			['registration', '2030-04-03', 52],
			['temporarily_abroad', '2030-04-17', 66],
			['replacement_written', '2030-05-03', 82],
			['replacement_in_person', '2030-05-06', 85],
			['embassy_return', '2030-05-10', 89],
			['den_haag_return', '2030-05-15', 94]
		]);
		expect(tk!.actions.every((a) => a.open && a.after === null)).toBe(true);
		expect(tk!.certificatesSentOn).toBe('2030-02-20');
		expect(action(tk, 'change')!.closesAt).toEqual(amsterdamInstant('2030-03-13', 'end-of-day'));
		expect(action(tk, 'replacement_in_person')!.closesAt).toEqual(
			amsterdamInstant('2030-05-06', '12:00')
		);
		expect(action(tk, 'embassy_return')).toMatchObject({ closesAt: null, timeZone: 'local' });
		expect(codes(action(tk, 'change')!.basis)).toEqual(['KW D 3(3)']);
	});

	it('has no proxy or temporarily-abroad action for the KNI, and says why', () => {
		const [kni] = electionsOverview(SEEDED, at('2027-01-05T12:00:00Z'));
		expect(kni!.election.slug).toBe('KNI-2027');
		expect(kni!.actions.map((a) => a.kind)).not.toContain('proxy_or_voter_pass');
		expect(kni!.actions.map((a) => a.kind)).not.toContain('temporarily_abroad');
		expect(kni!.notes.map((n) => [n.code, codes(n.basis)])).toEqual([
			['kni_post_only', ['KW Pa 20']],
			['kni_no_proxy', ['KW Pa 21']]
		]);
	});

	it('says by when to post and to upload, and when posting is already too late', () => {
		const [tk] = electionsOverview(SEEDED, clock, { postalDays: 5 });
		expect(action(tk, 'change')).toMatchObject({ postBy: '2030-03-08', uploadBy: '2030-03-13' });
		// The vote travels on paper only: no upload, but a day to post it by.
		expect(action(tk, 'den_haag_return')).toMatchObject({ postBy: '2030-05-10', uploadBy: null });
		// Handed in, not posted.
		expect(action(tk, 'replacement_in_person')).toMatchObject({ postBy: null, uploadBy: null });
		expect(action(tk, 'embassy_return')).toMatchObject({ postBy: null, uploadBy: null });

		const later = electionsOverview(SEEDED, at('2030-03-10T10:00:00Z'), { postalDays: 5 });
		expect(action(later[0], 'change')).toMatchObject({ open: true, postTooLate: true });
		expect(action(later[0], 'registration')!.postTooLate).toBe(false);
	});

	it('gives no "post by" without postal days', () => {
		const [tk] = electionsOverview(SEEDED, clock);
		expect(tk!.actions.every((a) => a.postBy === null && !a.postTooLate)).toBe(true);
	});

	it('after the change cut-off, says which election a change now counts for', () => {
		const now = at('2030-03-14T12:00:00Z');
		const [tk] = electionsOverview([TK_2030, EP_2030], now);
		expect(action(tk, 'change')).toMatchObject({
			open: false,
			after: {
				code: 'change_next',
				next: { slug: 'EP-2030', type: 'EP', electionDay: '2030-09-05', provisional: false }
			}
		});
		expect(codes(action(tk, 'change')!.after!.basis)).toEqual(['KW D 3(3)']);
		// Without a later election with a known day: the next one, whenever that is.
		const [alone] = electionsOverview([TK_2030, EP_2029], now);
		expect(action(alone, 'change')!.after).toMatchObject({ code: 'change_next', next: null });
	});

	it('after the registration cut-off, says which election a registration now counts for', () => {
		const [tk] = electionsOverview([EP_2030, TK_2030], at('2030-04-04T08:00:00Z'));
		expect(action(tk, 'registration')!.after).toMatchObject({
			code: 'registration_next',
			next: { slug: 'EP-2030' }
		});
		expect(codes(action(tk, 'registration')!.after!.basis)).toEqual(['KW D 3(2)']);
	});

	it('looks for the next election only among the given types', () => {
		const [tk] = electionsOverview([TK_2030, EP_2030], at('2030-03-14T12:00:00Z'), {
			types: ['TK']
		});
		expect(action(tk, 'change')!.after).toMatchObject({ next: null });
	});

	it('explains a closed proxy by the certificates going out, or by the six weeks', () => {
		const [tk] = electionsOverview([TK_2030], at('2030-02-20T08:00:00Z'));
		expect(action(tk, 'proxy_or_voter_pass')!.after).toMatchObject({
			code: 'proxy_certificates',
			day: '2030-02-20'
		});
		expect(codes(action(tk, 'proxy_or_voter_pass')!.after!.basis)).toEqual([
			'KW K 8(2)',
			'KW L 10(b)',
			'KW M 6(3)'
		]);
		// Certificates not yet planned: six weeks before (KW K 7(2), L 9(2)).
		const unplanned = { ...TK_2030, certificatesSentOn: null };
		const [six] = electionsOverview([unplanned], at('2030-04-04T08:00:00Z'));
		expect(action(six, 'proxy_or_voter_pass')).toMatchObject({
			day: '2030-04-03',
			after: { code: 'proxy_six_weeks' }
		});
		expect(codes(action(six, 'proxy_or_voter_pass')!.after!.basis)).toEqual([
			'KW K 7(2)',
			'KW L 9(2)'
		]);
	});

	it('after the written replacement cut-off, points to the in-person one while it is open', () => {
		const [tk] = electionsOverview([TK_2030], at('2030-05-04T08:00:00Z'));
		expect(action(tk, 'replacement_written')!.after).toMatchObject({
			code: 'replacement_in_person_left',
			day: '2030-05-06'
		});
		// 12:01 in Den Haag on 6 May (CEST): both closed.
		const [late] = electionsOverview([TK_2030], at('2030-05-06T10:01:00Z'));
		expect(action(late, 'replacement_written')!.after!.code).toBe('replacement_closed');
		expect(action(late, 'replacement_in_person')).toMatchObject({
			open: false,
			after: { code: 'replacement_closed' }
		});
		// 11:59: the in-person request is still open, on its last day.
		const [early] = electionsOverview([TK_2030], at('2030-05-06T09:59:00Z'));
		expect(action(early, 'replacement_in_person')!.countdown).toMatchObject({
			lastDay: true,
			hours: 0,
			minutes: 1
		});
	});

	it('after the embassy day, sends the envelope straight to Den Haag by election day', () => {
		const [tk] = electionsOverview([TK_2030], at('2030-05-11T08:00:00Z'));
		expect(action(tk, 'embassy_return')).toMatchObject({
			open: false,
			after: { code: 'embassy_closed', day: '2030-05-15' }
		});
		expect(codes(action(tk, 'embassy_return')!.after!.basis)).toEqual(['KW M 7(7)', 'KW M 8(1)']);
		expect(action(tk, 'den_haag_return')!.open).toBe(true);
	});

	it('shows election day until it ends, with voting by post closed after 15:00', () => {
		const [tk] = electionsOverview([TK_2030], at('2030-05-15T13:01:00Z'));
		expect(tk!.election.slug).toBe('TK-2030');
		expect(action(tk, 'den_haag_return')!.after).toEqual({
			code: 'postal_vote_closed',
			basis: [LAW.DEN_HAAG_RETURN]
		});
		expect(electionsOverview([TK_2030], at('2030-05-15T22:00:00Z'))).toEqual([]);
	});

	it('keeps only the actions asked for, and only the types asked for', () => {
		const [tk] = electionsOverview(SEEDED, clock, { kinds: REGISTERED_VOTER_ACTIONS });
		expect(tk!.actions.map((a) => a.kind)).toEqual([
			'proxy_or_voter_pass',
			'change',
			'replacement_written',
			'replacement_in_person',
			'embassy_return',
			'den_haag_return'
		]);
		expect(electionsOverview(SEEDED, clock, { types: ['EP'] }).map((o) => o.election.slug)).toEqual(
			['EP-2029']
		);
	});

	it('uses Y 22c for the EP embassy day, the 6th day before', () => {
		const [ep] = electionsOverview([EP_2030], clock);
		expect(action(ep, 'embassy_return')).toMatchObject({ day: '2030-08-30' });
		expect(codes(action(ep, 'embassy_return')!.basis)).toEqual(['KW M 7(7)', 'KW Y 22c']);
	});

	it('rejects bad input instead of guessing', () => {
		expect(() => electionsOverview(SEEDED, new Date(Number.NaN))).toThrow(RangeError);
		expect(() => electionsOverview(SEEDED, clock, { postalDays: -1 })).toThrow(RangeError);
		expect(() => electionsOverview([{ ...TK_2030, electionDay: '2030-02-30' }], clock)).toThrow(
			RangeError
		);
		expect(() => electionsOverview([{ ...TK_2030, type: 'XX' as ElectionType }], clock)).toThrow(
			RangeError
		);
	});
});

describe('nextElectionFor', () => {
	it('takes the earliest election whose cut-off is still open, keeping the order on ties', () => {
		const twin = { ...EP_2030, slug: 'TK-2030-09', type: 'TK' as const };
		const now = at('2030-03-14T12:00:00Z');
		expect(nextElectionFor([EP_2030, twin, TK_2030], 'change', now)?.slug).toBe('EP-2030');
		expect(nextElectionFor([twin, EP_2030], 'change', now)?.slug).toBe('TK-2030-09');
		expect(nextElectionFor([TK_2030], 'registration', now)?.slug).toBe('TK-2030');
	});
});

describe('nominationDayOf', () => {
	it('takes the entered day, or 44 days before election day', () => {
		expect(
			nominationDayOf({ ...TK_2030, electionDay: '2030-05-15', nominationDay: '2030-03-30' })
		).toBe('2030-03-30');
		expect(nominationDayOf({ ...TK_2030, electionDay: '2030-05-15', nominationDay: null })).toBe(
			'2030-04-01'
		);
	});
});

/** Election days from 1980 to 2199, weighted towards clock changes and 29 February. */
const electionDay = fc.oneof(
	fc.integer({ min: 0, max: 80_000 }).map((n) => addDays('1980-01-01', n)),
	fc
		.tuple(
			fc.integer({ min: 1996, max: 2199 }),
			fc.constantFrom(3, 10),
			fc.integer({ min: -120, max: 120 })
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
const DAY = 86_400_000;
const election = fc
	.tuple(
		electionType,
		electionDay,
		fc.option(fc.integer({ min: 84, max: 120 }), { nil: null }),
		fc.boolean()
	)
	.map(([type, day, sentBefore, provisional]): OverviewElectionInput => ({
		slug: `${type}-${day}`,
		type,
		electionDay: day,
		certificatesSentOn: sentBefore === null ? null : addDays(day, -sentBefore),
		provisional
	}));

describe('electionsOverview properties', () => {
	it('opens and closes each action at its instant, with Den Haag calendar days, across clock changes and leap years', () => {
		fc.assert(
			fc.property(
				election,
				fc.integer({ min: -10 * DAY, max: 100 * DAY }),
				fc.option(fc.integer({ min: 0, max: 30 }), { nil: null }),
				(e, before, postalDays) => {
					const now = new Date(amsterdamInstant(e.electionDay!, '15:00').getTime() - before);
					const today = amsterdamDay(now);
					const overview = electionsOverview([e], now, { postalDays });
					if (today > e.electionDay!) {
						expect(overview).toEqual([]);
						return;
					}
					const [o] = overview;
					for (const a of o!.actions) {
						const open = a.closesAt ? now.getTime() <= a.closesAt.getTime() : today <= a.day;
						expect(a.open).toBe(open);
						expect(a.after === null).toBe(open);
						if (open && !a.countdown.lastDay) {
							expect(a.countdown.days).toBe(daysBetween(today, a.day));
						}
						if (a.postBy !== null) {
							expect(daysBetween(a.postBy, a.day)).toBe(postalDays);
							expect(a.postTooLate).toBe(open && a.postBy < today);
						}
						expect(a.basis.length).toBeGreaterThan(0);
						expect(a.after === null || a.after.basis.length > 0).toBe(true);
					}
					// Every action the type has (KNI: no proxy, no temporarily abroad, KW Pa 21, Pa 2).
					expect(o!.actions.length).toBe(e.type === 'KNI' ? 6 : ACTION_KINDS.length);
					const days = o!.actions.map((a) => a.day);
					expect([...days].sort()).toEqual(days);
				}
			),
			{ numRuns: 300 }
		);
	});

	it('points a closed change or registration to an election where it is still open', () => {
		fc.assert(
			fc.property(
				fc.array(election, { minLength: 1, maxLength: 4 }),
				fc.integer({ min: 0, max: 200 * DAY }),
				(elections, before) => {
					const first = elections[0]!.electionDay!;
					const now = new Date(amsterdamInstant(first, 'end-of-day').getTime() - before);
					for (const o of electionsOverview(elections, now)) {
						for (const a of o.actions) {
							if (a.after?.code !== 'change_next' && a.after?.code !== 'registration_next')
								continue;
							const next = a.after.next;
							const kind = a.kind as 'change' | 'registration';
							expect(next).toEqual(nextElectionFor(elections, kind, now));
							if (next === null) continue;
							const [n] = electionsOverview(
								elections.filter((x) => x.slug === next.slug && x.electionDay === next.electionDay),
								now
							);
							expect(n!.actions.find((x) => x.kind === kind)!.open).toBe(true);
						}
					}
				}
			),
			{ numRuns: 200 }
		);
	});
});
