/**
 * Decisions on the requests the office receives besides registrations: a change of the
 * registration or removal on request (KW D 3(3), D 7(1)), a proxy (volmacht, L 9–L 11), a voter
 * pass (kiezerspas, K 7, K 8), a postal vote for a resident temporarily abroad (M 3, M 4) and a
 * replacement postal voting certificate (vervangend briefstembewijs, M 6b).
 *
 * For each kind: the outcomes the office may decide, the refusal reasons with the article each
 * rests on, the facts that force a refusal, by when it is due, what the notice adds (notes with
 * their articles) and the appeal route (K 8(4), L 11(4), M 4(5) → D 8). Pure: the office's
 * service gathers the facts (the registration, the certificate register, earlier decisions) and
 * this module says what may be decided on them.
 */
import {
	addDays,
	ageOn,
	amsterdamDay,
	amsterdamInstant,
	compareIsoDates,
	type IsoDate
} from './dates';
import { CARIBBEAN_COUNTRIES, BES, NETHERLANDS } from './countries';
import { decisionDueOn, nominationDayFor, type ElectionType } from './elections';
import type { Reason } from './eligibility';
import { LAW, TERMS, type LegalRef } from './legal';
import type { HeldType } from './status';

/** The kinds of request decided here (the application kinds other than `registration`). */
export const REQUEST_KINDS = Object.freeze([
	'change',
	'proxy',
	'voter_pass',
	'temporarily_abroad',
	'replacement'
] as const);
export type RequestKind = (typeof REQUEST_KINDS)[number];

export function isRequestKind(s: unknown): s is RequestKind {
	return typeof s === 'string' && (REQUEST_KINDS as readonly string[]).includes(s);
}

/** The kinds that are about one election (all but a change of the registration). */
export type ElectionRequestKind = Exclude<RequestKind, 'change'>;

export const REQUEST_OUTCOMES = Object.freeze({
	// KW D 7(1): a change is made, or the registration removed on request; refused; or the office
	// asks the voter first (as for a registration, MvT §7).
	change: ['changed', 'removed', 'refused', 'asked'],
	proxy: ['granted', 'refused'],
	voter_pass: ['granted', 'refused'],
	temporarily_abroad: ['granted', 'refused'],
	replacement: ['granted', 'refused']
} as const satisfies Record<RequestKind, readonly string[]>);
export type RequestOutcome = (typeof REQUEST_OUTCOMES)[RequestKind][number];

export function isRequestOutcome(kind: RequestKind, s: unknown): s is RequestOutcome {
	return typeof s === 'string' && (REQUEST_OUTCOMES[kind] as readonly string[]).includes(s);
}

// ---------------------------------------------------------------------------
// Refusal reasons, each with its articles. A code names its kind, so the notice's words can be
// the kind's own (message `reason_<code>`).

const REFUSALS = {
	// A change needs a registration to change (KW D 2; D 7(1) decides on it).
	change_not_registered: [LAW.REGISTER_ABROAD, LAW.CHANGE_DECISION],
	// KW D 3(4): the change is asked on the model form, signed.
	change_no_signature: [LAW.APPLICATION_FORM],
	// KB D 6: the data on the form must match what is known of the applicant.
	change_data_mismatch: [LAW.DATA_CHECK],
	// A type the person cannot be registered for (KW D 2 with B 1, Y 3, Pa 2).
	change_type_not_eligible: [LAW.REGISTER_ABROAD, LAW.TK_VOTERS, LAW.EP_VOTERS, LAW.KNI_VOTERS],

	// KW K 7(2): received at least six weeks before election day.
	voter_pass_late: [LAW.VOTER_PASS_CUTOFF],
	// KW K 8(2): refused only if not registered on nomination day, a proxy was granted, or a
	// postal voting certificate was issued (K 2: no voter pass then).
	voter_pass_not_registered: [LAW.VOTER_PASS_REFUSAL, LAW.VOTER_PASS_ABROAD],
	voter_pass_proxy_granted: [LAW.VOTER_PASS_REFUSAL, LAW.VOTER_PASS_NOT_WITH_PROXY_OR_CERTIFICATE],
	voter_pass_certificate_issued: [
		LAW.VOTER_PASS_REFUSAL,
		LAW.VOTER_PASS_NOT_WITH_PROXY_OR_CERTIFICATE
	],
	// KW Pa 21: no voter pass and no proxy for the kiescollege niet-ingezetenen.
	voter_pass_kni: [LAW.KNI_NO_PROXY_OR_PASS, LAW.KNI_POST_ONLY],

	// KW L 9(2): received at least six weeks before election day.
	proxy_late: [LAW.PROXY_CUTOFF],
	// KW L 8(1), L 9(1): the voter registered (D 2) on nomination day asks Den Haag.
	proxy_not_registered: [LAW.PROXY_REGISTERED_ON_NOMINATION_DAY, LAW.PROXY_ABROAD],
	// KW L 10(a), L 2(1): the voter names the holder themselves.
	proxy_holder_not_chosen: [LAW.PROXY_REFUSAL_HOLDER_NOT_CHOSEN, LAW.PROXY_HOLDER_CHOSEN_BY_VOTER],
	// KW L 10(b), L 2(2): not once a voter pass or a postal voting certificate was issued.
	proxy_certificate_issued: [
		LAW.PROXY_REFUSAL_CERTIFICATE_ISSUED,
		LAW.PROXY_NOT_AFTER_PASS_OR_CERTIFICATE
	],
	proxy_voter_pass_granted: [
		LAW.PROXY_REFUSAL_CERTIFICATE_ISSUED,
		LAW.PROXY_NOT_AFTER_PASS_OR_CERTIFICATE
	],
	// KW L 10(c), L 8(3): the holder's declaration of willingness.
	proxy_declaration_missing: [LAW.PROXY_REFUSAL_NO_DECLARATION, LAW.PROXY_DECLARATION],
	// KW L 10(d), L 8(2): the holder is a voter for this election on nomination day.
	proxy_holder_not_a_voter: [LAW.PROXY_REFUSAL_HOLDER_NOT_A_VOTER, LAW.PROXY_HOLDER_A_VOTER],
	// KW L 4: a holder accepts at most two proxies per election.
	proxy_holder_has_two: [LAW.PROXY_AT_MOST_TWO],
	// KW Pa 21.
	proxy_kni: [LAW.KNI_NO_PROXY_OR_PASS, LAW.KNI_POST_ONLY],

	// KW M 3(3): received by the 28th day before election day.
	temporarily_abroad_late: [LAW.TEMPORARILY_ABROAD_CUTOFF],
	// KW M 4(2): refused only if the person is not one of the voters M 1(2) means: a voter
	// (kiesgerechtigd) who lives in the Netherlands and is abroad on election day. Someone who
	// lives abroad registers under chapter D instead (D 2).
	temporarily_abroad_lives_abroad: [
		LAW.TEMPORARILY_ABROAD_REFUSAL,
		LAW.POSTAL_VOTE_TEMPORARILY_ABROAD,
		LAW.REGISTER_ABROAD
	],
	temporarily_abroad_not_a_voter: [
		LAW.TEMPORARILY_ABROAD_REFUSAL,
		LAW.POSTAL_VOTE_TEMPORARILY_ABROAD
	],
	temporarily_abroad_not_abroad: [
		LAW.TEMPORARILY_ABROAD_REFUSAL,
		LAW.POSTAL_VOTE_TEMPORARILY_ABROAD
	],
	// KW Pa 2(1): residents of the Netherlands are not voters for the KNI at all.
	temporarily_abroad_kni: [LAW.TEMPORARILY_ABROAD_REFUSAL, LAW.KNI_VOTERS],

	// KW M 6b(3): a written request is received by the 12th day before election day.
	replacement_late: [LAW.REPLACEMENT_WRITTEN],
	// KW M 6b(1): a replacement replaces a certificate issued; none was.
	replacement_no_certificate: [LAW.REPLACEMENT],
	// KW M 6b(3): with a copy of an identity document.
	replacement_identity_document_missing: [LAW.REPLACEMENT_WRITTEN]
} as const satisfies Record<string, readonly LegalRef[]>;

export type RequestRefusalCode = keyof typeof REFUSALS;
export const REQUEST_REFUSAL_CODES = Object.freeze(Object.keys(REFUSALS) as RequestRefusalCode[]);

export function isRequestRefusalCode(s: unknown): s is RequestRefusalCode {
	return typeof s === 'string' && Object.hasOwn(REFUSALS, s);
}

const KIND_OF_CODE: Record<RequestKind, string> = {
	change: 'change_',
	proxy: 'proxy_',
	voter_pass: 'voter_pass_',
	temporarily_abroad: 'temporarily_abroad_',
	replacement: 'replacement_'
};

/** The refusal codes a decider can choose for a request of this kind. */
export function refusalCodesFor(kind: RequestKind): RequestRefusalCode[] {
	return REQUEST_REFUSAL_CODES.filter((c) => c.startsWith(KIND_OF_CODE[kind]));
}

export function refusalReason(code: RequestRefusalCode, params?: Record<string, string>): Reason {
	const basis = [...REFUSALS[code]];
	return params ? { code, basis, params } : { code, basis };
}

// ---------------------------------------------------------------------------
// Notes: what a decision means for the voter, each with its article. Stored with the reasons
// (so a notice can be shown again exactly), told apart by the `note_` prefix.

const NOTES = {
	// KW D 3(3): a change received after the 63rd day before an election is made, but the papers
	// for that election follow the data registered before it.
	note_change_counts_next: [LAW.CHANGE_CUTOFF],
	// KW M 1(1): with a proxy no postal voting certificate is sent.
	note_proxy_no_certificate: [LAW.POSTAL_VOTE_ABROAD],
	// KW L 3, L 2(1): the holder votes with their own vote, as the voter instructs.
	note_proxy_holder_votes: [LAW.PROXY_VOTED_WITH_OWN, LAW.PROXY_HOLDER_CHOSEN_BY_VOTER],
	// KW L 11(3): the holder is told of the decision.
	note_proxy_holder_told: [LAW.PROXY_HOLDER_TOLD],
	// KW K 4(2), M 1(1): only with the pass, and no postal voting certificate.
	note_voter_pass_only_with_pass: [LAW.VOTER_PASS_ONLY_WITH_PASS, LAW.POSTAL_VOTE_ABROAD],
	// KW K 4(3): a lost voter pass is not replaced.
	note_voter_pass_not_replaced: [LAW.VOTER_PASS_NOT_REPLACED],
	// KW M 4(4), M 2: the home municipality is told and sends no polling card.
	note_temporarily_abroad_no_polling_card: [
		LAW.TEMPORARILY_ABROAD_MUNICIPALITY,
		LAW.NO_POLLING_CARD
	],
	// KW M 3(4): the ballot by e-mail to the address the request gave.
	note_temporarily_abroad_ballot_email: [LAW.TEMPORARILY_ABROAD_BALLOT_EMAIL],
	// KW M 3(4), M 3(5): by post when asked, or without an e-mail address.
	note_temporarily_abroad_ballot_post: [
		LAW.TEMPORARILY_ABROAD_BALLOT_EMAIL,
		LAW.TEMPORARILY_ABROAD_BALLOT_POST
	],
	// KW M 5(2)(a): the certificate replaced is no longer valid.
	note_replacement_old_invalid: [LAW.CERTIFICATE_INVALID_REPLACED],
	// KW M 6b(3): by post or by e-mail, as the voter asked.
	note_replacement_by_email: [LAW.REPLACEMENT_WRITTEN],
	note_replacement_by_post: [LAW.REPLACEMENT_WRITTEN],
	// KW M 6b(5): to Aruba, Curaçao and Sint Maarten only by post.
	note_replacement_caribbean_post: [LAW.REPLACEMENT_CARIBBEAN_DELIVERY]
} as const satisfies Record<string, readonly LegalRef[]>;

export type RequestNoteCode = keyof typeof NOTES;
export const REQUEST_NOTE_CODES = Object.freeze(Object.keys(NOTES) as RequestNoteCode[]);

/** A stored reason that is a note (what the decision means), not a ground for it. */
export function isRequestNote(code: string): code is RequestNoteCode {
	return Object.hasOwn(NOTES, code);
}

function note(code: RequestNoteCode, params?: Record<string, string>): Reason {
	const basis = [...NOTES[code]];
	return params ? { code, basis, params } : { code, basis };
}

// ---------------------------------------------------------------------------
// The appeal route: D 8 applies through K 8(4), L 11(4) and M 4(5); a change is a decision under
// chapter D itself. M 6b names no route of its own: DOMAIN.md ("Legal protection") treats every
// decision on a postal vote as appealable under D 8, and the notice says so citing D 8 only.

const APPEAL_BASIS: Record<RequestKind, LegalRef[]> = {
	change: [LAW.APPEAL],
	proxy: [LAW.PROXY_APPEAL, LAW.APPEAL],
	voter_pass: [LAW.VOTER_PASS_APPEAL, LAW.APPEAL],
	temporarily_abroad: [LAW.TEMPORARILY_ABROAD_APPEAL, LAW.APPEAL],
	replacement: [LAW.APPEAL]
};

/** The articles that open the appeal to the Council of State for a decision of this kind. */
export function requestAppealBasis(kind: RequestKind): LegalRef[] {
	return [...APPEAL_BASIS[kind]];
}

// ---------------------------------------------------------------------------
// Terms

/** The election a per-election request is about, as the calendar holds it. */
export type RequestElection = {
	slug: string;
	type: ElectionType;
	/** Null while the day is not known (an EP election before the EU sets the period). */
	electionDay: IsoDate | null;
	nominationDay: IsoDate | null;
	certificatesSentOn: IsoDate | null;
};

/** Nomination day as entered, or else 44 days before election day (KW J 1(1), Y 8(2)). */
export function requestNominationDay(election: RequestElection): IsoDate | null {
	if (election.nominationDay) return election.nominationDay;
	return election.electionDay ? nominationDayFor(election.type, election.electionDay) : null;
}

// The cut-off the law sets for each kind: "received by" that day, in Den Haag (every one is the
// end of a day). For the proxy and the voter pass this is the law's six weeks; that a certificate
// issued earlier also stops them is a separate ground (K 8(2), L 10(b)), from the register.
const CUTOFF_DAYS: Record<ElectionRequestKind, number> = {
	proxy: TERMS.proxyOrVoterPassDaysBefore,
	voter_pass: TERMS.proxyOrVoterPassDaysBefore,
	temporarily_abroad: TERMS.temporarilyAbroadDaysBefore,
	replacement: TERMS.replacementWrittenDaysBefore
};
const CUTOFF_BASIS: Record<ElectionRequestKind, LegalRef> = {
	proxy: LAW.PROXY_CUTOFF,
	voter_pass: LAW.VOTER_PASS_CUTOFF,
	temporarily_abroad: LAW.TEMPORARILY_ABROAD_CUTOFF,
	replacement: LAW.REPLACEMENT_WRITTEN
};

/** The last day a request of this kind counts as received in time; null without election day. */
export function requestCutoff(
	kind: ElectionRequestKind,
	election: Pick<RequestElection, 'electionDay'>
): { day: IsoDate; closesAt: Date; basis: LegalRef[] } | null {
	if (!election.electionDay) return null;
	const day = addDays(election.electionDay, -CUTOFF_DAYS[kind]);
	return { day, closesAt: amsterdamInstant(day, 'end-of-day'), basis: [CUTOFF_BASIS[kind]] };
}

/** Received after the law's cut-off for its kind (false while election day is unknown). */
export function isLate(
	kind: ElectionRequestKind,
	election: Pick<RequestElection, 'electionDay'>,
	receivedAt: Date
): boolean {
	const cutoff = requestCutoff(kind, election);
	return cutoff !== null && receivedAt.getTime() > cutoff.closesAt.getTime();
}

/**
 * The day a request is due: the office's promise, shown in the queue (overdue first).
 *
 * - change: the 7th day after receipt (KB D 9, D 7(1)).
 * - the others are decided "as soon as possible" (K 8(1), L 11(1), M 4(1), M 6b(3)): the office
 *   gives itself the same 7 days, but never later than the day that makes a decision useless:
 *   - voter pass: the day before the certificates go out (M 6(3)): granted before that, no
 *     certificate is sent (M 1(1)); once it is issued the pass must be refused (K 8(2));
 *   - temporarily abroad: the day after its cut-off (the 27th day before election day), so that
 *     the papers still reach the voter abroad (M 6(3): "as soon as possible");
 *   - replacement: the day after its cut-off (the 11th day before): the papers must travel;
 *   - proxy: never before nomination day (L 11(1)): on nomination day for a request received
 *     earlier; a later one within the 7 days, at most the day before election day.
 *   In every case at the latest the day before election day, and never before the day of receipt
 *   (a request that arrives after its useful day is due at once, and leads the queue).
 */
export function requestDueOn(
	kind: RequestKind,
	receivedAt: Date,
	election: RequestElection | null
): IsoDate {
	const receivedOn = amsterdamDay(receivedAt);
	let due = decisionDueOn(receivedOn);
	if (kind === 'change' || !election?.electionDay) return due;
	const electionDay = election.electionDay;
	const useful: Record<ElectionRequestKind, IsoDate> = {
		voter_pass: addDays(
			election.certificatesSentOn ?? addDays(electionDay, -TERMS.certificatesSentDaysBefore),
			-1
		),
		temporarily_abroad: addDays(electionDay, -TERMS.temporarilyAbroadDaysBefore + 1),
		replacement: addDays(electionDay, -TERMS.replacementWrittenDaysBefore + 1),
		proxy: addDays(electionDay, -1)
	};
	if (compareIsoDates(due, useful[kind]) > 0) due = useful[kind];
	const nomination = requestNominationDay(election);
	if (kind === 'proxy' && nomination && compareIsoDates(due, nomination) < 0) due = nomination;
	return compareIsoDates(due, receivedOn) < 0 ? receivedOn : due;
}

/**
 * KW L 11(1): a proxy is decided "not before nomination day". Null when a decision may be taken
 * today; otherwise the first day it may, with the article (or null day while it is unknown).
 */
export function proxyDecisionBlocked(
	election: RequestElection,
	today: IsoDate
): { from: IsoDate | null; basis: LegalRef[] } | null {
	const nomination = requestNominationDay(election);
	if (nomination && compareIsoDates(today, nomination) >= 0) return null;
	return { from: nomination, basis: [LAW.PROXY_NOT_BEFORE_NOMINATION_DAY] };
}

// ---------------------------------------------------------------------------
// Delivery

/** KW M 3(4), M 3(5): the ballot by e-mail where an address is given and post was not asked. */
export function ballotSentBy(
	ballotBy: 'email' | 'post',
	ballotEmail: string | null
): 'email' | 'post' {
	return ballotBy === 'email' && ballotEmail ? 'email' : 'post';
}

/**
 * KW M 6b(3): by post or e-mail as asked; M 6b(5): to Aruba, Curaçao and Sint Maarten by post
 * only; by e-mail only where an address is given.
 */
export function replacementSentBy(
	deliveryBy: 'email' | 'post',
	deliveryEmail: string | null,
	country: string
): { by: 'email' | 'post'; caribbean: boolean } {
	const caribbean = CARIBBEAN_COUNTRIES.includes(country);
	return {
		by: deliveryBy === 'email' && deliveryEmail && !caribbean ? 'email' : 'post',
		caribbean
	};
}

// ---------------------------------------------------------------------------
// The case and the decision

/** The voter's registration as the office found and linked it. */
export type LinkedRegistration = {
	active: boolean;
	types: readonly HeldType[];
	birthDate: IsoDate;
};

/** What the office knows when it decides a request: gathered by the service, judged here. */
export type RequestCase = {
	kind: RequestKind;
	/** The election of a per-election request; null for a change. */
	election: RequestElection | null;
	receivedAt: Date;
	/** The registration the decider linked (change, proxy, voter pass, a registered voter's replacement). */
	registration: LinkedRegistration | null;
	/** A valid postal voting certificate is in the register for this voter and election (M 5). */
	certificateIssued: boolean;
	/** A proxy was granted to this voter for this election. */
	proxyGranted: boolean;
	/** A voter pass was granted to this voter for this election. */
	voterPassGranted: boolean;
	/** Proxies already granted to the named holder for this election (L 4). */
	holderProxies: number;
	/** Temporarily abroad: the country of the residential address the request gives. */
	residence: string | null;
	/** Temporarily abroad: the days abroad and the date of birth the request gives. */
	abroadFrom?: IsoDate | null;
	abroadUntil?: IsoDate | null;
	birthDate?: IsoDate | null;
	/** The clerk's checks (KB D 6 and, for a proxy, the holder's declaration, L 8(3)). */
	checks: {
		signaturePresent?: boolean;
		identityDocumentValid?: boolean;
		dataMatches?: boolean;
		declarationPresent?: boolean;
	};
	/** A change: removal on request, or the changes asked for. */
	change?: { removal: boolean; empty: boolean };
	/** A change: upcoming elections of the types held, to say which one a late change misses. */
	upcoming?: { type: ElectionType; electionDay: IsoDate }[];
	/** Replacement: whether the voter asked for e-mail, gave an address, and lives in the Caribbean. */
	delivery?: { by: 'email' | 'post'; caribbean: boolean };
};

/** Registered for the election's type on nomination day (or today, if that is later). */
function registeredFor(kase: RequestCase, today: IsoDate): boolean {
	const r = kase.registration;
	if (!r || !r.active || !kase.election) return false;
	const nomination = requestNominationDay(kase.election);
	const day = nomination && compareIsoDates(nomination, today) > 0 ? nomination : today;
	return r.types.some(
		(t) =>
			t.type === kase.election!.type &&
			compareIsoDates(t.startsOn, day) <= 0 &&
			(t.endedOn === null || compareIsoDates(t.endedOn, day) > 0)
	);
}

/**
 * The refusal grounds the facts establish by themselves: with any of them the request cannot be
 * granted. Judgements the decider makes from the paper (a holder not a voter, a holder not chosen
 * by the voter) are not among them.
 */
export function mandatoryRefusals(kase: RequestCase, today: IsoDate): RequestRefusalCode[] {
	const found: RequestRefusalCode[] = [];
	const e = kase.election;
	const late = (k: ElectionRequestKind) => e !== null && isLate(k, e, kase.receivedAt);
	switch (kase.kind) {
		case 'change':
			if (!kase.registration?.active) found.push('change_not_registered');
			if (kase.checks.signaturePresent === false) found.push('change_no_signature');
			if (kase.checks.dataMatches === false) found.push('change_data_mismatch');
			break;
		case 'voter_pass':
			if (e?.type === 'KNI') return ['voter_pass_kni'];
			if (late('voter_pass')) found.push('voter_pass_late');
			if (!registeredFor(kase, today)) found.push('voter_pass_not_registered');
			if (kase.proxyGranted) found.push('voter_pass_proxy_granted');
			if (kase.certificateIssued) found.push('voter_pass_certificate_issued');
			break;
		case 'proxy':
			if (e?.type === 'KNI') return ['proxy_kni'];
			if (late('proxy')) found.push('proxy_late');
			if (!registeredFor(kase, today)) found.push('proxy_not_registered');
			if (kase.certificateIssued) found.push('proxy_certificate_issued');
			if (kase.voterPassGranted) found.push('proxy_voter_pass_granted');
			if (kase.checks.declarationPresent === false) found.push('proxy_declaration_missing');
			if (kase.holderProxies >= 2) found.push('proxy_holder_has_two');
			break;
		case 'temporarily_abroad':
			if (e?.type === 'KNI') return ['temporarily_abroad_kni'];
			if (late('temporarily_abroad')) found.push('temporarily_abroad_late');
			if (kase.residence && kase.residence !== NETHERLANDS && kase.residence !== BES) {
				found.push('temporarily_abroad_lives_abroad');
			}
			if (
				e?.electionDay &&
				((kase.abroadFrom && compareIsoDates(kase.abroadFrom, e.electionDay) > 0) ||
					(kase.abroadUntil && compareIsoDates(kase.abroadUntil, e.electionDay) < 0))
			) {
				found.push('temporarily_abroad_not_abroad');
			}
			// KW B 1(1), Y 3(a): 18 on election day.
			if (
				e?.electionDay &&
				kase.birthDate &&
				ageOn(kase.birthDate, e.electionDay) < TERMS.votingAge
			) {
				found.push('temporarily_abroad_not_a_voter');
			}
			break;
		case 'replacement':
			if (late('replacement')) found.push('replacement_late');
			if (!kase.certificateIssued) found.push('replacement_no_certificate');
			if (kase.checks.identityDocumentValid === false) {
				found.push('replacement_identity_document_missing');
			}
			break;
	}
	return found;
}

/** The rules' proposal for the decision form, which the decider may change. */
export type RequestProposal = { outcome: RequestOutcome; reasons: RequestRefusalCode[] };

export function proposeRequestDecision(kase: RequestCase, today: IsoDate): RequestProposal {
	const refusals = mandatoryRefusals(kase, today);
	if (refusals.length > 0) return { outcome: 'refused', reasons: refusals };
	if (kase.kind === 'change') {
		return { outcome: kase.change?.removal ? 'removed' : 'changed', reasons: [] };
	}
	return { outcome: 'granted', reasons: [] };
}

/** The decider's choice, as the decision form posts it. */
export type RequestChoice = {
	outcome: RequestOutcome;
	reasons: RequestRefusalCode[];
	/** The question put to the voter (a change, 'asked'). */
	question?: string;
};

export const REQUEST_DECISION_ERRORS = Object.freeze([
	'outcome_not_allowed',
	'reasons_required',
	'reason_not_applicable',
	'refusal_required',
	'question_required',
	'not_linked',
	'removal_mismatch',
	'nothing_to_change',
	'before_nomination_day'
] as const);
export type RequestDecisionError = (typeof REQUEST_DECISION_ERRORS)[number];

/** A decision ready to record: its refusal reasons and its notes, each with its articles. */
export type RequestPlan = {
	outcome: RequestOutcome;
	reasons: Reason[];
	notes: Reason[];
	question: string;
};

export type RequestDecisionResult =
	{ ok: true; plan: RequestPlan } | { ok: false; error: RequestDecisionError };

const MAX_QUESTION = 2000;

/**
 * Turns the decider's choice into a decision, or says why it cannot stand:
 * - a proxy is not decided before nomination day (L 11(1));
 * - only the kind's outcomes; a refusal gives at least one of the kind's reasons;
 * - no grant (or change) while a ground the facts establish forces a refusal (K 8(2), L 10,
 *   M 3(3), M 4(2), M 6b);
 * - a change needs the registration linked, matches removal with 'removed', and a question text
 *   for 'asked'.
 */
export function planRequestDecision(
	kase: RequestCase,
	choice: RequestChoice,
	today: IsoDate
): RequestDecisionResult {
	const fail = (error: RequestDecisionError): RequestDecisionResult => ({ ok: false, error });
	const { kind } = kase;
	if (kind === 'proxy' && kase.election && proxyDecisionBlocked(kase.election, today)) {
		return fail('before_nomination_day');
	}
	if (!isRequestOutcome(kind, choice.outcome)) return fail('outcome_not_allowed');

	if (choice.outcome === 'asked') {
		const question = (choice.question ?? '').trim();
		if (question === '' || question.length > MAX_QUESTION) return fail('question_required');
		return { ok: true, plan: { outcome: 'asked', reasons: [], notes: [], question } };
	}

	if (choice.outcome === 'refused') {
		if (choice.reasons.length === 0) return fail('reasons_required');
		const allowed = refusalCodesFor(kind);
		if (!choice.reasons.every((c) => allowed.includes(c))) return fail('reason_not_applicable');
		// "Too late" names the day it was due by; without an election day nothing can be late.
		const cutoff = kind !== 'change' && kase.election ? requestCutoff(kind, kase.election) : null;
		const lateCode = `${kind}_late`;
		if (choice.reasons.includes(lateCode as RequestRefusalCode) && !cutoff) {
			return fail('reason_not_applicable');
		}
		const reasons = [...new Set(choice.reasons)].map((code) =>
			code === lateCode ? refusalReason(code, { date: cutoff!.day }) : refusalReason(code)
		);
		return { ok: true, plan: { outcome: 'refused', reasons, notes: [], question: '' } };
	}

	// Granted, changed or removed.
	if (choice.reasons.length > 0) return fail('reason_not_applicable');
	if (mandatoryRefusals(kase, today).length > 0) return fail('refusal_required');
	if (kind === 'change') {
		if (!kase.registration) return fail('not_linked');
		const removal = kase.change?.removal ?? false;
		if ((choice.outcome === 'removed') !== removal) return fail('removal_mismatch');
		if (!removal && kase.change?.empty) return fail('nothing_to_change');
	}
	return {
		ok: true,
		plan: {
			outcome: choice.outcome,
			reasons: [],
			notes: notesFor(kase, choice.outcome),
			question: ''
		}
	};
}

/** What a granted request (or a change made) means for the voter, each with its articles. */
export function notesFor(kase: RequestCase, outcome: RequestOutcome): Reason[] {
	switch (kase.kind) {
		case 'change': {
			// KW D 3(3): a change after an election's 63rd day counts from the next one.
			const missed = (kase.upcoming ?? [])
				.filter((e) => {
					const cutoff = addDays(e.electionDay, -TERMS.changeDaysBefore);
					return (
						kase.receivedAt.getTime() > amsterdamInstant(cutoff, 'end-of-day').getTime() &&
						kase.receivedAt.getTime() <= amsterdamInstant(e.electionDay, 'end-of-day').getTime()
					);
				})
				.sort((a, b) => compareIsoDates(a.electionDay, b.electionDay))[0];
			if (!missed || outcome !== 'changed') return [];
			return [
				note('note_change_counts_next', {
					date: addDays(missed.electionDay, -TERMS.changeDaysBefore),
					electionDay: missed.electionDay,
					type: missed.type
				})
			];
		}
		case 'proxy':
			return [
				note('note_proxy_no_certificate'),
				note('note_proxy_holder_votes'),
				note('note_proxy_holder_told')
			];
		case 'voter_pass':
			return [note('note_voter_pass_only_with_pass'), note('note_voter_pass_not_replaced')];
		case 'temporarily_abroad':
			return [
				note('note_temporarily_abroad_no_polling_card'),
				note(
					kase.delivery?.by === 'email'
						? 'note_temporarily_abroad_ballot_email'
						: 'note_temporarily_abroad_ballot_post'
				)
			];
		case 'replacement':
			return [
				note('note_replacement_old_invalid'),
				note(
					kase.delivery?.by === 'email' ? 'note_replacement_by_email' : 'note_replacement_by_post'
				),
				...(kase.delivery?.caribbean ? [note('note_replacement_caribbean_post')] : [])
			];
	}
}

// ---------------------------------------------------------------------------
// A change applied to the registration's types

/**
 * The types a change asks for, applied on the decision day: each type asked for and not held
 * starts on that day (KW D 3(1): for a 17-year-old on the 44th day before the 18th birthday,
 * which the caller passes as `startsOn`); each type held and not asked for ends that day
 * (end cause `own_request`). A type held stays as it is.
 */
export function typeChanges(
	held: readonly HeldType[],
	asked: readonly ElectionType[],
	startsOn: IsoDate,
	today: IsoDate
): { start: { type: ElectionType; startsOn: IsoDate }[]; end: ElectionType[] } {
	const current = held.filter((t) => t.endedOn === null || compareIsoDates(t.endedOn, today) > 0);
	const has = (type: ElectionType) => current.some((t) => t.type === type);
	return {
		start: asked.filter((t) => !has(t)).map((type) => ({ type, startsOn })),
		end: current.filter((t) => !asked.includes(t.type)).map((t) => t.type)
	};
}
