/**
 * Guided links (issue 5): an association's short link (`/go/CODE`) that starts a journey in a
 * chosen language with answers pre-filled, its QR code and poster, and its counts. Import as a
 * namespace: `import * as links from '$lib/server/links'`.
 *
 * Nothing about a voter flows back. A visit, a start and a form each add one to a total on the
 * link's row, and that is all that is stored: no row per event, no time, no IP address, no cookie.
 * The draft a link started remembers the link only until its form is produced (to add that one
 * form to the total), then forgets it. The association sees the totals masked below ten.
 */
import { randomInt } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import {
	amsterdamDay,
	amsterdamInstant,
	isCountryCode,
	isValidCalendarDate,
	formatIsoDate,
	maskCount,
	type MaskedCount
} from '$lib/domain';
import { JOURNEYS, journeyPath, type JourneyId } from '$lib/journeys/catalogue';
import { firstIssues, type Answers } from '$lib/journeys/engine';
import { flowPath } from '$lib/paths';
import { locales, localizeHref } from '$lib/paraglide/runtime';
import { db, type Db } from '$lib/server/db';
import { associations, guidedLinks, type GuidedLink } from '$lib/server/db/schema';
import * as audit from '$lib/server/audit';
import * as calendar from '$lib/server/calendar';
import * as clock from '$lib/server/clock';
import { origin } from '$lib/server/config';
import * as drafts from '$lib/server/drafts';
import * as journeys from '$lib/server/journeys';
import * as registration from '$lib/server/registration';
import { actorOf } from '$lib/server/auth/accounts';

export { posterPdf } from './poster';
export { qrPng, qrSvg } from './images';
export type { GuidedLink };

const JOURNEY_IDS = JOURNEYS.map((j) => j.id) as [JourneyId, ...JourneyId[]];

// 20 characters of base62: 119 random bits. Short enough to type from a poster, far too many to
// guess or enumerate (the landing page is also rate-limited like every page that makes a draft).
const CODE_ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const CODE_LENGTH = 20;
const CODE = /^[0-9A-Za-z]{20}$/;

export function newCode(): string {
	return Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(62)]).join('');
}

export const isCode = (code: string) => CODE.test(code);

/** The short link printed on posters and in QR codes. */
export const shortUrl = (code: string) => `${origin()}/go/${code}`;

/** The journeys whose start takes each pre-fill (the others ignore it, and the form says so). */
export const TAKES_COUNTRY: readonly JourneyId[] = ['registration', 'change'];
export const TAKES_ELECTION: readonly JourneyId[] = [
	'vote_choice',
	'temporarily_abroad',
	'replacement'
];

export type LinkValues = {
	journey: string;
	locale: string;
	country: string;
	election: string;
	campaign: string;
	expires_day: string;
	expires_month: string;
	expires_year: string;
};

export function readLinkForm(form: FormData): LinkValues {
	const get = (k: string) => String(form.get(k) ?? '').slice(0, 200);
	return {
		journey: get('journey'),
		locale: get('locale'),
		country: get('country'),
		election: get('election'),
		campaign: get('campaign'),
		expires_day: get('expires_day'),
		expires_month: get('expires_month'),
		expires_year: get('expires_year')
	};
}

export type FieldErrors = Partial<Record<keyof LinkValues | 'expires', string>>;

const linkSchema = (electionSlugs: readonly string[], today: string) =>
	z.object({
		journey: z.enum(JOURNEY_IDS, { message: 'links_journey_error_required' }),
		locale: z.enum(locales, { message: 'links_locale_error_required' }),
		country: z
			.string()
			.trim()
			.toUpperCase()
			.refine((v) => v === '' || isCountryCode(v), 'links_country_error_invalid'),
		election: z
			.string()
			.refine((v) => v === '' || electionSlugs.includes(v), 'links_election_error_invalid'),
		campaign: z.string().trim().max(60, 'links_campaign_error_too_long'),
		expires: z
			.object({ day: z.string().trim(), month: z.string().trim(), year: z.string().trim() })
			.transform((d, ctx) => {
				if (!d.day && !d.month && !d.year) return null;
				const [day, month, year] = [Number(d.day), Number(d.month), Number(d.year)];
				if (
					![day, month, year].every(Number.isInteger) ||
					year < 2000 ||
					year > 2200 ||
					!isValidCalendarDate(year, month, day)
				) {
					ctx.addIssue({ code: 'custom', message: 'links_expires_error_invalid' });
					return z.NEVER;
				}
				const iso = formatIsoDate(year, month, day);
				if (iso < today) {
					ctx.addIssue({ code: 'custom', message: 'links_expires_error_past' });
					return z.NEVER;
				}
				return iso;
			})
	});

/** What the new-link form offers: the upcoming elections (for the optional election). */
export async function formChoices(now = clock.now()) {
	return { elections: await calendar.upcoming(now) };
}

type Member = { accountId: string; associationId: string };

/** A new link of an approved association; the form's errors (message keys) otherwise. */
export async function create(
	member: Member,
	values: LinkValues,
	now = clock.now()
): Promise<{ ok: true; id: string } | { ok: false; errors: FieldErrors }> {
	const elections = await calendar.upcoming(now);
	const parsed = linkSchema(
		elections.map((e) => e.id),
		amsterdamDay(now)
	).safeParse({
		...values,
		expires: { day: values.expires_day, month: values.expires_month, year: values.expires_year }
	});
	if (!parsed.success) {
		return { ok: false, errors: firstIssues(parsed.error) };
	}
	const v = parsed.data;
	const id = await (
		await db()
	).transaction(async (t) => {
		const tx = t as unknown as Db;
		const [row] = await tx
			.insert(guidedLinks)
			.values({
				code: newCode(),
				associationId: member.associationId,
				journey: v.journey,
				locale: v.locale,
				country: v.country || null,
				electionSlug: v.election || null,
				campaign: v.campaign || null,
				expiresAt: v.expires ? amsterdamInstant(v.expires, 'end-of-day') : null,
				createdBy: member.accountId,
				createdAt: now
			})
			.returning({ id: guidedLinks.id });
		await audit.record(
			{
				actor: actorOf('association', member.accountId),
				action: 'guided_link.created',
				subject: `guided_link:${row!.id}`,
				details: { journey: v.journey, locale: v.locale }
			},
			tx
		);
		return row!.id;
	});
	return { ok: true, id };
}

export type LinkState = 'active' | 'revoked' | 'expired';

export function stateOf(link: GuidedLink, now: Date): LinkState {
	if (link.revokedAt) return 'revoked';
	if (link.expiresAt && link.expiresAt.getTime() <= now.getTime()) return 'expired';
	return 'active';
}

/** A link as its association sees it: the counts masked below ten, nothing else about use. */
export type LinkView = {
	id: string;
	code: string;
	url: string;
	journey: JourneyId;
	locale: string;
	country: string | null;
	electionSlug: string | null;
	campaign: string | null;
	expiresAt: Date | null;
	createdAt: Date;
	state: LinkState;
	counts: { visits: MaskedCount; starts: MaskedCount; forms: MaskedCount };
};

function view(link: GuidedLink, now: Date): LinkView {
	return {
		id: link.id,
		code: link.code,
		url: shortUrl(link.code),
		journey: link.journey as JourneyId,
		locale: link.locale,
		country: link.country,
		electionSlug: link.electionSlug,
		campaign: link.campaign,
		expiresAt: link.expiresAt,
		createdAt: link.createdAt,
		state: stateOf(link, now),
		counts: {
			visits: maskCount(link.visits),
			starts: maskCount(link.starts),
			forms: maskCount(link.forms)
		}
	};
}

export async function list(associationId: string, now = clock.now()): Promise<LinkView[]> {
	const rows = await (
		await db()
	)
		.select()
		.from(guidedLinks)
		.where(eq(guidedLinks.associationId, associationId))
		.orderBy(desc(guidedLinks.createdAt))
		.limit(1000);
	return rows.map((r) => view(r, now));
}

/** One of the association's own links; null for anyone else's. */
export async function get(
	associationId: string,
	id: string,
	now = clock.now()
): Promise<LinkView | null> {
	if (!z.uuid().safeParse(id).success) return null;
	const [row] = await (
		await db()
	)
		.select()
		.from(guidedLinks)
		.where(and(eq(guidedLinks.id, id), eq(guidedLinks.associationId, associationId)));
	return row ? view(row, now) : null;
}

/** Stops one of the association's own links for good; false for anyone else's. */
export async function revoke(member: Member, id: string, now = clock.now()): Promise<boolean> {
	if (!z.uuid().safeParse(id).success) return false;
	return (await db()).transaction(async (t) => {
		const tx = t as unknown as Db;
		const own = and(eq(guidedLinks.id, id), eq(guidedLinks.associationId, member.associationId));
		const [row] = await tx
			.update(guidedLinks)
			.set({ revokedAt: now })
			.where(and(own, isNull(guidedLinks.revokedAt)))
			.returning({ id: guidedLinks.id });
		if (!row) {
			// Stopped already (nothing more to do or to audit), or not this association's link.
			const [stopped] = await tx.select({ id: guidedLinks.id }).from(guidedLinks).where(own);
			return Boolean(stopped);
		}
		await audit.record(
			{
				actor: actorOf('association', member.accountId),
				action: 'guided_link.revoked',
				subject: `guided_link:${id}`
			},
			tx
		);
		return true;
	});
}

/** What the landing page shows a voter: who shares the link and what it starts. */
export type Landing =
	| {
			ok: true;
			code: string;
			association: { name: string; website: string | null };
			journey: JourneyId;
			locale: string;
			country: string | null;
			election: calendar.ApiElection | null;
	  }
	| { ok: false; reason: 'unknown' | LinkState | 'unavailable'; journey: JourneyId | null };

async function find(code: string) {
	if (!isCode(code)) return null;
	const [row] = await (
		await db()
	)
		.select({ link: guidedLinks, association: associations })
		.from(guidedLinks)
		.innerJoin(associations, eq(associations.id, guidedLinks.associationId))
		.where(eq(guidedLinks.code, code));
	return row ?? null;
}

export async function landing(code: string, now = clock.now()): Promise<Landing> {
	const row = await find(code);
	if (!row) return { ok: false, reason: 'unknown', journey: null };
	const { link, association } = row;
	const journey = link.journey as JourneyId;
	const state = stateOf(link, now);
	if (state !== 'active') return { ok: false, reason: state, journey };
	// A link works only while its association is approved by the office.
	if (association.status !== 'approved') return { ok: false, reason: 'unavailable', journey };
	const election = link.electionSlug
		? ((await calendar.upcoming(now)).find((e) => e.id === link.electionSlug) ?? null)
		: null;
	return {
		ok: true,
		code,
		association: { name: association.name, website: association.website },
		journey,
		locale: link.locale,
		country: TAKES_COUNTRY.includes(journey) ? link.country : null,
		election: TAKES_ELECTION.includes(journey) ? election : null
	};
}

/**
 * Someone followed the short link: one more visit on the total, and where to send them (the
 * landing page in the link's language). Nothing else is written.
 */
export async function visit(code: string, now = clock.now()): Promise<string> {
	const row = await find(code);
	if (!row) return localizeHref(`/via/${encodeURIComponent(code.slice(0, 64))}`);
	if (stateOf(row.link, now) === 'active' && row.association.status === 'approved') {
		await (
			await db()
		)
			.update(guidedLinks)
			.set({ visits: sql`${guidedLinks.visits} + 1` })
			.where(eq(guidedLinks.id, row.link.id));
	}
	return localizeHref(`/via/${code}`, { locale: row.link.locale as (typeof locales)[number] });
}

/**
 * The voter starts the journey from the landing page: a draft pre-filled with what the link
 * names (each journey takes only what it recognises and the voter can change it all), one more
 * start on the total, and the path to go to (unlocalised). Null when the link no longer works.
 */
export async function start(
	code: string,
	locale: string,
	now = clock.now()
): Promise<string | null> {
	const found = await landing(code, now);
	if (!found.ok) return null;
	const row = (await find(code))!;
	const linkId = row.link.id;
	const bump = async () =>
		(await db())
			.update(guidedLinks)
			.set({ starts: sql`${guidedLinks.starts} + 1` })
			.where(eq(guidedLinks.id, linkId));
	const journey = found.journey;
	if (journey === 'status') {
		await bump();
		return journeyPath('status');
	}
	if (journey === 'registration') {
		const answers: Answers = found.country ? { residence: { country: found.country } } : {};
		const { token } = await drafts.create('registration', locale, answers, {
			guidedLinkId: linkId
		});
		await bump();
		const where = (await registration.resume(token)) ?? { kind: 'check' as const };
		return flowPath(journeyPath('registration'), token, where);
	}
	const query = new URLSearchParams();
	if (found.country) query.set('country', found.country);
	if (found.election) query.set('election', found.election.id);
	const def = journeys.definition(journey);
	const { token, where } = await journeys.start(def, locale, query, { guidedLinkId: linkId });
	await bump();
	return flowPath(journeyPath(journey), token, where);
}
