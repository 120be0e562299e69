/**
 * Associations and their guided links (issue 5), against a real database (PGlite, and PostgreSQL
 * with DATABASE_URL): the request and the office's decision; the link form's refusals; the
 * landing, visits, starts and forms with their totals masked below ten; one association never
 * reaching another's links; stopped and expired links; and, by reading what is stored, that
 * counting keeps nothing about the voter.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { withTestDatabase } from './database';
import type { Database } from '$lib/server/db';
import { auditLog, drafts as draftTable, guidedLinks } from '$lib/server/db/schema';
import * as associations from '$lib/server/associations';
import * as drafts from '$lib/server/drafts';
import * as links from '$lib/server/links';

// Monday 10 February 2030, noon in Den Haag: TK-2030 (15 May) is ahead.
const NOW = new Date('2030-02-10T11:00:00Z');

let database: Database;
let close: () => Promise<void>;

beforeAll(async () => {
	({ database, close } = await withTestDatabase());
});
afterAll(async () => {
	await close();
});

const VALID = {
	name: 'Vereniging Nederlanders in Lissabon',
	country: 'pt',
	website: 'https://www.example.pt',
	email: 'bestuur@example.pt'
};

const LINK = {
	journey: 'registration',
	locale: 'en',
	country: 'PT',
	election: '',
	campaign: 'Newsletter March',
	expires_day: '',
	expires_month: '',
	expires_year: ''
};

async function approvedAssociation(name = VALID.name) {
	const made = await associations.request({ ...VALID, name }, NOW);
	if (!made.ok) throw new Error('request refused');
	const invitation = await associations.findInvitation(made.token, NOW);
	const id = invitation!.association.id;
	expect(await associations.decide(id, 'approved', randomUUID(), NOW)).toBe('decided');
	return { associationId: id, accountId: randomUUID() };
}

async function newLink(member: { associationId: string; accountId: string }, over = {}) {
	const made = await links.create(member, { ...LINK, ...over }, NOW);
	if (!made.ok) throw new Error(`link refused: ${JSON.stringify(made.errors)}`);
	const [row] = await database.db.select().from(guidedLinks).where(eq(guidedLinks.id, made.id));
	return row!;
}

describe('an association asks for an account', () => {
	it('refuses an incomplete request field by field, with message keys', async () => {
		const result = await associations.request(
			{ name: ' ', country: 'XX', website: 'javascript:alert(1)', email: 'no-at-sign' },
			NOW
		);
		expect(result).toEqual({
			ok: false,
			errors: {
				name: 'association_name_error_required',
				country: 'association_country_error_required',
				website: 'association_website_error_invalid',
				email: 'association_email_error_invalid'
			}
		});
	});

	it('waits for the office, with a one-time link for the first member', async () => {
		const made = await associations.request(VALID, NOW);
		expect(made.ok).toBe(true);
		if (!made.ok) return;
		const invitation = await associations.findInvitation(made.token, NOW);
		expect(invitation).toMatchObject({
			first: true,
			association: { name: VALID.name, country: 'PT', status: 'pending' }
		});
		expect(invitation!.expiresAt.getTime() - NOW.getTime()).toBe(associations.INVITATION_TTL_MS);
		// Not a day later than that, and not for anyone guessing.
		expect(await associations.findInvitation(made.token, invitation!.expiresAt)).toBeNull();
		expect(await associations.findInvitation('x'.repeat(43), NOW)).toBeNull();
		const waiting = await associations.listForOffice();
		expect(waiting.find((a) => a.id === invitation!.association.id)?.status).toBe('pending');
	});

	it('is decided once by the admin, in the audit log, and a rejected one invites nobody', async () => {
		const made = await associations.request({ ...VALID, name: 'Rejected club' }, NOW);
		if (!made.ok) throw new Error('refused');
		const { association } = (await associations.findInvitation(made.token, NOW))!;
		const admin = randomUUID();
		expect(await associations.decide(association.id, 'rejected', admin, NOW)).toBe('decided');
		expect(await associations.decide(association.id, 'approved', admin, NOW)).toBe(
			'already-decided'
		);
		expect(await associations.decide(randomUUID(), 'approved', admin, NOW)).toBe('not-found');
		expect(await associations.findInvitation(made.token, NOW)).toBeNull();
		const entries = await database.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.subject, `association:${association.id}`));
		expect(entries.map((e) => e.action)).toEqual(['association.requested', 'association.rejected']);
		expect(entries[1]!.actor).toBe(`staff:${admin}`);
	});

	it('lets only an approved association invite members', async () => {
		const made = await associations.request({ ...VALID, name: 'Pending club' }, NOW);
		if (!made.ok) throw new Error('refused');
		const { association } = (await associations.findInvitation(made.token, NOW))!;
		const member = { associationId: association.id, accountId: randomUUID() };
		expect(await associations.invite(member, NOW)).toBeNull();
		await associations.decide(association.id, 'approved', randomUUID(), NOW);
		const invited = await associations.invite(member, NOW);
		expect(invited?.link).toMatch(/\/associations\/join\/[A-Za-z0-9_-]{43}$/);
		const token = invited!.link.split('/').pop()!;
		expect((await associations.findInvitation(token, NOW))?.first).toBe(false);
	});
});

describe('making a link', () => {
	it('refuses each wrong field with its own message', async () => {
		const member = await approvedAssociation('Form club');
		const result = await links.create(
			member,
			{
				journey: 'vote',
				locale: 'it',
				country: 'ZZ',
				election: 'TK-1999',
				campaign: 'x'.repeat(61),
				expires_day: '31',
				expires_month: '2',
				expires_year: '2030'
			},
			NOW
		);
		expect(result).toEqual({
			ok: false,
			errors: {
				journey: 'links_journey_error_required',
				locale: 'links_locale_error_required',
				country: 'links_country_error_invalid',
				election: 'links_election_error_invalid',
				campaign: 'links_campaign_error_too_long',
				expires: 'links_expires_error_invalid'
			}
		});
		const past = await links.create(
			member,
			{ ...LINK, expires_day: '9', expires_month: '2', expires_year: '2030' },
			NOW
		);
		expect(past).toEqual({ ok: false, errors: { expires: 'links_expires_error_past' } });
	});

	it('gets an unguessable code and ends at the end of its last day in Den Haag', async () => {
		const member = await approvedAssociation('Code club');
		const link = await newLink(member, {
			expires_day: '10',
			expires_month: '2',
			expires_year: '2030'
		});
		expect(link.code).toMatch(/^[0-9A-Za-z]{20}$/);
		expect(link.expiresAt?.toISOString()).toBe('2030-02-10T22:59:59.999Z');
		const another = await newLink(member);
		expect(another.code).not.toBe(link.code);
		expect(links.stateOf(link, new Date('2030-02-10T22:59:00Z'))).toBe('active');
		expect(links.stateOf(link, new Date('2030-02-10T23:00:00Z'))).toBe('expired');
	});
});

describe('following a link', () => {
	it('shows who shares it and what is pre-filled, only once the association is approved', async () => {
		const made = await associations.request({ ...VALID, name: 'Not yet approved' }, NOW);
		if (!made.ok) throw new Error('refused');
		const { association } = (await associations.findInvitation(made.token, NOW))!;
		const member = { associationId: association.id, accountId: randomUUID() };
		// A pending association cannot make links through the page; its row is made directly.
		const [row] = await database.db
			.insert(guidedLinks)
			.values({
				code: links.newCode(),
				associationId: association.id,
				journey: 'registration',
				locale: 'de'
			})
			.returning();
		expect(await links.landing(row!.code, NOW)).toEqual({
			ok: false,
			reason: 'unavailable',
			journey: 'registration'
		});
		expect(await links.start(row!.code, 'de', NOW)).toBeNull();
		await associations.decide(association.id, 'approved', randomUUID(), NOW);
		expect(await links.landing(row!.code, NOW)).toMatchObject({
			ok: true,
			association: { name: 'Not yet approved' },
			journey: 'registration',
			locale: 'de'
		});
		expect(member.associationId).toBe(association.id);
	});

	it('counts visits, starts and forms, masked below ten, and the draft forgets the link', async () => {
		const member = await approvedAssociation('Counting club');
		const link = await newLink(member);
		expect(await links.visit(link.code, NOW)).toBe(`/en/via/${link.code}`);
		const path = await links.start(link.code, 'en', NOW);
		// The registration starts at its first question; the country of residence is filled in.
		expect(path).toMatch(/^\/register\/[A-Za-z0-9_-]{43}\/nationality$/);
		const token = path!.split('/')[2]!;
		const draft = (await drafts.find(token, 'registration'))!;
		expect(draft.answers).toEqual({ residence: { country: 'PT' } });
		expect(draft.guidedLinkId).toBe(link.id);

		let view = (await links.get(member.associationId, link.id, NOW))!;
		expect(view.counts).toEqual({
			visits: { kind: 'fewer_than', value: 10 },
			starts: { kind: 'fewer_than', value: 10 },
			forms: { kind: 'fewer_than', value: 10 }
		});
		const reference = await drafts.complete(draft);
		// Completing again (a double click) counts nothing more.
		expect(await drafts.complete((await drafts.find(token, 'registration'))!)).toBe(reference);
		const [stored] = await database.db.select().from(draftTable).where(eq(draftTable.id, draft.id));
		expect(stored!.guidedLinkId).toBeNull();
		const [counts] = await database.db
			.select({ visits: guidedLinks.visits, starts: guidedLinks.starts, forms: guidedLinks.forms })
			.from(guidedLinks)
			.where(eq(guidedLinks.id, link.id));
		expect(counts).toEqual({ visits: 1, starts: 1, forms: 1 });

		for (let i = 0; i < 9; i++) await links.visit(link.code, NOW);
		view = (await links.get(member.associationId, link.id, NOW))!;
		expect(view.counts.visits).toEqual({ kind: 'exact', value: 10 });
		expect(view.counts.starts).toEqual({ kind: 'fewer_than', value: 10 });
	});

	it('pre-fills the election of a vote-choice link and ignores a country it does not ask', async () => {
		const member = await approvedAssociation('Election club');
		const link = await newLink(member, {
			journey: 'vote_choice',
			election: 'TK-2030',
			locale: 'nl'
		});
		const landing = await links.landing(link.code, NOW);
		expect(landing).toMatchObject({ ok: true, country: null, election: { id: 'TK-2030' } });
		const path = await links.start(link.code, 'nl', NOW);
		const token = path!.split('/')[2]!;
		const draft = (await drafts.find(token, 'vote_choice'))!;
		expect(draft.answers).toEqual({ election: { election: 'TK-2030' } });
		expect(path).toMatch(/^\/vote-choice\//);
	});

	it('keeps one association out of another one’s links', async () => {
		const owner = await approvedAssociation('Owner club');
		const other = await approvedAssociation('Other club');
		const link = await newLink(owner);
		expect(await links.get(other.associationId, link.id, NOW)).toBeNull();
		expect(await links.revoke(other, link.id, NOW)).toBe(false);
		expect((await links.list(other.associationId, NOW)).map((l) => l.id)).not.toContain(link.id);
		expect((await links.list(owner.associationId, NOW)).map((l) => l.id)).toContain(link.id);
		expect(await links.get(owner.associationId, 'not-a-uuid', NOW)).toBeNull();
	});

	it('stops a revoked or expired link: the friendly page, no count, no draft', async () => {
		const member = await approvedAssociation('Stopping club');
		const link = await newLink(member, { journey: 'change' });
		expect(await links.revoke(member, link.id, NOW)).toBe(true);
		// Stopping it again changes nothing: the first moment stays.
		expect(await links.revoke(member, link.id, new Date('2030-03-01T00:00:00Z'))).toBe(true);
		const [stopped] = await database.db
			.select({ revokedAt: guidedLinks.revokedAt })
			.from(guidedLinks)
			.where(eq(guidedLinks.id, link.id));
		expect(stopped!.revokedAt).toEqual(NOW);
		expect(await links.landing(link.code, NOW)).toEqual({
			ok: false,
			reason: 'revoked',
			journey: 'change'
		});
		await links.visit(link.code, NOW);
		expect(await links.start(link.code, 'en', NOW)).toBeNull();
		const [row] = await database.db.select().from(guidedLinks).where(eq(guidedLinks.id, link.id));
		expect([row!.visits, row!.starts]).toEqual([0, 0]);

		const expiring = await newLink(member, {
			expires_day: '10',
			expires_month: '2',
			expires_year: '2030'
		});
		const later = new Date('2030-02-11T08:00:00Z');
		expect(await links.landing(expiring.code, later)).toMatchObject({
			ok: false,
			reason: 'expired'
		});
		expect(await links.landing('unknownCode123456789', NOW)).toEqual({
			ok: false,
			reason: 'unknown',
			journey: null
		});
		expect(await links.visit('../../etc/passwd', NOW)).toBe('/via/..%2F..%2Fetc%2Fpasswd');
	});
});

describe('what counting stores', () => {
	// Every row of every table, as text: what a visit or a start leaves behind, read back.
	async function everything(): Promise<Map<string, string[]>> {
		const tables = await database.db.execute<{ table_name: string }>(
			sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`
		);
		const rowsOf = (r: unknown) =>
			(Array.isArray(r) ? r : (r as { rows: unknown[] }).rows) as Record<string, unknown>[];
		const out = new Map<string, string[]>();
		for (const { table_name } of rowsOf(tables) as { table_name: string }[]) {
			const rows = await database.db.execute(
				sql`select row_to_json(t)::text as j from ${sql.identifier(table_name)} t`
			);
			out.set(
				table_name,
				rowsOf(rows)
					.map((r) => String(r.j))
					.sort()
			);
		}
		return out;
	}

	function changes(before: Map<string, string[]>, after: Map<string, string[]>) {
		const changed: Record<string, { added: string[]; removed: string[] }> = {};
		for (const [table, rows] of after) {
			const old = before.get(table) ?? [];
			const added = rows.filter((r) => !old.includes(r));
			const removed = old.filter((r) => !rows.includes(r));
			if (added.length || removed.length) changed[table] = { added, removed };
		}
		return changed;
	}

	it('a visit changes one number, a start makes only the draft, and neither keeps who', async () => {
		const member = await approvedAssociation('Privacy club');
		const link = await newLink(member, { country: '' });
		const before = await everything();
		await links.visit(link.code, NOW);
		const afterVisit = await everything();
		const visit = changes(before, afterVisit);
		expect(Object.keys(visit)).toEqual(['guided_links']);
		const [old] = visit.guided_links!.removed.map((r) => JSON.parse(r));
		const [now] = visit.guided_links!.added.map((r) => JSON.parse(r));
		expect(now).toEqual({ ...old, visits: old.visits + 1 });

		await links.start(link.code, 'en', NOW);
		const start = changes(afterVisit, await everything());
		expect(Object.keys(start).sort()).toEqual(['drafts', 'guided_links']);
		const [draft] = start.drafts!.added.map((r) => JSON.parse(r));
		expect(start.drafts!.removed).toEqual([]);
		// The draft holds its journey, language, the (empty) pre-fill and the link, and nothing
		// about where the voter came from: there is no column for it.
		expect(Object.keys(draft).sort()).toEqual([
			'account_id',
			'answers',
			'completed_at',
			'created_at',
			'guided_link_id',
			'id',
			'journey',
			'locale',
			'reference',
			'token_hash',
			'updated_at',
			'version'
		]);
		expect(draft.answers).toEqual({});
		// A link's row has its settings and three totals: no per-visit data of any kind.
		const [row] = start.guided_links!.added.map((r) => JSON.parse(r));
		expect(Object.keys(row).sort()).toEqual([
			'association_id',
			'campaign',
			'code',
			'country',
			'created_at',
			'created_by',
			'election_slug',
			'expires_at',
			'forms',
			'id',
			'journey',
			'locale',
			'revoked_at',
			'starts',
			'visits'
		]);
	});
});
