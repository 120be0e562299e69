/**
 * Checks on the election calendar the office enters. Election days are set by law and royal
 * decree, so they are data, not constants; but the law fixes enough of their shape to catch a
 * typing error before voters see a wrong cut-off: the EP votes on a Thursday (KW Y 8(1)), election
 * day is the 44th day after nomination (J 1(1), Y 8(2)), and the postal voting certificates go out
 * at the latest twelve weeks before election day (M 6(3)).
 */
import { addDays, compareIsoDates, daysBetween, weekday, type IsoDate } from './dates';
import type { ElectionType } from './elections';
import { LAW, TERMS, type LegalRef } from './legal';

export type ElectionCalendarDates = {
	type: ElectionType;
	electionDay: IsoDate | null;
	nominationDay: IsoDate | null;
	certificatesSentOn: IsoDate | null;
};

export type ElectionDateField = 'electionDay' | 'nominationDay' | 'certificatesSentOn';

export const ELECTION_CALENDAR_ISSUES = Object.freeze([
	'election_day_required',
	'nomination_day_required',
	'certificates_day_required',
	'ep_not_thursday',
	'nomination_not_44_days',
	'nomination_span',
	'nomination_weekend',
	'certificates_too_late'
] as const);

export type ElectionCalendarIssueCode = (typeof ELECTION_CALENDAR_ISSUES)[number];

export type ElectionCalendarIssue = {
	field: ElectionDateField;
	code: ElectionCalendarIssueCode;
	basis: LegalRef[];
	params?: Record<string, string>;
};

/**
 * KW F 1(3): a royal decree may move nomination day to the Monday up to the Friday before the
 * regular Monday (3 to 7 days earlier), and J 1(1) then lets election day move later by no more
 * than that. So the span between them is 44 days, or up to 44 + 7 under such a decree.
 */
export const MAX_NOMINATION_ADVANCE_DAYS = 7;

const THURSDAY = 4;

/**
 * What is wrong with an election's dates, field by field, each issue with its article. Dates may
 * be left open while the day is unknown (the EP before the EU sets its period); `confirming` asks
 * for all three, because a confirmed election drops the "provisional" label voters see.
 */
export function checkElectionDates(
	dates: ElectionCalendarDates,
	opts: { confirming?: boolean } = {}
): ElectionCalendarIssue[] {
	const issues: ElectionCalendarIssue[] = [];
	const { type, electionDay, nominationDay, certificatesSentOn } = dates;
	const dayBasis = type === 'EP' ? [LAW.EP_ELECTION_DAY] : [LAW.NOMINATION_DAY, LAW.ELECTION_DAY];
	const nominationBasis =
		type === 'EP' ? [LAW.EP_NOMINATION_DAY] : [LAW.ELECTION_DAY, LAW.NOMINATION_DAY_ROYAL_DECREE];

	if (electionDay === null) {
		// The other days are counted from election day: without it they mean nothing.
		if (opts.confirming || nominationDay !== null || certificatesSentOn !== null) {
			issues.push({ field: 'electionDay', code: 'election_day_required', basis: dayBasis });
		}
		return issues;
	}

	// KW Y 8(1): the EP election is held on the Thursday of the period the EU sets.
	if (type === 'EP' && weekday(electionDay) !== THURSDAY) {
		issues.push({ field: 'electionDay', code: 'ep_not_thursday', basis: [LAW.EP_ELECTION_DAY] });
	}

	const expected = addDays(electionDay, -TERMS.nominationToElectionDays);
	if (nominationDay === null) {
		if (opts.confirming) {
			issues.push({
				field: 'nominationDay',
				code: 'nomination_day_required',
				basis: nominationBasis,
				params: { date: expected }
			});
		}
	} else {
		const span = daysBetween(nominationDay, electionDay);
		if (type === 'EP' && span !== TERMS.nominationToElectionDays) {
			// KW Y 8(2): exactly the 44th day before; no decree moves it.
			issues.push({
				field: 'nominationDay',
				code: 'nomination_not_44_days',
				basis: nominationBasis,
				params: { date: expected }
			});
		} else if (
			type !== 'EP' &&
			(span < TERMS.nominationToElectionDays ||
				span > TERMS.nominationToElectionDays + MAX_NOMINATION_ADVANCE_DAYS)
		) {
			// KW J 1(1) with F 1(3); after a dissolution (F 2) J 1(1) still counts 44 days.
			issues.push({
				field: 'nominationDay',
				code: 'nomination_span',
				basis: nominationBasis,
				params: { date: expected }
			});
		}
		// KW F 1(1), F 1(3): the provincial nomination (and so the KNI's, Pa 1) is on a Monday, or
		// by royal decree on a weekday before it; never at a weekend.
		const day = weekday(nominationDay);
		if (type === 'KNI' && (day === 0 || day === 6)) {
			issues.push({
				field: 'nominationDay',
				code: 'nomination_weekend',
				basis: [LAW.NOMINATION_DAY, LAW.NOMINATION_DAY_ROYAL_DECREE, LAW.KNI_PROVINCIAL_RULES_APPLY]
			});
		}
	}

	// KW M 6(3): certificates go out at the latest twelve weeks before election day.
	const latest = addDays(electionDay, -TERMS.certificatesSentDaysBefore);
	if (certificatesSentOn === null) {
		if (opts.confirming) {
			issues.push({
				field: 'certificatesSentOn',
				code: 'certificates_day_required',
				basis: [LAW.CERTIFICATES_SENT],
				params: { date: latest }
			});
		}
	} else if (compareIsoDates(certificatesSentOn, latest) > 0) {
		issues.push({
			field: 'certificatesSentOn',
			code: 'certificates_too_late',
			basis: [LAW.CERTIFICATES_SENT],
			params: { date: latest }
		});
	}
	return issues;
}
