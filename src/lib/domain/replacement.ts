/**
 * A replacement postal voting certificate (vervangend briefstembewijs, KW M 6b) for a voter whose
 * certificate was lost or never arrived: for which elections it can be asked, by which route at a
 * given moment (in writing, in person, or too late), and how it can be delivered.
 */
import { CARIBBEAN_COUNTRIES } from './countries';
import { addDays, amsterdamDay, compareIsoDates, type IsoDate } from './dates';
import { ELECTION_TYPE_RULES, cutoff, type Cutoff, type ElectionType } from './elections';
import { LAW, TERMS, type LegalRef } from './legal';
import type { CalendarElection, DatedElection } from './temporarily-abroad';

/** Why the voter asks (KW M 6b(1)): the certificate was lost, or it never arrived. */
export const REPLACEMENT_REASONS = Object.freeze(['lost', 'not_received'] as const);
export type ReplacementReason = (typeof REPLACEMENT_REASONS)[number];

/**
 * The day the postal voting certificates of an election go (or went) out: the day the office
 * entered, or else the latest the law allows, twelve weeks before election day (KW M 6(3)).
 */
export function certificatesSentDay(election: {
	electionDay: IsoDate;
	certificatesSentOn?: IsoDate | null;
}): IsoDate {
	return (
		election.certificatesSentOn ?? addDays(election.electionDay, -TERMS.certificatesSentDaysBefore)
	);
}

/**
 * The elections a replacement can be asked for: every type votes by post (M 1, Y 2, Pa 20), so
 * every election with a known day that has not yet been held. Whether it is still possible, and
 * how, is `replacementRoute`'s answer. Sorted by election day.
 */
export function replacementElections<E extends CalendarElection>(
	elections: readonly E[],
	now: Date
): DatedElection<E>[] {
	const today = amsterdamDay(now);
	return elections
		.filter(
			(e): e is DatedElection<E> =>
				ELECTION_TYPE_RULES[e.type].byPost &&
				e.electionDay !== null &&
				compareIsoDates(e.electionDay, today) >= 0
		)
		.sort((a, b) => compareIsoDates(a.electionDay, b.electionDay));
}

type Timed = Cutoff & { closesAt: Date };

export function replacementCutoffs(election: { type: ElectionType; electionDay: IsoDate }): {
	written: Timed;
	inPerson: Timed;
} {
	const written = cutoff(election, 'replacement_written');
	const inPerson = cutoff(election, 'replacement_in_person');
	if (!written?.closesAt || !inPerson?.closesAt) {
		throw new RangeError(`no replacement cut-offs for ${election.type}`);
	}
	return { written: written as Timed, inPerson: inPerson as Timed };
}

export type ReplacementRoute =
	/** KW M 6b(3): a written request, received by the 12th day before election day. */
	| { route: 'written'; cutoff: Timed; inPerson: Timed }
	/** KW M 6b(4): in person, until 12:00 on the 9th day before. */
	| { route: 'in_person'; cutoff: Timed; written: Timed }
	/** Both have passed. */
	| { route: 'too_late'; written: Timed; inPerson: Timed; basis: LegalRef[] };

/** How a replacement can still be asked for this election at `now`, with the articles. */
export function replacementRoute(
	election: { type: ElectionType; electionDay: IsoDate },
	now: Date
): ReplacementRoute {
	const { written, inPerson } = replacementCutoffs(election);
	const t = now.getTime();
	if (t <= written.closesAt.getTime()) return { route: 'written', cutoff: written, inPerson };
	if (t <= inPerson.closesAt.getTime()) return { route: 'in_person', cutoff: inPerson, written };
	return {
		route: 'too_late',
		written,
		inPerson,
		basis: [LAW.REPLACEMENT_WRITTEN, LAW.REPLACEMENT_IN_PERSON]
	};
}

export type DeliveryMethod = 'post' | 'email';

/**
 * How the replacement can come (KW M 6b(3)): by post or by e-mail, as the request says; for a voter
 * whose actual residence is in Aruba, Curaçao or Sint Maarten by post only, or handed over in
 * person (M 6b(5)), and there the request may also go through the Dutch representation (M 6b(2)).
 */
export function replacementDelivery(residence: string): {
	methods: DeliveryMethod[];
	throughRepresentation: boolean;
	basis: LegalRef[];
} {
	if (CARIBBEAN_COUNTRIES.includes(residence)) {
		return {
			methods: ['post'],
			throughRepresentation: true,
			basis: [LAW.REPLACEMENT_CARIBBEAN_DELIVERY, LAW.REPLACEMENT_WHERE]
		};
	}
	return {
		methods: ['post', 'email'],
		throughRepresentation: false,
		basis: [LAW.REPLACEMENT_WRITTEN]
	};
}
