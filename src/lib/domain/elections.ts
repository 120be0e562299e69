/**
 * Election types open to voters abroad, and the cut-offs the law counts back from
 * election day. Election days themselves are data that officials enter (set by
 * law and royal decree); the helpers here only give the regular planning days.
 */
import {
	addDays,
	amsterdamInstant,
	compareIsoDates,
	formatIsoDate,
	isIsoDate,
	isLeapYear,
	minIsoDate,
	weekday,
	type IsoDate
} from './dates';
import { LAW, TERMS, type LegalRef } from './legal';

/** TK Tweede Kamer, EP Europees Parlement, KNI kiescollege niet-ingezetenen. */
export type ElectionType = 'TK' | 'EP' | 'KNI';

export const ELECTION_TYPES: readonly ElectionType[] = Object.freeze(['TK', 'EP', 'KNI']);

export function isElectionType(s: unknown): s is ElectionType {
	return typeof s === 'string' && (ELECTION_TYPES as readonly string[]).includes(s);
}

export type ElectionTypeRules = {
	/** Registered voters abroad vote by post. */
	byPost: boolean;
	/** A registered voter abroad may instead ask for a proxy or a voter pass. */
	proxyOrVoterPass: boolean;
	/** A resident of the Netherlands abroad on election day may ask to vote by post. */
	temporarilyAbroadPostalVote: boolean;
	/** Residents of Aruba, Curaçao, Sint Maarten need 10 years' residence or public service. */
	caribbeanCondition: boolean;
	basis: LegalRef[];
};

export const ELECTION_TYPE_RULES: Readonly<Record<ElectionType, Readonly<ElectionTypeRules>>> =
	Object.freeze({
		TK: Object.freeze({
			byPost: true, // KW M 1(1)
			proxyOrVoterPass: true, // KW K 7, L 9
			temporarilyAbroadPostalVote: true, // KW M 1(2)
			caribbeanCondition: true, // KW B 1(1), B 1(2)
			basis: [
				LAW.TK_VOTERS,
				LAW.CARIBBEAN_EXCEPTION,
				LAW.REGISTER_ABROAD,
				LAW.POSTAL_VOTE_ABROAD,
				LAW.VOTER_PASS_ABROAD,
				LAW.PROXY_ABROAD,
				LAW.POSTAL_VOTE_TEMPORARILY_ABROAD
			]
		}),
		EP: Object.freeze({
			// KW Y 2: the TK rules apply, so chapters D, K, L and M do too.
			byPost: true,
			proxyOrVoterPass: true,
			temporarilyAbroadPostalVote: true,
			// KW Y 3(a), Y 5a: Dutch, 18, not excluded; no Caribbean exception.
			caribbeanCondition: false,
			basis: [
				LAW.EP_TK_RULES_APPLY,
				LAW.EP_VOTERS,
				LAW.EP_REGISTER,
				LAW.EP_DECLARATION,
				LAW.POSTAL_VOTE_ABROAD,
				LAW.VOTER_PASS_ABROAD,
				LAW.PROXY_ABROAD,
				LAW.POSTAL_VOTE_TEMPORARILY_ABROAD
			]
		}),
		KNI: Object.freeze({
			byPost: true, // KW Pa 20: only by post
			proxyOrVoterPass: false, // KW Pa 21
			// KW Pa 2(1): residents of the Netherlands are not voters for the KNI at all.
			temporarilyAbroadPostalVote: false,
			caribbeanCondition: true, // KW Pa 2(1), Pa 2(2)
			basis: [
				LAW.KNI_VOTERS,
				LAW.KNI_CARIBBEAN_EXCEPTION,
				LAW.KNI_REGISTRATION,
				LAW.KNI_POST_ONLY,
				LAW.KNI_NO_PROXY_OR_PASS,
				LAW.KNI_POSTAL_RULES
			]
		})
	});

export type CutoffKind =
	| 'change'
	| 'registration'
	| 'proxy_or_voter_pass'
	| 'certificates_sent'
	| 'temporarily_abroad'
	| 'replacement_written'
	| 'replacement_in_person'
	| 'embassy_return'
	| 'den_haag_return';

/** In the order they fall before an election (ties within a day sort this way too). */
export const CUTOFF_KINDS: readonly CutoffKind[] = Object.freeze([
	'certificates_sent',
	'change',
	'registration',
	'proxy_or_voter_pass',
	'temporarily_abroad',
	'replacement_written',
	'replacement_in_person',
	'embassy_return',
	'den_haag_return'
]);

export type Cutoff = {
	kind: CutoffKind;
	day: IsoDate;
	time: 'end-of-day' | '12:00' | '15:00' | '10:00';
	timeZone: 'Europe/Amsterdam' | 'local';
	/** The last instant that counts; null when the time is local to an embassy. */
	closesAt: Date | null;
	basis: LegalRef[];
};

export type ElectionDates = {
	type: ElectionType;
	electionDay: IsoDate;
	/** The day Den Haag sends (or sent) the postal voting certificates, if known. */
	certificatesSentOn?: IsoDate | null;
};

function assertElection(election: ElectionDates): void {
	if (!isElectionType(election.type))
		throw new RangeError(`unknown election type: ${election.type}`);
	if (!isIsoDate(election.electionDay)) {
		throw new RangeError(`invalid election day: ${election.electionDay}`);
	}
	const sent = election.certificatesSentOn;
	if (sent !== undefined && sent !== null && !isIsoDate(sent)) {
		throw new RangeError(`invalid certificates day: ${sent}`);
	}
}

// The rules of chapters D and M reach the EP through Y 2 and the KNI through
// Pa 3 (chapter D) and Pa 22 (chapter M): cite the bridge too.
function viaChapterD(type: ElectionType, basis: LegalRef[]): LegalRef[] {
	if (type === 'EP') return [...basis, LAW.EP_TK_RULES_APPLY];
	if (type === 'KNI') return [...basis, LAW.KNI_REGISTRATION];
	return basis;
}

function viaChapterM(type: ElectionType, basis: LegalRef[]): LegalRef[] {
	if (type === 'EP') return [...basis, LAW.EP_TK_RULES_APPLY];
	if (type === 'KNI') return [...basis, LAW.KNI_POSTAL_RULES];
	return basis;
}

function row(
	kind: CutoffKind,
	day: IsoDate,
	time: Cutoff['time'],
	basis: LegalRef[],
	timeZone: Cutoff['timeZone'] = 'Europe/Amsterdam'
): Cutoff {
	// Every Den Haag cut-off means "received on or before that day (time)" in
	// Den Haag's own time, whatever the voter's time zone.
	const closesAt = timeZone === 'local' ? null : amsterdamInstant(day, time);
	return { kind, day, time, timeZone, closesAt, basis };
}

/**
 * Every cut-off of the rulebook that applies to this election's type, sorted by
 * day. All count back from election day in calendar days.
 */
export function computeCutoffs(election: ElectionDates): Cutoff[] {
	assertElection(election);
	const { type, electionDay } = election;
	const rules = ELECTION_TYPE_RULES[type];
	const before = (days: number): IsoDate => addDays(electionDay, -days);
	// KW M 6(3): certificates go out at the latest twelve weeks before election day.
	const latestCertificatesDay = before(TERMS.certificatesSentDaysBefore);
	const certificatesSentOn = election.certificatesSentOn ?? null;

	const rows: Cutoff[] = [
		// KW D 3(3): a change counts if received by the 63rd day before.
		row(
			'change',
			before(TERMS.changeDaysBefore),
			'end-of-day',
			viaChapterD(type, [LAW.CHANGE_CUTOFF])
		),
		registrationCutoff(election),
		row(
			'certificates_sent',
			certificatesSentOn ?? latestCertificatesDay,
			'end-of-day',
			viaChapterM(type, [LAW.CERTIFICATES_SENT])
		),
		// KW M 6b(3): a written request for a replacement certificate by the 12th day before.
		row(
			'replacement_written',
			before(TERMS.replacementWrittenDaysBefore),
			'end-of-day',
			viaChapterM(type, [LAW.REPLACEMENT_WRITTEN])
		),
		// KW M 6b(4): in person, by 12:00 on the 9th day before.
		row(
			'replacement_in_person',
			before(TERMS.replacementInPersonDaysBefore),
			'12:00',
			viaChapterM(type, [LAW.REPLACEMENT_IN_PERSON])
		),
		// KW M 7(7): at an embassy or consulate by 10:00 local time on the 5th day
		// before; KW Y 22c: the 6th day for the EP.
		type === 'EP'
			? row(
					'embassy_return',
					before(TERMS.embassyReturnDaysBeforeEp),
					'10:00',
					[LAW.EMBASSY_RETURN, LAW.EP_EMBASSY_RETURN],
					'local'
				)
			: row(
					'embassy_return',
					before(TERMS.embassyReturnDaysBefore),
					'10:00',
					viaChapterM(type, [LAW.EMBASSY_RETURN]),
					'local'
				),
		// KW M 8(1): in Den Haag's hands by 15:00 on election day.
		row('den_haag_return', electionDay, '15:00', viaChapterM(type, [LAW.DEN_HAAG_RETURN]))
	];

	if (rules.proxyOrVoterPass) {
		// KW K 7(2), L 9(2): received at least six weeks before election day. But
		// both are refused once a postal voting certificate has been issued to the
		// voter (KW K 8(2), L 10(b)), and those go out up to twelve weeks before
		// (KW M 6(3)). So when the day this voter's certificate is sent is known,
		// the real cut-off is the day before it, if that is earlier: on the day
		// itself the certificate may already be out. When it is not known we show
		// the six weeks, citing the refusal grounds so the answer can warn of them.
		const sixWeeks = before(TERMS.proxyOrVoterPassDaysBefore);
		const day =
			certificatesSentOn === null
				? sixWeeks
				: minIsoDate(sixWeeks, addDays(certificatesSentOn, -1));
		rows.push(
			row(
				'proxy_or_voter_pass',
				day,
				'end-of-day',
				viaChapterM(type, [
					LAW.VOTER_PASS_CUTOFF,
					LAW.PROXY_CUTOFF,
					LAW.VOTER_PASS_REFUSAL,
					LAW.PROXY_REFUSAL_CERTIFICATE_ISSUED,
					LAW.CERTIFICATES_SENT
				])
			)
		);
	}
	if (rules.temporarilyAbroadPostalVote) {
		// KW M 3(3): a resident temporarily abroad asks by the 28th day before.
		rows.push(
			row(
				'temporarily_abroad',
				before(TERMS.temporarilyAbroadDaysBefore),
				'end-of-day',
				viaChapterM(type, [LAW.POSTAL_VOTE_TEMPORARILY_ABROAD, LAW.TEMPORARILY_ABROAD_CUTOFF])
			)
		);
	}

	return rows.sort(
		(a, b) =>
			compareIsoDates(a.day, b.day) || CUTOFF_KINDS.indexOf(a.kind) - CUTOFF_KINDS.indexOf(b.kind)
	);
}

/**
 * KW D 3(2): an application counts for an election if received by the 42nd day
 * before election day; later ones are handled for the next election. Applies to
 * every type (through Y 2 for the EP, Pa 3 for the KNI), so never undefined.
 */
export function registrationCutoff(election: ElectionDates): Cutoff & { closesAt: Date } {
	assertElection(election);
	const day = addDays(election.electionDay, -TERMS.registrationDaysBefore);
	const basis = viaChapterD(election.type, [LAW.REGISTRATION_CUTOFF]);
	return {
		kind: 'registration',
		day,
		time: 'end-of-day',
		timeZone: 'Europe/Amsterdam',
		closesAt: amsterdamInstant(day, 'end-of-day'),
		basis
	};
}

/** One cut-off of an election, or undefined when it does not apply to its type. */
export function cutoff(election: ElectionDates, kind: CutoffKind): Cutoff | undefined {
	return computeCutoffs(election).find((c) => c.kind === kind);
}

/** The Monday in [first, first + 6 days]: a seven-day window holds exactly one. */
function mondayFrom(first: IsoDate): IsoDate {
	return addDays(first, (8 - weekday(first)) % 7);
}

/**
 * Regular nomination day (dag van kandidaatstelling) for TK, provincial and so
 * KNI elections.
 *
 * KW F 1(1): the Monday from 30 January to 5 February; in a leap year from
 * 31 January to 6 February. KW F 1(2): in a year with municipal elections the TK
 * nomination moves to the Monday from 28 March to 3 April; the text gives that
 * window no leap-year variant, so neither do we. A royal decree may move either
 * day up to five days earlier (F 1(3)) and after a dissolution it sets the day
 * (F 2): such days are entered as data, not computed.
 */
export function regularNominationDay(
	year: number,
	opts: { municipalYear?: boolean } = {}
): IsoDate {
	if (opts.municipalYear) return mondayFrom(formatIsoDate(year, 3, 28));
	return mondayFrom(formatIsoDate(year, 1, isLeapYear(year) ? 31 : 30));
}

/** The basis of the 44-day span between nomination and election day, per type. */
export const NOMINATION_BASIS: Readonly<Record<ElectionType, LegalRef[]>> = Object.freeze({
	TK: [LAW.ELECTION_DAY],
	EP: [LAW.EP_NOMINATION_DAY],
	// KW Pa 1: the KNI follows the provincial election, whose day is set by J 1(1).
	KNI: [LAW.ELECTION_DAY, LAW.KNI_PROVINCIAL_RULES_APPLY]
});

/** KW J 1(1), Y 8(2): election day is the 44th day after nomination day. */
export function electionDayFromNomination(nomination: IsoDate): IsoDate {
	return addDays(nomination, TERMS.nominationToElectionDays);
}

/**
 * Nomination day for an election day: 44 days before (KW J 1(1); EP: Y 8(2)). A
 * royal decree under F 1(3) may widen the span; enter such a day as data.
 */
export function nominationDayFor(type: ElectionType, electionDay: IsoDate): IsoDate {
	if (!isElectionType(type)) throw new RangeError(`unknown election type: ${type}`);
	return addDays(electionDay, -TERMS.nominationToElectionDays);
}

/** KB D 9: the decision on an application at the latest on the 7th day after receipt. */
export function decisionDueOn(receivedOn: IsoDate): IsoDate {
	return addDays(receivedOn, TERMS.decisionDays);
}

/** KB D 8: reasons for "not registered" at the latest on the 7th day after the request. */
export function statusReasonsDueOn(requestedOn: IsoDate): IsoDate {
	return addDays(requestedOn, TERMS.statusReasonsDays);
}
