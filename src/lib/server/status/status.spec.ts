import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { count, desc, eq } from 'drizzle-orm';
import { withTestDatabase } from '../../../../tests/db/database';
import type { Database } from '$lib/server/db';
import { DEMO_REGISTRATIONS, demoDataEnabled, seedDemoData } from '$lib/server/db/demo';
import { auditLog, outbox, registrations, statusRequests } from '$lib/server/db/schema';
import * as audit from '$lib/server/audit';
import * as status from './index';
import { settle, responseFloorMs } from './timing';

let database: Database;
let close: () => Promise<void>;

beforeAll(async () => {
	({ database, close } = await withTestDatabase());
	await seedDemoData(database.db);
});
afterAll(() => close());

// Someone else's address, typed in the form: it must never receive a registered person's answer.
const TYPED = 'someone.else@example.net';
const NOW = new Date('2026-11-10T09:30:00Z');

const ask = (
	who: { surname: string; firstNames: string; birthDate: string; country: string },
	answerBy: status.StatusRequestInput['answerBy'] = { email: TYPED },
	locale = 'en'
) => status.request({ ...who, answerBy, locale }, NOW);

const jansen = { surname: 'jansen', firstNames: 'J.M.', birthDate: '1985-03-27', country: 'DE' };
const nobody = { surname: 'Pietersen', firstNames: 'Kees', birthDate: '1970-05-05', country: 'DE' };

async function rowCounts() {
	const [[r], [o], [a]] = await Promise.all([
		database.db.select({ n: count() }).from(statusRequests),
		database.db.select({ n: count() }).from(outbox),
		database.db.select({ n: count() }).from(auditLog)
	]);
	return { requests: r!.n, outbox: o!.n, audit: a!.n };
}

async function lastOutbox() {
	const [row] = await database.db.select().from(outbox).orderBy(desc(outbox.createdAt)).limit(1);
	return row!;
}

async function requestRow(id: string) {
	const [row] = await database.db.select().from(statusRequests).where(eq(statusRequests.id, id));
	return row!;
}

describe('status requests', () => {
	it('answers a registered person at the e-mail address on record, never at the typed one', async () => {
		const { id, outcome } = await ask(jansen);
		expect(outcome).toBe('answered');
		const row = await requestRow(id);
		expect(row.status).toBe('answered');
		expect(row.answeredAt).toEqual(NOW);
		const [registration] = await database.db
			.select()
			.from(registrations)
			.where(eq(registrations.surname, 'Jansen'));
		expect(row.registrationId).toBe(registration!.id);
		// KB D 4: the typed contact details are not needed on a match, so not kept.
		expect(row.email).toBeNull();
		expect(row.postalAddress).toBeNull();

		const message = await lastOutbox();
		expect(message.channel).toBe('email');
		expect(message.recipient).toBe('johanna.jansen@example.org');
		expect(JSON.stringify(message)).not.toContain(TYPED);
		// In the registration's language (Dutch), not the request's (English).
		expect(message.locale).toBe('nl');
		expect(message.subject).toBe('Uw registratie als kiezer buiten Nederland');
		expect(message.text).toContain('Beste Johanna Maria Jansen,');
		expect(message.text).toContain('Tweede Kamer: sinds 10 januari 2024');
		expect(message.text).toContain('Europees Parlement: sinds 10 januari 2024');
		expect(message.text).toContain('Beispielstraße 12');
		expect(message.html).toContain('<li>Tweede Kamer: sinds 10 januari 2024</li>');
	});

	it('writes to the correspondence address on record when there is no e-mail address', async () => {
		const { outcome } = await ask(
			{ surname: 'Van der Berg', firstNames: 'Pieter', birthDate: '1979-11-02', country: 'US' },
			{ postalAddress: { lines: ['Somewhere 1', '1234 Else'], country: 'FR' } },
			'nl'
		);
		expect(outcome).toBe('answered');
		const message = await lastOutbox();
		expect(message.channel).toBe('letter');
		expect(message.recipient).toBe('Pieter Willem van der Berg');
		expect(message.postalAddress).toEqual({
			lines: ['PO Box 100', 'Springfield, IL 62705'],
			country: 'US'
		});
		expect(message.locale).toBe('en');
		expect(message.text).toContain('House of Representatives (Tweede Kamer): since 1 June 2023');
		expect(message.text).not.toContain('Somewhere 1');
	});

	it('says from when a 17-year-old’s registration runs', async () => {
		await ask({ surname: 'celik', firstNames: 'Zoe', birthDate: '2009-06-15', country: 'ES' });
		const message = await lastOutbox();
		expect(message.recipient).toBe('zoe.celik@example.org');
		expect(message.text).toContain('a partir del 2 de mayo de 2027');
	});

	it('leaves a request that finds nobody open for the office, due on the 7th day (KB D 8)', async () => {
		const { id, outcome } = await ask(nobody);
		expect(outcome).toBe('open');
		const row = await requestRow(id);
		expect(row).toMatchObject({
			status: 'open',
			registrationId: null,
			answeredAt: null,
			email: TYPED,
			dueOn: '2026-11-17',
			locale: 'en'
		});
		// The office is alerted, by a message that names nobody.
		const message = await lastOutbox();
		expect(message.channel).toBe('email');
		expect(message.recipient).toBe('verkiezingen@denhaag.nl');
		expect(message.text).toContain(id);
		expect(message.text).toContain('17 november 2026');
		expect(JSON.stringify(message)).not.toMatch(/Pietersen|Kees|1970|example\.net/);
	});

	it('keeps a typed postal address for the reasons when nobody is found', async () => {
		const address = { lines: ['Hauptstraße 1', '80331 München'], country: 'DE' };
		const { id } = await ask(nobody, { postalAddress: address });
		expect(await requestRow(id)).toMatchObject({ email: null, postalAddress: address });
	});

	it('does not answer for a removed registration, twins asked for by initial, or other names', async () => {
		expect(
			(
				await ask({
					surname: 'de Vries',
					firstNames: 'Anna',
					birthDate: '1990-01-01',
					country: 'BE'
				})
			).outcome
		).toBe('open');
		await seedDemoData(database.db, [
			{ ...DEMO_REGISTRATIONS[0]!, firstNames: 'Jolien' } // a twin with the same initial
		]);
		expect((await ask({ ...jansen, firstNames: 'J.' })).outcome).toBe('open');
		expect((await ask({ ...jansen, firstNames: 'Jolien' })).outcome).toBe('answered');
		expect((await ask({ ...jansen, firstNames: 'Maria' })).outcome).toBe('open');
		expect((await ask({ ...jansen, country: 'AT' })).outcome).toBe('open');
	});

	it('writes the same kinds of rows on both paths: one request, one message, one audit entry', async () => {
		const before = await rowCounts();
		await ask(jansen);
		const afterMatch = await rowCounts();
		await ask(nobody);
		const afterNoMatch = await rowCounts();
		const delta = (a: typeof before, b: typeof before) => ({
			requests: b.requests - a.requests,
			outbox: b.outbox - a.outbox,
			audit: b.audit - a.audit
		});
		expect(delta(before, afterMatch)).toEqual({ requests: 1, outbox: 1, audit: 1 });
		expect(delta(afterMatch, afterNoMatch)).toEqual({ requests: 1, outbox: 1, audit: 1 });
	});

	it('audits every lookup, with its outcome, and the chain verifies', async () => {
		const { id } = await ask(nobody);
		const [entry] = await database.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.subject, `status_request:${id}`));
		expect(entry).toMatchObject({ actor: 'anonymous', action: 'status_request.lookup' });
		expect(entry!.details).toEqual({ outcome: 'open', candidates: 0 });
		const { id: matched } = await ask(jansen);
		const [hit] = await database.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.subject, `status_request:${matched}`));
		expect(hit!.details).toMatchObject({ outcome: 'answered', candidates: 2 });
		expect(hit!.details.registration).toEqual(expect.any(String));
		expect((await audit.verify()).ok).toBe(true);
	});
});

describe('submit', () => {
	const form = (fields: Record<string, string>) => {
		const data = new FormData();
		for (const [k, v] of Object.entries(fields)) data.set(k, v);
		return data;
	};
	const valid = {
		first_names: 'Johanna',
		surname: 'Jansen',
		dob_day: '27',
		dob_month: '3',
		dob_year: '1985',
		country: 'DE',
		answer_by: 'email',
		email: TYPED
	};

	beforeEach(() => {
		vi.stubEnv('STATUS_RESPONSE_MS', '0');
		return () => vi.unstubAllEnvs();
	});

	it('gives the same result for a registered and an unregistered person', async () => {
		const registered = await status.submit(form(valid), 'nl', performance.now());
		const unregistered = await status.submit(
			form({ ...valid, surname: 'Nobody' }),
			'nl',
			performance.now()
		);
		expect(registered).toEqual({ ok: true });
		expect(unregistered).toEqual(registered);
	});

	it('refuses bad input with a message key per field, keeps what was typed, and writes nothing', async () => {
		const before = await rowCounts();
		const result = await status.submit(
			form({ ...valid, first_names: '', dob_day: '31', dob_month: '2', answer_by: 'post' }),
			'nl',
			performance.now()
		);
		expect(result).toEqual({
			ok: false,
			values: expect.objectContaining({ surname: 'Jansen', dob_day: '31', email: TYPED }),
			errors: {
				first_names: 'register_name_first_names_error_required',
				dob: 'register_dob_error_invalid',
				address_line1: 'status_address_error_line1',
				address_line2: 'status_address_error_line2',
				address_country: 'status_address_country_error_required'
			}
		});
		expect(await rowCounts()).toEqual(before);
	});
});

describe('the response floor', () => {
	it('reads STATUS_RESPONSE_MS, with 400 ms for a missing or unusable value', () => {
		vi.stubEnv('STATUS_RESPONSE_MS', '750');
		expect(responseFloorMs()).toBe(750);
		for (const bad of ['', 'soon', '-1', '999999']) {
			vi.stubEnv('STATUS_RESPONSE_MS', bad);
			expect(responseFloorMs()).toBe(400);
		}
		vi.unstubAllEnvs();
	});

	it('waits until the floor has passed since the start, and no longer', async () => {
		vi.useFakeTimers({ toFake: ['setTimeout', 'performance'] });
		try {
			const startedAt = performance.now();
			vi.advanceTimersByTime(150);
			let done = false;
			const settled = settle(startedAt, 400).then(() => (done = true));
			await vi.advanceTimersByTimeAsync(249);
			expect(done).toBe(false);
			await vi.advanceTimersByTimeAsync(1);
			await settled;
			expect(done).toBe(true);
		} finally {
			vi.useRealTimers();
		}
	});

	it('returns at once, and warns the operators, when the work took longer than the floor', async () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		const took = await settle(performance.now() - 500, 400);
		expect(took).toBeGreaterThanOrEqual(500);
		expect(warn).toHaveBeenCalledWith(expect.stringContaining('STATUS_RESPONSE_MS=400'));
		warn.mockRestore();
	});
});

describe('demo data', () => {
	it('is off without the flag, on with it on this machine, and refused on any other origin', () => {
		expect(demoDataEnabled({})).toBe(false);
		expect(demoDataEnabled({ DEMO_DATA: '1' })).toBe(true);
		expect(demoDataEnabled({ DEMO_DATA: '1', ORIGIN: 'http://127.0.0.1:4173' })).toBe(true);
		expect(() => demoDataEnabled({ DEMO_DATA: '1', ORIGIN: 'https://stemmen.denhaag.nl' })).toThrow(
			/development only/
		);
	});

	it('seeds each person once, however often it runs', async () => {
		const [before] = await database.db.select({ n: count() }).from(registrations);
		await seedDemoData(database.db);
		const [after] = await database.db.select({ n: count() }).from(registrations);
		expect(after!.n).toBe(before!.n);
	});
});
