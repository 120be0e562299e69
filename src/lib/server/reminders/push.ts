/**
 * Web push for reminders (Push API, RFC 8030) where the browser offers it: the payload encrypted
 * for the browser (RFC 8291, aes128gcm) and signed for the push service (VAPID, RFC 8292) by the
 * `web-push` library, sent with fetch. Without VAPID keys (production without VAPID_PUBLIC_KEY and
 * VAPID_PRIVATE_KEY) there is no push: the page does not offer it and reminders go by e-mail.
 */
import * as webpushModule from 'web-push';
import { z } from 'zod';
import * as crypto from '$lib/server/crypto';
import type { PushPayload } from './compose';

// web-push is CommonJS: Node's ESM loader offers its functions on the default export only.
const webpush =
	(webpushModule as unknown as { default?: typeof webpushModule }).default ?? webpushModule;

let vapid: crypto.VapidKeys | null | undefined;

/** The process's VAPID keys, read once; null when push is not configured. */
export function vapidKeys(): crypto.VapidKeys | null {
	if (vapid === undefined) vapid = crypto.loadVapidKeys();
	return vapid;
}

/** Tests use keys of their own; `undefined` goes back to the environment. */
export function useVapidKeys(keys: crypto.VapidKeys | null | undefined): void {
	vapid = keys;
}

/** The public key the browser subscribes with (`applicationServerKey`), or null: no push. */
export const publicKey = () => vapidKeys()?.publicKey ?? null;

export type PushTarget = { endpoint: string; keys: { p256dh: string; auth: string } };

// The browsers' push services. The endpoint comes from the browser, so the server would POST to
// any URL a visitor posts: only these hosts, over HTTPS on the standard port (no SSRF).
const PUSH_SERVICES = [
	/^fcm\.googleapis\.com$/, // Chrome, Android, Opera, Samsung Internet, Brave
	/^(updates\.)?push\.services\.mozilla\.com$/, // Firefox
	/^web\.push\.apple\.com$/, // Safari (macOS 13+, iOS 16.4+ home-screen apps)
	/^[a-z0-9-]+\.notify\.windows\.com$/ // Edge
];

export function isPushService(endpoint: string): boolean {
	let url: URL;
	try {
		url = new URL(endpoint);
	} catch {
		return false;
	}
	return (
		url.protocol === 'https:' &&
		url.port === '' &&
		url.username === '' &&
		url.password === '' &&
		PUSH_SERVICES.some((host) => host.test(url.hostname))
	);
}

const base64url = (bytes: number) =>
	z
		.string()
		.regex(/^[A-Za-z0-9_-]+={0,2}$/)
		.refine((v) => Buffer.from(v, 'base64url').length === bytes);

/** `PushSubscription.toJSON()` as the page posts it: endpoint, P-256 key (65 bytes), 16-byte auth. */
const target = z.object({
	endpoint: z.string().min(1).max(2048),
	keys: z.object({ p256dh: base64url(65), auth: base64url(16) })
});

export function parsePushTarget(body: unknown): PushTarget | null {
	const parsed = target.safeParse(body);
	return parsed.success
		? {
				endpoint: parsed.data.endpoint,
				keys: { p256dh: parsed.data.keys.p256dh, auth: parsed.data.keys.auth }
			}
		: null;
}

/** `gone`: the browser unsubscribed (404, 410), so the subscription is dropped. */
export type PushOutcome = 'sent' | 'gone' | 'failed';

/** A push service needs no longer than this; the scheduler must not hang on one. */
const TIMEOUT_MS = 15_000;

/**
 * Sends one notification. `ttlSeconds`: how long the push service may keep it for a browser that
 * is offline (a reminder after its cut-off is of no use).
 */
export async function sendPush(
	to: PushTarget,
	payload: PushPayload,
	ttlSeconds: number
): Promise<PushOutcome> {
	const keys = vapidKeys();
	if (!keys) return 'failed';
	const details = webpush.generateRequestDetails(to, JSON.stringify(payload), {
		vapidDetails: { subject: keys.subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
		TTL: Math.max(0, Math.floor(ttlSeconds)),
		contentEncoding: 'aes128gcm',
		urgency: 'normal'
	});
	const headers = Object.fromEntries(
		Object.entries(details.headers)
			// fetch sets the length itself.
			.filter(([name]) => name.toLowerCase() !== 'content-length')
			.map(([name, value]) => [name, String(value)])
	);
	try {
		const response = await fetch(details.endpoint, {
			method: 'POST',
			headers,
			body: new Uint8Array(details.body),
			redirect: 'error',
			signal: AbortSignal.timeout(TIMEOUT_MS)
		});
		await response.body?.cancel();
		if (response.status === 404 || response.status === 410) return 'gone';
		return response.ok ? 'sent' : 'failed';
	} catch {
		return 'failed';
	}
}
