/**
 * The deadline widget (issue 5): a small standalone page that expat associations embed in their
 * own sites with an iframe, showing the next cut-offs of the coming elections in a chosen
 * language and linking into a guided journey (README, "Deadline widget").
 *
 * It is the same document for everyone who asks for the same URL: it reads no cookie, no session
 * and no request header (the hooks skip language negotiation and the session for /widget/, see
 * `exceptWidget`), and it neither logs nor stores anything, so any cache may keep it a while.
 */
import { countdownToDay, type ActionKind, type ElectionType, type IsoDate } from '$lib/domain';
import type { ElectionView } from '$lib/journeys/overview';
import { registerStart } from '$lib/paths';
import { baseLocale, isLocale, localizeHref, type Locale } from '$lib/paraglide/runtime';
import * as clock from '$lib/server/clock';
import * as config from '$lib/server/config';
import * as overview from '$lib/server/overview';
import { CONTENT_SECURITY_POLICY, render } from './render';

/** A guided link's code, as `/go/<code>` takes it; anything else in `?link=` is ignored. */
export const LINK_CODE = /^[A-Za-z0-9_-]{8,64}$/;

/**
 * The cut-offs a voter abroad acts on before an election, shown as the overview sorts them (by
 * day): a change counts if received by the 63rd day before (KW D 3(3)), an application for
 * registration by the 42nd (D 3(2)), a proxy or voter pass by six weeks or before the
 * certificates go out (K 7, L 9, K 8(2)), the return envelope in Den Haag by 15:00 on election day
 * (M 8(1)). Not the request of a resident temporarily abroad (M 3(3): people living in the
 * Netherlands), nor the replacement certificate (only for papers that went missing), nor the
 * embassy's 10:00 local time (a time the widget cannot state for a reader anywhere): the
 * elections page the widget links to has them all.
 */
export const WIDGET_KINDS: readonly ActionKind[] = Object.freeze([
	'change',
	'registration',
	'proxy_or_voter_pass',
	'den_haag_return'
]);

/** At most this many elections: the widget lives in a narrow column of someone else's page. */
export const MAX_ELECTIONS = 2;

export type WidgetQuery = { locale: Locale; link: string | null };

/**
 * Reads `?lang=en&link=<code>`. An unknown language falls back to `fallback` (the language of the
 * URL: Dutch at /widget/…), a malformed code to no code; nothing a query holds is an error, so a
 * copied snippet with a typo still shows a widget rather than a failure in someone else's page.
 */
export function parseQuery(params: URLSearchParams, fallback: Locale = baseLocale): WidgetQuery {
	const lang = params.get('lang');
	const link = params.get('link');
	return {
		locale: isLocale(lang) ? lang : fallback,
		link: link !== null && LINK_CODE.test(link) ? link : null
	};
}

export type WidgetCutoff = {
	kind: ActionKind;
	/** The day in Den Haag by which it must be received. */
	day: IsoDate;
	/** Calendar days in Den Haag from today to that day: 0 on the day itself. */
	days: number;
};

export type WidgetElection = {
	slug: string;
	type: ElectionType;
	electionDay: IsoDate;
	provisional: boolean;
	cutoffs: WidgetCutoff[];
};

/**
 * The elections the widget shows at `now`: the first `MAX_ELECTIONS` with a day and at least one
 * of `WIDGET_KINDS` still open, each with those open cut-offs. `elections` is the public overview
 * (`overview.forPublic`), already sorted by election day.
 */
export function nextDeadlines(elections: readonly ElectionView[], now: Date): WidgetElection[] {
	return elections
		.flatMap((view): WidgetElection[] => {
			const { election } = view;
			// An election whose day is not yet known has no cut-offs to count down to.
			if (!view.dated || election.electionDay === null) return [];
			const cutoffs = view.actions
				.filter((a) => a.open && WIDGET_KINDS.includes(a.kind))
				.map((a) => ({ kind: a.kind, day: a.day, days: countdownToDay(a.day, now).days }));
			if (cutoffs.length === 0) return [];
			return [
				{
					slug: election.slug,
					type: election.type,
					electionDay: election.electionDay,
					provisional: election.provisional,
					cutoffs
				}
			];
		})
		.slice(0, MAX_ELECTIONS);
}

export type WidgetLinks = {
	/** The call to action: the guided link when one is given, else the registration's start. */
	action: string;
	guided: boolean;
	/** Every cut-off of every election, in the widget's language. */
	elections: string;
};

/**
 * Absolute links on the portal's public origin: relative ones would also resolve against the
 * iframe's address, but the widget's HTML may be copied or proxied, and then must still lead here.
 */
export function links(query: WidgetQuery, origin: string): WidgetLinks {
	const base = new URL(origin).origin;
	const localized = (path: string) => base + localizeHref(path, { locale: query.locale });
	return {
		action: query.link ? `${base}/go/${query.link}` : localized(registerStart),
		guided: query.link !== null,
		elections: localized('/elections')
	};
}

export type WidgetView = {
	locale: Locale;
	elections: WidgetElection[];
	links: WidgetLinks;
};

/** What the widget shows for `query` at the portal's clock (CLOCK in tests). */
export async function view(query: WidgetQuery, now: Date = clock.now()): Promise<WidgetView> {
	const { elections } = await overview.forPublic({ now });
	return {
		locale: query.locale,
		elections: nextDeadlines(elections, now),
		links: links(query, config.origin())
	};
}

/**
 * The response headers. Framable by any site (`frame-ancestors *`; the platform hook leaves out
 * X-Frame-Options for /widget/), nothing may run (`script-src 'none'`), only its own stylesheet
 * applies (by hash). Public for five minutes: a countdown in days is still right, and an
 * association's busy page costs the portal one request per cache and five minutes. No Vary: the
 * document depends on its URL alone.
 */
export const HEADERS: Readonly<Record<string, string>> = Object.freeze({
	'Content-Type': 'text/html; charset=utf-8',
	'Content-Security-Policy': CONTENT_SECURITY_POLICY,
	'Cache-Control': 'public, max-age=300'
});

/** The widget's whole answer for a query. */
export async function respond(query: WidgetQuery): Promise<Response> {
	return new Response(render(await view(query)), { headers: HEADERS });
}
