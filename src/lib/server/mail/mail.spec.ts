import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq, sql } from 'drizzle-orm';
import { withTestDatabase } from '../../../../tests/db/database';
import { startSmtp, type TestSmtp } from '../../../../tests/support/smtp';
import type { Database } from '$lib/server/db';
import { outbox } from '$lib/server/db/schema';
import { closeTransport, MAX_ATTEMPTS, retryDelay } from './delivery';
import * as mail from './index';

let database: Database;
let close: () => Promise<void>;
let smtp: TestSmtp | undefined;

beforeAll(async () => {
	({ database, close } = await withTestDatabase());
});
afterAll(() => close());
afterEach(async () => {
	closeTransport();
	await smtp?.close();
	smtp = undefined;
	delete process.env.SMTP_URL;
	delete process.env.MAIL_FROM;
	// Each test starts from an empty outbox.
	await database.db.delete(outbox);
});

const T0 = new Date('2026-11-02T09:00:00Z');
const later = (ms: number) => new Date(T0.getTime() + ms);

function germanNotice(recipient = 'anna.muller@example.de') {
	return {
		channel: 'email' as const,
		recipient,
		...mail.renderEmail({
			locale: 'de',
			subject: 'Ihre Registrierung als Wählerin im Ausland',
			greeting: 'Sehr geehrte Frau Müller,',
			reference: 'K7QX-2M9P-4TZA',
			paragraphs: [
				'Wir haben Ihren Antrag erhalten.',
				{ heading: 'Wie geht es weiter?' },
				{
					list: [
						'Wir prüfen Ihren Antrag.',
						'Sie erhalten innerhalb von 7 Tagen eine Entscheidung.'
					]
				},
				{ link: { label: 'Ihr Status', href: 'https://portal.example/de/status' } }
			]
		})
	};
}

const row = async (id: string) =>
	(await database.db.select().from(outbox).where(eq(outbox.id, id)))[0]!;

describe('renderEmail', () => {
	it('writes text and HTML in the voter language, with greeting, reference, closing and sender', () => {
		const email = germanNotice();
		expect(email.locale).toBe('de');
		expect(email.text).toContain('Sehr geehrte Frau Müller,\n\nWir haben Ihren Antrag erhalten.');
		expect(email.text).toContain('• Wir prüfen Ihren Antrag.');
		expect(email.text).toContain('Ihr Status: https://portal.example/de/status');
		expect(email.text).toContain('Referenznummer: K7QX-2M9P-4TZA');
		expect(email.text).toMatch(/Mit freundlichen Grüßen\nGemeinde Den Haag, Team Wahlen$/);
		expect(email.html).toMatch(/^<!DOCTYPE html>\n<html lang="de" dir="ltr">/);
		expect(email.html).toContain('<title>Ihre Registrierung als Wählerin im Ausland</title>');
		expect(email.html).toContain('<h2 style="');
		expect(email.html).toContain('<li>Sie erhalten innerhalb von 7 Tagen eine Entscheidung.</li>');
		expect(email.html).toContain('<a href="https://portal.example/de/status"');
	});

	it('has no images, no remote resources and nothing that tracks', () => {
		const { html } = germanNotice();
		expect(html).not.toMatch(/<img|<link|<script|<iframe|url\(|@import/i);
		// The only URL is the link the notice gives.
		expect(html.match(/https?:\/\/[^"'\s<]+/g)).toEqual(['https://portal.example/de/status']);
	});

	it('escapes what it is given, refuses script links, and falls back to Dutch', () => {
		const email = mail.renderEmail({
			locale: 'xx',
			subject: 'A <b>bold</b> "subject"',
			paragraphs: ['<script>alert(1)</script> & more']
		});
		expect(email.locale).toBe('nl');
		expect(email.html).toContain('&lt;script&gt;alert(1)&lt;/script&gt; &amp; more');
		expect(email.html).toContain('<title>A &lt;b&gt;bold&lt;/b&gt; &quot;subject&quot;</title>');
		expect(email.text).toMatch(/^Geachte heer, mevrouw,/);
		expect(() =>
			mail.renderEmail({
				locale: 'en',
				subject: 's',
				paragraphs: [{ link: { label: 'x', href: 'javascript:alert(1)' } }]
			})
		).toThrow(/javascript:/);
	});
});

describe('without SMTP_URL', () => {
	it('keeps the mail in the outbox, where listOutbox shows it newest first', async () => {
		const first = await mail.enqueue(germanNotice('a@example.org'));
		const second = await mail.enqueue(germanNotice('b@example.org'));
		await mail.enqueue({
			channel: 'letter',
			postalAddress: { lines: ['Calle Mayor 1', '28013 Madrid'], country: 'ES' },
			locale: 'es',
			subject: 'Carta',
			text: 'Texto'
		});
		expect(await mail.deliverPending(T0)).toEqual({ sent: 0, failed: 0 });
		const page = await mail.listOutbox({ limit: 2, channel: 'email' });
		expect(page.total).toBe(2);
		expect(page.messages.map((m) => m.id).sort()).toEqual([first, second].sort());
		expect(page.messages.every((m) => m.sentAt === null && m.attempts === 0)).toBe(true);
		expect((await mail.listOutbox({ limit: 1, offset: 2 })).messages).toHaveLength(1);
		expect((await mail.listOutbox()).total).toBe(3);
	});
});

describe('delivery over SMTP', () => {
	it('delivers a message in the voter language, authenticated, as text and HTML', async () => {
		smtp = await startSmtp({ auth: { user: 'portal', pass: 's3cret:/@' } });
		process.env.SMTP_URL = smtp.url;
		const id = await mail.enqueue(germanNotice());
		expect(await mail.deliverPending(T0)).toEqual({ sent: 1, failed: 0 });

		expect(smtp.received).toHaveLength(1);
		const received = smtp.received[0]!;
		expect(received.envelopeTo).toEqual(['anna.muller@example.de']);
		expect(received.subject).toBe('Ihre Registrierung als Wählerin im Ausland');
		expect(received.headers.from).toBe(
			'Gemeente Den Haag – Verkiezingen <verkiezingen@denhaag.nl>'
		);
		expect(received.headers['content-language']).toBe('de');
		expect(received.headers['auto-submitted']).toBe('auto-generated');
		expect(received.headers['message-id']).toBe(`<${id}@denhaag.nl>`);
		expect(received.text).toContain('Wir haben Ihren Antrag erhalten.');
		expect(received.text).toContain('Mit freundlichen Grüßen');
		expect(received.html).toContain('<html lang="de" dir="ltr">');

		const stored = await row(id);
		expect(stored.sentAt?.toISOString()).toBe(T0.toISOString());
		expect(stored).toMatchObject({ attempts: 1, lastError: null, lockedUntil: null });
		// Sent is sent: another run sends nothing.
		expect(await mail.deliverPending(later(60 * 60 * 1000))).toEqual({ sent: 0, failed: 0 });
		expect(smtp.received).toHaveLength(1);
	});

	it('uses MAIL_FROM as the sender', async () => {
		smtp = await startSmtp();
		process.env.SMTP_URL = smtp.url;
		process.env.MAIL_FROM = 'Verkiezingen test <test@portal.example>';
		const id = await mail.enqueue(germanNotice());
		await mail.deliverPending(T0);
		expect(smtp.received[0]?.headers.from).toBe('Verkiezingen test <test@portal.example>');
		expect(smtp.received[0]?.headers['message-id']).toBe(`<${id}@portal.example>`);
	});

	it('records a failure, waits out the back-off, then delivers once', async () => {
		smtp = await startSmtp();
		process.env.SMTP_URL = smtp.url;
		smtp.refuse = ({ count }) =>
			count === 1 ? Object.assign(new Error('Try again later'), { responseCode: 451 }) : null;
		const id = await mail.enqueue(germanNotice());

		expect(await mail.deliverPending(T0)).toEqual({ sent: 0, failed: 1 });
		const failed = await row(id);
		expect(failed).toMatchObject({ attempts: 1, sentAt: null });
		expect(failed.lastError).toMatch(/451|Try again later/);
		expect(failed.lockedUntil?.toISOString()).toBe(later(retryDelay(1)).toISOString());

		// Still backing off: nothing is tried.
		expect(await mail.deliverPending(later(retryDelay(1) - 1))).toEqual({ sent: 0, failed: 0 });
		expect(await mail.deliverPending(later(retryDelay(1)))).toEqual({ sent: 1, failed: 0 });
		expect(smtp.received).toHaveLength(1);
		expect(await row(id)).toMatchObject({ attempts: 2, lastError: null });
		expect(retryDelay(2)).toBe(2 * retryDelay(1));
		expect(retryDelay(30)).toBe(6 * 60 * 60 * 1000);
	});

	it('does not retry a recipient the server refuses for good', async () => {
		smtp = await startSmtp({ refuseRecipient: 'gone@example.org' });
		process.env.SMTP_URL = smtp.url;
		const id = await mail.enqueue(germanNotice('gone@example.org'));
		expect(await mail.deliverPending(T0)).toEqual({ sent: 0, failed: 1 });
		const stored = await row(id);
		expect(stored.attempts).toBe(MAX_ATTEMPTS);
		expect(stored.lastError).toMatch(/^permanent: /);
		expect(await mail.deliverPending(later(7 * 24 * 60 * 60 * 1000))).toEqual({
			sent: 0,
			failed: 0
		});
	});

	it('never sends a message twice when two workers run at once', async () => {
		smtp = await startSmtp();
		process.env.SMTP_URL = smtp.url;
		const ids = new Set<string>();
		for (let i = 0; i < 30; i++) ids.add(await mail.enqueue(germanNotice(`voter${i}@example.org`)));

		const [a, b] = await Promise.all([mail.deliverPending(T0), mail.deliverPending(T0)]);
		expect(a.sent + b.sent).toBe(30);
		expect(a.failed + b.failed).toBe(0);
		const messageIds = smtp.received.map((m) => m.headers['message-id']);
		expect(messageIds).toHaveLength(30);
		expect(new Set(messageIds).size).toBe(30);
		const rows = await database.db.select().from(outbox);
		expect(rows.every((r) => r.sentAt && r.attempts === 1)).toBe(true);
		expect(new Set(rows.map((r) => r.id))).toEqual(ids);
		if (database.driver === 'postgres') {
			// Both workers really took part (each had its own connection from the pool).
			expect(a.sent).toBeGreaterThan(0);
			expect(b.sent).toBeGreaterThan(0);
		}
	});

	it('leaves a message claimed by a crashed worker alone until its lease runs out', async () => {
		smtp = await startSmtp();
		process.env.SMTP_URL = smtp.url;
		const id = await mail.enqueue(germanNotice());
		// Another process claimed it and died before sending.
		await database.db
			.update(outbox)
			.set({ lockedUntil: later(5 * 60 * 1000), attempts: sql`${outbox.attempts} + 1` })
			.where(eq(outbox.id, id));
		expect(await mail.deliverPending(T0)).toEqual({ sent: 0, failed: 0 });
		expect(await mail.deliverPending(later(5 * 60 * 1000))).toEqual({ sent: 1, failed: 0 });
		expect(await row(id)).toMatchObject({ attempts: 2 });
	});

	it('runs as a worker: sends what is waiting at start, and a new message soon after enqueue', async () => {
		smtp = await startSmtp();
		process.env.SMTP_URL = smtp.url;
		await mail.enqueue(germanNotice('waiting@example.org'));
		// An interval far longer than the test: only the start and the nudge can send.
		mail.startDelivery(60 * 60 * 1000);
		try {
			await vi.waitFor(() => expect(smtp!.received).toHaveLength(1), { timeout: 10_000 });
			await mail.enqueue(germanNotice('new@example.org'));
			await vi.waitFor(() => expect(smtp!.received).toHaveLength(2), { timeout: 10_000 });
			expect(smtp.received.map((m) => m.envelopeTo[0])).toEqual([
				'waiting@example.org',
				'new@example.org'
			]);
		} finally {
			await mail.stopDelivery();
		}
	});

	it('does not start a worker without SMTP_URL', async () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		mail.startDelivery(10);
		expect(warn).toHaveBeenCalledWith(expect.stringContaining('SMTP_URL is not set'));
		warn.mockRestore();
		await mail.stopDelivery();
	});
});
