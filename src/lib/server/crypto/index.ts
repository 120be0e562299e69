/**
 * Encryption at rest for what the law lets Den Haag keep but nobody should read from a database
 * dump: the BSN (KB D 4) and the uploaded scans of the signed form and the passport or ID card
 * (issue 3). AES-256-GCM with keys from the environment; a keyed blind index finds a person by
 * BSN without the BSN in clear.
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { loadKeyring, type Keyring } from './keys';

export {
	KeyConfigurationError,
	loadKeyring,
	loadVapidKeys,
	newVapidKeys,
	type Keyring,
	type VapidKeys
} from './keys';

let current: Keyring | undefined;

/** The process's keyring, read from the environment once (call at start-up to fail early). */
export function keyring(): Keyring {
	current ??= loadKeyring();
	return current;
}

/** Tests use keys of their own (rotation); `undefined` goes back to the environment. */
export function useKeyring(ring: Keyring | undefined): void {
	current = ring;
}

export type Sealed = { keyId: string; iv: Buffer; authTag: Buffer; ciphertext: Buffer };

const IV_BYTES = 12;
const TAG_BYTES = 16;

function key(keyId: string): Buffer {
	const found = keyring().keys.get(keyId);
	if (!found)
		throw new Error(`No decryption key "${keyId}" (was it removed from ENCRYPTION_KEYS?)`);
	return found;
}

/**
 * Encrypts with the current key and a fresh random 96-bit IV. `context` is authenticated but not
 * stored (GCM's additional data): a ciphertext moved to another row no longer decrypts.
 */
export function encrypt(plaintext: Uint8Array, context = ''): Sealed {
	const keyId = keyring().currentId;
	const iv = randomBytes(IV_BYTES);
	const cipher = createCipheriv('aes-256-gcm', key(keyId), iv, { authTagLength: TAG_BYTES });
	cipher.setAAD(Buffer.from(context, 'utf8'));
	const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
	return { keyId, iv, authTag: cipher.getAuthTag(), ciphertext };
}

/** Decrypts with the key the ciphertext names; throws if it was altered or the context differs. */
export function decrypt(sealed: Sealed, context = ''): Buffer {
	const decipher = createDecipheriv('aes-256-gcm', key(sealed.keyId), sealed.iv, {
		authTagLength: TAG_BYTES
	});
	decipher.setAAD(Buffer.from(context, 'utf8'));
	decipher.setAuthTag(sealed.authTag);
	return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
}

/**
 * A short text (the BSN) as one column value: `<keyId>:<base64url(iv | tag | ciphertext)>`.
 * The key id travels with the value, so values written under an old key still decrypt.
 */
export function encryptField(value: string, context = ''): string {
	const { keyId, iv, authTag, ciphertext } = encrypt(Buffer.from(value, 'utf8'), context);
	return `${keyId}:${Buffer.concat([iv, authTag, ciphertext]).toString('base64url')}`;
}

export function decryptField(stored: string, context = ''): string {
	const colon = stored.indexOf(':');
	if (colon < 1) throw new Error('Not an encrypted field value');
	const bytes = Buffer.from(stored.slice(colon + 1), 'base64url');
	if (bytes.length < IV_BYTES + TAG_BYTES) throw new Error('Not an encrypted field value');
	return decrypt(
		{
			keyId: stored.slice(0, colon),
			iv: bytes.subarray(0, IV_BYTES),
			authTag: bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES),
			ciphertext: bytes.subarray(IV_BYTES + TAG_BYTES)
		},
		context
	).toString('utf8');
}

/**
 * A keyed blind index: HMAC-SHA256 under BLIND_INDEX_KEY, hex. Equal values give equal indexes,
 * so a population-register change finds the registration by BSN (KW D 6(2)); without the key the
 * index cannot be reversed by trying all 10^9 BSNs, as a plain hash could. Callers normalise the
 * value first (for a BSN: nine digits, no spaces or dots).
 */
export function blindIndex(value: string): string {
	return createHmac('sha256', keyring().blindIndexKey).update(value, 'utf8').digest('hex');
}
