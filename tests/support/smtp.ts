/**
 * A real SMTP server in the test process (smtp-server), and just enough MIME parsing to read what
 * nodemailer sent: headers (RFC 2047 encoded words), multipart/alternative, quoted-printable and
 * base64 parts. Tests that need to see a notice arrive use this.
 */
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerOptions } from 'smtp-server';

export type ReceivedMail = {
	raw: string;
	envelopeTo: string[];
	headers: Record<string, string>;
	subject: string;
	text: string;
	html: string;
};

export type TestSmtp = {
	url: string;
	received: ReceivedMail[];
	/** Decides per message whether the server accepts it: return an error to refuse it. */
	refuse: (mail: { to: string[]; count: number }) => (Error & { responseCode?: number }) | null;
	close: () => Promise<void>;
};

/** Starts a server on a free port; with `auth`, the URL carries the user and password it checks. */
export async function startSmtp(
	options: { auth?: { user: string; pass: string }; refuseRecipient?: string } = {}
): Promise<TestSmtp> {
	const received: ReceivedMail[] = [];
	let attempts = 0;
	const smtp: TestSmtp = {
		url: '',
		received,
		refuse: () => null,
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
	const config: SMTPServerOptions = {
		disabledCommands: options.auth ? ['STARTTLS'] : ['STARTTLS', 'AUTH'],
		authOptional: !options.auth,
		// Plain-text AUTH on the loopback interface only: a test, not a deployment.
		allowInsecureAuth: true,
		logger: false,
		onAuth(auth, _session, callback) {
			if (auth.username === options.auth?.user && auth.password === options.auth?.pass) {
				callback(null, { user: auth.username });
			} else callback(new Error('Invalid username or password'));
		},
		onRcptTo(address, _session, callback) {
			if (address.address === options.refuseRecipient) {
				const error = Object.assign(new Error('Mailbox unavailable'), { responseCode: 550 });
				callback(error);
			} else callback();
		},
		onData(stream, session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (chunk: Buffer) => chunks.push(chunk));
			stream.on('end', () => {
				const to = session.envelope.rcptTo.map((r) => r.address);
				const refusal = smtp.refuse({ to, count: ++attempts });
				if (refusal) return callback(refusal);
				received.push({ ...parseMail(Buffer.concat(chunks).toString('latin1')), envelopeTo: to });
				callback();
			});
		}
	};
	const server = new SMTPServer(config);
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.server.address() as AddressInfo;
	const credentials = options.auth
		? `${encodeURIComponent(options.auth.user)}:${encodeURIComponent(options.auth.pass)}@`
		: '';
	smtp.url = `smtp://${credentials}127.0.0.1:${port}`;
	return smtp;
}

type Part = { headers: Record<string, string>; body: string };

function splitPart(raw: string): Part {
	const at = raw.indexOf('\r\n\r\n');
	const head = at < 0 ? raw : raw.slice(0, at);
	const body = at < 0 ? '' : raw.slice(at + 4);
	const headers: Record<string, string> = {};
	for (const line of head.replace(/\r\n[ \t]+/g, ' ').split('\r\n')) {
		const colon = line.indexOf(':');
		if (colon > 0) headers[line.slice(0, colon).toLowerCase()] = line.slice(colon + 1).trim();
	}
	return { headers, body };
}

const bytesToUtf8 = (latin1: string) => Buffer.from(latin1, 'latin1').toString('utf8');

function decodeQuotedPrintable(body: string): string {
	const latin1 = body
		.replace(/=\r\n/g, '')
		.replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
	return bytesToUtf8(latin1);
}

function decodeBody(part: Part): string {
	const encoding = (part.headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
	if (encoding === 'quoted-printable') return decodeQuotedPrintable(part.body);
	if (encoding === 'base64') return Buffer.from(part.body, 'base64').toString('utf8');
	return bytesToUtf8(part.body);
}

/** RFC 2047: `=?UTF-8?Q?…?=` and `=?UTF-8?B?…?=`, adjacent words joined. */
export function decodeWords(value: string): string {
	return value
		.replace(/\?=\s+=\?/g, '?==?')
		.replace(/=\?([^?]+)\?([BbQq])\?([^?]*)\?=/g, (_, _charset, kind: string, text: string) =>
			kind.toUpperCase() === 'B'
				? Buffer.from(text, 'base64').toString('utf8')
				: decodeQuotedPrintable(text.replace(/_/g, ' '))
		);
}

function leaves(part: Part): Part[] {
	const type = part.headers['content-type'] ?? 'text/plain';
	const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
	if (!type.toLowerCase().startsWith('multipart/') || !boundary) return [part];
	return part.body
		.split(`--${boundary}`)
		.slice(1, -1)
		.flatMap((chunk) => leaves(splitPart(chunk.replace(/^\r\n/, ''))));
}

export function parseMail(raw: string): Omit<ReceivedMail, 'envelopeTo'> {
	const top = splitPart(raw);
	const parts = leaves(top);
	const find = (type: string) =>
		parts.find((p) => (p.headers['content-type'] ?? 'text/plain').toLowerCase().startsWith(type));
	const text = find('text/plain');
	const html = find('text/html');
	return {
		raw,
		headers: Object.fromEntries(Object.entries(top.headers).map(([k, v]) => [k, decodeWords(v)])),
		subject: decodeWords(top.headers.subject ?? ''),
		text: text ? decodeBody(text).replace(/\r\n/g, '\n').trimEnd() : '',
		html: html ? decodeBody(html).replace(/\r\n/g, '\n') : ''
	};
}
