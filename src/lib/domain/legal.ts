/**
 * Legal references: every outcome of the rules carries the article it rests on,
 * as a short code ('KW D 3(2)') and a link to the consolidated text on
 * wetten.overheid.nl. The versions of the texts the rules were checked against
 * live here, once; so do the terms (numbers of days) the rules use.
 */

export type LegalRef = { code: string; url: string };

/** A consolidated text on wetten.overheid.nl: its BWB id and the version date read. */
type Source = { readonly prefix: string; readonly bwbId: string; readonly version: string };

/** Kieswet (Elections Act), consolidated text valid from 2026-10-01. */
export const KIESWET: Source = Object.freeze({
	prefix: 'KW',
	bwbId: 'BWBR0004627',
	version: '2026-10-01'
});

/** Kiesbesluit (Elections Decree), consolidated text valid from 2019-02-22. */
export const KIESBESLUIT: Source = Object.freeze({
	prefix: 'KB',
	bwbId: 'BWBR0004632',
	version: '2019-02-22'
});

// Article ids as the texts number them: a chapter letter (or two, 'Pa'), a number
// and an optional letter suffix ('M 6b', 'Y 22c').
const ARTICLE = /^[A-Z][a-z]? \d+[a-z]?$/;
// An onderdeel (lettered item) of an article or paragraph: 'a', 'b', ...
const ITEM = /^[a-z]$/;

function reference(source: Source, article: string, paragraph?: number, item?: string): LegalRef {
	if (!ARTICLE.test(article)) throw new RangeError(`invalid article id: ${article}`);
	if (paragraph !== undefined && !(Number.isInteger(paragraph) && paragraph > 0)) {
		throw new RangeError(`invalid paragraph: ${paragraph}`);
	}
	if (item !== undefined && !ITEM.test(item)) throw new RangeError(`invalid item: ${item}`);
	const code =
		`${source.prefix} ${article}` +
		(paragraph === undefined ? '' : `(${paragraph})`) +
		(item === undefined ? '' : `(${item})`);
	// wetten.overheid.nl anchors articles as 'ArtikelM_6b': the space becomes '_'.
	const url = `https://wetten.overheid.nl/${source.bwbId}/${source.version}#Artikel${article.replace(' ', '_')}`;
	return Object.freeze({ code, url });
}

/** A Kieswet reference: kw('D 3', 2) → 'KW D 3(2)'; kw('B 1', 2, 'b') → 'KW B 1(2)(b)'. */
export function kw(article: string, paragraph?: number, item?: string): LegalRef {
	return reference(KIESWET, article, paragraph, item);
}

/** A Kiesbesluit reference: kb('D 5', 4) → 'KB D 5(4)'; kb('D 4', undefined, 'a') → 'KB D 4(a)'. */
export function kb(article: string, paragraph?: number, item?: string): LegalRef {
	return reference(KIESBESLUIT, article, paragraph, item);
}

/** The references the rules use, by name, so each term is cited from one place. */
export const LAW = Object.freeze({
	// Chapter B: who may vote.
	TK_VOTERS: kw('B 1', 1),
	CARIBBEAN_EXCEPTION: kw('B 1', 2),
	CARIBBEAN_TEN_YEARS: kw('B 1', 2, 'a'),
	CARIBBEAN_PUBLIC_SERVICE: kw('B 1', 2, 'b'),
	RESIDENT_DEFINITION: kw('B 4', 1),
	EXCLUSION: kw('B 5', 1),

	// Chapter D: the registration of voters abroad.
	REGISTER_ABROAD: kw('D 2'),
	REGISTRATION_ON_APPLICATION: kw('D 3', 1),
	REGISTRATION_CUTOFF: kw('D 3', 2),
	CHANGE_CUTOFF: kw('D 3', 3),
	APPLICATION_FORM: kw('D 3', 4),
	STATUS_REQUEST: kw('D 5'),
	// KW D 7(1): a decision on an application (a change too, or rectification under GDPR art. 16)
	// within the term the decree sets (KB D 9: seven days).
	CHANGE_DECISION: kw('D 7', 1),
	// KW D 8: appeal straight to the Afdeling bestuursrechtspraak van de Raad van State.
	APPEAL: kw('D 8'),
	APPEAL_NO_INTERIM_RELIEF: kw('D 8', 1),
	APPEAL_COURT_FEE: kw('D 8', 2),
	APPEAL_FAST_TRACK: kw('D 8', 3),

	// Chapters F and J: nomination and election day.
	NOMINATION_DAY: kw('F 1', 1),
	NOMINATION_DAY_MUNICIPAL_YEAR: kw('F 1', 2),
	NOMINATION_DAY_ROYAL_DECREE: kw('F 1', 3),
	NOMINATION_DAY_DISSOLUTION: kw('F 2'),
	ELECTION_DAY: kw('J 1', 1),

	// Chapters K and L: voter pass (kiezerspas) and proxy (volmacht).
	VOTER_PASS_ABROAD: kw('K 7', 1),
	VOTER_PASS_CUTOFF: kw('K 7', 2),
	VOTER_PASS_REFUSAL: kw('K 8', 2),
	PROXY_ABROAD: kw('L 9', 1),
	PROXY_CUTOFF: kw('L 9', 2),
	PROXY_REFUSAL_CERTIFICATE_ISSUED: kw('L 10', undefined, 'b'),
	// The rest of chapters K and L that the vote-choice journey explains (issue 4 item 4).
	VOTER_PASS: kw('K 1', 1),
	VOTER_PASS_NOT_AFTER_CERTIFICATE: kw('K 2'),
	VOTER_PASS_ID_COPY: kw('K 3', 2),
	VOTER_PASS_ONLY_WITH_PASS: kw('K 4', 2),
	VOTER_PASS_NOT_REPLACED: kw('K 4', 3),
	VOTER_PASS_DECISION: kw('K 8', 1),
	VOTER_PASS_APPEAL: kw('K 8', 4),
	VOTER_PASS_AT_POLLING_STATION: kw('K 11', 1),
	PROXY: kw('L 1'),
	PROXY_HOLDER_CHOSEN: kw('L 2', 1),
	PROXY_NOT_AFTER_CERTIFICATE: kw('L 2', 2),
	PROXY_WITH_OWN_VOTE: kw('L 3'),
	PROXY_AT_MOST_TWO: kw('L 4'),
	PROXY_HOLDER_VOTER: kw('L 8', 2),
	PROXY_HOLDER_DECLARATION: kw('L 8', 3),
	PROXY_REFUSAL_NOT_CHOSEN: kw('L 10', undefined, 'a'),
	PROXY_REFUSAL_NO_DECLARATION: kw('L 10', undefined, 'c'),
	PROXY_REFUSAL_HOLDER_NOT_VOTER: kw('L 10', undefined, 'd'),
	PROXY_DECISION_NOT_BEFORE_NOMINATION: kw('L 11', 1),
	PROXY_HOLDER_INFORMED: kw('L 11', 3),
	PROXY_APPEAL: kw('L 11', 4),

	// Chapter M: voting by post.
	POSTAL_VOTE_ABROAD: kw('M 1', 1),
	POSTAL_VOTE_TEMPORARILY_ABROAD: kw('M 1', 2),
	TEMPORARILY_ABROAD_CUTOFF: kw('M 3', 3),
	CERTIFICATE_REGISTER: kw('M 5', 1),
	CERTIFICATE_INVALID_REPLACED: kw('M 5', 2, 'a'),
	CERTIFICATE_INVALID_NOT_A_VOTER: kw('M 5', 2, 'b'),
	CERTIFICATE_INVALID_STOLEN: kw('M 5', 2, 'c'),
	INVALID_CERTIFICATES_EXTRACT: kw('M 5', 3),
	CERTIFICATES_SENT: kw('M 6', 3),
	REPLACEMENT_WRITTEN: kw('M 6b', 3),
	REPLACEMENT_IN_PERSON: kw('M 6b', 4),
	EMBASSY_RETURN: kw('M 7', 7),
	DEN_HAAG_RETURN: kw('M 8', 1),
	// KW M 2: whoever has a postal voting certificate gets no polling card (stempas).
	NO_POLLING_CARD: kw('M 2'),
	// KW M 3, M 4: the request of a resident temporarily abroad, and its decision.
	TEMPORARILY_ABROAD_TO_MAYOR: kw('M 3', 1),
	TEMPORARILY_ABROAD_ID_COPY: kw('M 3', 2),
	TEMPORARILY_ABROAD_BALLOT_EMAIL: kw('M 3', 4),
	TEMPORARILY_ABROAD_BALLOT_POST: kw('M 3', 5),
	TEMPORARILY_ABROAD_FORM: kw('M 3', 6),
	TEMPORARILY_ABROAD_DECISION: kw('M 4', 1),
	TEMPORARILY_ABROAD_REFUSAL: kw('M 4', 2),
	TEMPORARILY_ABROAD_REASONS: kw('M 4', 3),
	TEMPORARILY_ABROAD_MUNICIPALITY: kw('M 4', 4),
	TEMPORARILY_ABROAD_APPEAL: kw('M 4', 5),
	// KW M 6b: a replacement postal voting certificate (vervangend briefstembewijs).
	REPLACEMENT: kw('M 6b', 1),
	REPLACEMENT_WHERE: kw('M 6b', 2),
	REPLACEMENT_CARIBBEAN_DELIVERY: kw('M 6b', 5),
	// The voting checklist (issue 4 item 7): what goes into the return envelope and how it travels.
	POSTAL_PAPERS: kw('M 6', 1),
	POSTAL_VOTE_DECLARATION: kw('M 7', 3),
	POSTAL_VOTE_ID_COPY: kw('M 7', 4),
	RETURN_ENVELOPE_CONTENTS: kw('M 7', 5),
	RETURN_TO_DEN_HAAG: kw('M 7', 6),
	RETURN_POSTAGE: kw('M 7', 6, 'a'),

	// Chapter Pa: the kiescollege niet-ingezetenen (KNI).
	KNI_PROVINCIAL_RULES_APPLY: kw('Pa 1'),
	KNI_VOTERS: kw('Pa 2', 1),
	KNI_CARIBBEAN_EXCEPTION: kw('Pa 2', 2),
	KNI_CARIBBEAN_TEN_YEARS: kw('Pa 2', 2, 'a'),
	KNI_CARIBBEAN_PUBLIC_SERVICE: kw('Pa 2', 2, 'b'),
	KNI_REGISTRATION: kw('Pa 3'),
	KNI_POST_ONLY: kw('Pa 20'),
	KNI_NO_PROXY_OR_PASS: kw('Pa 21'),
	KNI_POSTAL_RULES: kw('Pa 22'),

	// Chapter Y: the European Parliament (EP).
	EP_TK_RULES_APPLY: kw('Y 2'),
	EP_VOTERS: kw('Y 3', undefined, 'a'),
	EP_REGISTER: kw('Y 5a'),
	EP_DECLARATION: kw('Y 6', 1),
	EP_OTHER_STATE_REPORT: kw('Y 6', 3),
	EP_ELECTION_DAY: kw('Y 8', 1),
	EP_NOMINATION_DAY: kw('Y 8', 2),
	EP_EMBASSY_RETURN: kw('Y 22c'),

	// Ex officio changes after a population-register (BRP) change: processed (D 6(2)), removal of
	// whoever no longer qualifies (D 6(3)), each a decision (D 7(2)) notified at once (KB D 10).
	EX_OFFICIO_CHANGE: kw('D 6', 1, 'b'),
	BRP_CHANGES: kw('D 6', 2),
	EX_OFFICIO_REMOVAL: kw('D 6', 3),
	EX_OFFICIO_DECISION: kw('D 7', 2),
	EX_OFFICIO_NOTICE: kb('D 10'),

	// Kiesbesluit chapter D.
	REGISTRATION_DATA: kb('D 4', undefined, 'a'),
	IDENTITY_DOCUMENT_COPY: kb('D 4', undefined, 'b'),
	PUBLIC_SERVICE_DECLARATION: kb('D 4', undefined, 'c'),
	SUBMISSION: kb('D 5', 1),
	SUBMISSION_MINISTER: kb('D 5', 2),
	FORMS_FREE: kb('D 5', 3),
	SUBMISSION_ELECTRONIC: kb('D 5', 4),
	STATUS_REASONS_TERM: kb('D 8'),
	DATA_CHECK: kb('D 6'),
	DECISION_TERM: kb('D 9'),

	// Decisions on the per-election requests (request-decisions.ts).
	// Chapter K: the voter pass (kiezerspas).
	VOTER_PASS_NOT_WITH_PROXY_OR_CERTIFICATE: kw('K 2'),
	VOTER_PASS_DECISION_TERM: kw('K 8', 1),
	// Chapter L: the proxy (volmacht).
	PROXY_HOLDER_CHOSEN_BY_VOTER: kw('L 2', 1),
	PROXY_NOT_AFTER_PASS_OR_CERTIFICATE: kw('L 2', 2),
	PROXY_VOTED_WITH_OWN: kw('L 3'),
	PROXY_REGISTERED_ON_NOMINATION_DAY: kw('L 8', 1),
	PROXY_HOLDER_A_VOTER: kw('L 8', 2),
	PROXY_DECLARATION: kw('L 8', 3),
	PROXY_REFUSAL_HOLDER_NOT_CHOSEN: kw('L 10', undefined, 'a'),
	PROXY_REFUSAL_HOLDER_NOT_A_VOTER: kw('L 10', undefined, 'd'),
	PROXY_NOT_BEFORE_NOMINATION_DAY: kw('L 11', 1),
	PROXY_CERTIFICATE_MADE: kw('L 11', 2),
	PROXY_HOLDER_TOLD: kw('L 11', 3)
	// Chapter M: the postal vote of a resident temporarily abroad, and the replacement certificate.
} satisfies Record<string, LegalRef>);

export type LawName = keyof typeof LAW;

/**
 * Algemene wet bestuursrecht (General Administrative Law Act): the appeal term a decision notice
 * states. Its articles are numbered 'chapter:article' ('6:7'). Linked without a version date: the
 * Kieswet defers to whatever the Awb says at the time of the decision (KW D 8 only departs from
 * it where it says so).
 */
export const AWB = Object.freeze({ prefix: 'Awb', bwbId: 'BWBR0005537' });

const AWB_ARTICLE = /^\d+:\d+[a-z]?$/;

/** An Awb reference: awb('6:7') → 'Awb 6:7'; awb('6:8', 1) → 'Awb 6:8(1)'. */
export function awb(article: string, paragraph?: number): LegalRef {
	if (!AWB_ARTICLE.test(article)) throw new RangeError(`invalid Awb article: ${article}`);
	if (paragraph !== undefined && !(Number.isInteger(paragraph) && paragraph > 0)) {
		throw new RangeError(`invalid paragraph: ${paragraph}`);
	}
	return Object.freeze({
		code: `${AWB.prefix} ${article}${paragraph === undefined ? '' : `(${paragraph})`}`,
		url: `https://wetten.overheid.nl/${AWB.bwbId}#Artikel${article}`
	});
}

/**
 * The explanatory memorandum to the permanent registration (Kamerstuk 34 384 nr. 3): not law, but
 * where the law leaves the office a choice it says how to use it (MvT §7: a new registration from
 * someone already registered is met with a question).
 */
export function mvt(section: string): LegalRef {
	if (!/^\d+(\.\d+)*$/.test(section)) throw new RangeError(`invalid section: ${section}`);
	return Object.freeze({
		code: `MvT §${section}`,
		url: 'https://zoek.officielebekendmakingen.nl/kst-34384-3.html'
	});
}

/** References outside the Kieswet and Kiesbesluit, by name. */
export const OTHER_LAW = Object.freeze({
	// Awb 6:7: six weeks to appeal; 6:8(1): counted from the day after the notice.
	APPEAL_TERM: awb('6:7'),
	APPEAL_TERM_START: awb('6:8', 1),
	// Awb 6:5: what a notice of appeal contains (signed; name, address, date, the decision, grounds).
	APPEAL_CONTENTS: awb('6:5'),
	// MvT §7: someone already registered who sends a new registration form is asked what they meant.
	ALREADY_REGISTERED_ASKED: mvt('7')
} satisfies Record<string, LegalRef>);

/**
 * Terms in days, each with the article that sets it. They changed before and will
 * again: change them here, with the version constants above.
 */
export const TERMS = Object.freeze({
	/** KW D 3(3): a change must be received by the 63rd day before election day. */
	changeDaysBefore: 63,
	/** KW D 3(2): an application must be received by the 42nd day before election day. */
	registrationDaysBefore: 42,
	/** KW D 3(1): a 17-year-old is registered from the 44th day before the 18th birthday. */
	seventeenRegisteredDaysBeforeBirthday: 44,
	/** KW D 3(1): applications are processed from the age of 17. */
	applicationAge: 17,
	/** KW B 1(1), Y 3(a), Pa 2(1): 18 on election day. */
	votingAge: 18,
	/** KW K 7(2), L 9(2): six weeks before election day. */
	proxyOrVoterPassDaysBefore: 42,
	/** KW M 6(3): certificates sent at the latest twelve weeks before election day. */
	certificatesSentDaysBefore: 84,
	/** KW M 3(3): temporarily abroad, received by the 28th day before. */
	temporarilyAbroadDaysBefore: 28,
	/** KW M 5(3): the extract of invalid certificates to the postal voting bureaus by the 8th day before. */
	invalidExtractDaysBefore: 8,
	/** KW M 6b(3): written request for a replacement certificate, by the 12th day before. */
	replacementWrittenDaysBefore: 12,
	/** KW M 6b(4): in-person request for a replacement, by 12:00 on the 9th day before. */
	replacementInPersonDaysBefore: 9,
	/** KW M 7(7): return envelope at an embassy by 10:00 local time on the 5th day before. */
	embassyReturnDaysBefore: 5,
	/** KW Y 22c: for the EP election, the 6th day before. */
	embassyReturnDaysBeforeEp: 6,
	/** KW J 1(1), Y 8(2): election day is the 44th day after nomination day. */
	nominationToElectionDays: 44,
	/** KB D 9: decision at the latest on the 7th day after receipt. */
	decisionDays: 7,
	/** KB D 8: reasons for a negative status answer by the 7th day after the request. */
	statusReasonsDays: 7,
	/** Awb 6:7: an appeal is lodged within six weeks (the default; APPEAL_TERM_WEEKS overrides it). */
	appealTermWeeks: 6
});
