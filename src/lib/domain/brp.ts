/**
 * Population-register (BRP, basisregistratie personen) changes: what one change reported by the
 * BRP means for a registration of a voter abroad. Den Haag processes these ex officio (KW D 6(2))
 * and removes whoever no longer qualifies (D 6(3)); each applied change is a decision (D 7(2))
 * notified without delay (KB D 10), by e-mail where possible (MvT §3.3), never after death
 * (MvT §3.4).
 *
 * Two steps, both pure: `readBrpRow` checks one row of an import file and turns it into a
 * `BrpChange`; `decideBrpChange` decides what the change does to a registration's current state,
 * and `applyBrpDecision` gives the state afterwards (so several changes for one person in one
 * batch are decided one after the other, and re-applying a change finds nothing left to do).
 */
import { CARIBBEAN_COUNTRIES, classifyResidence, isCountryCode } from './countries';
import { compareIsoDates, isIsoDate, type IsoDate } from './dates';
import type { ElectionType } from './elections';
import type { Reason } from './eligibility';
import { LAW, mvt, type LegalRef } from './legal';

// ---------------------------------------------------------------------------
// The changes

/** The kinds of change the import accepts (docs/brp-import.md). */
export const BRP_CHANGE_KINDS = Object.freeze([
	// Settled in the Netherlands, incl. Bonaire, Sint Eustatius and Saba (KW B 4(1), D 2).
	'settled_in_netherlands',
	// No longer a Dutch national (KW B 1(1), Y 3(a), Pa 2(1)).
	'lost_nationality',
	'died',
	// A new residential address outside the Netherlands.
	'new_address',
	// A new residential address in Aruba, Curaçao or Sint Maarten (KW B 1(2), Pa 2(2)).
	'moved_to_caribbean',
	// Excluded from the franchise by a final judgment (KW B 5).
	'excluded_from_voting'
] as const);

export type BrpChangeKind = (typeof BRP_CHANGE_KINDS)[number];

export function isBrpChangeKind(s: unknown): s is BrpChangeKind {
	return typeof s === 'string' && (BRP_CHANGE_KINDS as readonly string[]).includes(s);
}

/** A postal address: free lines plus an ISO 3166-1 alpha-2 country code. */
export type BrpAddress = { lines: string[]; country: string };

/** One change as the BRP reports it, checked (see `readBrpRow`). */
export type BrpChange = {
	kind: BrpChangeKind;
	/** The day the change took effect in the BRP. */
	effectiveOn: IsoDate;
	/**
	 * new_address, moved_to_caribbean: the new residential address. settled_in_netherlands: the
	 * address in the Netherlands (country NL or BQ, lines optional). Absent for the other kinds.
	 */
	address?: BrpAddress;
	/**
	 * moved_to_caribbean (or a new address there): whether the BRP knows of at least ten years'
	 * prior residence in the Netherlands (KW B 1(2)(a), Pa 2(2)(a)); undefined when it does not say.
	 */
	tenYears?: boolean;
};

// ---------------------------------------------------------------------------
// Reading one row of an import file

/** The columns of an import row (CSV header or JSON keys), in documentation order. */
export const BRP_COLUMNS = Object.freeze([
	'bsn',
	'change',
	'effective_date',
	'country',
	'address_line_1',
	'address_line_2',
	'address_line_3',
	'ten_years'
] as const);

export type BrpColumn = (typeof BRP_COLUMNS)[number];

/** A row as parsed: strings (CSV cells, JSON strings), booleans or null (JSON), or absent. */
export type BrpRawRow = Partial<Record<BrpColumn, string | boolean | null>>;

/** Why a field of a row is refused; the office page shows `office_brp_error_<code>`. */
export const BRP_ROW_ERROR_CODES = Object.freeze([
	'required',
	'not_text',
	'bsn_invalid',
	'change_unknown',
	'date_invalid',
	'date_in_future',
	'country_invalid',
	'country_not_netherlands',
	'country_not_caribbean',
	'country_in_netherlands',
	'not_allowed',
	'too_long',
	'characters',
	'ten_years_invalid'
] as const);

export type BrpRowErrorCode = (typeof BRP_ROW_ERROR_CODES)[number];

export type BrpFieldError = { field: BrpColumn; code: BrpRowErrorCode };

export type BrpRow = { bsn: string; change: BrpChange };

/** Address lines as the registration stores them (KB D 4(a)); longer lines are a broken export. */
export const BRP_ADDRESS_LINE_MAX = 100;
// Letters of any script the letters can print, digits and the punctuation addresses use; never
// markup, control or invisible format characters (a right-to-left override reads differently).
const ADDRESS_LINE =
	/^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{M}\p{N} .,'’"“”„\-/#()&:;°ºª+]*$/u;

/**
 * The burgerservicenummer: nine digits passing the "elfproef" (9·d1 + 8·d2 + … + 2·d8 − d9 is a
 * multiple of 11, and not all zeros). Catches a mistyped or shifted digit before any lookup.
 */
export function isBsn(s: unknown): s is string {
	if (typeof s !== 'string' || !/^\d{9}$/.test(s) || s === '000000000') return false;
	let sum = 0;
	for (let i = 0; i < 8; i++) sum += (9 - i) * Number(s[i]);
	sum -= Number(s[8]);
	return sum % 11 === 0;
}

const ADDRESS_KINDS: readonly BrpChangeKind[] = ['new_address', 'moved_to_caribbean'];
/** The kinds that say where someone lives: a later one supersedes an earlier one. */
const RESIDENCE_KINDS: readonly BrpChangeKind[] = [...ADDRESS_KINDS, 'settled_in_netherlands'];

/**
 * Checks one row strictly and turns it into a change. Every field is checked and every problem
 * listed (a shifted column shows as several), so the office can fix the file in one go. Fields a
 * kind does not use must be empty: a value there means the export is not what it seems.
 * `today` is the day of the import in Den Haag: a change cannot take effect after it.
 */
export function readBrpRow(
	raw: BrpRawRow,
	today: IsoDate
): { ok: true; row: BrpRow } | { ok: false; errors: BrpFieldError[] } {
	const errors: BrpFieldError[] = [];
	const fail = (field: BrpColumn, code: BrpRowErrorCode) => errors.push({ field, code });

	// Every field but ten_years is text; empty text and null both mean "not given".
	const str = (field: Exclude<BrpColumn, 'ten_years'>): string | undefined => {
		const v = raw[field];
		if (v === undefined || v === null) return undefined;
		if (typeof v !== 'string') {
			fail(field, 'not_text');
			return undefined;
		}
		const trimmed = v.trim().replace(/\s+/g, ' ');
		return trimmed === '' ? undefined : trimmed;
	};

	const bsn = str('bsn');
	if (bsn === undefined) {
		if (!errors.some((e) => e.field === 'bsn')) fail('bsn', 'required');
	} else if (!isBsn(bsn)) fail('bsn', 'bsn_invalid');

	const kindText = str('change');
	let kind: BrpChangeKind | undefined;
	if (kindText === undefined) {
		if (!errors.some((e) => e.field === 'change')) fail('change', 'required');
	} else if (isBrpChangeKind(kindText)) kind = kindText;
	else fail('change', 'change_unknown');

	const effectiveOn = str('effective_date');
	if (effectiveOn === undefined) {
		if (!errors.some((e) => e.field === 'effective_date')) fail('effective_date', 'required');
	} else if (!isIsoDate(effectiveOn)) fail('effective_date', 'date_invalid');
	else if (compareIsoDates(effectiveOn, today) > 0) fail('effective_date', 'date_in_future');

	const country = str('country');
	const lineFields = ['address_line_1', 'address_line_2', 'address_line_3'] as const;
	const lines = lineFields.map((field) => {
		const line = str(field);
		if (line !== undefined) {
			if (line.length > BRP_ADDRESS_LINE_MAX) fail(field, 'too_long');
			else if (!ADDRESS_LINE.test(line)) fail(field, 'characters');
		}
		return line;
	});

	const tenYearsRaw = raw.ten_years;
	let tenYears: boolean | undefined;
	if (tenYearsRaw === true || tenYearsRaw === 'true') tenYears = true;
	else if (tenYearsRaw === false || tenYearsRaw === 'false') tenYears = false;
	else if (
		tenYearsRaw !== undefined &&
		tenYearsRaw !== null &&
		!(typeof tenYearsRaw === 'string' && tenYearsRaw.trim() === '')
	) {
		fail('ten_years', 'ten_years_invalid');
	}

	// What each kind asks for, and what it must leave empty.
	if (kind !== undefined) {
		const wantsAddress = ADDRESS_KINDS.includes(kind);
		const wantsCountry = wantsAddress || kind === 'settled_in_netherlands';
		if (wantsCountry) {
			if (country === undefined) {
				if (!errors.some((e) => e.field === 'country')) fail('country', 'required');
			} else if (!isCountryCode(country)) fail('country', 'country_invalid');
			else {
				const where = classifyResidence(country);
				const inNetherlands = where === 'netherlands' || where === 'bes';
				if (kind === 'settled_in_netherlands' && !inNetherlands) {
					fail('country', 'country_not_netherlands');
				}
				if (kind === 'moved_to_caribbean' && where !== 'caribbean') {
					fail('country', 'country_not_caribbean');
				}
				if (kind === 'new_address' && inNetherlands) fail('country', 'country_in_netherlands');
			}
		} else if (country !== undefined) fail('country', 'not_allowed');

		if (wantsAddress && lines[0] === undefined && !errors.some((e) => e.field === lineFields[0])) {
			fail('address_line_1', 'required');
		}
		if (!wantsCountry) {
			lineFields.forEach((field, i) => {
				if (lines[i] !== undefined) fail(field, 'not_allowed');
			});
		}
		// Ten years only matters for a new address (in Aruba, Curaçao or Sint Maarten).
		if (!wantsAddress && tenYears !== undefined) fail('ten_years', 'not_allowed');
	}

	if (errors.length > 0 || kind === undefined) {
		return { ok: false, errors };
	}
	const change: BrpChange = { kind, effectiveOn: effectiveOn as IsoDate };
	if (country !== undefined) {
		change.address = { lines: lines.filter((l): l is string => l !== undefined), country };
	}
	if (tenYears !== undefined) change.tenYears = tenYears;
	return { ok: true, row: { bsn: bsn as string, change } };
}

// ---------------------------------------------------------------------------
// Deciding

/** One election type of a registration: from when, and until when (null: not ended). */
export type RegisteredType = { type: ElectionType; startsOn: IsoDate; endedOn: IsoDate | null };

/** What the rules need to know of a registration. */
export type BrpRegistrationState = {
	status: 'active' | 'removed';
	types: readonly RegisteredType[];
	residentialAddress: BrpAddress;
	hasCorrespondenceAddress: boolean;
	/** Reachable by e-mail (KB D 4(a) e-mail address on record; MvT §3.3). */
	hasEmail: boolean;
	/**
	 * Known to meet the Aruba/Curaçao/Sint Maarten condition: ten years' prior residence in the
	 * Netherlands or Dutch public service there (KW B 1(2), Pa 2(2)).
	 */
	caribbeanConditionMet: boolean;
	deceased: boolean;
	/** The effective date of the last BRP change applied; an older change of residence is stale. */
	lastBrpChangeOn: IsoDate | null;
};

export const BRP_SKIP_CODES = Object.freeze([
	'brp_not_registered',
	'brp_already_removed',
	'brp_superseded',
	'brp_no_change'
] as const);

export type BrpSkipCode = (typeof BRP_SKIP_CODES)[number];

/** Reasons a decision gives (to the voter, in the notice); messages `reason_<code>`. */
export const BRP_REASON_CODES = Object.freeze([
	'brp_settled_in_netherlands',
	'brp_settled_in_bes',
	'brp_lost_nationality',
	'brp_died',
	'brp_excluded_from_voting',
	'brp_new_address',
	'brp_moved_to_caribbean',
	'brp_caribbean_types_ended',
	'brp_caribbean_ten_years',
	'brp_caribbean_condition_on_record',
	'brp_ep_kept',
	'brp_papers_to_correspondence_address',
	'brp_papers_to_residential_address'
] as const);

export type BrpReasonCode = (typeof BRP_REASON_CODES)[number];

export type BrpOutcome = 'removed' | 'types_ended' | 'changed';

/** How the decision is made known: e-mail, a letter to an address on record, or not at all. */
export type BrpNotice = {
	channel: 'email' | 'letter' | 'none';
	/** For a letter: the correspondence address if registered, else the residential address. */
	letterTo: 'correspondence_address' | 'residential_address' | null;
	basis: LegalRef[];
};

export type BrpDecision =
	| { action: 'skip'; reason: Reason & { code: BrpSkipCode } }
	| {
			action: 'apply';
			outcome: BrpOutcome;
			effectiveOn: IsoDate;
			/** The types that end, with `endReason` as the stored reason. */
			endTypes: ElectionType[];
			endReason: BrpReasonCode | null;
			/** The new residential address, when the change brings one. */
			residentialAddress: BrpAddress | null;
			deceasedOn: IsoDate | null;
			/** The Aruba/Curaçao/Sint Maarten condition became known through this change. */
			caribbeanConditionMet: boolean;
			/** Where voting papers go from now on (KW M 1(1), MvT §3.5); null once removed. */
			papersTo: 'correspondence_address' | 'residential_address' | null;
			notice: BrpNotice;
			reasons: Reason[];
	  };

function reason(code: BrpReasonCode, basis: LegalRef[], params?: Record<string, string>): Reason {
	return params === undefined ? { code, basis } : { code, basis, params };
}

function skip(code: BrpSkipCode, basis: LegalRef[]): BrpDecision {
	return { action: 'skip', reason: { code, basis } };
}

// Who the voters are per type (nationality, exclusion), and the registration per type.
const VOTERS: Record<ElectionType, LegalRef> = {
	TK: LAW.TK_VOTERS,
	EP: LAW.EP_VOTERS,
	KNI: LAW.KNI_VOTERS
};

const openTypes = (state: BrpRegistrationState) =>
	state.types.filter((t) => t.endedOn === null).map((t) => t.type);

const sameAddress = (a: BrpAddress, b: BrpAddress) =>
	a.country === b.country &&
	a.lines.length === b.lines.length &&
	a.lines.every((line, i) => line === b.lines[i]);

// The MvT on notices: by e-mail where the person can be reached so, only otherwise by post
// (§3.3); a removal is made known "behalve bij overlijden", except on death (§3.4).
const BY_EMAIL_FIRST = mvt('3.3');
const NOT_AFTER_DEATH = mvt('3.4');
// Where a correspondence address is registered, a new residential address does not change where
// the voting papers go (§3.5).
const CORRESPONDENCE_WINS = mvt('3.5');

/** KW D 7(2), KB D 10: by e-mail where reachable so, else by post (MvT §3.3); never after death. */
function notice(state: BrpRegistrationState, died: boolean): BrpNotice {
	const basis = [LAW.EX_OFFICIO_DECISION, LAW.EX_OFFICIO_NOTICE];
	if (died) return { channel: 'none', letterTo: null, basis: [...basis, NOT_AFTER_DEATH] };
	if (state.hasEmail)
		return { channel: 'email', letterTo: null, basis: [...basis, BY_EMAIL_FIRST] };
	return {
		channel: 'letter',
		letterTo: state.hasCorrespondenceAddress ? 'correspondence_address' : 'residential_address',
		basis: [...basis, BY_EMAIL_FIRST]
	};
}

/** Where the papers go once the registration holds: the correspondence address wins (MvT §3.5). */
function papers(state: BrpRegistrationState): Reason {
	return state.hasCorrespondenceAddress
		? reason('brp_papers_to_correspondence_address', [
				LAW.REGISTRATION_DATA,
				LAW.POSTAL_VOTE_ABROAD,
				CORRESPONDENCE_WINS
			])
		: reason('brp_papers_to_residential_address', [LAW.REGISTRATION_DATA, LAW.POSTAL_VOTE_ABROAD]);
}

/**
 * What one BRP change does to a registration (`state` null: nobody registered has this BSN).
 *
 * - Nobody registered, or already removed: skipped, with the reason (not an error).
 * - A change of residence (settled in the Netherlands, a new address) older than the last one
 *   applied to this registration: skipped (superseded), so an old file imported again never puts
 *   back an old address or removes someone who has since moved abroad again. Death, loss of
 *   nationality and exclusion do not depend on where someone lives: they always apply.
 * - Settled in the Netherlands (incl. Bonaire, Sint Eustatius, Saba), lost Dutch nationality,
 *   excluded from voting, died: removed from every type (KW D 6(3) with D 2, B 4(1), B 1(1),
 *   Y 3(a), Pa 2(1), B 5(1)); no notice after death (KB D 10, MvT §3.4).
 * - New address abroad: the residential address is updated (D 6(2)); where a correspondence
 *   address is registered the papers keep going there (MvT §3.5). The same address again is
 *   no change.
 * - A move into Aruba, Curaçao or Sint Maarten: TK and KNI end, EP stays (B 1(1), Pa 2(1); Y 3(a),
 *   Y 5a), unless ten years' residence or public service is known (B 1(2), Pa 2(2)); with no
 *   type left the registration is removed.
 */
export function decideBrpChange(
	state: BrpRegistrationState | null,
	change: BrpChange
): BrpDecision {
	if (state === null) return skip('brp_not_registered', [LAW.REGISTER_ABROAD, LAW.BRP_CHANGES]);
	const open = openTypes(state);
	if (state.status === 'removed' || state.deceased || open.length === 0) {
		return skip('brp_already_removed', [LAW.EX_OFFICIO_REMOVAL]);
	}
	if (
		RESIDENCE_KINDS.includes(change.kind) &&
		state.lastBrpChangeOn !== null &&
		compareIsoDates(change.effectiveOn, state.lastBrpChangeOn) < 0
	) {
		return skip('brp_superseded', [LAW.BRP_CHANGES]);
	}
	const params = { effectiveOn: change.effectiveOn };
	const removal = (code: BrpReasonCode, basis: LegalRef[], extra?: Record<string, string>) => ({
		action: 'apply' as const,
		outcome: 'removed' as const,
		effectiveOn: change.effectiveOn,
		endTypes: open,
		endReason: code,
		residentialAddress: null,
		deceasedOn: null,
		caribbeanConditionMet: false,
		papersTo: null,
		notice: notice(state, false),
		reasons: [
			reason(code, [LAW.EX_OFFICIO_REMOVAL, LAW.BRP_CHANGES, ...basis], { ...params, ...extra })
		]
	});

	switch (change.kind) {
		case 'settled_in_netherlands': {
			const address = requireAddress(change, 'settled_in_netherlands');
			const where = classifyResidence(address.country);
			if (where !== 'netherlands' && where !== 'bes') {
				throw new RangeError(`settled_in_netherlands needs NL or BQ, not ${address.country}`);
			}
			// KW D 2, B 4(1): the registration is of people living outside the Netherlands;
			// Bonaire, Sint Eustatius and Saba are inside. The address in the Netherlands is kept
			// (D 6(2)) when given, so a letter can reach the person there.
			const decision = removal(
				where === 'bes' ? 'brp_settled_in_bes' : 'brp_settled_in_netherlands',
				[LAW.REGISTER_ABROAD, LAW.RESIDENT_DEFINITION],
				{ country: address.country }
			);
			return address.lines.length > 0 ? { ...decision, residentialAddress: address } : decision;
		}
		case 'lost_nationality':
			// KW B 1(1), Y 3(a), Pa 2(1): Dutch nationality is required for every type.
			return removal('brp_lost_nationality', [...open.map((t) => VOTERS[t]), LAW.REGISTER_ABROAD]);
		case 'excluded_from_voting':
			// KW B 5(1), D 2: whoever is excluded is not registered (Y 3(a) for the EP).
			return removal('brp_excluded_from_voting', [LAW.EXCLUSION, LAW.REGISTER_ABROAD]);
		case 'died':
			// KB D 10 requires a notice of every ex officio change, but not to the dead: the MvT
			// (§3.4) excludes it, and next of kin are not the addressee of the decision.
			return {
				...removal('brp_died', []),
				deceasedOn: change.effectiveOn,
				notice: notice(state, true)
			};
		case 'new_address':
		case 'moved_to_caribbean':
			return decideAddress(state, change, open);
	}
}

function requireAddress(change: BrpChange, kind: string): BrpAddress {
	if (!change.address || !isCountryCode(change.address.country)) {
		throw new RangeError(`${kind} needs an address with a country`);
	}
	return change.address;
}

function decideAddress(
	state: BrpRegistrationState,
	change: BrpChange,
	open: ElectionType[]
): BrpDecision {
	const address = requireAddress(change, change.kind);
	const where = classifyResidence(address.country);
	if (where === 'netherlands' || where === 'bes') {
		throw new RangeError(`a new address in ${address.country} is settled_in_netherlands`);
	}
	if (change.kind === 'moved_to_caribbean' && where !== 'caribbean') {
		throw new RangeError(`moved_to_caribbean needs AW, CW or SX, not ${address.country}`);
	}
	// Re-applying the same change finds the address already there: nothing to decide.
	if (sameAddress(address, state.residentialAddress)) {
		return skip('brp_no_change', [LAW.BRP_CHANGES]);
	}
	const country = { country: address.country, effectiveOn: change.effectiveOn };
	const base = {
		action: 'apply' as const,
		effectiveOn: change.effectiveOn,
		residentialAddress: address,
		deceasedOn: null,
		notice: notice(state, false)
	};
	const comesFromElsewhere = !CARIBBEAN_COUNTRIES.includes(state.residentialAddress.country);

	if (where !== 'caribbean' || !comesFromElsewhere) {
		// KW D 6(2): the BRP's new address is processed; within Aruba, Curaçao and Sint Maarten the
		// condition was checked when the types were registered.
		return {
			...base,
			outcome: 'changed',
			endTypes: [],
			endReason: null,
			caribbeanConditionMet: false,
			papersTo: state.hasCorrespondenceAddress ? 'correspondence_address' : 'residential_address',
			reasons: [reason('brp_new_address', [LAW.BRP_CHANGES], country), papers(state)]
		};
	}

	// A move into Aruba, Curaçao or Sint Maarten (KW B 1(1), Pa 2(1)).
	const moved = reason('brp_moved_to_caribbean', [LAW.BRP_CHANGES], country);
	const tkKni = open.filter((t) => t !== 'EP');
	const epKept = open.includes('EP')
		? [reason('brp_ep_kept', [LAW.EP_VOTERS, LAW.EP_REGISTER], country)]
		: [];
	const known = change.tenYears === true || state.caribbeanConditionMet;
	if (tkKni.length === 0 || known) {
		const grounds =
			tkKni.length === 0
				? []
				: change.tenYears === true
					? [
							reason(
								'brp_caribbean_ten_years',
								[LAW.CARIBBEAN_TEN_YEARS, LAW.KNI_CARIBBEAN_TEN_YEARS],
								country
							)
						]
					: [
							reason(
								'brp_caribbean_condition_on_record',
								[LAW.CARIBBEAN_EXCEPTION, LAW.KNI_CARIBBEAN_EXCEPTION],
								country
							)
						];
		return {
			...base,
			outcome: 'changed',
			endTypes: [],
			endReason: null,
			caribbeanConditionMet: change.tenYears === true,
			papersTo: state.hasCorrespondenceAddress ? 'correspondence_address' : 'residential_address',
			reasons: [moved, ...grounds, ...epKept, papers(state)]
		};
	}
	// KW B 1(1)-(2), Pa 2(1)-(2): excepted from TK and KNI unless the condition is known to be met;
	// the registration for those types is removed (D 6(3)). The EP has no such exception (Y 3(a),
	// Y 5a), so an EP registration stays; without one nothing is left and the person is removed.
	const ended = reason(
		'brp_caribbean_types_ended',
		[
			...(tkKni.includes('TK') ? [LAW.TK_VOTERS, LAW.CARIBBEAN_EXCEPTION] : []),
			...(tkKni.includes('KNI') ? [LAW.KNI_VOTERS, LAW.KNI_CARIBBEAN_EXCEPTION] : []),
			LAW.EX_OFFICIO_REMOVAL
		],
		{ ...country, types: tkKni.join(',') }
	);
	const kept = epKept.length > 0;
	return {
		...base,
		outcome: kept ? 'types_ended' : 'removed',
		endTypes: tkKni,
		endReason: 'brp_caribbean_types_ended',
		caribbeanConditionMet: false,
		papersTo: kept
			? state.hasCorrespondenceAddress
				? 'correspondence_address'
				: 'residential_address'
			: null,
		reasons: kept ? [moved, ended, ...epKept, papers(state)] : [moved, ended]
	};
}

/**
 * The registration after a decision taken on `decidedOn`: ended types end that day (the decision
 * takes effect when made, KW D 7(2)); a removal sets the status; the change's address and date
 * are kept. A skipped change leaves the state as it was.
 */
export function applyBrpDecision(
	state: BrpRegistrationState,
	decision: BrpDecision,
	decidedOn: IsoDate
): BrpRegistrationState {
	if (decision.action === 'skip') return state;
	return {
		...state,
		status: decision.outcome === 'removed' ? 'removed' : state.status,
		types: state.types.map((t) =>
			t.endedOn === null && decision.endTypes.includes(t.type) ? { ...t, endedOn: decidedOn } : t
		),
		residentialAddress: decision.residentialAddress ?? state.residentialAddress,
		deceased: state.deceased || decision.deceasedOn !== null,
		caribbeanConditionMet: state.caribbeanConditionMet || decision.caribbeanConditionMet,
		lastBrpChangeOn:
			state.lastBrpChangeOn !== null &&
			compareIsoDates(state.lastBrpChangeOn, decision.effectiveOn) > 0
				? state.lastBrpChangeOn
				: decision.effectiveOn
	};
}
