/**
 * Countdowns for voters: when to post a form so that it reaches Den Haag by a
 * cut-off, and which election a new registration would count for.
 */
import { EU_MEMBER_STATES, NETHERLANDS } from './countries';
import { addDays, ageOn, amsterdamDay, compareIsoDates, isIsoDate, type IsoDate } from './dates';
import { nominationDayFor, registrationCutoff, type Cutoff, type ElectionType } from './elections';
import { TERMS } from './legal';

/** Used when a table has neither the country nor a `default` entry. */
export const FALLBACK_POSTAL_DAYS = 14;

// Planning assumptions, not law: days a letter typically needs to reach Den Haag.
// Officials may pass their own table; these are deliberately on the safe side.
const EU_AND_NEIGHBOURS = [
	...EU_MEMBER_STATES.filter((c) => c !== NETHERLANDS),
	'AD',
	'AX',
	'CH',
	'GB',
	'IS',
	'LI',
	'MC',
	'NO',
	'SM',
	'VA'
];
const REST_OF_EUROPE = [
	'AL',
	'BA',
	'BY',
	'FO',
	'GG',
	'GI',
	'IM',
	'JE',
	'MD',
	'ME',
	'MK',
	'RS',
	'RU',
	'SJ',
	'TR',
	'UA'
];
const NORTH_AMERICA = ['BM', 'CA', 'GL', 'MX', 'PM', 'US'];
const CARIBBEAN_KINGDOM = ['AW', 'BQ', 'CW', 'SX'];

export const DEFAULT_POSTAL_DAYS: Readonly<Record<string, number>> = Object.freeze({
	default: 14,
	[NETHERLANDS]: 2,
	...Object.fromEntries(EU_AND_NEIGHBOURS.map((c) => [c, 5])),
	...Object.fromEntries(REST_OF_EUROPE.map((c) => [c, 7])),
	...Object.fromEntries(NORTH_AMERICA.map((c) => [c, 10])),
	...Object.fromEntries(CARIBBEAN_KINGDOM.map((c) => [c, 10]))
});

/** Days mail from `country` takes to reach Den Haag, by the table or its default. */
export function postalDaysFor(
	country: string,
	table: Readonly<Record<string, number>> = DEFAULT_POSTAL_DAYS
): number {
	return table[country] ?? table['default'] ?? FALLBACK_POSTAL_DAYS;
}

/**
 * The last day to post a form so that it arrives by a cut-off day: every cut-off
 * is "received by" (e.g. KW D 3(2)), so the postal days come off the cut-off.
 */
export function postBy(cutoffDay: IsoDate, postalDays: number): IsoDate {
	if (!Number.isInteger(postalDays) || postalDays < 0) {
		throw new RangeError(`invalid postal days: ${postalDays}`);
	}
	return addDays(cutoffDay, -postalDays);
}

export type PlannedElection = {
	id: string;
	type: ElectionType;
	/** Null while the day is not yet known. */
	electionDay: IsoDate | null;
	/** The day is expected but not yet fixed by decree. */
	provisional: boolean;
};

export type RegistrationTarget<E extends PlannedElection = PlannedElection> = {
	election: E;
	cutoff: Cutoff;
};

/**
 * The election a registration applied for now would first count for: the
 * earliest (by election day) election of one of `types` whose registration
 * cut-off (received by the 42nd day before, KW D 3(2)) is still open at `now`,
 * and for which the voter is 18 on election day (KW B 1(1), Y 3(a), Pa 2(1)).
 * Provisional elections count (the caller shows them as such); elections without
 * a day do not.
 *
 * Without a date of birth, `startsOn` (from assessAge: the day the registration
 * would take effect, KW D 3(1)) stands in for the age check: a registration that
 * only takes effect after nomination day (a 17-year-old whose 18th birthday falls
 * after election day, as nomination day is 44 days before it) does not count.
 * One that takes effect on the decision (an adult, or a 17-year-old whose start
 * was brought forward to the decision) counts if the cut-off is open, as D 3(2)
 * says; only the date of birth can then tell a 17-year-old turning 18 on the day
 * after election day, so pass it when known.
 */
export function nextRegistrationTarget<E extends PlannedElection>(
	elections: readonly E[],
	types: readonly ElectionType[],
	now: Date,
	opts: { dateOfBirth?: IsoDate; startsOn?: IsoDate | null } = {}
): RegistrationTarget<E> | null {
	const { dateOfBirth, startsOn } = opts;
	const today = amsterdamDay(now);
	let best: { target: RegistrationTarget<E>; electionDay: IsoDate } | null = null;
	for (const election of elections) {
		const electionDay = election.electionDay;
		if (electionDay === null || !types.includes(election.type)) continue;
		if (!isIsoDate(electionDay)) throw new RangeError(`invalid election day: ${electionDay}`);
		if (dateOfBirth !== undefined && ageOn(dateOfBirth, electionDay) < TERMS.votingAge) continue;
		if (
			dateOfBirth === undefined &&
			startsOn !== undefined &&
			startsOn !== null &&
			compareIsoDates(startsOn, today) > 0 &&
			compareIsoDates(startsOn, nominationDayFor(election.type, electionDay)) > 0
		) {
			continue;
		}
		const registration = registrationCutoff({ type: election.type, electionDay });
		if (now.getTime() > registration.closesAt.getTime()) continue;
		// Ties on election day (several elections on one day) keep the order given.
		if (best === null || compareIsoDates(electionDay, best.electionDay) < 0) {
			best = { target: { election, cutoff: registration }, electionDay };
		}
	}
	return best === null ? null : best.target;
}
