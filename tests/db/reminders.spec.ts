/**
 * Reminders of the cut-offs (issue 6 item 2) on both drivers (PGlite; PostgreSQL with
 * DATABASE_URL): the request sealed at rest and confirmed by its link before anything is sent,
 * the reminder e-mail queued once with its one-click unsubscribe headers (RFC 8058), two
 * scheduler runs at once sending each reminder once, stopping by either link, the purge of
 * unconfirmed requests, and web push to a local push service (an HTTP server standing in for
 * FCM or Mozilla's): an encrypted aes128gcm POST with a VAPID Authorization header and a TTL,
 * decrypted here as the browser would.
 */
import {
	createECDH,
	createDecipheriv,
	createHash,
	hkdfSync,
	randomBytes,
	type ECDH
} from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { withTestDatabase } from './database';
import { BERLIN, insertRegistrations } from '../factories/brp';
import { voterAccount } from '../factories/casework';
import { testKeyring } from '../factories/files';
import * as crypto from '$lib/server/crypto';
import type { Database } from '$lib/server/db';
import {
	outbox,
	registrations,
	reminderPushSubscriptions,
	reminderSubscriptions,
	sentReminders
} from '$lib/server/db/schema';
import * as reminders from '$lib/server/reminders';

let database: Database;
let close: () => Promise<void>;

// The e2e server's clock: 10 February 2030, 11:00 in Den Haag. TK 2030 (15 May, certificates
// out 20 February): the proxy/voter-pass cut-off of 19 February is nine days ahead, so its
// 28-day reminder is due; the change cut-off (13 March) is 31 days ahead, not yet.
const CLOCK = '2030-02-10T10:00:00.000Z';
const LATER = new Date('2030-02-13T08:00:00Z'); // proxy's 7-day and change's 28-day reminders

beforeAll(async () => {
	({ database, close } = await withTestDatabase());
	crypto.useKeyring(testKeyring());
	reminders.useVapidKeys(null);
	process.env.CLOCK = CLOCK;
	delete process.env.REMINDER_LEAD_DAYS;
});
afterAll(async () => {
	delete process.env.CLOCK;
	crypto.useKeyring(undefined);
	reminders.useVapidKeys(undefined);
	await close();
});
beforeEach(async () => {
	await database.db.delete(reminderSubscriptions);
	await database.db.delete(outbox);
});

const mailTo = (address: string) =>
	database.db.select().from(outbox).where(eq(outbox.recipient, address));

/** The secret in a link of an e-mail's text. */
const tokenIn = (text: string, path: string) =>
	new RegExp(`${path}/([A-Za-z0-9_-]{43})`).exec(text)?.[1] ?? null;

async function confirmed(address: string, types: ('TK' | 'EP' | 'KNI')[] = ['TK']) {
	const { id, token } = await reminders.subscribe({ email: address, types, locale: 'en' });
	expect(await reminders.confirm(token)).toBe(true);
	return { id, token };
}

describe('asking for reminders', () => {
	it('keeps the address sealed, mails a confirmation link, and sends nothing before it is used', async () => {
		const address = 'ana.de.vries@example.org';
		const { id, token } = await reminders.subscribe({
			email: address,
			types: ['TK', 'KNI'],
			locale: 'nl'
		});
		const [row] = await database.db
			.select()
			.from(reminderSubscriptions)
			.where(eq(reminderSubscriptions.id, id));
		// Sealed at rest, found only by the SHA-256 of the link's secret: never by the address.
		expect(row!.emailSealed).not.toContain('ana');
		expect(crypto.decryptField(row!.emailSealed, `reminder-subscription:${id}`)).toBe(address);
		expect(row!.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
		expect(JSON.stringify(row)).not.toContain(token);
		expect(row).toMatchObject({ locale: 'nl', types: ['TK', 'KNI'], confirmedAt: null });

		const [mail] = await mailTo(address);
		expect(mail!.subject).toBe('Bevestig uw herinneringen aan de uiterste data');
		expect(tokenIn(mail!.text, '/reminders')).toBe(token);
		expect(mail!.html).toContain(`/reminders/${token}`);

		// Due at this clock, but not confirmed: nothing.
		expect(await reminders.run()).toEqual({ email: 0, push: 0 });
		expect(await mailTo(address)).toHaveLength(1);
		expect(await reminders.view(token)).toMatchObject({ confirmed: false, types: ['TK', 'KNI'] });
		expect(await reminders.view('x'.repeat(43))).toBeNull();
		expect(await reminders.view('not a token')).toBeNull();
	});

	it('sends what is due at once on confirmation, with one-click unsubscribe headers', async () => {
		const address = 'bram@example.org';
		const { id } = await confirmed(address);
		const mails = await mailTo(address);
		expect(mails).toHaveLength(2);
		const reminder = mails.find((m) => m.subject.startsWith('Reminder'))!;
		expect(reminder.subject).toBe('Reminder: Proxy or voter pass, by 19 February 2030');
		expect(reminder.text).toContain('The Hague must receive it by Tuesday, 19 February 2030');
		expect(reminder.text).toContain('KW K 7(2)');
		expect(reminder.text).toContain('/api/v1/elections/TK-2030.ics?kind=proxy_or_voter_pass');
		const unsubscribe = tokenIn(reminder.text, '/reminders/unsubscribe')!;
		expect(reminder.headers).toEqual({
			'List-Unsubscribe': `<http://localhost:3000/en/reminders/unsubscribe/${unsubscribe}>`,
			'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click'
		});
		const sent = await database.db
			.select()
			.from(sentReminders)
			.where(eq(sentReminders.subscriptionId, id));
		expect(sent).toHaveLength(1);
		expect(sent[0]).toMatchObject({
			cutoffKind: 'proxy_or_voter_pass',
			cutoffDay: '2030-02-19',
			leadDays: 28,
			channel: 'email',
			unsubscribeTokenHash: createHash('sha256').update(unsubscribe).digest('hex')
		});
		// Confirming again, and running again, sends nothing more.
		expect(await reminders.run()).toEqual({ email: 0, push: 0 });
		expect(await mailTo(address)).toHaveLength(2);
	});

	it('sends each reminder once when two schedulers run at the same moment', async () => {
		const subscribers = await Promise.all(
			Array.from({ length: 12 }, (_, i) => confirmed(`voter${i}@example.org`))
		);
		// At LATER two reminders are new for each: the proxy's 7-day and the change's 28-day one.
		const runs = await Promise.all([
			reminders.run({ now: LATER }),
			reminders.run({ now: LATER }),
			reminders.run({ now: LATER })
		]);
		expect(runs.reduce((sum, r) => sum + r.email, 0)).toBe(12 * 2);
		const ids = subscribers.map((s) => s.id);
		const sent = await database.db
			.select()
			.from(sentReminders)
			.where(inArray(sentReminders.subscriptionId, ids));
		expect(sent).toHaveLength(12 * 3);
		const mails = (await database.db.select().from(outbox)).filter((m) =>
			m.subject.startsWith('Reminder')
		);
		expect(mails).toHaveLength(12 * 3);
		for (let i = 0; i < 12; i++) {
			const own = mails
				.filter((m) => m.recipient === `voter${i}@example.org`)
				.map((m) => m.subject);
			expect(own.sort()).toEqual([
				'Reminder: Change to your registration, by 13 March 2030',
				'Reminder: Proxy or voter pass, by 19 February 2030',
				'Reminder: Proxy or voter pass, by 19 February 2030'
			]);
		}
		// And once more, later the same day: nothing new.
		expect(await reminders.run({ now: new Date(LATER.getTime() + 3_600_000) })).toEqual({
			email: 0,
			push: 0
		});
	});

	it('reminds only of the chosen types', async () => {
		await confirmed('ep.only@example.org', ['EP', 'KNI']);
		// EP 2029 has no day yet; the KNI of 2027 is long past at this clock.
		expect((await mailTo('ep.only@example.org')).map((m) => m.subject)).toEqual([
			'Confirm your deadline reminders'
		]);
	});
});

describe('from a voter’s account', () => {
	it('asks with the registration’s address and types, still confirmed by e-mail', async () => {
		const accountId = await voterAccount(database);
		const other = await voterAccount(database);
		const none = await voterAccount(database);
		const [withEmail, withoutEmail] = await insertRegistrations(database.db, [
			{ bsn: null, types: ['TK', 'EP'], address: BERLIN, email: 'gerrit@example.org' },
			{ bsn: null, types: ['TK'], address: BERLIN, email: null }
		]);
		await database.db
			.update(registrations)
			.set({ accountId })
			.where(eq(registrations.id, withEmail!));
		await database.db
			.update(registrations)
			.set({ accountId: other })
			.where(eq(registrations.id, withoutEmail!));

		expect(await reminders.subscribeAccount(accountId, 'de')).toBe('sent');
		expect(await reminders.subscribeAccount(other, 'de')).toBe('no_email');
		expect(await reminders.subscribeAccount(none, 'de')).toBe('not_registered');
		const [row] = await database.db.select().from(reminderSubscriptions);
		expect(row).toMatchObject({ types: ['TK', 'EP'], locale: 'de', confirmedAt: null });
		const [mail] = await mailTo('gerrit@example.org');
		expect(mail!.subject).toBe('Bestätigen Sie Ihre Erinnerungen an Fristen');
		await database.db.delete(registrations);
	});
});

describe('stopping', () => {
	it('stops in one click from a reminder e-mail and deletes the request', async () => {
		const { id } = await confirmed('carla@example.org');
		const reminder = (await mailTo('carla@example.org')).find((m) =>
			m.subject.startsWith('Reminder')
		)!;
		const token = tokenIn(reminder.text, '/reminders/unsubscribe')!;
		expect(await reminders.canUnsubscribe(token)).toBe(true);
		expect(await reminders.unsubscribeByReminder(token)).toBe(true);
		expect(
			await database.db.select().from(reminderSubscriptions).where(eq(reminderSubscriptions.id, id))
		).toEqual([]);
		expect(
			await database.db.select().from(sentReminders).where(eq(sentReminders.subscriptionId, id))
		).toEqual([]);
		// A second click (or a mail program's repeated POST) changes nothing and says so.
		expect(await reminders.canUnsubscribe(token)).toBe(false);
		expect(await reminders.unsubscribeByReminder(token)).toBe(false);
		expect(await reminders.run({ now: LATER })).toEqual({ email: 0, push: 0 });
	});

	it('stops from the manage page', async () => {
		const { token } = await confirmed('dirk@example.org');
		expect(await reminders.unsubscribe(token)).toBe(true);
		expect(await reminders.view(token)).toBeNull();
		expect(await reminders.confirm(token)).toBe(false);
		expect(await reminders.unsubscribe(token)).toBe(false);
	});

	it('forgets a request not confirmed within 7 days', async () => {
		const eightDaysAgo = new Date(Date.now() - 8 * 86_400_000);
		const old = await reminders.subscribe(
			{ email: 'late@example.org', types: ['TK'], locale: 'en' },
			eightDaysAgo
		);
		const fresh = await reminders.subscribe({
			email: 'new@example.org',
			types: ['TK'],
			locale: 'en'
		});
		const kept = await confirmed('kept@example.org');
		await database.db
			.update(reminderSubscriptions)
			.set({ createdAt: eightDaysAgo })
			.where(eq(reminderSubscriptions.id, kept.id));
		// Its link no longer works, even before the purge.
		expect(await reminders.view(old.token)).toBeNull();
		expect(await reminders.confirm(old.token)).toBe(false);
		expect(await reminders.purgeUnconfirmed()).toBe(1);
		const left = (await database.db.select().from(reminderSubscriptions)).map((r) => r.id);
		expect(left.sort()).toEqual([fresh.id, kept.id].sort());
	});
});

// ---------------------------------------------------------------------------------------------
// Web push, against a push service of our own.

type Received = { headers: IncomingMessage['headers']; body: Buffer; path: string };

/** A browser's side of a push subscription: its P-256 key pair and auth secret. */
function browserKeys(): { ecdh: ECDH; p256dh: string; auth: Buffer } {
	const ecdh = createECDH('prime256v1');
	ecdh.generateKeys();
	return { ecdh, p256dh: ecdh.getPublicKey().toString('base64url'), auth: randomBytes(16) };
}

/** RFC 8291 (aes128gcm, RFC 8188): what the browser does with a pushed body. */
function decrypt(body: Buffer, browser: ReturnType<typeof browserKeys>): string {
	const salt = body.subarray(0, 16);
	const idLength = body[20]!;
	const serverKey = body.subarray(21, 21 + idLength);
	const ciphertext = body.subarray(21 + idLength);
	const shared = browser.ecdh.computeSecret(serverKey);
	const keyInfo = Buffer.concat([
		Buffer.from('WebPush: info\0'),
		browser.ecdh.getPublicKey(),
		serverKey
	]);
	const ikm = Buffer.from(hkdfSync('sha256', shared, browser.auth, keyInfo, 32));
	const cek = Buffer.from(
		hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16)
	);
	const nonce = Buffer.from(
		hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12)
	);
	const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
	decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
	const padded = Buffer.concat([
		decipher.update(ciphertext.subarray(0, ciphertext.length - 16)),
		decipher.final()
	]);
	// The last record ends with the delimiter 0x02, then padding zeros.
	let end = padded.length - 1;
	while (padded[end] === 0) end--;
	expect(padded[end]).toBe(2);
	return padded.subarray(0, end).toString('utf8');
}

describe('web push', () => {
	let server: Server;
	let origin: string;
	const received: Received[] = [];
	let status = 201;
	const vapid = {
		...crypto.newVapidKeys(),
		subject: 'mailto:verkiezingen@example.org',
		source: 'test'
	};

	beforeAll(async () => {
		server = createServer((request, response) => {
			const chunks: Buffer[] = [];
			request.on('data', (c: Buffer) => chunks.push(c));
			request.on('end', () => {
				received.push({
					headers: request.headers,
					body: Buffer.concat(chunks),
					path: request.url!
				});
				response.writeHead(status).end();
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
		reminders.useVapidKeys(vapid);
	});
	afterAll(async () => {
		reminders.useVapidKeys(null);
		await new Promise((resolve) => server.close(resolve));
	});
	afterEach(() => {
		received.length = 0;
		status = 201;
	});

	const local = { allowEndpoint: (endpoint: string) => endpoint.startsWith(origin) };

	it('sends an encrypted, VAPID-signed notification with a TTL, once', async () => {
		const { token, id } = await reminders.subscribe({
			email: 'eva@example.org',
			types: ['TK'],
			locale: 'en'
		});
		const browser = browserKeys();
		const target = {
			endpoint: `${origin}/push/eva`,
			keys: { p256dh: browser.p256dh, auth: browser.auth.toString('base64url') }
		};
		// Not before the request is confirmed; never to a host that is not a push service.
		expect(await reminders.addPush(token, target, local)).toBe('unknown');
		await reminders.confirm(token);
		expect(await reminders.addPush(token, target)).toBe('refused');
		expect(await reminders.addPush(token, target, local)).toBe('added');
		expect(await reminders.view(token)).toMatchObject({ devices: 1, pushKey: vapid.publicKey });
		// The endpoint is sealed like the address.
		const [device] = await database.db
			.select()
			.from(reminderPushSubscriptions)
			.where(eq(reminderPushSubscriptions.subscriptionId, id));
		expect(device!.sealed).not.toContain('127.0.0.1');

		// Confirmation sent the e-mail already (push was not yet added); the next run sends the
		// proxy reminder as a notification only, and the run after it nothing.
		expect(await reminders.run()).toEqual({ email: 0, push: 1 });
		expect(await reminders.run()).toEqual({ email: 0, push: 0 });
		expect(received).toHaveLength(1);
		const [push] = received;
		expect(push!.path).toBe('/push/eva');
		expect(push!.headers['content-encoding']).toBe('aes128gcm');
		expect(push!.headers['content-type']).toBe('application/octet-stream');
		// Kept by the push service until the cut-off closes (end of 19 February, Den Haag), no longer.
		const ttl = Number(push!.headers.ttl);
		const closes = new Date('2030-02-19T22:59:59.999Z').getTime();
		expect(ttl).toBe(Math.floor((closes - new Date(CLOCK).getTime()) / 1000));
		expect(push!.headers.urgency).toBe('normal');

		// RFC 8292: "vapid t=<JWT>, k=<public key>", the JWT for this push service's origin.
		const authorization = push!.headers.authorization!;
		const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(authorization);
		expect(match).not.toBeNull();
		expect(match![2]).toBe(vapid.publicKey);
		const [header, claims] = match![1]!
			.split('.')
			.slice(0, 2)
			.map((p) => JSON.parse(Buffer.from(p, 'base64url').toString('utf8')));
		expect(header).toMatchObject({ typ: 'JWT', alg: 'ES256' });
		expect(claims).toMatchObject({ aud: origin, sub: vapid.subject });
		expect(claims.exp * 1000).toBeGreaterThan(Date.now());

		// Only the browser's keys open it.
		const payload = JSON.parse(decrypt(push!.body, browser));
		expect(payload).toEqual({
			title: 'Reminder: Proxy or voter pass, by 19 February 2030',
			body: expect.stringContaining('The Hague must receive it by Tuesday, 19 February 2030'),
			url: expect.stringMatching(/\/en\/vote-choice\?election=TK-2030$/),
			tag: 'TK-2030-proxy_or_voter_pass',
			lang: 'en'
		});

		// Later both channels: the proxy's 7-day and the change's 28-day reminder.
		expect(await reminders.run({ now: LATER })).toEqual({ email: 2, push: 2 });
		expect(received).toHaveLength(3);
	});

	it('drops a subscription the push service says is gone', async () => {
		const { token, id } = await confirmed('finn@example.org');
		const browser = browserKeys();
		await reminders.addPush(
			token,
			{
				endpoint: `${origin}/push/finn`,
				keys: { p256dh: browser.p256dh, auth: browser.auth.toString('base64url') }
			},
			local
		);
		status = 410;
		expect(await reminders.run()).toEqual({ email: 0, push: 1 });
		expect(received).toHaveLength(1);
		expect(
			await database.db
				.select()
				.from(reminderPushSubscriptions)
				.where(eq(reminderPushSubscriptions.subscriptionId, id))
		).toEqual([]);
	});

	it('takes only what a browser posts, and only for real push services', () => {
		const browser = browserKeys();
		const good = {
			endpoint: 'https://fcm.googleapis.com/fcm/send/abc',
			keys: { p256dh: browser.p256dh, auth: browser.auth.toString('base64url') }
		};
		expect(reminders.parsePushTarget(good)).toEqual(good);
		expect(
			reminders.parsePushTarget({ ...good, keys: { ...good.keys, auth: 'short' } })
		).toBeNull();
		expect(reminders.parsePushTarget({ endpoint: good.endpoint })).toBeNull();
		expect(reminders.parsePushTarget('nonsense')).toBeNull();
	});
});
