/**
 * A software passkey authenticator for database tests: it answers the server's WebAuthn options
 * the way a phone or laptop does (ES256 key, "none" attestation, user presence and verification
 * flags), so the ceremonies run for real, signatures and all, without a browser. The browser
 * tests use Chromium's virtual authenticator instead (tests/e2e/support/passkeys.ts).
 */
import { createHash, generateKeyPairSync, randomBytes, sign, type KeyObject } from 'node:crypto';
import type { Cookies } from '@sveltejs/kit';
import { isoCBOR } from '@simplewebauthn/server/helpers';
import type {
	AuthenticationResponseJSON,
	PublicKeyCredentialCreationOptionsJSON,
	PublicKeyCredentialRequestOptionsJSON,
	RegistrationResponseJSON
} from '@simplewebauthn/server';

const b64 = (bytes: Uint8Array | Buffer) => Buffer.from(bytes).toString('base64url');
const sha256 = (data: Uint8Array | string) => createHash('sha256').update(data).digest();
const u32 = (n: number) => {
	const b = Buffer.alloc(4);
	b.writeUInt32BE(n);
	return b;
};

type Credential = { id: string; key: KeyObject; userHandle: string; counter: number };

export class SoftAuthenticator {
	readonly credentials: Credential[] = [];

	constructor(
		readonly origin = 'http://localhost:3000',
		/** False: the device did not check a PIN or biometric (the UV flag is off). */
		readonly userVerified = true
	) {}

	get rpId() {
		return new URL(this.origin).hostname;
	}

	private flags(extra: number) {
		// UP (user present) always; UV when verified.
		return 0x01 | (this.userVerified ? 0x04 : 0) | extra;
	}

	async register(
		options: PublicKeyCredentialCreationOptionsJSON
	): Promise<RegistrationResponseJSON> {
		const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
		const jwk = publicKey.export({ format: 'jwk' });
		const cose = new Map<number, number | Uint8Array>([
			[1, 2],
			[3, -7],
			[-1, 1],
			[-2, new Uint8Array(Buffer.from(jwk.x!, 'base64url'))],
			[-3, new Uint8Array(Buffer.from(jwk.y!, 'base64url'))]
		]);
		const id = randomBytes(16);
		const idLength = Buffer.alloc(2);
		idLength.writeUInt16BE(id.length);
		const authData = Buffer.concat([
			sha256(options.rp.id ?? this.rpId),
			Buffer.from([this.flags(0x40)]),
			u32(0),
			Buffer.alloc(16),
			idLength,
			id,
			Buffer.from(isoCBOR.encode(cose))
		]);
		const attestationObject = isoCBOR.encode(
			new Map<string, string | Map<string, string> | Uint8Array>([
				['fmt', 'none'],
				['attStmt', new Map<string, string>()],
				['authData', new Uint8Array(authData)]
			])
		);
		const clientDataJSON = Buffer.from(
			JSON.stringify({
				type: 'webauthn.create',
				challenge: options.challenge,
				origin: this.origin,
				crossOrigin: false
			})
		);
		this.credentials.push({
			id: b64(id),
			key: privateKey,
			userHandle: options.user.id,
			counter: 0
		});
		return {
			id: b64(id),
			rawId: b64(id),
			type: 'public-key',
			response: {
				clientDataJSON: b64(clientDataJSON),
				attestationObject: b64(attestationObject),
				transports: ['internal']
			},
			clientExtensionResults: {},
			authenticatorAttachment: 'platform'
		};
	}

	/** Signs in with the given passkey, or the last one made (as a device offers its passkeys). */
	async authenticate(
		options: PublicKeyCredentialRequestOptionsJSON,
		credentialId?: string
	): Promise<AuthenticationResponseJSON> {
		const credential = credentialId
			? this.credentials.find((c) => c.id === credentialId)
			: this.credentials.at(-1);
		if (!credential) throw new Error('no passkey on this authenticator');
		credential.counter += 1;
		const authenticatorData = Buffer.concat([
			sha256(options.rpId ?? this.rpId),
			Buffer.from([this.flags(0)]),
			u32(credential.counter)
		]);
		const clientDataJSON = Buffer.from(
			JSON.stringify({
				type: 'webauthn.get',
				challenge: options.challenge,
				origin: this.origin,
				crossOrigin: false
			})
		);
		const signature = sign(
			'sha256',
			Buffer.concat([authenticatorData, sha256(clientDataJSON)]),
			credential.key
		);
		return {
			id: credential.id,
			rawId: credential.id,
			type: 'public-key',
			response: {
				clientDataJSON: b64(clientDataJSON),
				authenticatorData: b64(authenticatorData),
				signature: b64(signature),
				userHandle: credential.userHandle
			},
			clientExtensionResults: {},
			authenticatorAttachment: 'platform'
		};
	}
}

/** A cookie jar with SvelteKit's `Cookies` interface: what a browser would send back. */
export class CookieJar {
	readonly jar = new Map<string, string>();
	readonly cookies: Cookies = {
		get: (name) => this.jar.get(name),
		getAll: () => [...this.jar].map(([name, value]) => ({ name, value })),
		set: (name, value) => {
			this.jar.set(name, value);
		},
		delete: (name) => {
			this.jar.delete(name);
		},
		serialize: (name, value) => `${name}=${value}`
	};
}
