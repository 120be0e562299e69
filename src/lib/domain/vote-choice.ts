/**
 * A proxy (volmacht) or a voter pass (kiezerspas) instead of the postal vote, per election (KW K 7,
 * L 9): which elections a registered voter abroad can still ask for, and the cut-off that really
 * applies to them, with the reason it falls where it does.
 */
import { addDays, ageOn, amsterdamDay, compareIsoDates, isIsoDate, type IsoDate } from './dates';
import { ELECTION_TYPE_RULES, cutoff, type ElectionType } from './elections';
import type { Reason } from './eligibility';
import { LAW, TERMS, type LegalRef } from './legal';

/** What the rules need to know of an election (the calendar's row, or a journey's copy of it). */
export type VoteChoiceElection = {
	slug: string;
	type: ElectionType;
	/** Null while the day is not yet known. */
	electionDay: IsoDate | null;
	/** The day Den Haag sends (or sent) the postal voting certificates, if entered (M 6(3)). */
	certificatesSentOn: IsoDate | null;
};

/** The two choices instead of the postal vote; `post` keeps the postal vote (M 1(1)). */
export const VOTE_CHOICES = ['post', 'proxy', 'voter_pass'] as const;
export type VoteChoice = (typeof VOTE_CHOICES)[number];

export type VoteChoiceCutoff = {
	/** The last day The Hague must receive the request (the end of that day in Den Haag). */
	day: IsoDate;
	closesAt: Date;
	/**
	 * What sets the day: the six weeks of K 7(2) and L 9(2), or the sending of this voter's postal
	 * voting certificate, after which both are refused (K 8(2), L 10(b)). `unknown`: six weeks,
	 * while the office has not yet entered the day the certificates go out.
	 */
	limitedBy: 'six_weeks' | 'certificates' | 'unknown';
	/** Six weeks before election day (K 7(2), L 9(2)). */
	sixWeeks: IsoDate;
	certificatesSentOn: IsoDate | null;
	/** M 6(3): certificates go out at the latest twelve weeks before election day. */
	latestCertificatesDay: IsoDate;
	basis: LegalRef[];
	/** Why the cut-off falls on `day`: a message code (`vote_choice_cutoff_why_${code}`). */
	explanation: Reason;
};

/** KW Pa 21: chapters K and L do not apply to the KNI; its voters vote only by post (Pa 20). */
export function offersVoteChoice(type: ElectionType): boolean {
	return ELECTION_TYPE_RULES[type].proxyOrVoterPass;
}

/**
 * The effective cut-off for a proxy or voter pass: the earlier of "received six weeks before
 * election day" (K 7(2), L 9(2)) and "before this voter's postal voting certificate is issued"
 * (K 8(2), L 10(b); certificates go out at the latest twelve weeks before, M 6(3)). The day itself
 * comes from `computeCutoffs`, which holds the rule; this adds why it falls there. Null for a KNI
 * election (Pa 21) or one whose day is not yet known.
 */
export function voteChoiceCutoff(election: VoteChoiceElection): VoteChoiceCutoff | null {
	if (!offersVoteChoice(election.type) || election.electionDay === null) return null;
	const dates = {
		type: election.type,
		electionDay: election.electionDay,
		certificatesSentOn: election.certificatesSentOn
	};
	const row = cutoff(dates, 'proxy_or_voter_pass');
	if (!row?.closesAt) return null;
	const sixWeeks = addDays(election.electionDay, -TERMS.proxyOrVoterPassDaysBefore);
	const latestCertificatesDay = addDays(election.electionDay, -TERMS.certificatesSentDaysBefore);
	const sentOn = election.certificatesSentOn;
	const limitedBy =
		sentOn === null
			? 'unknown'
			: compareIsoDates(row.day, sixWeeks) < 0
				? 'certificates'
				: 'six_weeks';
	const sixWeeksBasis = [LAW.VOTER_PASS_CUTOFF, LAW.PROXY_CUTOFF];
	const refusalBasis = [
		LAW.VOTER_PASS_REFUSAL,
		LAW.PROXY_REFUSAL_CERTIFICATE_ISSUED,
		LAW.CERTIFICATES_SENT
	];
	const explanation: Reason =
		limitedBy === 'certificates'
			? {
					code: 'certificates',
					params: { day: row.day, sentOn: sentOn!, sixWeeks },
					basis: [...refusalBasis, ...sixWeeksBasis]
				}
			: limitedBy === 'six_weeks'
				? { code: 'six_weeks', params: { day: row.day, sentOn: sentOn! }, basis: sixWeeksBasis }
				: {
						code: 'unknown',
						params: { day: row.day, latest: latestCertificatesDay },
						basis: [...sixWeeksBasis, ...refusalBasis]
					};
	return {
		day: row.day,
		closesAt: row.closesAt,
		limitedBy,
		sixWeeks,
		certificatesSentOn: sentOn,
		latestCertificatesDay,
		basis: row.basis,
		explanation
	};
}

export type VoteChoiceStatus<E extends VoteChoiceElection = VoteChoiceElection> =
	| { election: E; status: 'open'; cutoff: VoteChoiceCutoff }
	| { election: E; status: 'closed'; cutoff: VoteChoiceCutoff; reasons: Reason[] }
	| { election: E; status: 'not_offered'; reasons: Reason[] };

/**
 * Where one election stands for a proxy or voter pass at `now`: open until its effective cut-off
 * has passed; closed after it, saying which rule closed it; never for the KNI (Pa 21) nor while its
 * day is unknown.
 */
export function assessVoteChoice<E extends VoteChoiceElection>(
	election: E,
	now: Date
): VoteChoiceStatus<E> {
	if (!offersVoteChoice(election.type)) {
		return {
			election,
			status: 'not_offered',
			reasons: [
				{
					code: 'vote_choice_kni',
					params: named(election),
					basis: [LAW.KNI_NO_PROXY_OR_PASS, LAW.KNI_POST_ONLY]
				}
			]
		};
	}
	const found = voteChoiceCutoff(election);
	if (!found) {
		return {
			election,
			status: 'not_offered',
			reasons: [
				{
					code: 'vote_choice_no_day',
					params: { type: election.type },
					basis: [LAW.EP_ELECTION_DAY, LAW.NOMINATION_DAY]
				}
			]
		};
	}
	if (now.getTime() <= found.closesAt.getTime()) {
		return { election, status: 'open', cutoff: found };
	}
	return {
		election,
		status: 'closed',
		cutoff: found,
		reasons: closedReasons(found, now).map((r) => ({
			...r,
			params: { ...named(election), ...r.params }
		}))
	};
}

/** Every reason names its election, so a list of several reads right: `type` and `date`. */
const named = (e: VoteChoiceElection): Record<string, string> => ({
	type: e.type,
	date: e.electionDay ?? ''
});

/**
 * Why it is too late: the certificate is out, the six weeks have passed, or both. Past the
 * cut-off one of them always holds: the day is the day before the certificates' or the six weeks'.
 */
function closedReasons(found: VoteChoiceCutoff, now: Date): Reason[] {
	const today = amsterdamDay(now);
	const reasons: Reason[] = [];
	const sentOn = found.certificatesSentOn;
	if (sentOn !== null && compareIsoDates(today, sentOn) >= 0) {
		// K 2, L 2(2): whoever has a postal voting certificate cannot ask; K 8(2), L 10(b): refused.
		reasons.push({
			code: 'vote_choice_certificate_sent',
			params: { sentOn },
			basis: [
				LAW.VOTER_PASS_NOT_AFTER_CERTIFICATE,
				LAW.PROXY_NOT_AFTER_CERTIFICATE,
				LAW.VOTER_PASS_REFUSAL,
				LAW.PROXY_REFUSAL_CERTIFICATE_ISSUED,
				LAW.CERTIFICATES_SENT
			]
		});
	}
	if (compareIsoDates(today, found.sixWeeks) > 0) {
		reasons.push({
			code: 'vote_choice_six_weeks_passed',
			params: { day: found.sixWeeks },
			basis: [LAW.VOTER_PASS_CUTOFF, LAW.PROXY_CUTOFF]
		});
	}
	return reasons;
}

/** Elections still ahead (or without a day yet), as the journey lists them. */
export function upcoming<E extends VoteChoiceElection>(elections: readonly E[], now: Date): E[] {
	const today = amsterdamDay(now);
	return elections.filter(
		(e) =>
			e.electionDay === null ||
			(isIsoDate(e.electionDay) && compareIsoDates(e.electionDay, today) >= 0)
	);
}

/** Every upcoming election with where it stands, soonest first (undated ones last). */
export function voteChoiceOverview<E extends VoteChoiceElection>(
	elections: readonly E[],
	now: Date
): VoteChoiceStatus<E>[] {
	return upcoming(elections, now)
		.map((e) => assessVoteChoice(e, now))
		.sort((a, b) => {
			const x = a.election.electionDay;
			const y = b.election.electionDay;
			if (x === y) return 0;
			if (x === null) return 1;
			if (y === null) return -1;
			return compareIsoDates(x, y);
		});
}

/** The elections a voter can still ask a proxy or voter pass for, soonest first. */
export function openForVoteChoice<E extends VoteChoiceElection>(
	elections: readonly E[],
	now: Date
): (VoteChoiceStatus<E> & { status: 'open' })[] {
	return voteChoiceOverview(elections, now).filter(
		(s): s is VoteChoiceStatus<E> & { status: 'open' } => s.status === 'open'
	);
}

/**
 * KW B 1(1), Y 3(a): a voter is 18 on election day. The voter asking and the proxy holder (who must
 * be a voter for that election, L 8(2), L 10(d)) both need to be.
 */
export function votingAgeOn(dateOfBirth: IsoDate, electionDay: IsoDate): boolean {
	return ageOn(dateOfBirth, electionDay) >= TERMS.votingAge;
}

/** What the voter is told about a proxy holder before naming one, each with its article. */
export const PROXY_HOLDER_CONDITIONS: readonly Reason[] = Object.freeze([
	// L 8(2), L 10(d): a voter for that election on nomination day.
	{ code: 'holder_is_voter', basis: [LAW.PROXY_HOLDER_VOTER, LAW.PROXY_REFUSAL_HOLDER_NOT_VOTER] },
	// L 4: at most two proxies per election.
	{ code: 'holder_at_most_two', basis: [LAW.PROXY_AT_MOST_TWO] },
	// L 3: only together with their own vote.
	{ code: 'holder_with_own_vote', basis: [LAW.PROXY_WITH_OWN_VOTE] },
	// L 8(3), L 10(c): the holder's signed declaration of willingness goes with the request.
	{
		code: 'holder_declaration',
		basis: [LAW.PROXY_HOLDER_DECLARATION, LAW.PROXY_REFUSAL_NO_DECLARATION]
	}
]);

/** What a voter pass means, each with its article. */
export const VOTER_PASS_CONDITIONS: readonly Reason[] = Object.freeze([
	// K 1(1): vote in person at a polling station of one's choice in the Netherlands; K 11(1): with
	// the pass and an identity document.
	{ code: 'pass_any_polling_station', basis: [LAW.VOTER_PASS, LAW.VOTER_PASS_AT_POLLING_STATION] },
	// K 4(3): a lost pass is not replaced; K 4(2): without it, no vote.
	{
		code: 'pass_not_replaced',
		basis: [LAW.VOTER_PASS_NOT_REPLACED, LAW.VOTER_PASS_ONLY_WITH_PASS]
	},
	// M 1(1): no postal voting certificate (nor other postal papers) once a pass is issued.
	{ code: 'pass_no_postal_papers', basis: [LAW.POSTAL_VOTE_ABROAD] }
]);
