/**
 * A resident of the Netherlands who will be abroad on election day asks, per election, to vote by
 * post (KW M 1(2), M 3, M 4; for the EP through Y 2). The rules of that request: which elections
 * it can still be made for, who may make it, the stay abroad it must cover, and how the ballot
 * comes.
 */
import { ageOn, amsterdamDay, compareIsoDates, isIsoDate, type IsoDate } from './dates';
import { ELECTION_TYPE_RULES, cutoff, type Cutoff, type ElectionType } from './elections';
import type { Reason } from './eligibility';
import { LAW, TERMS, type LegalRef } from './legal';

/** An election as the calendar holds it (the day is null while it is not yet known). */
export type CalendarElection = {
	type: ElectionType;
	electionDay: IsoDate | null;
	certificatesSentOn?: IsoDate | null;
};

export type DatedElection<E extends CalendarElection> = E & { electionDay: IsoDate };

/** The articles that make a type of election open to this request, or keep it closed. */
function typeBasis(type: ElectionType): LegalRef[] {
	if (type === 'EP') return [LAW.POSTAL_VOTE_TEMPORARILY_ABROAD, LAW.EP_TK_RULES_APPLY];
	// KW Pa 2(1): only those who are not residents of the Netherlands vote for the KNI.
	if (type === 'KNI') return [LAW.KNI_VOTERS, LAW.POSTAL_VOTE_TEMPORARILY_ABROAD];
	return [LAW.POSTAL_VOTE_TEMPORARILY_ABROAD];
}

/** KW M 3(3): the request must be received by the 28th day before election day (Den Haag time). */
export function temporarilyAbroadCutoff(election: {
	type: ElectionType;
	electionDay: IsoDate;
}): (Cutoff & { closesAt: Date }) | null {
	const found = cutoff(election, 'temporarily_abroad');
	return found && found.closesAt ? (found as Cutoff & { closesAt: Date }) : null;
}

export type OpenElection<E extends CalendarElection> = {
	election: DatedElection<E>;
	cutoff: Cutoff & { closesAt: Date };
};

/**
 * The elections a request can still be made for at `now`: TK and EP only (KW M 1(2), Y 2; never
 * the KNI, whose voters are by definition not residents, Pa 2(1)), with a known election day,
 * whose 28th-day cut-off has not passed (M 3(3)). Sorted by election day.
 */
export function temporarilyAbroadElections<E extends CalendarElection>(
	elections: readonly E[],
	now: Date
): OpenElection<E>[] {
	const open: OpenElection<E>[] = [];
	for (const election of elections) {
		if (!ELECTION_TYPE_RULES[election.type].temporarilyAbroadPostalVote) continue;
		if (election.electionDay === null) continue;
		const dated = election as DatedElection<E>;
		const c = temporarilyAbroadCutoff(dated);
		if (c && now.getTime() <= c.closesAt.getTime()) open.push({ election: dated, cutoff: c });
	}
	return open.sort((a, b) => compareIsoDates(a.election.electionDay, b.election.electionDay));
}

/**
 * Why no upcoming election is open to the request: each upcoming election says why (its cut-off
 * passed, its day is not known yet, or it is a KNI election). With no upcoming election at all,
 * the one reason is that none is planned.
 */
export function temporarilyAbroadClosedReasons(
	elections: readonly CalendarElection[],
	now: Date
): Reason[] {
	const today = amsterdamDay(now);
	const reasons: Reason[] = [];
	for (const election of elections) {
		const day = election.electionDay;
		if (day !== null && compareIsoDates(day, today) < 0) continue;
		if (!ELECTION_TYPE_RULES[election.type].temporarilyAbroadPostalVote) {
			if (!reasons.some((r) => r.code === 'temporarily_abroad_kni')) {
				reasons.push({ code: 'temporarily_abroad_kni', basis: typeBasis(election.type) });
			}
		} else if (day === null) {
			reasons.push({
				code: 'temporarily_abroad_no_date',
				params: { type: election.type },
				basis: typeBasis(election.type)
			});
		} else {
			const c = temporarilyAbroadCutoff({ type: election.type, electionDay: day });
			if (c && now.getTime() > c.closesAt.getTime()) {
				reasons.push({
					code: 'temporarily_abroad_cutoff_passed',
					params: { type: election.type, electionDay: day, cutoffDay: c.day },
					basis: c.basis
				});
			}
		}
	}
	if (reasons.length === 0) {
		reasons.push({
			code: 'temporarily_abroad_none_planned',
			basis: [LAW.POSTAL_VOTE_TEMPORARILY_ABROAD]
		});
	}
	return reasons;
}

/** Who the voter is for this request: a Dutch national, 18 on election day (KW B 1(1), Y 3(a)). */
export type TemporarilyAbroadFacts = { dutch?: boolean; dateOfBirth?: IsoDate };

function votersBasis(type: ElectionType): LegalRef[] {
	return type === 'EP'
		? [LAW.EP_VOTERS, LAW.POSTAL_VOTE_TEMPORARILY_ABROAD]
		: [LAW.TK_VOTERS, LAW.POSTAL_VOTE_TEMPORARILY_ABROAD];
}

/**
 * KW M 1(2): the request is for "degene die kiesgerechtigd is": for the TK a Dutch national who is
 * 18 on election day (B 1(1)); for the EP the same (Y 3(a)). Returns why not; empty when the
 * facts known so far allow it. (Exclusion from voting, B 5, is for Den Haag to check, M 4(2).)
 */
export function assessTemporarilyAbroadVoter(
	facts: TemporarilyAbroadFacts,
	election: { type: ElectionType; electionDay: IsoDate }
): Reason[] {
	const reasons: Reason[] = [];
	if (facts.dutch === false) reasons.push({ code: 'not_dutch', basis: votersBasis(election.type) });
	if (facts.dateOfBirth !== undefined) {
		if (!isIsoDate(facts.dateOfBirth)) throw new RangeError(`invalid date: ${facts.dateOfBirth}`);
		if (ageOn(facts.dateOfBirth, election.electionDay) < TERMS.votingAge) {
			reasons.push({
				code: 'temporarily_abroad_too_young',
				params: { electionDay: election.electionDay },
				basis: votersBasis(election.type)
			});
		}
	}
	return reasons;
}

/**
 * Someone who does not live in the Netherlands is a voter abroad, not a resident temporarily
 * abroad: they register once (D 2) and then get the postal voting papers for every election
 * (M 1(1)). Bonaire, Sint Eustatius and Saba are the Netherlands; Aruba, Curaçao and Sint
 * Maarten are not (B 4(1)).
 */
export const LIVES_ABROAD: Reason = Object.freeze({
	code: 'temporarily_abroad_lives_abroad',
	basis: [LAW.POSTAL_VOTE_TEMPORARILY_ABROAD, LAW.REGISTER_ABROAD, LAW.POSTAL_VOTE_ABROAD]
});

export type StayIssue = {
	field: 'from' | 'until';
	code: 'until_before_from' | 'leaves_after_election_day' | 'back_before_election_day';
	basis: LegalRef[];
};

/**
 * KW M 1(2): the voter "op de dag van de stemming buiten Nederland zal verblijven": the stay
 * abroad, from the day they leave to the day they come back (both included), must take in
 * election day. Returns what is wrong, at the field to correct, or null.
 */
export function checkStay(
	stay: { from: IsoDate; until: IsoDate },
	electionDay: IsoDate
): StayIssue | null {
	for (const d of [stay.from, stay.until, electionDay]) {
		if (!isIsoDate(d)) throw new RangeError(`invalid date: ${d}`);
	}
	const basis = [LAW.POSTAL_VOTE_TEMPORARILY_ABROAD];
	if (compareIsoDates(stay.until, stay.from) < 0) {
		return { field: 'until', code: 'until_before_from', basis };
	}
	if (compareIsoDates(stay.from, electionDay) > 0) {
		return { field: 'from', code: 'leaves_after_election_day', basis };
	}
	if (compareIsoDates(stay.until, electionDay) < 0) {
		return { field: 'until', code: 'back_before_election_day', basis };
	}
	return null;
}

/**
 * KW M 3(4), M 3(5): the ballot comes to the e-mail address the request gives; by post when the
 * voter asks for that or gives no address.
 */
export function ballotDelivery(choice: { post: boolean; email: string | null }): {
	by: 'email' | 'post';
	basis: LegalRef[];
} {
	if (choice.post || !choice.email) {
		return {
			by: 'post',
			basis: choice.post
				? [LAW.TEMPORARILY_ABROAD_BALLOT_POST]
				: [LAW.TEMPORARILY_ABROAD_BALLOT_EMAIL]
		};
	}
	return { by: 'email', basis: [LAW.TEMPORARILY_ABROAD_BALLOT_EMAIL] };
}
