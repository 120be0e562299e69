/**
 * Where the keys come from. Secrets only from the environment (issue 3: "files encrypted at rest
 * with a key from the environment"); a fresh developer machine gets a generated key file instead,
 * so `npm start` works with nothing configured, and production refuses to start without keys.
 */
import { createECDH, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
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
	/** Web push (VAPID); files made before reminders had push get it added on first use. */
	vapid?: { publicKey: string; privateKey: string };
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
		blindIndexKey: randomBytes(32).toString('base64'),
		vapid: newVapidKeys()
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

export type VapidKeys = {
	/** The uncompressed P-256 public key, base64url: the browser's `applicationServerKey`. */
	publicKey: string;
	privateKey: string;
	/** Who runs the sender (RFC 8292): a `mailto:` or `https:` URL. */
	subject: string;
	/** 'environment', or the path of the development key file. */
	source: string;
};

const left = (bytes: Buffer, length: number) =>
	bytes.length >= length ? bytes : Buffer.concat([Buffer.alloc(length - bytes.length), bytes]);

/** A VAPID key pair (P-256), in the form `web-push generate-vapid-keys` prints. */
export function newVapidKeys(): { publicKey: string; privateKey: string } {
	const ecdh = createECDH('prime256v1');
	ecdh.generateKeys();
	return {
		publicKey: left(ecdh.getPublicKey(), 65).toString('base64url'),
		privateKey: left(ecdh.getPrivateKey(), 32).toString('base64url')
	};
}

const sleep = (ms: number) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * The development key file's VAPID pair, added to a file made before it had one. One process adds
 * it, under a lock file made with 'wx'; any other waits for it, so all agree on one pair (a push
 * subscription made against one public key cannot be sent to with another).
 */
function devVapid(dataDir: string): {
	file: string;
	keys: { publicKey: string; privateKey: string };
} {
	const { file, keys } = devKeyFile(dataDir);
	if (keys.vapid) return { file, keys: keys.vapid };
	const lock = `${file}.lock`;
	for (let waited = 0; waited < 5000; waited += 25) {
		try {
			writeFileSync(lock, String(process.pid), { flag: 'wx' });
		} catch (error) {
			if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
			// A lock left by a process that died while holding it.
			if (Date.now() - statSync(lock).mtimeMs > 10_000) rmSync(lock, { force: true });
			sleep(25);
			const now = JSON.parse(readFileSync(file, 'utf8')) as DevKeyFile;
			if (now.vapid) return { file, keys: now.vapid };
			continue;
		}
		try {
			const current = JSON.parse(readFileSync(file, 'utf8')) as DevKeyFile;
			current.vapid ??= newVapidKeys();
			writeFileSync(`${file}.tmp`, JSON.stringify(current, null, '\t') + '\n', { mode: 0o600 });
			renameSync(`${file}.tmp`, file);
			return { file, keys: current.vapid };
		} finally {
			rmSync(lock, { force: true });
		}
	}
	throw new KeyConfigurationError(`Could not add VAPID keys to ${file} (locked by ${lock})`);
}

const P256_PUBLIC = /^[A-Za-z0-9_-]{86,87}$/;
const P256_PRIVATE = /^[A-Za-z0-9_-]{43}$/;

/** The address in MAIL_FROM (`Name <address>`), for the default VAPID subject. */
function mailFromAddress(env: Env): string {
	const from = env.MAIL_FROM || 'verkiezingen@denhaag.nl';
	return /<([^>\s]+)>\s*$/.exec(from)?.[1] ?? from.trim();
}

/**
 * Web push keys (VAPID, RFC 8292): VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY (base64url, as
 * `npx web-push generate-vapid-keys` prints them) and VAPID_SUBJECT (default: `mailto:` and the
 * address of MAIL_FROM). Outside production, unset keys come from the development key file; in
 * production, without them there is no push (null) and reminders go by e-mail only. One of the
 * two keys without the other is a mistake, refused.
 */
export function loadVapidKeys(env: Env = process.env, warn = console.warn): VapidKeys | null {
	const subject = env.VAPID_SUBJECT || `mailto:${mailFromAddress(env)}`;
	if (!/^(mailto:|https:\/\/)/.test(subject)) {
		throw new KeyConfigurationError('VAPID_SUBJECT: a mailto: or https: URL');
	}
	const publicKey = env.VAPID_PUBLIC_KEY;
	const privateKey = env.VAPID_PRIVATE_KEY;
	if (publicKey || privateKey) {
		if (!publicKey || !privateKey) {
			throw new KeyConfigurationError('VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY go together');
		}
		if (!P256_PUBLIC.test(publicKey) || Buffer.from(publicKey, 'base64url').length !== 65) {
			throw new KeyConfigurationError('VAPID_PUBLIC_KEY: a P-256 public key in base64url');
		}
		if (!P256_PRIVATE.test(privateKey)) {
			throw new KeyConfigurationError('VAPID_PRIVATE_KEY: a P-256 private key in base64url');
		}
		return { publicKey, privateKey, subject, source: 'environment' };
	}
	if (env.NODE_ENV === 'production') return null;
	const dev = devVapid(path.resolve(env.DATA_DIR ?? 'data'));
	warn(`Development VAPID keys read from ${dev.file}: set VAPID_PUBLIC_KEY and VAPID_PRIVATE_KEY.`);
	return { ...dev.keys, subject, source: dev.file };
}
