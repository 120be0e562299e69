/**
 * The browser's half of a passkey ceremony: ask the server for options, let the device create or
 * use a passkey (it checks the person's fingerprint, face or PIN), send the answer back. Every
 * endpoint answers `{ options }`, `{ redirect }`, `{ errors: { field: key } }` or `{ error: key }`
 * (message keys, shown in the page's language).
 */
import {
	WebAuthnError,
	browserSupportsWebAuthn,
	startAuthentication,
	startRegistration
} from '@simplewebauthn/browser';

export type Outcome = { redirect: string } | { errors: Record<string, string> } | { error: string };

async function post(url: string, body: unknown): Promise<Record<string, unknown>> {
	try {
		const response = await fetch(url, {
			method: 'POST',
			headers: { 'content-type': 'application/json', accept: 'application/json' },
			body: JSON.stringify(body)
		});
		const data = (await response.json()) as Record<string, unknown>;
		if (response.ok || typeof data.error === 'string') return data;
	} catch {
		// Offline, or the server answered something that is not JSON.
	}
	return { error: 'account_error_unavailable' };
}

/** Why the device gave no passkey, as a message key. */
function deviceError(error: unknown): string {
	if (error instanceof WebAuthnError) {
		if (error.code === 'ERROR_AUTHENTICATOR_PREVIOUSLY_REGISTERED') {
			return 'account_error_already_registered';
		}
		if (error.code === 'ERROR_CEREMONY_ABORTED' || error.name === 'NotAllowedError') {
			return 'account_error_cancelled';
		}
	}
	if (error instanceof Error && error.name === 'NotAllowedError') return 'account_error_cancelled';
	return 'account_error_device';
}

/**
 * Runs a ceremony against `${base}/options` and `${base}/verify`, sending `fields` to both.
 * `kind`: 'register' makes a new passkey, 'authenticate' signs in with one.
 */
export async function ceremony(
	kind: 'register' | 'authenticate',
	base: string,
	fields: Record<string, string | undefined>
): Promise<Outcome> {
	if (!browserSupportsWebAuthn()) return { error: 'account_error_unsupported' };
	const first = await post(`${base}/options`, fields);
	if (!first.options) return first as Outcome;
	let response: unknown;
	try {
		response =
			kind === 'register'
				? await startRegistration({ optionsJSON: first.options as never })
				: await startAuthentication({ optionsJSON: first.options as never });
	} catch (error) {
		return { error: deviceError(error) };
	}
	return (await post(`${base}/verify`, { ...fields, response })) as Outcome;
}
