import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, desc, eq } from 'drizzle-orm';
import { withTestDatabase } from '../../../../tests/db/database';
import type { Database } from '$lib/server/db';
import { seedDemoData } from '$lib/server/db/demo';
import {
	accounts,
	auditLog,
	decisions,
	outbox,
	registrations,
	statusRequests
} from '$lib/server/db/schema';
import * as audit from '$lib/server/audit';
import * as status from './index';

const office = status.office;
let database: Database;
let close: () => Promise<void>;
let staff: { accountId: string };

beforeAll(async () => {
	({ database, close } = await withTestDatabase());
	await seedDemoData(database.db);
	const [account] = await database.db
		.insert(accounts)
		.values({
			kind: 'staff',
			webauthnUserId: 'office-spec',
			displayName: 'D. Cider',
			roles: ['decider']
		})
		.returning({ id: accounts.id });
	staff = { accountId: account!.id };
});
afterAll(() => close());

const TYPED = 'asker@example.net';
const ask = (who: Partial<status.StatusRequestInput> = {}, at = new Date('2026-11-10T09:00:00Z')) =>
	status.request(
		{
			surname: 'Pietersen',
			firstNames: 'Kees',
			birthDate: '1970-05-05',
			country: 'DE',
			answerBy: { email: TYPED },
			locale: 'de',
			...who
		},
		at
	);

const form = (fields: Record<string, string>) => {
	const data = new FormData();
	for (const [k, v] of Object.entries(fields)) data.set(k, v);
	return data;
};

async function lastOutbox() {
	const [row] = await database.db.select().from(outbox).orderBy(desc(outbox.createdAt)).limit(1);
	return row!;
}

async function auditFor(subject: string) {
	return database.db.select().from(auditLog).where(eq(auditLog.subject, subject));
}

describe('the office queue', () => {
	it('lists open requests by due date, overdue first, and names nobody', async () => {
		const later = await ask({}, new Date('2026-11-12T09:00:00Z'));
		const earlier = await ask({}, new Date('2026-11-01T09:00:00Z'));
		const answered = await ask({
			surname: 'Jansen',
			firstNames: 'Johanna',
			birthDate: '1985-03-27'
		});
		expect(answered.outcome).toBe('answered');
		const list = await office.openRequests(new Date('2026-11-09T12:00:00Z'));
		const ids = list.map((r) => r.id);
		expect(ids).not.toContain(answered.id);
		expect(ids.indexOf(earlier.id)).toBeLessThan(ids.indexOf(later.id));
		const first = list.find((r) => r.id === earlier.id)!;
		expect(first).toMatchObject({
			receivedOn: '2026-11-01',
			dueOn: '2026-11-08',
			overdue: true,
			daysLeft: -1,
			country: 'DE',
			answerBy: 'email'
		});
		expect(list.find((r) => r.id === later.id)).toMatchObject({ overdue: false, daysLeft: 10 });
		expect(JSON.stringify(list)).not.toMatch(/Pietersen|Kees/);
	});

	it('shows one request to a decider and audits the viewing', async () => {
		const { id } = await ask();
		const view = await office.viewRequest(id, staff);
		expect(view).toMatchObject({
			surname: 'Pietersen',
			firstNames: 'Kees',
			birthDate: '1970-05-05',
			open: true,
			answerBy: { email: TYPED }
		});
		const entries = await auditFor(`status_request:${id}`);
		expect(entries.map((e) => [e.actor, e.action])).toContainEqual([
			`staff:${staff.accountId}`,
			'status_request.viewed'
		]);
		expect(await office.viewRequest('00000000-0000-4000-8000-000000000000', staff)).toBeNull();
		expect(await office.viewRequest("1' or '1'='1", staff)).toBeNull();
	});

	it('searches every country, removed registrations included, fitting names first', async () => {
		const { id } = await ask({ surname: 'De Vries', firstNames: 'Anna', birthDate: '1990-01-01' });
		const found = await office.search(
			{ surname: 'devries', birthDate: '1990-01-01' },
			{ id, firstNames: 'Anna' },
			staff
		);
		expect(found).toHaveLength(1);
		expect(found[0]).toMatchObject({
			surname: 'de Vries',
			country: 'BE',
			removed: true,
			namesFit: true,
			standing: { registered: false }
		});
		expect(found[0]!.types[0]).toMatchObject({
			endedOn: '2025-09-01',
			endReason: 'moved_to_netherlands'
		});
		const [entry] = (await auditFor(`status_request:${id}`)).filter(
			(e) => e.action === 'registration.searched'
		);
		expect(entry!.details).toEqual({ results: [found[0]!.id] });
	});
});

describe('linking a request to a registration', () => {
	it('answers at the contact details on record, closes the request and forgets the typed ones', async () => {
		// Asked with a country the registration does not have: no automatic match.
		const { id, outcome } = await ask({
			surname: 'Jansen',
			firstNames: 'Johanna',
			birthDate: '1985-03-27',
			country: 'AT'
		});
		expect(outcome).toBe('open');
		const [jansen] = await database.db
			.select()
			.from(registrations)
			.where(eq(registrations.surname, 'Jansen'));
		expect(await office.link(id, jansen!.id, staff)).toEqual({ ok: true });
		const message = await lastOutbox();
		expect(message).toMatchObject({ channel: 'email', recipient: 'johanna.jansen@example.org' });
		expect(JSON.stringify(message)).not.toContain(TYPED);
		const [row] = await database.db.select().from(statusRequests).where(eq(statusRequests.id, id));
		expect(row).toMatchObject({
			status: 'answered',
			registrationId: jansen!.id,
			email: null,
			postalAddress: null
		});
		expect((await auditFor(`status_request:${id}`)).map((e) => e.action)).toContain(
			'status_request.linked'
		);
		// Handled once only.
		expect(await office.link(id, jansen!.id, staff)).toEqual({ ok: false, error: 'closed' });
	});

	it('refuses a registration that holds no type today, and an unknown one', async () => {
		const { id } = await ask();
		const [removed] = await database.db
			.select()
			.from(registrations)
			.where(eq(registrations.surname, 'de Vries'));
		expect(await office.link(id, removed!.id, staff)).toEqual({
			ok: false,
			error: 'not_registered'
		});
		expect(await office.link(id, 'nonsense', staff)).toEqual({
			ok: false,
			error: 'not_registered'
		});
		expect((await office.viewRequest(id, staff))?.open).toBe(true);
	});
});

describe('the decision "not registered"', () => {
	const now = new Date('2026-11-12T10:00:00Z');

	it('records the decision, notifies the typed address with reasons and appeal route, and closes', async () => {
		const { id } = await ask();
		const result = await office.decideNotRegistered(
			id,
			form({ reason: 'no_application', remarks: 'Bitte registrieren Sie sich online.' }),
			staff,
			now
		);
		expect(result.ok).toBe(true);
		const decisionId = (result as { decisionId: string }).decisionId;
		const [decision] = await database.db
			.select()
			.from(decisions)
			.where(eq(decisions.id, decisionId));
		expect(decision).toMatchObject({
			origin: 'status_request',
			outcome: 'not_registered',
			statusRequestId: id,
			registrationId: null,
			reasons: [
				{
					code: 'status_no_application',
					basis: expect.arrayContaining([expect.objectContaining({ code: 'KB D 8' })])
				}
			],
			remarks: 'Bitte registrieren Sie sich online.',
			decidedBy: staff.accountId,
			// Awb 6:7: six weeks after the notice.
			appealBy: '2026-12-24',
			notice: 'email',
			locale: 'de'
		});
		const message = await lastOutbox();
		expect(message).toMatchObject({
			channel: 'email',
			recipient: TYPED,
			locale: 'de',
			decisionId,
			subject: 'Sie sind nicht registriert: die Gründe'
		});
		// Case's decision notice: the reasons with their articles, then the appeal route (KW D 8).
		expect(message.text).toContain('Guten Tag Kees Pietersen,');
		expect(message.text).toContain(
			'Wir haben von Ihnen keinen Antrag auf Registrierung erhalten. Sie werden nur auf Antrag registriert.'
		);
		expect(message.text).toMatch(/KW D 3\(1\) <[^>]+>, KW D 5 <[^>]+>, KB D 8 <[^>]+>/);
		expect(message.text).toContain('bis einschließlich 24. Dezember 2026');
		expect(message.text).toContain('Bitte registrieren Sie sich online.');
		expect(message.html).toContain('Raad van State');

		const [row] = await database.db.select().from(statusRequests).where(eq(statusRequests.id, id));
		expect(row).toMatchObject({ status: 'answered', answeredAt: now });
		const [entry] = (await auditFor(`status_request:${id}`)).filter(
			(e) => e.action === 'decision.made'
		);
		expect(entry!.details).toEqual({
			decision: decisionId,
			outcome: 'not_registered',
			reasons: ['status_no_application']
		});
		expect(
			await office.decideNotRegistered(id, form({ reason: 'no_application' }), staff, now)
		).toEqual({ ok: false, error: 'closed' });
	});

	it('writes a letter when the request gave a postal address, naming the end and its cause', async () => {
		const address = { lines: ['Rue de l’Exemple 5', '1000 Bruxelles'], country: 'BE' };
		const { id } = await ask({ answerBy: { postalAddress: address }, locale: 'fr' });
		const result = await office.decideNotRegistered(
			id,
			form({
				reason: 'registration_ended',
				ended_on_day: '1',
				ended_on_month: '9',
				ended_on_year: '2025',
				cause: 'moved_to_netherlands'
			}),
			staff,
			now
		);
		expect(result.ok).toBe(true);
		const message = await lastOutbox();
		expect(message).toMatchObject({ channel: 'letter', postalAddress: address, html: null });
		expect(message.text).toContain(
			'Votre inscription a pris fin le 1 septembre 2025 : vous vous êtes établi aux Pays-Bas.'
		);
		expect(message.text).toMatch(
			/KW D 2 <[^>]+>, KW D 6\(3\) <[^>]+>, KW D 5 <[^>]+>, KB D 8 <[^>]+>/
		);
	});

	it('refuses an incomplete decision with a message per field and writes nothing', async () => {
		const { id } = await ask();
		const before = await database.db.select({ n: count() }).from(decisions);
		expect(
			await office.decideNotRegistered(
				id,
				form({
					reason: 'registration_ended',
					ended_on_day: '31',
					ended_on_month: '12',
					ended_on_year: '2030'
				}),
				staff,
				now
			)
		).toMatchObject({
			ok: false,
			errors: {
				ended_on: 'status_office_error_date_future',
				cause: 'status_office_cause_error_required'
			}
		});
		expect(await office.decideNotRegistered(id, form({}), staff, now)).toMatchObject({
			ok: false,
			errors: { reason: 'status_office_reason_error_required' }
		});
		expect(
			await office.decideNotRegistered(
				id,
				form({ reason: 'application_rejected', remarks: 'a\u202Eb' }),
				staff,
				now
			)
		).toMatchObject({
			ok: false,
			errors: { rejected_on: 'status_office_error_date_required', remarks: 'error_characters' }
		});
		const after = await database.db.select({ n: count() }).from(decisions);
		expect(after[0]!.n).toBe(before[0]!.n);
		expect((await office.viewRequest(id, staff))?.open).toBe(true);
		expect((await audit.verify()).ok).toBe(true);
	});
});
