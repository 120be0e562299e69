/**
 * A cut-off of a per-election request as the pages show it (DeadlineView): the day in Den Haag,
 * the instant it closes, and by when to post the signed form from the voter's country (the post's
 * days come off the "received by" day) or to e-mail its scan.
 */
import {
	DEFAULT_POSTAL_DAYS,
	postBy,
	postalDaysFor,
	type Cutoff,
	type ElectionType,
	type IsoDate
} from '$lib/domain';
import type { DeadlineView } from '$lib/journeys/deadlines';
import type { MessageRef } from '$lib/journeys/engine';
import * as config from '$lib/server/config';

type Election = { slug: string; type: ElectionType; electionDay: IsoDate; provisional: boolean };

export function deadlineView(
	election: Election,
	cutoff: Cutoff,
	opts: {
		/** Where the form is posted from (ISO code); null when it is not sent by post at all. */
		postFrom: string | null;
		/** Whether Den Haag takes a scan by e-mail or upload for this request. */
		electronic: boolean;
		explanation?: MessageRef;
		afterwards?: MessageRef;
	}
): DeadlineView {
	const table = { ...DEFAULT_POSTAL_DAYS, ...config.postalDaysOverrides() };
	return {
		election: {
			slug: election.slug,
			type: election.type,
			electionDay: election.electionDay,
			provisional: election.provisional
		},
		kind: cutoff.kind,
		day: cutoff.day,
		time: cutoff.time,
		closesAt: cutoff.closesAt ? cutoff.closesAt.toISOString() : null,
		postBy: opts.postFrom === null ? null : postBy(cutoff.day, postalDaysFor(opts.postFrom, table)),
		uploadBy: opts.electronic ? cutoff.day : null,
		basis: cutoff.basis,
		...(opts.explanation ? { explanation: opts.explanation } : {}),
		...(opts.afterwards ? { afterwards: opts.afterwards } : {})
	};
}
