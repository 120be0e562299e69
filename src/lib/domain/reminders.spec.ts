import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays, amsterdamDay, amsterdamInstant, amsterdamTime, formatIsoDate } from './dates';
import { computeCutoffs } from './elections';
import {
	checkLeadDays,
	dueReminders,
	reminderDueAt,
	reminderKey,
	REMINDER_KINDS,
	type ReminderElection
} from './reminders';

const at = (iso: string) => new Date(iso);
const HOUR = 3_600_000;

// The seeded calendar (db/seed.ts): TK 15 May 2030 with certificates out on 20 February, the KNI
// with the provincial elections of 17 March 2027, and an EP whose day is not yet known.
const TK_2030: ReminderElection = {
	id: 'tk',
	slug: 'TK-2030',
	type: 'TK',
	electionDay: '2030-05-15',
	certificatesSentOn: '2030-02-20',
	provisional: true
};
const KNI_2027: ReminderElection = {
	id: 'kni',
	slug: 'KNI-2027',
	type: 'KNI',
	electionDay: '2027-03-17',
	certificatesSentOn: '2026-12-23',
	provisional: true
};
const EP_UNDATED: ReminderElection = {
	id: 'ep',
	slug: 'EP-2029',
	type: 'EP',
	electionDay: null,
	provisional: true
};
const CALENDAR = [KNI_2027, EP_UNDATED, TK_2030];

const summary = (due: ReturnType<typeof dueReminders>) =>
	due.map((d) => `${d.election.slug} ${d.cutoff.kind} ${d.cutoff.day} -${d.leadDays}`);

describe('dueReminders', () => {
	// The e2e server's clock: 10 February 2030, 11:00 in Den Haag.
	const clock = at('2030-02-10T10:00:00Z');

	it('at the e2e clock, reminds of the proxy/voter-pass cut-off four weeks ahead, nothing else yet', () => {
		// Proxy/voter pass: the day before the certificates go out, 19 February (K 8(2), L 10(b)),
		// nine days ahead: the 28-day reminder is due, the 7-day one not yet. The change cut-off
		// (13 March, KW D 3(3)) is 31 days ahead: its 28-day reminder comes on 13 February.
		expect(summary(dueReminders(CALENDAR, ['TK', 'EP', 'KNI'], clock))).toEqual([
			'TK-2030 proxy_or_voter_pass 2030-02-19 -28'
		]);
	});

	it('starts each reminder at 00:00 in Den Haag on the day, lead days before the cut-off', () => {
		// 13 March − 28 days = 13 February, 00:00 CET = 12 February 23:00 UTC.
		const before = at('2030-02-12T22:59:59.999Z');
		const from = at('2030-02-12T23:00:00.000Z');
		const kinds = (now: Date) => dueReminders([TK_2030], ['TK'], now).map((d) => d.cutoff.kind);
		expect(kinds(before)).not.toContain('change');
		expect(kinds(from)).toContain('change');
		const change = dueReminders([TK_2030], ['TK'], from).find((d) => d.cutoff.kind === 'change')!;
		expect(change).toMatchObject({ leadDays: 28, dueAt: from });
		expect(change.cutoff.basis.map((b) => b.code)).toContain('KW D 3(3)');
	});

	it('gives only the shortest lead whose moment has come', () => {
		// 13 February 2030: the proxy cut-off (19 February) is six days ahead, past its 7-day
		// moment (12 February): the one-week reminder, not the four-week one again.
		const due = dueReminders([TK_2030], ['TK'], at('2030-02-13T08:00:00Z'));
		expect(summary(due)).toEqual([
			'TK-2030 proxy_or_voter_pass 2030-02-19 -7',
			'TK-2030 change 2030-03-13 -28'
		]);
	});

	it('sorts by the day the cut-off closes, and knows every kind the voter acts on', () => {
		// 30 April 2030: registration (3 April), change and proxy have closed; the replacement in
		// writing (3 May, M 6b(3)) and the return envelope (15 May 15:00, M 8(1)) remain.
		expect(summary(dueReminders([TK_2030], ['TK'], at('2030-04-30T10:00:00Z')))).toEqual([
			'TK-2030 replacement_written 2030-05-03 -7',
			'TK-2030 den_haag_return 2030-05-15 -28'
		]);
		// Every reminder kind is a cut-off of the rules.
		const kinds = computeCutoffs({ type: 'TK', electionDay: '2030-05-15' }).map((c) => c.kind);
		for (const kind of REMINDER_KINDS) expect(kinds).toContain(kind);
	});

	it('never reminds of a proxy or voter pass for the KNI (KW Pa 21)', () => {
		const kinds = new Set<string>();
		for (let t = at('2026-10-01T00:00:00Z').getTime(); t < at('2027-03-18T00:00:00Z').getTime();) {
			for (const d of dueReminders([KNI_2027], ['KNI'], new Date(t))) kinds.add(d.cutoff.kind);
			t += 6 * HOUR;
		}
		expect([...kinds].sort()).toEqual(
			['change', 'den_haag_return', 'registration', 'replacement_written'].sort()
		);
	});

	it('reminds only of the chosen types, and not of an election whose day is unknown', () => {
		expect(dueReminders(CALENDAR, ['EP'], clock)).toEqual([]);
		expect(dueReminders(CALENDAR, ['KNI'], clock)).toEqual([]);
		expect(dueReminders(CALENDAR, [], clock)).toEqual([]);
	});

	it('gives nothing for a cut-off that has passed, and counts its last instant as open', () => {
		const proxyCloses = amsterdamInstant('2030-02-19', 'end-of-day');
		const kinds = (now: Date) => dueReminders([TK_2030], ['TK'], now).map((d) => d.cutoff.kind);
		expect(kinds(proxyCloses)).toContain('proxy_or_voter_pass');
		expect(kinds(new Date(proxyCloses.getTime() + 1))).not.toContain('proxy_or_voter_pass');
		// After election day at 15:00 nothing at all.
		expect(dueReminders([TK_2030], ['TK'], at('2030-05-15T13:00:01Z'))).toEqual([]);
	});

	it('leaves out what was already sent', () => {
		const due = dueReminders([TK_2030], ['TK'], clock);
		expect(due).toHaveLength(1);
		expect(dueReminders([TK_2030], ['TK'], clock, [28, 7], new Set(due.map(reminderKey)))).toEqual(
			[]
		);
	});

	it('follows the lead times it is given', () => {
		// With a 35-day lead, the change cut-off (31 days ahead) is due at the e2e clock too.
		expect(summary(dueReminders([TK_2030], ['TK'], clock, [35, 3]))).toEqual([
			'TK-2030 proxy_or_voter_pass 2030-02-19 -35',
			'TK-2030 change 2030-03-13 -35'
		]);
		// A lead of 0: on the day itself.
		expect(
			summary(dueReminders([TK_2030], ['TK'], at('2030-02-19T12:00:00Z'), [0])).filter((s) =>
				s.includes('proxy')
			)
		).toEqual(['TK-2030 proxy_or_voter_pass 2030-02-19 -0']);
	});

	it('refuses lead times that make no sense', () => {
		expect(() => checkLeadDays([])).toThrow(RangeError);
		expect(() => checkLeadDays([7, 7])).toThrow(RangeError);
		expect(() => checkLeadDays([-1])).toThrow(RangeError);
		expect(() => checkLeadDays([1.5])).toThrow(RangeError);
		expect(() => checkLeadDays([366])).toThrow(RangeError);
		expect(checkLeadDays([7, 28, 1])).toEqual([28, 7, 1]);
		expect(() => dueReminders([TK_2030], ['TK'], new Date(NaN))).toThrow(RangeError);
	});
});

describe('reminderDueAt across clock changes and leap years', () => {
	it('is 00:00 in Den Haag in winter and in summer time', () => {
		// Registration cut-off 3 April 2030 (after the change to summer time on 31 March): the
		// 7-day reminder falls on 27 March, still winter time (+01:00); the 28-day one on 6 March.
		expect(reminderDueAt('2030-04-03', 7)).toEqual(at('2030-03-26T23:00:00Z'));
		expect(reminderDueAt('2030-04-03', 28)).toEqual(at('2030-03-05T23:00:00Z'));
		// The return envelope (15 May): 28 days before is 17 April, summer time (+02:00).
		expect(reminderDueAt('2030-05-15', 28)).toEqual(at('2030-04-16T22:00:00Z'));
		// Across the change back (27 October 2030): 30 October is winter time again.
		expect(reminderDueAt('2030-11-06', 7)).toEqual(at('2030-10-29T23:00:00Z'));
		expect(reminderDueAt('2030-10-28', 2)).toEqual(at('2030-10-25T22:00:00Z'));
		// The day of the change itself: midnight comes before the 02:00/03:00 jump.
		expect(reminderDueAt('2030-04-07', 7)).toEqual(at('2030-03-30T23:00:00Z'));
		expect(reminderDueAt('2030-11-03', 7)).toEqual(at('2030-10-26T22:00:00Z'));
	});

	it('counts 29 February in a leap year and not in a common year', () => {
		expect(amsterdamDay(reminderDueAt('2028-03-28', 28))).toBe('2028-02-29');
		expect(amsterdamDay(reminderDueAt('2027-03-28', 28))).toBe('2027-02-28');
		expect(amsterdamDay(reminderDueAt('2028-03-01', 1))).toBe('2028-02-29');
		// An election whose registration cut-off is 29 February 2028 (42 days before 11 April), the
		// same day as six weeks for a proxy or voter pass (no certificate day known).
		const leap: ReminderElection = {
			id: 'leap',
			slug: 'TK-2028',
			type: 'TK',
			electionDay: '2028-04-11',
			provisional: false
		};
		const due = dueReminders([leap], ['TK'], at('2028-02-29T12:00:00Z'), [0]);
		expect(summary(due)).toEqual([
			'TK-2028 registration 2028-02-29 -0',
			'TK-2028 proxy_or_voter_pass 2028-02-29 -0'
		]);
	});

	it('is always 00:00 in Den Haag on the day lead days before (property)', () => {
		fc.assert(
			fc.property(
				fc.date({
					min: at('2024-01-01T00:00:00Z'),
					max: at('2040-12-31T00:00:00Z'),
					noInvalidDate: true
				}),
				fc.integer({ min: 0, max: 365 }),
				(date, lead) => {
					const day = formatIsoDate(
						date.getUTCFullYear(),
						date.getUTCMonth() + 1,
						date.getUTCDate()
					);
					const dueAt = reminderDueAt(day, lead);
					expect(amsterdamDay(dueAt)).toBe(addDays(day, -lead));
					expect(amsterdamTime(dueAt)).toBe('00:00:00.000');
					expect(amsterdamDay(new Date(dueAt.getTime() - 1))).toBe(addDays(day, -lead - 1));
				}
			),
			{ numRuns: 300 }
		);
	});
});

describe('a scheduler running dueReminders now and then', () => {
	/** Runs from `start` in steps, recording what it sends; returns every send. */
	function simulate(
		elections: ReminderElection[],
		start: Date,
		steps: number[],
		leads: number[] = [28, 7]
	) {
		const sent = new Set<string>();
		const sends: { key: string; at: Date; closesAt: Date; dueAt: Date; lead: number }[] = [];
		let now = start.getTime();
		for (const step of steps) {
			for (const d of dueReminders(elections, ['TK', 'EP', 'KNI'], new Date(now), leads, sent)) {
				const key = reminderKey(d);
				sent.add(key);
				sends.push({
					key,
					at: new Date(now),
					closesAt: d.cutoff.closesAt,
					dueAt: d.dueAt,
					lead: d.leadDays
				});
			}
			now += step;
		}
		return sends;
	}

	it('hourly from New Year: every cut-off gets its 28- and 7-day reminder, each once', () => {
		const steps = Array.from({ length: 24 * 140 }, () => HOUR);
		const sends = simulate([TK_2030], at('2030-01-01T00:00:00Z'), steps);
		const keys = sends.map((s) => s.key);
		expect(new Set(keys).size).toBe(keys.length);
		expect(keys.sort()).toEqual(
			[
				'change|2030-03-13',
				'registration|2030-04-03',
				'proxy_or_voter_pass|2030-02-19',
				'replacement_written|2030-05-03',
				'den_haag_return|2030-05-15'
			]
				.flatMap((k) => [`tk|${k}|28`, `tk|${k}|7`])
				.sort()
		);
		// Each within the hour after its moment.
		for (const s of sends) {
			expect(s.at.getTime() - s.dueAt.getTime()).toBeGreaterThanOrEqual(0);
			expect(s.at.getTime() - s.dueAt.getTime()).toBeLessThan(HOUR);
		}
	});

	it('whenever it runs: never twice, never early, never after the cut-off (property)', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 130 * 24 }),
				fc.array(fc.integer({ min: 60_000, max: 3 * 24 * HOUR }), { minLength: 1, maxLength: 120 }),
				fc.uniqueArray(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 3 }),
				(startHour, steps, leads) => {
					const start = new Date(at('2030-01-01T00:00:00Z').getTime() + startHour * HOUR);
					const sends = simulate([TK_2030, KNI_2027], start, steps, leads);
					const keys = sends.map((s) => s.key);
					expect(new Set(keys).size).toBe(keys.length);
					const perCutoff = new Map<string, number[]>();
					for (const s of sends) {
						expect(s.at.getTime()).toBeGreaterThanOrEqual(s.dueAt.getTime());
						expect(s.at.getTime()).toBeLessThanOrEqual(s.closesAt.getTime());
						const cutoff = s.key.split('|').slice(0, 3).join('|');
						perCutoff.set(cutoff, [...(perCutoff.get(cutoff) ?? []), s.lead]);
					}
					// A cut-off's reminders come longest lead first, each lead at most once.
					for (const sent of perCutoff.values()) {
						expect(sent).toEqual([...sent].sort((a, b) => b - a));
					}
				}
			),
			{ numRuns: 150 }
		);
	});
});
