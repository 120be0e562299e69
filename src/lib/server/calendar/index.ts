/**
 * The public deadlines: every cut-off of every upcoming election as JSON and as an iCalendar feed
 * a phone can subscribe to. Public data only; nothing about any voter.
 */
import ical, { ICalCalendarMethod } from 'ical-generator';
import {
	LAW,
	amsterdamDay,
	computeCutoffs,
	isElectionType,
	isIsoDate,
	type Cutoff,
	type CutoffKind,
	type ElectionType,
	type IsoDate,
	type LegalRef
} from '$lib/domain';
import { message } from '$lib/i18n';
import * as clock from '$lib/server/clock';
import * as elections from '$lib/server/elections';

/** The API's names for the cut-offs, each with the article that sets it. */
export const CUTOFF_IDS = [
	'change',
	'registration',
	'proxy',
	'voterPass',
	'temporaryAbroadPostal',
	'replacementWritten',
	'replacementInPerson',
	'returnEnvelope',
	'embassyReturn'
] as const;
export type CutoffId = (typeof CUTOFF_IDS)[number];

const API: { id: CutoffId; kind: CutoffKind; basis: (type: ElectionType) => LegalRef }[] = [
	{ id: 'change', kind: 'change', basis: () => LAW.CHANGE_CUTOFF },
	{ id: 'registration', kind: 'registration', basis: () => LAW.REGISTRATION_CUTOFF },
	// One cut-off in the rules (K 7, L 9 and the certificate rule K 8(2), L 10(b)), two requests.
	{ id: 'proxy', kind: 'proxy_or_voter_pass', basis: () => LAW.PROXY_CUTOFF },
	{ id: 'voterPass', kind: 'proxy_or_voter_pass', basis: () => LAW.VOTER_PASS_CUTOFF },
	{
		id: 'temporaryAbroadPostal',
		kind: 'temporarily_abroad',
		basis: () => LAW.TEMPORARILY_ABROAD_CUTOFF
	},
	{ id: 'replacementWritten', kind: 'replacement_written', basis: () => LAW.REPLACEMENT_WRITTEN },
	{
		id: 'replacementInPerson',
		kind: 'replacement_in_person',
		basis: () => LAW.REPLACEMENT_IN_PERSON
	},
	{ id: 'returnEnvelope', kind: 'den_haag_return', basis: () => LAW.DEN_HAAG_RETURN },
	{
		id: 'embassyReturn',
		kind: 'embassy_return',
		basis: (type) => (type === 'EP' ? LAW.EP_EMBASSY_RETURN : LAW.EMBASSY_RETURN)
	}
];

export type ApiCutoff = {
	id: CutoffId;
	/** The calendar day in Europe/Amsterdam. */
	date: IsoDate;
	/** The instant it closes (UTC); null where the time is local to an embassy abroad. */
	closesAt: string | null;
	basis: { article: string; url: string };
};

/** The API's cut-offs, each with the rule's own cut-off (for its time of day). */
function pairs(type: ElectionType, cutoffs: Cutoff[]): { api: ApiCutoff; rule: Cutoff }[] {
	return API.flatMap(({ id, kind, basis }) => {
		const rule = cutoffs.find((c) => c.kind === kind);
		if (!rule) return [];
		const ref = basis(type);
		const api: ApiCutoff = {
			id,
			date: rule.day,
			closesAt: rule.closesAt?.toISOString() ?? null,
			basis: { article: ref.code, url: ref.url }
		};
		return [{ api, rule }];
	});
}

export type CutoffQuery = { electionDay: IsoDate; type: ElectionType };

/** Validates `?electionDay=YYYY-MM-DD&type=TK|EP|KNI`; errors are message keys. */
export function parseCutoffQuery(
	params: URLSearchParams
): { ok: true; query: CutoffQuery } | { ok: false; error: string } {
	const electionDay = params.get('electionDay') ?? '';
	const type = params.get('type') ?? '';
	if (!isIsoDate(electionDay)) return { ok: false, error: 'api_error_election_day' };
	if (!isElectionType(type)) return { ok: false, error: 'api_error_type' };
	return { ok: true, query: { electionDay, type } };
}

/** The cut-offs for any election day and type (no certificate day known: six weeks for proxy). */
export function cutoffsFor({ electionDay, type }: CutoffQuery) {
	const cutoffs = pairs(type, computeCutoffs({ type, electionDay })).map((p) => p.api);
	return { electionDay, type, cutoffs };
}

export type ApiElection = {
	id: string;
	type: ElectionType;
	electionDay: IsoDate | null;
	nominationDay: IsoDate | null;
	certificatesSentOn: IsoDate | null;
	/** True until the office confirms the day against the official announcement. */
	provisional: boolean;
	cutoffs: ApiCutoff[];
};

/** Elections whose day is today or later, or not yet set, each with its rules' cut-offs. */
async function upcomingWithRules(now: Date) {
	const today = amsterdamDay(now);
	return (await elections.list())
		.filter((e) => e.electionDay === null || e.electionDay >= today)
		.map((e) => ({
			election: e,
			pairs: e.electionDay
				? pairs(
						e.type,
						computeCutoffs({
							type: e.type,
							electionDay: e.electionDay,
							certificatesSentOn: e.certificatesSentOn
						})
					)
				: []
		}));
}

/** Elections whose day is today or later, or not yet set. */
export async function upcoming(now = clock.now()): Promise<ApiElection[]> {
	return (await upcomingWithRules(now)).map(({ election: e, pairs }) => ({
		id: e.slug,
		type: e.type,
		electionDay: e.electionDay,
		nominationDay: e.nominationDay,
		certificatesSentOn: e.certificatesSentOn,
		provisional: e.provisional,
		cutoffs: pairs.map((p) => p.api)
	}));
}

/**
 * An iCalendar feed of the upcoming cut-offs (optionally of one election, one type, or one kind of
 * cut-off, for an "add to calendar" link beside it) in the given language. Cut-offs at the end of a day are all-day events; those at a time in Den Haag
 * (12:00, 15:00) are events ending at that instant; the embassy's 10:00 is local, so all-day.
 */
export async function feed(
	locale: string,
	filter: { election?: string; type?: string; kind?: string } = {},
	now = clock.now()
): Promise<string> {
	const calendar = ical({
		name: message('api_calendar_name', {}, locale),
		method: ICalCalendarMethod.PUBLISH,
		prodId: { company: 'gemeente Den Haag', product: 'kiezer-buitenland', language: locale },
		ttl: 60 * 60 * 6
	});
	for (const { election, pairs: cutoffs } of await upcomingWithRules(now)) {
		if (filter.election && election.slug !== filter.election) continue;
		if (filter.type && election.type !== filter.type) continue;
		if (!election.electionDay) continue;
		const name = message(
			'api_calendar_election',
			{ type: election.type, date: election.electionDay },
			locale
		);
		for (const { api, rule } of cutoffs) {
			if (filter.kind && rule.kind !== filter.kind) continue;
			const description = [
				message(`api_cutoff_${api.id}_description`, {}, locale),
				election.provisional ? message('deadline_provisional', {}, locale) : '',
				`${message('legal_basis', {}, locale)} ${api.basis.article} ${api.basis.url}`
			]
				.filter(Boolean)
				.join('\n');
			const event = {
				id: `${election.slug}-${api.id}@kiezer-buitenland.denhaag.nl`,
				summary: `${message(`api_cutoff_${api.id}`, {}, locale)} – ${name}`,
				description
			};
			if (rule.time !== 'end-of-day' && rule.closesAt) {
				// 12:00 or 15:00 in Den Haag: an hour that ends when the cut-off closes.
				const end = rule.closesAt;
				calendar.createEvent({ ...event, start: new Date(end.getTime() - 3_600_000), end });
			} else {
				// The end of a day in Den Haag, or 10:00 local time at an embassy: the whole day.
				calendar.createEvent({ ...event, start: rule.day, allDay: true });
			}
		}
	}
	return calendar.toString();
}
