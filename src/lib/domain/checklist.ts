/**
 * The voting checklist for a registered voter abroad (issue 4 item 7): what goes into the return
 * envelope, by when it must be where, and what to do when the papers do not come. Every point
 * with its article and the dates of this election.
 */
import { isIsoDate, type IsoDate } from './dates';
import { postBy } from './deadlines';
import { computeCutoffs, isElectionType, nominationDayFor, type ElectionType } from './elections';
import { LAW, type LegalRef } from './legal';

export type ChecklistInput = {
	type: ElectionType;
	electionDay: IsoDate;
	/** As entered by the office; otherwise 44 days before election day (KW J 1(1), Y 8(2)). */
	nominationDay?: IsoDate | null;
	certificatesSentOn?: IsoDate | null;
};

export type ChecklistCode =
	| 'papers'
	| 'sign_declaration'
	| 'id_copy'
	| 'public_service_declaration'
	| 'envelope'
	| 'return_den_haag'
	| 'postage'
	| 'return_embassy'
	| 'papers_missing'
	| 'papers_missing_caribbean';

export type ChecklistItem = {
	code: ChecklistCode;
	/** Dates (IsoDate) and other values the item's text names. */
	params: Record<string, string>;
	basis: LegalRef[];
};

/** The chapter M rules reach the EP through Y 2 and the KNI through Pa 22: cite the bridge too. */
function viaChapterM(type: ElectionType, basis: LegalRef[]): LegalRef[] {
	if (type === 'EP') return [...basis, LAW.EP_TK_RULES_APPLY];
	if (type === 'KNI') return [...basis, LAW.KNI_POSTAL_RULES];
	return basis;
}

/**
 * The checklist for one election, in the order a voter works through it. With `postalDays` (from
 * the voter's country) the return item says by when to post the envelope.
 */
export function votingChecklist(
	election: ChecklistInput,
	opts: { postalDays?: number | null } = {}
): ChecklistItem[] {
	const { type, electionDay } = election;
	if (!isElectionType(type)) throw new RangeError(`unknown election type: ${type}`);
	if (!isIsoDate(electionDay)) throw new RangeError(`invalid election day: ${electionDay}`);
	const nomination = election.nominationDay ?? nominationDayFor(type, electionDay);
	if (!isIsoDate(nomination)) throw new RangeError(`invalid nomination day: ${nomination}`);
	const cutoffs = computeCutoffs({
		type,
		electionDay,
		certificatesSentOn: election.certificatesSentOn ?? null
	});
	const day = (kind: string) => cutoffs.find((c) => c.kind === kind)!.day;
	const embassy = cutoffs.find((c) => c.kind === 'embassy_return')!;
	const postalDays = opts.postalDays ?? null;
	const m = (basis: LegalRef[]) => viaChapterM(type, basis);

	const items: ChecklistItem[] = [
		// KW M 6(1), M 6(3): certificate, ballot, candidate list, return and ballot envelopes, at the
		// latest twelve weeks before election day (the ballot and list as soon as possible).
		{
			code: 'papers',
			params: { sentBy: day('certificates_sent') },
			basis: m([LAW.POSTAL_PAPERS, LAW.CERTIFICATES_SENT])
		},
		// KW M 7(3): sign the declaration on the certificate that you filled in the ballot yourself.
		{ code: 'sign_declaration', params: {}, basis: m([LAW.POSTAL_VOTE_DECLARATION]) },
		// KW M 7(4): a copy of an identity document valid on nomination day.
		{ code: 'id_copy', params: { nominationDay: nomination }, basis: m([LAW.POSTAL_VOTE_ID_COPY]) },
		// KW M 7(4), B 1(2)(b): public servants in Aruba, Curaçao, Sint Maarten (and their household)
		// add the declaration of Dutch public service.
		{
			code: 'public_service_declaration',
			params: {},
			basis: m([LAW.POSTAL_VOTE_ID_COPY, LAW.CARIBBEAN_PUBLIC_SERVICE])
		},
		// KW M 7(5): certificate, ID copy, declaration and the ballot envelope in the return envelope.
		{ code: 'envelope', params: {}, basis: m([LAW.RETURN_ENVELOPE_CONTENTS]) },
		// KW M 7(6), M 8(1): by post or in person, in Den Haag by 15:00 on election day.
		{
			code: 'return_den_haag',
			params: {
				electionDay,
				...(postalDays !== null ? { postBy: postBy(electionDay, postalDays) } : {})
			},
			basis: m([LAW.RETURN_TO_DEN_HAAG, LAW.DEN_HAAG_RETURN])
		},
		// KW M 7(6)(a): an envelope sent by post carries enough postage (M 8(3): otherwise set aside).
		{ code: 'postage', params: {}, basis: m([LAW.RETURN_POSTAGE]) },
		// KW M 7(7): or at a Dutch embassy or consulate by 10:00 local time on the 5th day before;
		// KW Y 22c: the 6th for the EP.
		{ code: 'return_embassy', params: { day: embassy.day }, basis: embassy.basis },
		// KW M 6b: no certificate, or lost: a replacement, in writing by the 12th day before or in
		// person by 12:00 on the 9th.
		{
			code: 'papers_missing',
			params: {
				written: day('replacement_written'),
				inPerson: day('replacement_in_person')
			},
			basis: m([LAW.REPLACEMENT, LAW.REPLACEMENT_WRITTEN, LAW.REPLACEMENT_IN_PERSON])
		},
		// KW M 6b(5): residents of Aruba, Curaçao, Sint Maarten get the replacement by post or in
		// person only, not by e-mail.
		{ code: 'papers_missing_caribbean', params: {}, basis: m([LAW.REPLACEMENT_CARIBBEAN_DELIVERY]) }
	];
	return items;
}
