/**
 * A cut-off as a page shows it: the day and instant it closes, by when to post or upload so that
 * the form arrives in time, and the article behind it. Plain data, shared by server and client.
 */
import type { CutoffKind, ElectionType, IsoDate, LegalRef } from '$lib/domain';
import type { MessageRef } from './engine';

export type DeadlineView = {
	election: { slug: string; type: ElectionType; electionDay: IsoDate; provisional: boolean };
	kind: CutoffKind;
	/** The calendar day in Den Haag (Europe/Amsterdam). */
	day: IsoDate;
	time: 'end-of-day' | '12:00' | '15:00' | '10:00';
	/** The instant it closes (ISO 8601, UTC); null where the time is local to an embassy. */
	closesAt: string | null;
	/** Post it by this day so that it arrives in time (postal days from the voter's country). */
	postBy: IsoDate | null;
	/** Upload or e-mail the scan by this day (Den Haag accepts electronic submission, KB D 5(4)). */
	uploadBy: IsoDate | null;
	basis: LegalRef[];
	/** Why this date, where it is not simply the article's day (e.g. the earlier of two rules). */
	explanation?: MessageRef;
	/** What it means once the cut-off has passed ("a change now counts for the next election"). */
	afterwards?: MessageRef;
};
