/**
 * What the ceremony endpoints share: reading a JSON body, the `next` parameter, and the session's
 * remaining time for the time-out warning.
 */
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import * as m from '$lib/paraglide/messages.js';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from './webauthn';
import { passkeyName } from './accounts';

/**
 * A path on this site to return to after signing in, or `fallback`. Only a path: `//evil.example`
 * or `/\evil.example` would leave the site (an open redirect on a government domain).
 */
export function safeNext(next: string | null | undefined, fallback: string): string {
	if (!next || !next.startsWith('/') || next.startsWith('//') || /[\\\s]/.test(next)) {
		return fallback;
	}
	const base = 'http://same.invalid';
	const url = new URL(next, base);
	return url.origin === base ? url.pathname + url.search : fallback;
}

// The browser's credential, as @simplewebauthn/browser serialises it. The library checks every
// part cryptographically; this only keeps garbage (and huge bodies) out.
const credential = z
	.object({
		id: z.string().min(1).max(1400),
		rawId: z.string().min(1).max(1400),
		type: z.literal('public-key'),
		response: z.record(z.string(), z.unknown()),
		clientExtensionResults: z.record(z.string(), z.unknown()).default({}),
		authenticatorAttachment: z.string().optional()
	})
	.loose();

export const registrationBody = z.object({
	response: credential.transform((c) => c as unknown as RegistrationResponseJSON)
});
export const authenticationBody = z.object({
	response: credential.transform((c) => c as unknown as AuthenticationResponseJSON)
});

/** A JSON body of the given shape; anything else is the client's error (400), never a 500. */
export async function readJson<T extends z.ZodType>(
	request: Request,
	schema: T
): Promise<z.output<T>> {
	let body: unknown;
	try {
		body = await request.json();
	} catch {
		error(400, { message: m.error_bad_request() });
	}
	const parsed = schema.safeParse(body);
	if (!parsed.success) error(400, { message: m.error_bad_request() });
	return parsed.data;
}

/** How long the session has left, in ms (0 when there is none). */
export function sessionStatus(session: App.Locals['session'], now = new Date()) {
	return { remainingMs: session ? Math.max(0, session.expiresAt.getTime() - now.getTime()) : 0 };
}

/** The words a passkey manager shows next to the passkey: the site, and what it opens. */
export function ceremonyTexts() {
	return { rpName: m.site_name(), userName: m.account_passkey_user_name() };
}

/** A passkey name, or the field error to show (a message key). */
export function checkPasskeyName(
	value: string
): { ok: true; value: string } | { ok: false; errors: { name: string } } {
	const parsed = passkeyName.safeParse(value);
	return parsed.success
		? { ok: true, value: parsed.data }
		: { ok: false, errors: { name: parsed.error.issues[0]?.message ?? '' } };
}

/** A ceremony endpoint's body: the passkey's name and where the person came from. */
export const namedBody = z.object({ name: z.string().max(500) });

/**
 * The signed-in voter for a JSON endpoint, or null: the page's script then says the session
 * ended, where a page would redirect to sign-in (requireVoter).
 */
export function voterOrSignedOut(locals: App.Locals) {
	return locals.session?.kind === 'voter' ? locals.session : null;
}
