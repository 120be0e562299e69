/**
 * Where the keys come from. Secrets only from the environment (issue 3: "files encrypted at rest
 * with a key from the environment"); a fresh developer machine gets a generated key file instead,
 * so `npm start` works with nothing configured, and production refuses to start without keys.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

export type Keyring = {
	/** The key new ciphertexts are written with. */
	currentId: string;
	/** Every key that may still decrypt (rotation: old ids stay until re-encrypted or deleted). */
	keys: ReadonlyMap<string, Buffer>;
	/** HMAC key of the blind index (registrations.bsnIndex). */
	blindIndexKey: Buffer;
	/** 'environment', or the path of the development key file. */
	source: string;
};

type Env = Record<string, string | undefined>;

// Key ids appear in stored field values (`<keyId>:<payload>`), so they must not contain ':'.
const KEY_ID = /^[A-Za-z0-9_.-]{1,64}$/;

export class KeyConfigurationError extends Error {
	override name = 'KeyConfigurationError';
}

function decodeKey(name: string, base64: unknown): Buffer {
	if (typeof base64 !== 'string') throw new KeyConfigurationError(`${name}: not a base64 string`);
	const key = Buffer.from(base64, 'base64');
	// AES-256 needs exactly 32 bytes; a shorter HMAC key would weaken the index.
	if (key.length !== 32) throw new KeyConfigurationError(`${name}: must be 32 bytes in base64`);
	return key;
}

function parseKeys(json: string): Map<string, Buffer> {
	let parsed: unknown;
	try {
		parsed = JSON.parse(json);
	} catch {
		throw new KeyConfigurationError('ENCRYPTION_KEYS: not valid JSON');
	}
	if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) {
		throw new KeyConfigurationError('ENCRYPTION_KEYS: expected {"<keyId>":"<base64 32 bytes>"}');
	}
	const keys = new Map<string, Buffer>();
	for (const [id, value] of Object.entries(parsed)) {
		if (!KEY_ID.test(id)) throw new KeyConfigurationError(`ENCRYPTION_KEYS: bad key id "${id}"`);
		keys.set(id, decodeKey(`ENCRYPTION_KEYS.${id}`, value));
	}
	return keys;
}

type DevKeyFile = {
	encryptionKeyId: string;
	encryptionKeys: Record<string, string>;
	blindIndexKey: string;
};

/**
 * Reads the development key file, creating it (mode 0600) on first use. Created with 'wx' so
 * that two processes starting at once agree on one key: the loser reads the winner's file.
 */
function devKeyFile(dataDir: string): { file: string; keys: DevKeyFile; created: boolean } {
	const file = path.resolve(dataDir, 'dev-keys.json');
	const fresh: DevKeyFile = {
		encryptionKeyId: 'dev',
		encryptionKeys: { dev: randomBytes(32).toString('base64') },
		blindIndexKey: randomBytes(32).toString('base64')
	};
	mkdirSync(path.dirname(file), { recursive: true });
	try {
		writeFileSync(file, JSON.stringify(fresh, null, '\t') + '\n', { flag: 'wx', mode: 0o600 });
		return { file, keys: fresh, created: true };
	} catch (error) {
		if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
	}
	return { file, keys: JSON.parse(readFileSync(file, 'utf8')) as DevKeyFile, created: false };
}

/**
 * The keyring from the environment: ENCRYPTION_KEYS, ENCRYPTION_KEY_ID and BLIND_INDEX_KEY.
 * Outside production, whatever is unset comes from `$DATA_DIR/dev-keys.json`; in production a
 * missing key is an error, so the portal never stores a BSN or a passport under a made-up key.
 */
export function loadKeyring(env: Env = process.env, warn = console.warn): Keyring {
	const production = env.NODE_ENV === 'production';
	const hasKeys = Boolean(env.ENCRYPTION_KEYS);
	const hasIndexKey = Boolean(env.BLIND_INDEX_KEY);
	if (production && (!hasKeys || !env.ENCRYPTION_KEY_ID || !hasIndexKey)) {
		throw new KeyConfigurationError(
			'ENCRYPTION_KEYS, ENCRYPTION_KEY_ID and BLIND_INDEX_KEY must be set in production'
		);
	}

	let dev: ReturnType<typeof devKeyFile> | undefined;
	const fromDevFile = () => (dev ??= devKeyFile(path.resolve(env.DATA_DIR ?? 'data')));

	let keys: Map<string, Buffer>;
	let currentId: string;
	if (hasKeys) {
		keys = parseKeys(env.ENCRYPTION_KEYS!);
		currentId = env.ENCRYPTION_KEY_ID ?? (keys.size === 1 ? [...keys.keys()][0]! : '');
		if (!keys.has(currentId)) {
			throw new KeyConfigurationError(
				`ENCRYPTION_KEY_ID "${env.ENCRYPTION_KEY_ID ?? ''}" is not a key in ENCRYPTION_KEYS`
			);
		}
	} else {
		const file = fromDevFile().keys;
		keys = parseKeys(JSON.stringify(file.encryptionKeys));
		currentId = file.encryptionKeyId;
	}
	const blindIndexKey = hasIndexKey
		? decodeKey('BLIND_INDEX_KEY', env.BLIND_INDEX_KEY)
		: decodeKey('dev-keys.json blindIndexKey', fromDevFile().keys.blindIndexKey);

	if (dev) {
		warn(
			`Development keys ${dev.created ? 'created in' : 'read from'} ${dev.file}: set ENCRYPTION_KEYS, ENCRYPTION_KEY_ID and BLIND_INDEX_KEY before real data arrives.`
		);
	}
	return { currentId, keys, blindIndexKey, source: dev ? dev.file : 'environment' };
}
