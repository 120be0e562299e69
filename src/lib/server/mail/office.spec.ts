import { extractText } from 'unpdf';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { withTestDatabase } from '../../../../tests/db/database';
import type { Database } from '$lib/server/db';
import { auditLog, outbox } from '$lib/server/db/schema';
import * as audit from '$lib/server/audit';
import * as mail from './index';

let database: Database;
let close: () => Promise<void>;

beforeAll(async () => {
	({ database, close } = await withTestDatabase());
});
afterAll(() => close());
afterEach(async () => {
	await database.db.delete(outbox);
});

const STAFF = '0b6f3c1e-2d4a-4f8b-9c7d-1e2f3a4b5c6d';
const T0 = new Date('2026-11-02T09:00:00Z');

const letter = (name: string) =>
	mail.enqueue({
		channel: 'letter',
		recipientName: name,
		postalAddress: { lines: ['Rua Augusta 12', '1100-053 Lisboa'], country: 'PT' },
		locale: 'en',
		subject: 'Your registration as a voter abroad',
		text: `Dear ${name},\n\nWe have received your application.`
	});

const email = () =>
	mail.enqueue({
		channel: 'email',
		recipient: 'anna@example.de',
		locale: 'de',
		subject: 'Ihre Registrierung',
		text: 'Sehr geehrte Frau Müller,',
		html: '<p>Sehr geehrte Frau Müller,</p>'
	});

const entriesFor = (id: string) =>
	database.db
		.select()
		.from(auditLog)
		.where(eq(auditLog.subject, `outbox:${id}`));

describe('get', () => {
	it('returns one message, and null for an unknown or malformed id', async () => {
		const id = await email();
		expect(await mail.get(id)).toMatchObject({
			id,
			channel: 'email',
			recipient: 'anna@example.de'
		});
		expect(await mail.get('6a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d')).toBeNull();
		expect(await mail.get("1' or '1'='1")).toBeNull();
	});
});

describe('viewMessage', () => {
	it('returns the message and records who read it', async () => {
		const id = await email();
		const message = await mail.viewMessage(id, STAFF);
		expect(message?.text).toBe('Sehr geehrte Frau Müller,');
		const entries = await entriesFor(id);
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({
			actor: `staff:${STAFF}`,
			action: 'outbox.viewed',
			details: { channel: 'email' }
		});
		expect((await audit.verify()).ok).toBe(true);
	});

	it('records nothing for a message that does not exist', async () => {
		const before = (await database.db.select().from(auditLog)).length;
		expect(await mail.viewMessage('6a1d2c3b-4e5f-4a6b-8c7d-9e0f1a2b3c4d', STAFF)).toBeNull();
		expect(await database.db.select().from(auditLog)).toHaveLength(before);
	});
});

describe('openLetter', () => {
	it('renders the letter as a PDF and records the opening', async () => {
		const id = await letter('Maria Santos');
		const pdf = await mail.openLetter(id, STAFF);
		expect(pdf).not.toBeNull();
		const { text } = await extractText(new Uint8Array(pdf!), { mergePages: true });
		expect(text).toContain('Maria Santos');
		expect((await entriesFor(id)).map((e) => e.action)).toEqual(['letter.opened']);
	});

	it('opens no e-mail as a letter', async () => {
		const id = await email();
		expect(await mail.openLetter(id, STAFF)).toBeNull();
		expect(await entriesFor(id)).toHaveLength(0);
	});
});

describe('recordPrinted and recentlyPrinted', () => {
	it('takes a letter out of the queue once, audited, and lists it as printed', async () => {
		const first = await letter('Maria Santos');
		const second = await letter('João Silva');
		// Two inserts can share a clock tick on PGlite (milliseconds): give them distinct moments,
		// so that "oldest first" is what the order shows rather than the ids' tie-break.
		await database.db.update(outbox).set({ createdAt: T0 }).where(eq(outbox.id, first));
		await database.db
			.update(outbox)
			.set({ createdAt: new Date(T0.getTime() + 1000) })
			.where(eq(outbox.id, second));
		expect((await mail.printQueue()).map((l) => l.id)).toEqual([first, second]);

		expect(await mail.recordPrinted(first, STAFF, T0)).toBe(true);
		expect(await mail.recordPrinted(first, STAFF, T0)).toBe(false);
		expect((await mail.printQueue()).map((l) => l.id)).toEqual([second]);
		expect((await entriesFor(first)).map((e) => e.action)).toEqual(['letter.printed']);

		expect(await mail.recordPrinted(second, STAFF, new Date(T0.getTime() + 60_000))).toBe(true);
		const printed = await mail.recentlyPrinted();
		expect(printed.map((l) => [l.id, l.sentAt.toISOString()])).toEqual([
			[second, '2026-11-02T09:01:00.000Z'],
			[first, '2026-11-02T09:00:00.000Z']
		]);
		expect((await audit.verify()).ok).toBe(true);
	});

	it('does not mark an e-mail or an unknown id printed', async () => {
		const id = await email();
		expect(await mail.recordPrinted(id, STAFF)).toBe(false);
		expect(await mail.recordPrinted('not-an-id', STAFF)).toBe(false);
		expect((await mail.get(id))?.sentAt).toBeNull();
		expect(await mail.recentlyPrinted()).toEqual([]);
	});
});
