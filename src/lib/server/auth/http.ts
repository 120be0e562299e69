/**
 * What the ceremony endpoints share: reading a JSON body, the `next` parameter, and the session's
 * remaining time for the time-out warning.
 */
import { error } from '@sveltejs/kit';
import { z } from 'zod';
import * as m from '$lib/paraglide/messages.js';
import type { AuthenticationResponseJSON, RegistrationResponseJSON } from './webauthn';

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
