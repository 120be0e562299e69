/**
 * Who may be registered as a voter abroad, for which election types, and from
 * when. Results carry reason codes (translated by the UI) with their legal
 * basis, for a yes as much as for a no.
 */
import { classifyResidence, type ResidenceClass } from './countries';
import {
	addDays,
	addYears,
	ageOn,
	compareIsoDates,
	maxIsoDate,
	parseIsoDate,
	type IsoDate
} from './dates';
import { ELECTION_TYPE_RULES, ELECTION_TYPES, type ElectionType } from './elections';
import { LAW, TERMS, type LegalRef } from './legal';

/** Every reason code a rule can emit; the UI needs a translation for each. */
export const REASON_CODES = Object.freeze([
	// Residence (KW D 2, B 4(1)).
	'lives_abroad',
	'lives_in_netherlands',
	'lives_in_bes',
	// Age (KW D 3(1), B 1(1)).
	'adult',
	'seventeen_registered_from',
	'too_young',
	'date_of_birth_in_future',
	'date_of_birth_missing',
	// Per election type.
	'registration_on_application',
	'not_dutch',
	'excluded_from_voting',
	'caribbean_condition_not_met',
	'caribbean_ten_years_residence',
	'caribbean_public_service',
	'ep_no_caribbean_condition',
	'ep_declaration_required',
	'ep_declaration_given',
	'ep_declaration_not_given',
	// The application as a whole.
	'no_election_type_chosen',
	'no_chosen_type_eligible'
] as const);

export type ReasonCode = (typeof REASON_CODES)[number];

export type Reason = { code: string; basis: LegalRef[]; params?: Record<string, string> };

export function isReasonCode(s: unknown): s is ReasonCode {
	return typeof s === 'string' && (REASON_CODES as readonly string[]).includes(s);
}

// Every reason is built here, so the compiler holds emitted codes to REASON_CODES.
function reason(code: ReasonCode, basis: LegalRef[], params?: Record<string, string>): Reason {
	return params === undefined ? { code, basis } : { code, basis, params };
}

export type RegistrationFacts = {
	dutch: boolean;
	/** ISO 3166-1 alpha-2 code of the country of actual residence. */
	residence: string;
	dateOfBirth?: IsoDate;
	/** Aruba/Curaçao/Sint Maarten: at least ten years' prior residence in the Netherlands. */
	caribbeanTenYears?: boolean;
	/** Aruba/Curaçao/Sint Maarten: in Dutch public service there, or a household member of such. */
	caribbeanPublicService?: boolean;
	/** EP, resident of another member state: declares not to vote there too (KW Y 6(1)). */
	epDeclaration?: boolean;
	/** Excluded from the franchise by a final court judgment (KW B 5(1)). */
	excluded?: boolean;
};

// ---------------------------------------------------------------------------
// Age

export type AgeStatus = 'adult' | 'seventeen' | 'too_young' | 'future_birth';

export type AgeAssessment = {
	status: AgeStatus;
	/** The day the registration takes effect; null when no application can be processed. */
	startsOn: IsoDate | null;
	/** For someone under 17: the day an application is first processed. */
	canApplyFrom: IsoDate | null;
	reasons: Reason[];
};

// 18 on election day (KW B 1(1), Y 3(a), Pa 2(1)); registered on application (D 3(1)).
const AGE_BASIS = [LAW.REGISTRATION_ON_APPLICATION, LAW.TK_VOTERS, LAW.EP_VOTERS, LAW.KNI_VOTERS];

/**
 * KW D 3(1): an adult is registered from the decision; the application of a
 * 17-year-old is processed for a registration from the 44th day before the 18th
 * birthday (so that whoever is 18 on election day is registered by nomination
 * day, 44 days earlier), never before the decision; under 17 the applicant must
 * wait for the 17th birthday.
 */
export function assessAge(dob: IsoDate, decisionDate: IsoDate): AgeAssessment {
	const eighteenOn = addYears(dob, TERMS.votingAge);
	if (compareIsoDates(dob, decisionDate) > 0) {
		return {
			status: 'future_birth',
			startsOn: null,
			canApplyFrom: null,
			reasons: [reason('date_of_birth_in_future', [LAW.REGISTRATION_DATA], { dateOfBirth: dob })]
		};
	}
	const age = ageOn(dob, decisionDate);
	if (age >= TERMS.votingAge) {
		return {
			status: 'adult',
			startsOn: decisionDate,
			canApplyFrom: null,
			reasons: [reason('adult', AGE_BASIS, { eighteenOn })]
		};
	}
	if (age >= TERMS.applicationAge) {
		// KW D 3(1): from the 44th day before the 18th birthday, but a registration
		// cannot take effect before the decision that grants it.
		const startsOn = maxIsoDate(
			addDays(eighteenOn, -TERMS.seventeenRegisteredDaysBeforeBirthday),
			decisionDate
		);
		return {
			status: 'seventeen',
			startsOn,
			canApplyFrom: null,
			reasons: [
				reason('seventeen_registered_from', [LAW.REGISTRATION_ON_APPLICATION], {
					startsOn,
					eighteenOn
				})
			]
		};
	}
	const canApplyFrom = addYears(dob, TERMS.applicationAge);
	return {
		status: 'too_young',
		startsOn: null,
		canApplyFrom,
		reasons: [reason('too_young', [LAW.REGISTRATION_ON_APPLICATION], { canApplyFrom })]
	};
}

// ---------------------------------------------------------------------------
// Residence

export type ResidenceAssessment = {
	abroad: boolean;
	residenceClass: ResidenceClass;
	reasons: Reason[];
};

/**
 * KW D 2: the registration is of people whose actual residence is outside the
 * Netherlands (B 4(1)). Bonaire, Sint Eustatius and Saba are inside; residents
 * abroad only on election day vote by post per election instead (M 1(2)).
 */
export function assessResidence(facts: Pick<RegistrationFacts, 'residence'>): ResidenceAssessment {
	const residenceClass = classifyResidence(facts.residence);
	const params = { country: facts.residence };
	if (residenceClass === 'netherlands' || residenceClass === 'bes') {
		return {
			abroad: false,
			residenceClass,
			reasons: [
				reason(
					residenceClass === 'netherlands' ? 'lives_in_netherlands' : 'lives_in_bes',
					[LAW.REGISTER_ABROAD, LAW.RESIDENT_DEFINITION, LAW.POSTAL_VOTE_TEMPORARILY_ABROAD],
					params
				)
			]
		};
	}
	return {
		abroad: true,
		residenceClass,
		reasons: [reason('lives_abroad', [LAW.REGISTER_ABROAD, LAW.RESIDENT_DEFINITION], params)]
	};
}

// ---------------------------------------------------------------------------
// Election types

export type TypeEligibility = {
	eligible: boolean;
	/**
	 * EP only: eligible once the applicant gives the declaration of KW Y 6(1),
	 * not yet given (a pending `ep_declaration_required` reason says so).
	 */
	needsDeclaration: boolean;
	/** Why: the grounds when eligible, the obstacles when not. */
	reasons: Reason[];
};

// Who the voters are, per type.
const VOTERS: Record<ElectionType, LegalRef[]> = {
	TK: [LAW.TK_VOTERS],
	EP: [LAW.EP_VOTERS],
	KNI: [LAW.KNI_VOTERS]
};

// The registration abroad per type: D 2, read for the EP through Y 5a and for the
// KNI through Pa 3.
const REGISTER: Record<ElectionType, LegalRef[]> = {
	TK: [LAW.REGISTER_ABROAD],
	EP: [LAW.REGISTER_ABROAD, LAW.EP_REGISTER],
	KNI: [LAW.REGISTER_ABROAD, LAW.KNI_REGISTRATION]
};

const CARIBBEAN: Record<
	'TK' | 'KNI',
	{ condition: LegalRef[]; tenYears: LegalRef; publicService: LegalRef }
> = {
	TK: {
		condition: [LAW.TK_VOTERS, LAW.CARIBBEAN_EXCEPTION],
		tenYears: LAW.CARIBBEAN_TEN_YEARS,
		publicService: LAW.CARIBBEAN_PUBLIC_SERVICE
	},
	KNI: {
		condition: [LAW.KNI_VOTERS, LAW.KNI_CARIBBEAN_EXCEPTION],
		tenYears: LAW.KNI_CARIBBEAN_TEN_YEARS,
		publicService: LAW.KNI_CARIBBEAN_PUBLIC_SERVICE
	}
};

function assessType(
	type: ElectionType,
	facts: RegistrationFacts,
	residence: ResidenceAssessment,
	age: AgeAssessment | null
): TypeEligibility {
	const obstacles: Reason[] = [];
	const grounds: Reason[] = [
		reason('registration_on_application', [
			...VOTERS[type],
			...REGISTER[type],
			LAW.REGISTRATION_ON_APPLICATION
		])
	];
	const country = { country: facts.residence };

	// KW B 1(1), Y 3(a), Pa 2(1): Dutch (on nomination day).
	if (!facts.dutch) obstacles.push(reason('not_dutch', VOTERS[type]));
	// KW B 5(1), D 2 (Y 3(a) for the EP): not excluded from the franchise.
	if (facts.excluded === true) {
		obstacles.push(
			reason('excluded_from_voting', [
				LAW.EXCLUSION,
				...REGISTER[type],
				...(type === 'EP' ? VOTERS.EP : [])
			])
		);
	}
	// KW D 2 (Pa 2(1) for the KNI): living outside the Netherlands.
	if (!residence.abroad) {
		const code = residence.residenceClass === 'bes' ? 'lives_in_bes' : 'lives_in_netherlands';
		const basis = [...REGISTER[type], LAW.RESIDENT_DEFINITION];
		if (type === 'KNI') basis.unshift(LAW.KNI_VOTERS);
		// Where the type has one, point to the postal vote for residents abroad on election day.
		if (ELECTION_TYPE_RULES[type].temporarilyAbroadPostalVote)
			basis.push(LAW.POSTAL_VOTE_TEMPORARILY_ABROAD);
		obstacles.push(reason(code, basis, country));
	}

	if (age !== null) {
		if (age.status === 'seventeen') grounds.push(...age.reasons);
		if (age.status === 'too_young' || age.status === 'future_birth') obstacles.push(...age.reasons);
	}

	if (residence.residenceClass === 'caribbean') {
		if (type === 'EP') {
			// KW Y 3(a), Y 5a: the EP franchise has no Aruba/Curaçao/Sint Maarten exception.
			grounds.push(reason('ep_no_caribbean_condition', [LAW.EP_VOTERS, LAW.EP_REGISTER], country));
		} else {
			// KW B 1(1)-(2), Pa 2(1)-(2): excepted unless ten years' residence in the
			// Netherlands, or Dutch public service there (or a household member).
			const c = CARIBBEAN[type];
			if (facts.caribbeanTenYears === true) {
				grounds.push(reason('caribbean_ten_years_residence', [c.tenYears], country));
			}
			if (facts.caribbeanPublicService === true) {
				grounds.push(reason('caribbean_public_service', [c.publicService], country));
			}
			if (facts.caribbeanTenYears !== true && facts.caribbeanPublicService !== true) {
				obstacles.push(reason('caribbean_condition_not_met', c.condition, country));
			}
		}
	}

	let needsDeclaration = false;
	if (type === 'EP' && residence.residenceClass === 'eu') {
		// KW Y 6(1): a resident of another member state declares not to vote there too.
		if (facts.epDeclaration === false) {
			obstacles.push(reason('ep_declaration_not_given', [LAW.EP_DECLARATION], country));
		} else if (facts.epDeclaration === true) {
			grounds.push(reason('ep_declaration_given', [LAW.EP_DECLARATION], country));
		} else {
			needsDeclaration = true;
			grounds.push(reason('ep_declaration_required', [LAW.EP_DECLARATION], country));
		}
	}

	if (obstacles.length > 0) return { eligible: false, needsDeclaration: false, reasons: obstacles };
	return { eligible: true, needsDeclaration, reasons: grounds };
}

/**
 * For each election type: could this person be registered for it now? Checks
 * nationality, exclusion, residence abroad, the Aruba/Curaçao/Sint Maarten
 * condition (TK, KNI), the EP declaration and, when a date of birth is given,
 * whether an application can be processed at `decisionDate` (KW D 3(1)).
 * Every failing condition is listed, not just the first.
 */
export function availableTypes(
	facts: RegistrationFacts,
	decisionDate: IsoDate
): Record<ElectionType, TypeEligibility> {
	parseIsoDate(decisionDate);
	const residence = assessResidence(facts);
	const age = facts.dateOfBirth === undefined ? null : assessAge(facts.dateOfBirth, decisionDate);
	return {
		TK: assessType('TK', facts, residence, age),
		EP: assessType('EP', facts, residence, age),
		KNI: assessType('KNI', facts, residence, age)
	};
}

/** KW Y 6(1): the EP declaration is needed iff the EP is chosen by a resident of another member state. */
export function needsEpDeclaration(
	facts: Pick<RegistrationFacts, 'residence'>,
	types: readonly ElectionType[]
): boolean {
	return types.includes('EP') && classifyResidence(facts.residence) === 'eu';
}

// ---------------------------------------------------------------------------
// The application as a whole

export type RegistrationOutcome = 'eligible' | 'not_eligible' | 'not_abroad' | 'too_young';

export type RegistrationAssessment = {
	outcome: RegistrationOutcome;
	/** The day the registration would take effect; null unless eligible with a known age. */
	startsOn: IsoDate | null;
	/** Only the chosen types. */
	perType: Partial<Record<ElectionType, TypeEligibility>>;
	/** Residence and age, and what holds for the application as a whole. */
	reasons: Reason[];
};

// The registration is per election type: D 2, Y 5a, Pa 3.
const PER_TYPE_REGISTERS = [LAW.REGISTER_ABROAD, LAW.EP_REGISTER, LAW.KNI_REGISTRATION];

/**
 * An application for registration for the chosen types, as Den Haag would decide
 * it at `decisionDate`. Eligible when at least one chosen type is eligible (the
 * others are then refused) and the age allows processing now (adult or 17).
 *
 * Outcomes, in order: `not_abroad` (lives in the Netherlands, incl. BES);
 * `eligible`; `too_young` when some chosen type fails on age alone (the reasons
 * say from when to apply); otherwise `not_eligible`. Without a date of birth an
 * otherwise eligible application is `eligible` with `startsOn` null and a
 * `date_of_birth_missing` reason: KB D 4(a) requires it.
 */
export function assessRegistration(
	facts: RegistrationFacts & { types: readonly ElectionType[] },
	decisionDate: IsoDate
): RegistrationAssessment {
	const residence = assessResidence(facts);
	const all = availableTypes(facts, decisionDate);
	const age = facts.dateOfBirth === undefined ? null : assessAge(facts.dateOfBirth, decisionDate);
	const chosen = ELECTION_TYPES.filter((t) => facts.types.includes(t));
	const perType: Partial<Record<ElectionType, TypeEligibility>> = {};
	for (const t of chosen) perType[t] = all[t];

	const reasons: Reason[] = [...residence.reasons];
	if (age === null) {
		reasons.push(
			reason('date_of_birth_missing', [LAW.REGISTRATION_DATA, LAW.REGISTRATION_ON_APPLICATION])
		);
	} else {
		reasons.push(...age.reasons);
	}
	if (chosen.length === 0) reasons.push(reason('no_election_type_chosen', PER_TYPE_REGISTERS));

	if (!residence.abroad) return { outcome: 'not_abroad', startsOn: null, perType, reasons };
	if (chosen.some((t) => all[t].eligible)) {
		return { outcome: 'eligible', startsOn: age === null ? null : age.startsOn, perType, reasons };
	}
	const failsOnAgeAlone = chosen.some((t) => all[t].reasons.every((r) => r.code === 'too_young'));
	if (age?.status === 'too_young' && failsOnAgeAlone) {
		return { outcome: 'too_young', startsOn: null, perType, reasons };
	}
	if (chosen.length > 0) {
		reasons.push(
			reason('no_chosen_type_eligible', PER_TYPE_REGISTERS, { types: chosen.join(',') })
		);
	}
	return { outcome: 'not_eligible', startsOn: null, perType, reasons };
}
