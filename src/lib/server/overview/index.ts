/**
 * The elections overview and the voting checklist as pages show them (issue 4 items 2 and 7):
 * the domain's answers for the portal's clock and the election calendar, as plain data (instants
 * as ISO strings), with the journey each action starts and the voter's own postal days and time
 * zone. Public data, except `forVoter`, which reads the signed-in voter's own registration.
 */
import {
	COUNTRY_CODES,
	DEFAULT_TIME_ZONE,
	REGISTERED_VOTER_ACTIONS,
	amsterdamDay,
	canonicalTimeZone,
	countryTimeZone,
	electionsOverview,
	isCountryCode,
	nominationDayOf,
	postalDaysFor,
	votingChecklist,
	type ChecklistItem,
	type ElectionOverview,
	type ElectionType,
	type OverviewElectionInput
} from '$lib/domain';
import { actionHref, type ElectionView } from '$lib/journeys/overview';
import * as clock from '$lib/server/clock';
import * as elections from '$lib/server/elections';
import * as registrations from '$lib/server/registrations';

export type { ActionView, ElectionView } from '$lib/journeys/overview';

function view(o: ElectionOverview): ElectionView {
	const e = o.election;
	return {
		...o,
		nominationDay: e.electionDay ? nominationDayOf({ ...e, electionDay: e.electionDay }) : null,
		actions: o.actions.map((a) => ({
			...a,
			closesAt: a.closesAt?.toISOString() ?? null,
			href: actionHref(a.kind, e.slug)
		}))
	};
}

const inputOf = (e: elections.Election): OverviewElectionInput => ({
	slug: e.slug,
	type: e.type,
	electionDay: e.electionDay,
	nominationDay: e.nominationDay,
	certificatesSentOn: e.certificatesSentOn,
	provisional: e.provisional
});

/** What the voter chose in the page's GET form; each part checked, errors as message keys. */
export type Preferences = {
	country: string | null;
	/**
	 * The time zone chosen; else the one the chosen country keeps (countryTimeZone); else null:
	 * Den Haag's, and the browser's own where a page runs JavaScript.
	 */
	timeZone: string | null;
	errors: { country?: string; timeZone?: string };
};

/** Reads `?country=DE&tz=America/New_York`; an empty value means "not chosen". */
export function preferences(params: URLSearchParams, now: Date = clock.now()): Preferences {
	const errors: Preferences['errors'] = {};
	const rawCountry = (params.get('country') ?? '').trim().toUpperCase();
	const rawZone = (params.get('tz') ?? '').trim();
	let country: string | null = null;
	let timeZone: string | null = null;
	if (rawCountry) {
		if (isCountryCode(rawCountry)) country = rawCountry;
		else errors.country = 'overview_error_country';
	}
	if (rawZone) {
		timeZone = canonicalTimeZone(rawZone);
		if (!timeZone) errors.timeZone = 'overview_error_time_zone';
	} else if (country) {
		timeZone = countryTimeZone(country, now);
	}
	return { country, timeZone, errors };
}

/** The time zones offered in the form: every zone the runtime knows, plus the one chosen. */
export function timeZones(chosen: string | null): string[] {
	const zones = Intl.supportedValuesOf('timeZone');
	const all = new Set([DEFAULT_TIME_ZONE, 'UTC', ...zones]);
	if (chosen) all.add(chosen);
	return [...all].sort();
}

export const countries = (): readonly string[] => COUNTRY_CODES;

/** Every upcoming election, for everyone: all actions, post-by days when a country is chosen. */
export async function forPublic(opts: { country?: string | null; now?: Date } = {}) {
	const now = opts.now ?? clock.now();
	const postalDays = opts.country ? postalDaysFor(opts.country) : null;
	const list = (await elections.list()).map(inputOf);
	return {
		now: now.toISOString(),
		postalDays,
		elections: electionsOverview(list, now, { postalDays }).map(view)
	};
}

export type VoterOverview = {
	now: string;
	registered: boolean;
	types: ElectionType[];
	/** The country the voter lives in (for postal days), or the one chosen on the page. */
	country: string | null;
	postalDays: number | null;
	elections: ElectionView[];
};

/**
 * The signed-in voter's own overview: the elections of the types they are registered for, with the
 * actions a registered voter abroad takes (not registering, nor the resident's request), and the
 * post-by days from the country they live in unless they chose another.
 */
export async function forVoter(
	accountId: string,
	opts: { country?: string | null; now?: Date } = {}
): Promise<VoterOverview> {
	const now = opts.now ?? clock.now();
	const found = await registrations.findForAccount(accountId, amsterdamDay(now));
	const active = found?.registration.status === 'active' && found.standing.registered;
	const types = active ? found!.standing.types.map((t) => t.type) : [];
	const country = opts.country ?? (active ? found!.registration.residentialAddress.country : null);
	const postalDays = country && isCountryCode(country) ? postalDaysFor(country) : null;
	const list = (await elections.list()).map(inputOf);
	return {
		now: now.toISOString(),
		registered: active,
		types,
		country,
		postalDays,
		elections: active
			? electionsOverview(list, now, { postalDays, kinds: REGISTERED_VOTER_ACTIONS, types }).map(
					view
				)
			: []
	};
}

export type ChecklistView = {
	election: { slug: string; type: ElectionType; electionDay: string; provisional: boolean };
	nominationDay: string;
	items: ChecklistItem[];
	postalDays: number | null;
	now: string;
	/** The return envelope's cut-offs, each with its countdown: the checklist's dates at a glance. */
	overview: ElectionView | null;
};

/**
 * The voting checklist of an election, or null when there is no such election or its day is not
 * yet known (nothing to count back from).
 */
export async function checklist(
	slug: string,
	opts: { country?: string | null; now?: Date } = {}
): Promise<ChecklistView | null> {
	const election = await elections.get(slug);
	if (!election || !election.electionDay) return null;
	const now = opts.now ?? clock.now();
	const postalDays = opts.country ? postalDaysFor(opts.country) : null;
	const input = inputOf(election);
	const dated = { ...input, electionDay: election.electionDay };
	const [overview] = electionsOverview([input], now, {
		postalDays,
		kinds: ['replacement_written', 'replacement_in_person', 'embassy_return', 'den_haag_return']
	});
	return {
		election: {
			slug: election.slug,
			type: election.type,
			electionDay: election.electionDay,
			provisional: election.provisional
		},
		nominationDay: nominationDayOf(dated),
		items: votingChecklist(dated, { postalDays }),
		postalDays,
		now: now.toISOString(),
		overview: overview ? view(overview) : null
	};
}
