/**
 * Every upcoming election at a glance (issue 4 item 2): for each, what a voter can still do, by
 * when (the instant in Den Haag, a countdown, by when to post or upload), and once a cut-off has
 * passed what that means ("a change now counts for the next election: …"), each with its article.
 * Built on `computeCutoffs`; pure, so that the server and the tests compute the same answers.
 */
import { countdown, countdownToDay, type CountdownParts } from './countdown';
import { addDays, amsterdamDay, compareIsoDates, isIsoDate, type IsoDate } from './dates';
import { postBy as postByDay } from './deadlines';
import {
	computeCutoffs,
	isElectionType,
	nominationDayFor,
	type Cutoff,
	type CutoffKind,
	type ElectionType
} from './elections';
import { LAW, TERMS, type LegalRef } from './legal';

/** An election as the calendar holds it. */
export type OverviewElectionInput = {
	slug: string;
	type: ElectionType;
	/** Null while the day is not yet known. */
	electionDay: IsoDate | null;
	nominationDay?: IsoDate | null;
	certificatesSentOn?: IsoDate | null;
	provisional: boolean;
};

/** The cut-offs a voter acts on (the day the certificates are sent is the office's, not theirs). */
export type ActionKind = Exclude<CutoffKind, 'certificates_sent'>;

export const ACTION_KINDS: readonly ActionKind[] = Object.freeze([
	'change',
	'registration',
	'proxy_or_voter_pass',
	'temporarily_abroad',
	'replacement_written',
	'replacement_in_person',
	'embassy_return',
	'den_haag_return'
]);

export function isActionKind(s: unknown): s is ActionKind {
	return typeof s === 'string' && (ACTION_KINDS as readonly string[]).includes(s);
}

/** Requests and envelopes that may travel by post to Den Haag: "post by" applies to them. */
const BY_POST: ReadonlySet<ActionKind> = new Set([
	'change',
	'registration',
	'proxy_or_voter_pass',
	'temporarily_abroad',
	'replacement_written',
	'den_haag_return'
]);

/**
 * Written requests Den Haag also takes as an upload or e-mail of the signed form's scan (KB D 5(4)
 * for registrations and changes; the per-election requests go to the same office). The vote
 * itself never travels electronically: the return envelope is paper only (KW M 7(5), M 8(1)).
 */
const BY_UPLOAD: ReadonlySet<ActionKind> = new Set([
	'change',
	'registration',
	'proxy_or_voter_pass',
	'temporarily_abroad',
	'replacement_written'
]);

export type ElectionRef = {
	slug: string;
	type: ElectionType;
	electionDay: IsoDate;
	provisional: boolean;
};

/** What a passed cut-off means, as a message code with its parameters and articles. */
export type AfterCutoff =
	| { code: 'change_next'; next: ElectionRef | null; basis: LegalRef[] }
	| { code: 'registration_next'; next: ElectionRef | null; basis: LegalRef[] }
	| { code: 'proxy_certificates'; day: IsoDate; basis: LegalRef[] }
	| { code: 'proxy_six_weeks'; basis: LegalRef[] }
	| { code: 'temporarily_abroad_closed'; basis: LegalRef[] }
	| { code: 'replacement_in_person_left'; day: IsoDate; basis: LegalRef[] }
	| { code: 'replacement_closed'; basis: LegalRef[] }
	| { code: 'embassy_closed'; day: IsoDate; basis: LegalRef[] }
	| { code: 'postal_vote_closed'; basis: LegalRef[] };

export type OverviewAction = {
	kind: ActionKind;
	/** The calendar day in Den Haag (or, for the embassy, local where the voter is). */
	day: IsoDate;
	time: Cutoff['time'];
	timeZone: Cutoff['timeZone'];
	/** The last instant that counts; null where the time is local to an embassy. */
	closesAt: Date | null;
	open: boolean;
	countdown: CountdownParts;
	/** Post by this day so that it arrives in time; null without postal days or where not by post. */
	postBy: IsoDate | null;
	/** Still open, but posting now would arrive too late: upload, e-mail or hand it in instead. */
	postTooLate: boolean;
	/** Upload or e-mail the scan by the end of this day (Den Haag time). */
	uploadBy: IsoDate | null;
	basis: LegalRef[];
	/** Once closed, what that means; null while open. */
	after: AfterCutoff | null;
};

export type ElectionNote = { code: 'kni_post_only' | 'kni_no_proxy'; basis: LegalRef[] };

export type ElectionOverview = {
	election: OverviewElectionInput;
	/** False while the election day is not yet known: no cut-offs can be given. */
	dated: boolean;
	/** KW M 6(3): the day the postal voting certificates go out (at the latest). */
	certificatesSentOn: IsoDate | null;
	actions: OverviewAction[];
	notes: ElectionNote[];
};

export type OverviewOptions = {
	/** Days mail takes from the voter's country (postalDaysFor); without it, no "post by". */
	postalDays?: number | null;
	/** Only these actions (e.g. a registered voter abroad has no use for the temporarily-abroad request). */
	kinds?: readonly ActionKind[];
	/** Only elections of these types; also the types "the next election" is looked for in. */
	types?: readonly ElectionType[];
};

function assertInput(e: OverviewElectionInput): void {
	if (!isElectionType(e.type)) throw new RangeError(`unknown election type: ${e.type}`);
	if (e.electionDay !== null && !isIsoDate(e.electionDay)) {
		throw new RangeError(`invalid election day: ${e.electionDay}`);
	}
}

const refOf = (e: OverviewElectionInput & { electionDay: IsoDate }): ElectionRef => ({
	slug: e.slug,
	type: e.type,
	electionDay: e.electionDay,
	provisional: e.provisional
});

const cutoffsOf = (e: OverviewElectionInput & { electionDay: IsoDate }) =>
	computeCutoffs({
		type: e.type,
		electionDay: e.electionDay,
		certificatesSentOn: e.certificatesSentOn ?? null
	});

/**
 * The earliest election (by day; the order given on ties) whose `kind` cut-off is still open at
 * `now`: where a change or registration made now counts (KW D 3(2), D 3(3)).
 */
export function nextElectionFor(
	elections: readonly OverviewElectionInput[],
	kind: 'change' | 'registration',
	now: Date,
	types?: readonly ElectionType[]
): ElectionRef | null {
	let best: ElectionRef | null = null;
	for (const e of elections) {
		assertInput(e);
		if (e.electionDay === null || (types && !types.includes(e.type))) continue;
		const dated = { ...e, electionDay: e.electionDay };
		const cut = cutoffsOf(dated).find((c) => c.kind === kind)!;
		if (now.getTime() > cut.closesAt!.getTime()) continue;
		if (best === null || compareIsoDates(dated.electionDay, best.electionDay) < 0) {
			best = refOf(dated);
		}
	}
	return best;
}

function afterCutoff(
	cutoff: Cutoff,
	all: Cutoff[],
	election: OverviewElectionInput & { electionDay: IsoDate },
	elections: readonly OverviewElectionInput[],
	now: Date,
	types: readonly ElectionType[] | undefined,
	open: (c: Cutoff | undefined) => boolean
): AfterCutoff {
	switch (cutoff.kind as ActionKind) {
		case 'change':
			// KW D 3(3): a later change is still processed, but counts for a later election; the
			// papers for this one follow the data as they were.
			return {
				code: 'change_next',
				next: nextElectionFor(elections, 'change', now, types),
				basis: cutoff.basis
			};
		case 'registration':
			// KW D 3(2): an application received later is handled for the next election.
			return {
				code: 'registration_next',
				next: nextElectionFor(elections, 'registration', now, types),
				basis: cutoff.basis
			};
		case 'proxy_or_voter_pass': {
			// The earlier of six weeks (K 7(2), L 9(2)) and the day before the certificates go out
			// (K 8(2), L 10(b), M 6(3)): say which of the two closed it.
			const sixWeeks = addDays(election.electionDay, -TERMS.proxyOrVoterPassDaysBefore);
			const sent = election.certificatesSentOn ?? null;
			if (sent !== null && compareIsoDates(cutoff.day, sixWeeks) < 0) {
				return {
					code: 'proxy_certificates',
					day: sent,
					basis: [
						LAW.VOTER_PASS_REFUSAL,
						LAW.PROXY_REFUSAL_CERTIFICATE_ISSUED,
						LAW.CERTIFICATES_SENT
					]
				};
			}
			return { code: 'proxy_six_weeks', basis: [LAW.VOTER_PASS_CUTOFF, LAW.PROXY_CUTOFF] };
		}
		case 'temporarily_abroad':
			return { code: 'temporarily_abroad_closed', basis: [LAW.TEMPORARILY_ABROAD_CUTOFF] };
		case 'replacement_written': {
			// KW M 6b(4): in person, until 12:00 on the 9th day before.
			const inPerson = all.find((c) => c.kind === 'replacement_in_person')!;
			return open(inPerson)
				? {
						code: 'replacement_in_person_left',
						day: inPerson.day,
						basis: [LAW.REPLACEMENT_WRITTEN, LAW.REPLACEMENT_IN_PERSON]
					}
				: {
						code: 'replacement_closed',
						basis: [LAW.REPLACEMENT_WRITTEN, LAW.REPLACEMENT_IN_PERSON]
					};
		}
		case 'replacement_in_person':
			return {
				code: 'replacement_closed',
				basis: [LAW.REPLACEMENT_WRITTEN, LAW.REPLACEMENT_IN_PERSON]
			};
		case 'embassy_return':
			// KW M 7(7) (EP: Y 22c) only promises in-time forwarding for envelopes at the embassy by
			// then; straight to Den Haag, it must arrive by 15:00 on election day (M 8(1)).
			return {
				code: 'embassy_closed',
				day: election.electionDay,
				basis: [...cutoff.basis, LAW.DEN_HAAG_RETURN]
			};
		case 'den_haag_return':
			return { code: 'postal_vote_closed', basis: [LAW.DEN_HAAG_RETURN] };
	}
}

/**
 * The overview at `now` of every election whose day is today or later in Den Haag, or not yet
 * known (those last, with no cut-offs). Elections sort by day; actions by the day they close.
 */
export function electionsOverview(
	elections: readonly OverviewElectionInput[],
	now: Date,
	opts: OverviewOptions = {}
): ElectionOverview[] {
	if (!(now instanceof Date) || Number.isNaN(now.getTime())) throw new RangeError('invalid now');
	const { postalDays = null, kinds = ACTION_KINDS, types } = opts;
	if (postalDays !== null && !(Number.isInteger(postalDays) && postalDays >= 0)) {
		throw new RangeError(`invalid postal days: ${postalDays}`);
	}
	const today = amsterdamDay(now);
	const upcoming = elections
		.map((e, i) => ({ e, i }))
		.filter(({ e }) => {
			assertInput(e);
			if (types && !types.includes(e.type)) return false;
			return e.electionDay === null || compareIsoDates(e.electionDay, today) >= 0;
		})
		.sort(
			(a, b) =>
				(a.e.electionDay === null ? 1 : 0) - (b.e.electionDay === null ? 1 : 0) ||
				(a.e.electionDay && b.e.electionDay
					? compareIsoDates(a.e.electionDay, b.e.electionDay)
					: 0) ||
				a.i - b.i
		)
		.map(({ e }) => e);

	return upcoming.map((election) => {
		const notes: ElectionNote[] =
			election.type === 'KNI'
				? [
						{ code: 'kni_post_only', basis: [LAW.KNI_POST_ONLY] },
						{ code: 'kni_no_proxy', basis: [LAW.KNI_NO_PROXY_OR_PASS] }
					]
				: [];
		if (election.electionDay === null) {
			return { election, dated: false, certificatesSentOn: null, actions: [], notes };
		}
		const dated = { ...election, electionDay: election.electionDay };
		const all = cutoffsOf(dated);
		const isOpen = (c: Cutoff | undefined) =>
			c !== undefined &&
			!(c.closesAt ? countdown(c.closesAt, now) : countdownToDay(c.day, now)).closed;
		const actions = all
			.filter((c): c is Cutoff & { kind: ActionKind } => isActionKind(c.kind))
			.filter((c) => kinds.includes(c.kind))
			.map((c): OverviewAction => {
				const left = c.closesAt ? countdown(c.closesAt, now) : countdownToDay(c.day, now);
				const postBy =
					postalDays !== null && BY_POST.has(c.kind) ? postByDay(c.day, postalDays) : null;
				return {
					kind: c.kind,
					day: c.day,
					time: c.time,
					timeZone: c.timeZone,
					closesAt: c.closesAt,
					open: !left.closed,
					countdown: left,
					postBy,
					postTooLate: !left.closed && postBy !== null && compareIsoDates(postBy, today) < 0,
					uploadBy: BY_UPLOAD.has(c.kind) ? c.day : null,
					basis: c.basis,
					after: left.closed ? afterCutoff(c, all, dated, elections, now, types, isOpen) : null
				};
			});
		const sent = all.find((c) => c.kind === 'certificates_sent')!.day;
		return { election, dated: true, certificatesSentOn: sent, actions, notes };
	});
}

/** The actions a registered voter abroad takes per election (not registering, nor the resident's request). */
export const REGISTERED_VOTER_ACTIONS: readonly ActionKind[] = Object.freeze(
	ACTION_KINDS.filter((k) => k !== 'registration' && k !== 'temporarily_abroad')
);

/** Nomination day: as entered, or 44 days before election day (KW J 1(1), Y 8(2)). */
export function nominationDayOf(e: OverviewElectionInput & { electionDay: IsoDate }): IsoDate {
	return e.nominationDay ?? nominationDayFor(e.type, e.electionDay);
}
