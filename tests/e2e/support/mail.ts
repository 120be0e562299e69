/**
 * The e2e server's mail, received for real: the global set-up starts an SMTP server (smtp-server)
 * that the app's `SMTP_URL` points at, and drops every message it accepts into a folder as a
 * file; test files, in processes of their own, read that folder (`inject('mailDir')`).
 */
import { mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { SMTPServer } from 'smtp-server';
import { expect, inject } from 'vitest';
import { parseMail, type ReceivedMail } from '../../support/smtp';

declare module 'vitest' {
	export interface ProvidedContext {
		/** Where the test SMTP server drops what it receives; null against E2E_BASE_URL. */
		mailDir: string | null;
	}
}

export type MailDrop = { url: string; dir: string; close: () => Promise<void> };

/** An SMTP server on the loopback interface that writes each message to `dir`. */
export async function startMailDrop(dir: string): Promise<MailDrop> {
	mkdirSync(dir, { recursive: true });
	let count = 0;
	const server = new SMTPServer({
		// Loopback only, a test: no TLS, no authentication.
		disabledCommands: ['STARTTLS', 'AUTH'],
		authOptional: true,
		logger: false,
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				const to = session.envelope.rcptTo.map((r) => r.address);
				const raw = Buffer.concat(chunks).toString('latin1');
				// Written whole, then renamed: a reader never sees half a message.
				const name = `${Date.now()}-${++count}`;
				writeFileSync(path.join(dir, `${name}.tmp`), JSON.stringify({ to, raw }));
				renameSync(path.join(dir, `${name}.tmp`), path.join(dir, `${name}.json`));
				callback();
			});
		}
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.server.address() as AddressInfo;
	return {
		url: `smtp://127.0.0.1:${port}`,
		dir,
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}

/** Every message received so far for `address`. */
export function mailTo(address: string): ReceivedMail[] {
	const dir = inject('mailDir');
	if (!dir) throw new Error('No test SMTP server: with E2E_BASE_URL set there is none.');
	return readdirSync(dir)
		.filter((f) => f.endsWith('.json'))
		.sort()
		.map(
			(f) => JSON.parse(readFileSync(path.join(dir, f), 'utf8')) as { to: string[]; raw: string }
		)
		.filter((m) => m.to.includes(address))
		.map(({ to, raw }) => ({ ...parseMail(raw), envelopeTo: to }));
}

/** Waits until a message for `address` arrives whose subject matches, and returns it. */
export async function waitForMail(address: string, subject: RegExp): Promise<ReceivedMail> {
	await expect
		.poll(() => mailTo(address).some((m) => subject.test(m.subject)), { timeout: 60_000 })
		.toBe(true);
	return mailTo(address).find((m) => subject.test(m.subject))!;
}
