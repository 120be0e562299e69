/**
 * The two WebAuthn ceremonies, with the policy every passkey here follows: user verification
 * required (the device checks a PIN, fingerprint or face: a second factor in one gesture),
 * discoverable credentials required (signing in asks for no user name), bound to the host name
 * of ORIGIN and accepted only from ORIGIN.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import {
	generateAuthenticationOptions,
	generateRegistrationOptions,
	verifyAuthenticationResponse,
	verifyRegistrationResponse,
	type AuthenticationResponseJSON,
	type PublicKeyCredentialCreationOptionsJSON,
	type PublicKeyCredentialRequestOptionsJSON,
	type RegistrationResponseJSON
} from '@simplewebauthn/server';
import { relyingParty } from '$lib/server/config';
import {
	readChallengeCookie,
	setChallengeCookie,
	storeChallenge,
	takeChallenge,
	type Purpose
} from './challenges';

export type { AuthenticationResponseJSON, RegistrationResponseJSON };
export type RegistrationOptions = PublicKeyCredentialCreationOptionsJSON;
export type AuthenticationOptions = PublicKeyCredentialRequestOptionsJSON;

/** Why a ceremony failed, as a message key the page shows. */
export type CeremonyError =
	'account_error_expired' | 'account_error_not_verified' | 'account_error_unknown_passkey';

// How long the browser waits for the person at their device.
const TIMEOUT_MS = 120_000;

/**
 * The user handle of an account that does not exist yet. It must be in the options before the
 * account is made, and the challenge row has no column for it: it is derived from the challenge
 * (32 random bytes), so it is as random as a fresh handle and the same at both ends of the
 * ceremony. It never contains anything about the person.
 */
export function newUserHandle(challenge: string): string {
	return createHash('sha256').update('user-handle\n').update(challenge).digest('base64url');
}

export type NewCredential = {
	id: string;
	publicKey: string;
	counter: number;
	transports: string[];
	deviceType: string;
	backedUp: boolean;
};

export async function beginRegistration(
	cookies: Cookies,
	options: {
		purpose: Purpose;
		rpName: string;
		userName: string;
		userDisplayName: string;
		/** For a passkey added to an existing account: its handle and the passkeys it has. */
		account?: { id: string; webauthnUserId: string; passkeyIds: string[] };
	}
): Promise<RegistrationOptions> {
	const challengeBytes = new Uint8Array(randomBytes(32));
	const challenge = Buffer.from(challengeBytes).toString('base64url');
	const userHandle = options.account?.webauthnUserId ?? newUserHandle(challenge);
	const generated = await generateRegistrationOptions({
		rpName: options.rpName,
		rpID: relyingParty().id,
		userName: options.userName,
		userDisplayName: options.userDisplayName,
		userID: new Uint8Array(Buffer.from(userHandle, 'base64url')),
		challenge: challengeBytes,
		timeout: TIMEOUT_MS,
		attestationType: 'none',
		// The same device cannot be registered twice on one account.
		excludeCredentials: (options.account?.passkeyIds ?? []).map((id) => ({ id })),
		authenticatorSelection: {
			residentKey: 'required',
			requireResidentKey: true,
			userVerification: 'required'
		}
	});
	const id = await storeChallenge(
		generated.challenge,
		options.purpose,
		options.account?.id ?? null
	);
	setChallengeCookie(cookies, id);
	return generated;
}

export type VerifiedRegistration = {
	ok: true;
	credential: NewCredential;
	/** The account the ceremony was begun for, or null for a new account. */
	accountId: string | null;
	/** The new account's user handle (for a new account). */
	userHandle: string;
};

export async function finishRegistration(
	cookies: Cookies,
	purpose: Purpose,
	response: RegistrationResponseJSON
): Promise<VerifiedRegistration | { ok: false; error: CeremonyError }> {
	const stored = await takeChallenge(readChallengeCookie(cookies), purpose);
	if (!stored) return { ok: false, error: 'account_error_expired' };
	const rp = relyingParty();
	try {
		const verified = await verifyRegistrationResponse({
			response,
			expectedChallenge: stored.challenge,
			expectedOrigin: rp.origin,
			expectedRPID: rp.id,
			requireUserVerification: true
		});
		if (!verified.verified) return { ok: false, error: 'account_error_not_verified' };
		const info = verified.registrationInfo;
		return {
			ok: true,
			accountId: stored.accountId,
			userHandle: newUserHandle(stored.challenge),
			credential: {
				id: info.credential.id,
				publicKey: Buffer.from(info.credential.publicKey).toString('base64url'),
				counter: info.credential.counter,
				transports: info.credential.transports ?? [],
				deviceType: info.credentialDeviceType,
				backedUp: info.credentialBackedUp
			}
		};
	} catch {
		// A malformed or forged response is the client's problem, never a 500.
		return { ok: false, error: 'account_error_not_verified' };
	}
}

export async function beginAuthentication(
	cookies: Cookies,
	purpose: Purpose
): Promise<AuthenticationOptions> {
	const options = await generateAuthenticationOptions({
		rpID: relyingParty().id,
		// Empty: the browser offers the passkeys it holds for this site (discoverable credentials).
		allowCredentials: [],
		userVerification: 'required',
		timeout: TIMEOUT_MS
	});
	setChallengeCookie(cookies, await storeChallenge(options.challenge, purpose, null));
	return options;
}

export type StoredCredential = {
	id: string;
	publicKey: string;
	counter: number;
	transports: string[];
};

/**
 * Verifies an assertion against the stored passkey that `find` returns for the response's
 * credential id. Returns the new signature counter.
 */
export async function finishAuthentication(
	cookies: Cookies,
	purpose: Purpose,
	response: AuthenticationResponseJSON,
	credential: StoredCredential | null
): Promise<{ ok: true; counter: number } | { ok: false; error: CeremonyError }> {
	const stored = await takeChallenge(readChallengeCookie(cookies), purpose);
	if (!stored) return { ok: false, error: 'account_error_expired' };
	if (!credential) return { ok: false, error: 'account_error_unknown_passkey' };
	const rp = relyingParty();
	try {
		const verified = await verifyAuthenticationResponse({
			response,
			expectedChallenge: stored.challenge,
			expectedOrigin: rp.origin,
			expectedRPID: rp.id,
			requireUserVerification: true,
			credential: {
				id: credential.id,
				publicKey: new Uint8Array(Buffer.from(credential.publicKey, 'base64url')),
				counter: credential.counter,
				transports: credential.transports
			}
		});
		if (!verified.verified) return { ok: false, error: 'account_error_not_verified' };
		return { ok: true, counter: verified.authenticationInfo.newCounter };
	} catch {
		return { ok: false, error: 'account_error_not_verified' };
	}
}
