/**
 * The answer to a status request (KW D 5): whether someone is registered, for which election
 * types and from when; if not, the reasons the office owes by the 7th day after the request
 * (KB D 8, due as `statusReasonsDueOn` in elections.ts says), each with its article.
 */
import { compareIsoDates, isIsoDate, type IsoDate } from './dates';
import type { ElectionType } from './elections';
import { kw, LAW, type LegalRef } from './legal';
import type { Reason } from './eligibility';

/** One election type a registration holds (a row of `registration_types`). */
export type HeldType = { type: ElectionType; startsOn: IsoDate; endedOn: IsoDate | null };

export type Standing = {
	registered: boolean;
	/** The types registered for, in the order given, each from its start (which may lie ahead). */
	types: { type: ElectionType; since: IsoDate; future: boolean }[];
	basis: LegalRef[];
};

/**
 * Registered for a type while it has not ended: `endedOn` is the first day without it. A start in
 * the future still counts (KW D 3(1): a 17-year-old is registered from the 44th day before the
 * 18th birthday, and the answer says from when).
 */
export function standing(types: readonly HeldType[], today: IsoDate): Standing {
	const held = types
		.filter((t) => t.endedOn === null || compareIsoDates(t.endedOn, today) > 0)
		.map((t) => ({
			type: t.type,
			since: t.startsOn,
			future: compareIsoDates(t.startsOn, today) > 0
		}));
	return {
		registered: held.length > 0,
		types: held,
		basis: [LAW.STATUS_REQUEST, LAW.REGISTER_ABROAD]
	};
}

/** Past its due day: the office is late with the reasons (KB D 8). */
export function isOverdue(dueOn: IsoDate, today: IsoDate): boolean {
	return compareIsoDates(today, dueOn) > 0;
}

/** Why a registration ended, with the article that ends it. */
export const REGISTRATION_END_CAUSES = Object.freeze({
	// KW D 2: only people whose actual residence is outside the Netherlands; D 6(3): removal.
	moved_to_netherlands: [LAW.REGISTER_ABROAD, kw('D 6', 3)],
	// KW B 1(1): Dutch nationality; D 6(3).
	lost_nationality: [LAW.TK_VOTERS, kw('D 6', 3)],
	// KW B 5(1): excluded from the franchise by a court; D 6(3).
	excluded_from_voting: [LAW.EXCLUSION, kw('D 6', 3)],
	// KW B 1(2), Pa 2(2): Aruba, Curaçao, Sint Maarten without ten years' residence or public service.
	caribbean_condition_not_met: [LAW.CARIBBEAN_EXCEPTION, LAW.KNI_CARIBBEAN_EXCEPTION, kw('D 6', 3)],
	// KW Y 6(3): another member state reports the voter registered there (EP).
	other_member_state: [LAW.EP_OTHER_STATE_REPORT],
	// On the voter's own application to change the registration (KW D 3(3), D 6(1)).
	own_request: [LAW.CHANGE_CUTOFF]
} satisfies Record<string, LegalRef[]>);

export type RegistrationEndCause = keyof typeof REGISTRATION_END_CAUSES;
export const REGISTRATION_END_CAUSE_CODES = Object.freeze(
	Object.keys(REGISTRATION_END_CAUSES) as RegistrationEndCause[]
);

export function isRegistrationEndCause(s: unknown): s is RegistrationEndCause {
	return typeof s === 'string' && Object.hasOwn(REGISTRATION_END_CAUSES, s);
}

/** The reasons a decider can give when a status request finds nobody registered (KB D 8). */
export const NOT_REGISTERED_REASON_CODES = Object.freeze([
	'no_application',
	'application_rejected',
	'registration_ended'
] as const);

export type NotRegisteredReasonCode = (typeof NOT_REGISTERED_REASON_CODES)[number];

export function isNotRegisteredReasonCode(s: unknown): s is NotRegisteredReasonCode {
	return typeof s === 'string' && (NOT_REGISTERED_REASON_CODES as readonly string[]).includes(s);
}

export type NotRegisteredInput =
	| { code: 'no_application' }
	| { code: 'application_rejected'; date: IsoDate }
	| { code: 'registration_ended'; date: IsoDate; cause: RegistrationEndCause };

/** Every reason code `notRegisteredReason` can give; each has a message `reason_<code>`. */
export const STATUS_REASON_CODES = Object.freeze([
	'status_no_application',
	'status_application_rejected',
	...REGISTRATION_END_CAUSE_CODES.map((cause) => `status_ended_${cause}`)
]);

/**
 * The reason for "not registered", with its basis, as a decision stores it: the code names the
 * message (`reason_<code>`), the parameter the day it mentions. One code per cause of an end, so
 * the notice reads whole in every language. Throws on a date that is not a real day or lies after
 * `today`: the office cannot state a future event as a reason.
 */
export function notRegisteredReason(input: NotRegisteredInput, today: IsoDate): Reason {
	const base: LegalRef[] = [LAW.STATUS_REQUEST, LAW.STATUS_REASONS_TERM];
	if (input.code === 'no_application') {
		// KW D 3(1): registration happens on application only.
		return {
			code: 'status_no_application',
			basis: [LAW.REGISTRATION_ON_APPLICATION, ...base]
		};
	}
	if (!isIsoDate(input.date) || compareIsoDates(input.date, today) > 0) {
		throw new RangeError(`not a past date: ${input.date}`);
	}
	if (input.code === 'application_rejected') {
		// KB D 9: the application was decided, and the rejection stated its reasons then.
		return {
			code: 'status_application_rejected',
			basis: [LAW.REGISTRATION_ON_APPLICATION, LAW.DECISION_TERM, ...base],
			params: { date: input.date }
		};
	}
	if (!isRegistrationEndCause(input.cause)) throw new RangeError(`unknown cause: ${input.cause}`);
	return {
		code: `status_ended_${input.cause}`,
		basis: [...REGISTRATION_END_CAUSES[input.cause], ...base],
		params: { date: input.date }
	};
}
