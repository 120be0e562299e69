/**
 * Reminders before cut-offs (issue 6 item 2): which reminder is due for a subscriber at a moment.
 * Pure, so the scheduler, its tests and any process compute the same answer from the same clock.
 *
 * A subscriber chose election types (TK, EP, KNI) and nothing else (KB D 4's spirit: we do not
 * ask whether they are registered), so they are reminded of every cut-off of those elections
 * that a voter abroad acts on:
 *
 * - the change of a registration, received by the 63rd day (KW D 3(3)), first;
 * - the registration itself, by the 42nd day (KW D 3(2));
 * - a proxy or voter pass, six weeks before and before the certificates go out (KW K 7, L 9,
 *   K 8(2), L 10(b); not for the KNI, Pa 21);
 * - a replacement postal voting certificate in writing, by the 12th day (KW M 6b(3));
 * - the return envelope in Den Haag, by 15:00 on election day (KW M 8(1)).
 *
 * Not the resident temporarily abroad's postal vote (M 3(3)): that is for residents of the
 * Netherlands, not for voters abroad; nor the embassy's 10:00 local time (M 7(7)), which has no
 * instant in Den Haag to count to (the return-envelope reminder covers the envelope).
 *
 * Each reminder goes `leadDays` before the cut-off's day, from 00:00 in Den Haag on that day
 * (every cut-off is a day in Den Haag, KW D 3). Of a cut-off's lead times whose moment has come,
 * only the shortest is due: someone who subscribes five days before a cut-off gets the one-week
 * reminder, not the four-week one as well; and once a cut-off has closed, nothing is due for it.
 */
import { addDays, amsterdamInstant, type IsoDate } from './dates';
import { computeCutoffs, isElectionType, type Cutoff, type ElectionType } from './elections';

export type ReminderKind =
	'change' | 'registration' | 'proxy_or_voter_pass' | 'replacement_written' | 'den_haag_return';

/** In the order of importance (the nine-week change cut-off first); due ones sort by day. */
export const REMINDER_KINDS: readonly ReminderKind[] = Object.freeze([
	'change',
	'registration',
	'proxy_or_voter_pass',
	'replacement_written',
	'den_haag_return'
]);

export function isReminderKind(s: unknown): s is ReminderKind {
	return typeof s === 'string' && (REMINDER_KINDS as readonly string[]).includes(s);
}

/**
 * Four weeks before: time enough to post a form from anywhere (the default postal times are at
 * most 14 days, deadlines.ts). One week before: still time to upload or e-mail the scan (KB D 5(4))
 * or to post it within Europe. `REMINDER_LEAD_DAYS` changes them.
 */
export const DEFAULT_REMINDER_LEAD_DAYS: readonly number[] = Object.freeze([28, 7]);

/** The longest lead time accepted: a reminder a year ahead reminds nobody. */
export const MAX_REMINDER_LEAD_DAYS = 365;

/** An election as the calendar holds it. */
export type ReminderElection = {
	id: string;
	slug: string;
	type: ElectionType;
	/** Null while the day is not yet known: no reminder can be given. */
	electionDay: IsoDate | null;
	certificatesSentOn?: IsoDate | null;
	provisional: boolean;
};

export type ReminderCutoff = Cutoff & { kind: ReminderKind; closesAt: Date };

export type DueReminder = {
	election: ReminderElection & { electionDay: IsoDate };
	cutoff: ReminderCutoff;
	leadDays: number;
	/** The moment this reminder became due: 00:00 in Den Haag, `leadDays` before the cut-off. */
	dueAt: Date;
};

/** Lead times as given, checked: whole days from 0 to 365, at least one, no repeats. */
export function checkLeadDays(leads: readonly number[]): number[] {
	if (leads.length === 0) throw new RangeError('at least one lead time is needed');
	for (const lead of leads) {
		if (!Number.isInteger(lead) || lead < 0 || lead > MAX_REMINDER_LEAD_DAYS) {
			throw new RangeError(`invalid lead time: ${lead} days`);
		}
	}
	if (new Set(leads).size !== leads.length) throw new RangeError('repeated lead time');
	return [...leads].sort((a, b) => b - a);
}

/** When the reminder `leadDays` before a cut-off on `day` becomes due: 00:00 in Den Haag. */
export function reminderDueAt(day: IsoDate, leadDays: number): Date {
	// Amsterdam changes its clocks at 02:00 and 03:00, never at midnight: 00:00 always exists once.
	return amsterdamInstant(addDays(day, -leadDays), '00:00');
}

/** Identifies one reminder for the exactly-once record: election, cut-off (kind and day), lead. */
export function reminderKey(r: Pick<DueReminder, 'election' | 'cutoff' | 'leadDays'>): string {
	return `${r.election.id}|${r.cutoff.kind}|${r.cutoff.day}|${r.leadDays}`;
}

/**
 * The reminders due at `now` for a subscriber to `types`: per cut-off still open, the one of the
 * shortest lead time whose moment has come; none once it has closed, none for an election whose
 * day is not known, and none whose key is in `sent`. Sorted by the cut-off's closing instant.
 */
export function dueReminders(
	elections: readonly ReminderElection[],
	types: readonly ElectionType[],
	now: Date,
	leadDays: readonly number[] = DEFAULT_REMINDER_LEAD_DAYS,
	sent: ReadonlySet<string> = new Set()
): DueReminder[] {
	if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new RangeError('invalid now');
	const leads = checkLeadDays(leadDays);
	const due: DueReminder[] = [];
	for (const election of elections) {
		if (!isElectionType(election.type)) {
			throw new RangeError(`unknown election type: ${election.type}`);
		}
		if (election.electionDay === null || !types.includes(election.type)) continue;
		const dated = { ...election, electionDay: election.electionDay };
		const cutoffs = computeCutoffs({
			type: dated.type,
			electionDay: dated.electionDay,
			certificatesSentOn: dated.certificatesSentOn ?? null
		});
		for (const cutoff of cutoffs) {
			if (!isReminderKind(cutoff.kind) || cutoff.closesAt === null) continue;
			// "Received on or before": the closing instant itself still counts (countdown.ts).
			if (now.getTime() > cutoff.closesAt.getTime()) continue;
			// Leads are sorted longest first, so the last one whose moment has come is the shortest.
			let chosen: { leadDays: number; dueAt: Date } | null = null;
			for (const lead of leads) {
				const dueAt = reminderDueAt(cutoff.day, lead);
				if (now.getTime() >= dueAt.getTime()) chosen = { leadDays: lead, dueAt };
			}
			if (!chosen) continue;
			const reminder: DueReminder = {
				election: dated,
				cutoff: cutoff as ReminderCutoff,
				leadDays: chosen.leadDays,
				dueAt: chosen.dueAt
			};
			if (!sent.has(reminderKey(reminder))) due.push(reminder);
		}
	}
	return due.sort(
		(a, b) =>
			a.cutoff.closesAt.getTime() - b.cutoff.closesAt.getTime() ||
			REMINDER_KINDS.indexOf(a.cutoff.kind) - REMINDER_KINDS.indexOf(b.cutoff.kind) ||
			a.election.slug.localeCompare(b.election.slug)
	);
}
