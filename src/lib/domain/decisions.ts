/**
 * Decisions on an application for registration (KW D 3; KB D 6, D 9): what the office may decide,
 * the reasons it may give (each with its article), from when a registration holds, by when the
 * decision is due, and how it can be appealed (KW D 8). Every reason carries its legal basis, so
 * the notice and the voter's status page can say why.
 */
import { addDays, amsterdamDay, isIsoDate, type IsoDate } from './dates';
import { ELECTION_TYPES, decisionDueOn, type ElectionType } from './elections';
import { assessAge, availableTypes, type Reason, type RegistrationFacts } from './eligibility';
import { LAW, OTHER_LAW, TERMS, type LegalRef } from './legal';

/** The answer to an application: registered (for some types), rejected, or a question asked. */
export const DECISION_OUTCOMES = Object.freeze(['registered', 'rejected', 'asked'] as const);
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

/**
 * Why an application (or one type of it) is refused. The first seven are the eligibility rules'
 * own codes (eligibility.ts), so the voter reads the same words on the form's check and in the
 * decision; the rest arise only when the office reads the signed paper and the ID copy.
 */
export const REJECTION_CODES = Object.freeze([
	'not_dutch',
	'lives_in_netherlands',
	'lives_in_bes',
	'too_young',
	'excluded_from_voting',
	'caribbean_condition_not_met',
	'ep_declaration_not_given',
	'ep_registered_in_other_state',
	'no_signature',
	'identity_document_missing',
	'identity_document_invalid',
	'identity_document_not_dutch',
	'public_service_declaration_missing',
	'data_mismatch'
] as const);
export type RejectionCode = (typeof REJECTION_CODES)[number];

export function isRejectionCode(s: unknown): s is RejectionCode {
	return typeof s === 'string' && (REJECTION_CODES as readonly string[]).includes(s);
}

/** Why the office asks instead of deciding (MvT §7). */
export const QUESTION_CODES = Object.freeze(['already_registered'] as const);
export type QuestionCode = (typeof QUESTION_CODES)[number];

// Who the voters are, and the registration abroad, per type (as in eligibility.ts).
const VOTERS: Record<ElectionType, LegalRef[]> = {
	TK: [LAW.TK_VOTERS],
	EP: [LAW.EP_VOTERS],
	KNI: [LAW.KNI_VOTERS]
};
const REGISTER: Record<ElectionType, LegalRef[]> = {
	TK: [LAW.REGISTER_ABROAD],
	EP: [LAW.REGISTER_ABROAD, LAW.EP_REGISTER],
	KNI: [LAW.REGISTER_ABROAD, LAW.KNI_REGISTRATION]
};

const NOT_EP = (t: ElectionType) => t !== 'EP';
const EP_ONLY = (t: ElectionType) => t === 'EP';
const ANY = () => true;

type Rule = {
	/** The types the reason can refuse; others are untouched by it. */
	appliesTo: (type: ElectionType) => boolean;
	/** The articles, for one type. */
	basis: (type: ElectionType) => LegalRef[];
};

const REJECTIONS: Readonly<Record<RejectionCode, Rule>> = Object.freeze({
	// KW B 1(1), Y 3(a), Pa 2(1): only Dutch nationals; D 2: the registration is of voters.
	not_dutch: { appliesTo: ANY, basis: (t) => [...VOTERS[t], ...REGISTER[t]] },
	// KW D 2, B 4(1): only those whose actual residence is outside the Netherlands (incl. BES).
	lives_in_netherlands: {
		appliesTo: ANY,
		basis: (t) => [...REGISTER[t], LAW.RESIDENT_DEFINITION]
	},
	lives_in_bes: { appliesTo: ANY, basis: (t) => [...REGISTER[t], LAW.RESIDENT_DEFINITION] },
	// KW D 3(1): applications are processed from the age of 17.
	too_young: { appliesTo: ANY, basis: () => [LAW.REGISTRATION_ON_APPLICATION] },
	// KW B 5(1): excluded by a final judgment.
	excluded_from_voting: { appliesTo: ANY, basis: (t) => [LAW.EXCLUSION, ...REGISTER[t]] },
	// KW B 1(2), Pa 2(2): Aruba, Curaçao, Sint Maarten without ten years or public service.
	caribbean_condition_not_met: {
		appliesTo: NOT_EP,
		basis: (t) =>
			t === 'TK'
				? [LAW.TK_VOTERS, LAW.CARIBBEAN_EXCEPTION]
				: [LAW.KNI_VOTERS, LAW.KNI_CARIBBEAN_EXCEPTION]
	},
	// KW Y 6(1): a resident of another member state declares not to vote there too.
	ep_declaration_not_given: { appliesTo: EP_ONLY, basis: () => [LAW.EP_DECLARATION] },
	// KW Y 6(3): refused when that member state reports the person registered there.
	ep_registered_in_other_state: { appliesTo: EP_ONLY, basis: () => [LAW.EP_OTHER_STATE_REPORT] },
	// KW D 3(4): the application is made on the model form, which the applicant signs.
	no_signature: { appliesTo: ANY, basis: () => [LAW.APPLICATION_FORM] },
	// KB D 4(b): a copy of a valid Dutch passport or identity card (or a BES or Aruba/Curaçao/
	// Sint Maarten identity card stating Dutch nationality) is part of the registration.
	identity_document_missing: {
		appliesTo: ANY,
		basis: () => [LAW.IDENTITY_DOCUMENT_COPY, LAW.APPLICATION_FORM]
	},
	identity_document_invalid: {
		appliesTo: ANY,
		basis: () => [LAW.IDENTITY_DOCUMENT_COPY, LAW.APPLICATION_FORM]
	},
	identity_document_not_dutch: {
		appliesTo: ANY,
		basis: () => [LAW.IDENTITY_DOCUMENT_COPY, LAW.APPLICATION_FORM]
	},
	// KB D 4(c): the declaration of Dutch public service, where that is the ground (B 1(2)(b)).
	public_service_declaration_missing: {
		appliesTo: NOT_EP,
		basis: (t) => [
			LAW.PUBLIC_SERVICE_DECLARATION,
			t === 'TK' ? LAW.CARIBBEAN_PUBLIC_SERVICE : LAW.KNI_CARIBBEAN_PUBLIC_SERVICE
		]
	},
	// KB D 6: the data on the application must match what is known of the applicant.
	data_mismatch: { appliesTo: ANY, basis: () => [LAW.DATA_CHECK] }
});

const uniqueRefs = (refs: LegalRef[]): LegalRef[] => [
	...new Map(refs.map((r) => [r.code, r])).values()
];

/** True when `code` can refuse `type` (the Aruba condition cannot refuse the EP, KW Y 3(a)). */
export function rejectionApplies(code: RejectionCode, type: ElectionType): boolean {
	return REJECTIONS[code].appliesTo(type);
}

/**
 * A rejection reason for the types it refuses, with the articles of each. Throws when the code
 * applies to none of them: a caller that passes such a pair has a bug.
 */
export function rejectionReason(code: RejectionCode, types: readonly ElectionType[]): Reason {
	const rule = REJECTIONS[code];
	const applicable = ELECTION_TYPES.filter((t) => types.includes(t) && rule.appliesTo(t));
	if (applicable.length === 0) throw new RangeError(`${code} refuses none of ${types.join(',')}`);
	return {
		code,
		basis: uniqueRefs(applicable.flatMap((t) => rule.basis(t))),
		params: { types: applicable.join(',') }
	};
}

/** MvT §7: already registered, so the office asks whether a change was meant (KW D 3(3)). */
export function questionReason(code: QuestionCode): Reason {
	return { code, basis: [OTHER_LAW.ALREADY_REGISTERED_ASKED, LAW.CHANGE_CUTOFF] };
}

// ---------------------------------------------------------------------------
// Terms

/**
 * KB D 9: decided at the latest on the 7th day after receipt, the day of receipt being Den Haag's
 * calendar day at the moment of receipt (an upload at 00:30 in Den Haag counts for that day).
 */
export function applicationDueOn(receivedAt: Date): IsoDate {
	return decisionDueOn(amsterdamDay(receivedAt));
}

/**
 * KW D 3(1): a registration takes effect with the decision, or for a 17-year-old on the 44th day
 * before the 18th birthday; the same day for every type. Null when no registration can follow
 * (under 17, or a date of birth in the future).
 */
export function registrationStartsOn(dateOfBirth: IsoDate, decisionDay: IsoDate): IsoDate | null {
	return assessAge(dateOfBirth, decisionDay).startsOn;
}

// ---------------------------------------------------------------------------
// The appeal route (KW D 8)

export const APPEAL_POINTS = Object.freeze([
	'council_of_state',
	'term',
	'how',
	'court_fee',
	'fast_track',
	'no_interim_relief'
] as const);
export type AppealPoint = (typeof APPEAL_POINTS)[number];

export type AppealRoute = {
	/** The last day an appeal is lodged in time. */
	appealBy: IsoDate;
	termWeeks: number;
	/** What the notice says, in this order; each point is a message `appeal_<code>`. */
	points: Reason[];
};

/**
 * Every decision under chapter D can be appealed directly to the Afdeling bestuursrechtspraak
 * van de Raad van State, without an objection (bezwaar) first; the Division hears it fast-track
 * (Awb afdeling 8.2.3, KW D 8(3)); no interim relief (Awb titel 8.3 does not apply, D 8(1)); the
 * court fee is due within two weeks (D 8(2)). The term is the Awb's six weeks (6:7), counted from
 * the day after the notice (6:8(1)): the last day is the notice's day plus the term.
 */
export function appealRoute(
	noticeDay: IsoDate,
	termWeeks: number = TERMS.appealTermWeeks
): AppealRoute {
	if (!isIsoDate(noticeDay)) throw new RangeError(`invalid notice day: ${noticeDay}`);
	if (!Number.isInteger(termWeeks) || termWeeks < 1) {
		throw new RangeError(`invalid appeal term: ${termWeeks}`);
	}
	const appealBy = addDays(noticeDay, termWeeks * 7);
	const point = (code: AppealPoint, basis: LegalRef[], params?: Record<string, string>) =>
		params === undefined ? { code, basis } : { code, basis, params };
	return {
		appealBy,
		termWeeks,
		points: [
			point('council_of_state', [LAW.APPEAL]),
			point('term', [OTHER_LAW.APPEAL_TERM, OTHER_LAW.APPEAL_TERM_START], {
				appealBy,
				weeks: String(termWeeks)
			}),
			point('how', [OTHER_LAW.APPEAL_CONTENTS]),
			point('court_fee', [LAW.APPEAL_COURT_FEE]),
			point('fast_track', [LAW.APPEAL_FAST_TRACK]),
			point('no_interim_relief', [LAW.APPEAL_NO_INTERIM_RELIEF])
		]
	};
}

// ---------------------------------------------------------------------------
// Deciding

/** What the clerk checked on the paper (KB D 6); unset means not yet checked. */
export type IntakeChecks = {
	signaturePresent?: boolean;
	identityDocumentValid?: boolean;
	showsDutchNationality?: boolean;
	dataMatches?: boolean;
	/** A proxy: the holder's signed declaration of willingness is enclosed (KW L 8(3)). */
	declarationPresent?: boolean;
};

/** What the office knows when it decides an application for registration. */
export type ApplicationCase = {
	/** The facts stated on the form (a date of birth is required to register, KB D 4(a)). */
	facts: RegistrationFacts;
	/** The types applied for. */
	appliedFor: readonly ElectionType[];
	/** The person already has an active registration (MvT §7). */
	alreadyRegistered: boolean;
	checks: IntakeChecks;
};

/** The decider's choice, as posted by the decision form. */
export type DecisionChoice =
	| { outcome: 'registered'; types: ElectionType[]; refusals: RejectionCode[] }
	| { outcome: 'rejected'; reasons: RejectionCode[] }
	| { outcome: 'asked'; question: string; reasons: QuestionCode[] };

/** A decision ready to record: the types with their start day, and every reason with its basis. */
export type DecisionPlan = {
	outcome: DecisionOutcome;
	/** Registered types and the day each takes effect (KW D 3(1)). */
	types: Partial<Record<ElectionType, IsoDate>>;
	/** Applied-for types refused by this decision. */
	refused: ElectionType[];
	/** Grounds for the registered types, then the reasons for every refusal. */
	reasons: Reason[];
	/** The question put to the voter ('asked' only). */
	question: string;
};

export const DECISION_ERRORS = Object.freeze([
	'types_required',
	'type_not_applied_for',
	'type_not_eligible',
	'no_date_of_birth',
	'reasons_required',
	'reason_not_applicable',
	'question_required',
	'already_registered'
] as const);
export type DecisionError = (typeof DECISION_ERRORS)[number];

export type DecisionResult = { ok: true; plan: DecisionPlan } | { ok: false; error: DecisionError };

const MAX_QUESTION = 2000;

/**
 * Turns the decider's choice into a decision, or says why it cannot stand:
 * - register only types applied for, that the rules allow on the stated facts, with a start day
 *   (KW D 3(1)); every applied-for type left out is refused, with a reason that applies to it;
 * - never register someone already registered: MvT §7 asks first (the choice must be 'asked');
 * - a rejection gives at least one reason, each applying to a type applied for;
 * - a question has text.
 */
export function planDecision(
	app: ApplicationCase,
	choice: DecisionChoice,
	decisionDay: IsoDate
): DecisionResult {
	const fail = (error: DecisionError): DecisionResult => ({ ok: false, error });
	const applied = ELECTION_TYPES.filter((t) => app.appliedFor.includes(t));

	if (choice.outcome === 'asked') {
		const question = choice.question.trim();
		if (question === '' || question.length > MAX_QUESTION) return fail('question_required');
		return {
			ok: true,
			plan: {
				outcome: 'asked',
				types: {},
				refused: [],
				reasons: choice.reasons.map(questionReason),
				question
			}
		};
	}

	if (choice.outcome === 'rejected') {
		if (choice.reasons.length === 0) return fail('reasons_required');
		if (!choice.reasons.every((code) => applied.some((t) => rejectionApplies(code, t)))) {
			return fail('reason_not_applicable');
		}
		return {
			ok: true,
			plan: {
				outcome: 'rejected',
				types: {},
				refused: applied,
				reasons: choice.reasons.map((code) => rejectionReason(code, applied)),
				question: ''
			}
		};
	}

	if (app.alreadyRegistered) return fail('already_registered');
	const chosen = ELECTION_TYPES.filter((t) => choice.types.includes(t));
	if (chosen.length === 0) return fail('types_required');
	if (chosen.some((t) => !applied.includes(t))) return fail('type_not_applied_for');
	if (app.facts.dateOfBirth === undefined) return fail('no_date_of_birth');
	const startsOn = registrationStartsOn(app.facts.dateOfBirth, decisionDay);
	if (startsOn === null) return fail('type_not_eligible');
	const available = availableTypes(app.facts, decisionDay);
	// A type still waiting for the EP declaration (KW Y 6(1)) is not registrable either.
	if (chosen.some((t) => !available[t].eligible || available[t].needsDeclaration)) {
		return fail('type_not_eligible');
	}
	const refused = applied.filter((t) => !chosen.includes(t));
	if (refused.length > 0 && choice.refusals.length === 0) return fail('reasons_required');
	if (!choice.refusals.every((code) => refused.some((t) => rejectionApplies(code, t)))) {
		return fail('reason_not_applicable');
	}
	const grounds = dedupe(chosen.flatMap((t) => available[t].reasons));
	return {
		ok: true,
		plan: {
			outcome: 'registered',
			types: Object.fromEntries(chosen.map((t) => [t, startsOn])),
			refused,
			reasons: [...grounds, ...choice.refusals.map((code) => rejectionReason(code, refused))],
			question: ''
		}
	};
}

function dedupe(reasons: Reason[]): Reason[] {
	const seen = new Set<string>();
	return reasons.filter((r) => (seen.has(r.code) ? false : (seen.add(r.code), true)));
}

/** What the office's decision form starts from: the rules' proposal, which the decider may change. */
export type Proposal =
	| { outcome: 'registered'; types: ElectionType[]; refusals: RejectionCode[] }
	| { outcome: 'rejected'; reasons: RejectionCode[] }
	| { outcome: 'asked'; reasons: QuestionCode[] };

// Failed checks on the paper, in the order a notice lists them (KW D 3(4); KB D 4(b), D 6).
const CHECK_REASONS: [keyof IntakeChecks, RejectionCode][] = [
	['signaturePresent', 'no_signature'],
	['identityDocumentValid', 'identity_document_invalid'],
	['showsDutchNationality', 'identity_document_not_dutch'],
	['dataMatches', 'data_mismatch']
];

/**
 * The rules' proposal for an application:
 * 1. already registered → ask whether a change was meant (MvT §7);
 * 2. a check the clerk recorded as failed → reject with that reason;
 * 3. no applied-for type allowed on the stated facts → reject with the rules' own reasons;
 * 4. otherwise register the allowed types, refusing the others with the rules' reasons.
 */
export function proposeDecision(app: ApplicationCase, decisionDay: IsoDate): Proposal {
	if (app.alreadyRegistered) return { outcome: 'asked', reasons: ['already_registered'] };
	const failed = CHECK_REASONS.filter(([check]) => app.checks[check] === false).map(([, c]) => c);
	if (failed.length > 0) return { outcome: 'rejected', reasons: failed };

	const applied = ELECTION_TYPES.filter((t) => app.appliedFor.includes(t));
	const age = app.facts.dateOfBirth ? assessAge(app.facts.dateOfBirth, decisionDay) : null;
	const available = availableTypes(app.facts, decisionDay);
	const allowed = applied.filter(
		(t) => available[t].eligible && !available[t].needsDeclaration && age?.startsOn
	);
	// A type waiting for the EP declaration (KW Y 6(1)) is refused for the want of it.
	const codesOf = (t: ElectionType): string[] =>
		available[t].needsDeclaration
			? ['ep_declaration_not_given']
			: available[t].reasons.map((r) => r.code);
	const obstacles = (types: ElectionType[]): RejectionCode[] => [
		...new Set(types.flatMap(codesOf).filter(isRejectionCode))
	];
	const refused = applied.filter((t) => !allowed.includes(t));
	if (allowed.length === 0) {
		const reasons = obstacles(refused);
		// No rule reason (no type, no date of birth, a missing EP declaration): the data is wanting.
		return { outcome: 'rejected', reasons: reasons.length > 0 ? reasons : ['data_mismatch'] };
	}
	// Age is the person's, not the type's: a type refused next to an allowed one always has a
	// rule's reason (nationality, residence, the Aruba condition, the EP declaration).
	return { outcome: 'registered', types: allowed, refusals: obstacles(refused) };
}
