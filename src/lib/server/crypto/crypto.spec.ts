import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as crypto from './index';

const key = () => randomBytes(32).toString('base64');
const dirs: string[] = [];
const tempDir = () => {
	const dir = mkdtempSync(path.join(tmpdir(), 'portal-keys-'));
	dirs.push(dir);
	return dir;
};
afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));
afterEach(() => crypto.useKeyring(undefined));

describe('keys from the environment', () => {
	it('reads ENCRYPTION_KEYS, ENCRYPTION_KEY_ID and BLIND_INDEX_KEY', () => {
		const ring = crypto.loadKeyring({
			ENCRYPTION_KEYS: JSON.stringify({ k1: key(), k2: key() }),
			ENCRYPTION_KEY_ID: 'k2',
			BLIND_INDEX_KEY: key(),
			NODE_ENV: 'production'
		});
		expect(ring.currentId).toBe('k2');
		expect([...ring.keys.keys()]).toEqual(['k1', 'k2']);
		expect(ring.source).toBe('environment');
	});

	it('refuses to start in production without keys', () => {
		expect(() => crypto.loadKeyring({ NODE_ENV: 'production' })).toThrow(
			crypto.KeyConfigurationError
		);
		expect(() =>
			crypto.loadKeyring({
				NODE_ENV: 'production',
				ENCRYPTION_KEYS: JSON.stringify({ k1: key() }),
				ENCRYPTION_KEY_ID: 'k1'
			})
		).toThrow(/BLIND_INDEX_KEY/);
	});

	it('refuses malformed keys: wrong length, bad JSON, an unknown current id', () => {
		const env = { BLIND_INDEX_KEY: key(), NODE_ENV: 'production' };
		const short = randomBytes(16).toString('base64');
		expect(() =>
			crypto.loadKeyring({ ...env, ENCRYPTION_KEYS: `{"a":"${short}"}`, ENCRYPTION_KEY_ID: 'a' })
		).toThrow(/32 bytes/);
		expect(() =>
			crypto.loadKeyring({ ...env, ENCRYPTION_KEYS: '{nope', ENCRYPTION_KEY_ID: 'a' })
		).toThrow(/JSON/);
		expect(() =>
			crypto.loadKeyring({
				...env,
				ENCRYPTION_KEYS: JSON.stringify({ a: key() }),
				ENCRYPTION_KEY_ID: 'b'
			})
		).toThrow(/not a key/);
		expect(() =>
			crypto.loadKeyring({
				...env,
				ENCRYPTION_KEYS: JSON.stringify({ 'a:b': key() }),
				ENCRYPTION_KEY_ID: 'a:b'
			})
		).toThrow(/bad key id/);
	});

	it('on a developer machine creates one key file (mode 0600), reuses it, and warns once per load', () => {
		const dir = tempDir();
		const warnings: string[] = [];
		const warn = (line: string) => warnings.push(line);
		const first = crypto.loadKeyring({ DATA_DIR: dir }, warn);
		const second = crypto.loadKeyring({ DATA_DIR: dir }, warn);
		const file = path.join(dir, 'dev-keys.json');
		expect(first.source).toBe(file);
		expect(statSync(file).mode & 0o777).toBe(0o600);
		expect(second.keys.get(second.currentId)).toEqual(first.keys.get(first.currentId));
		expect(second.blindIndexKey).toEqual(first.blindIndexKey);
		expect(warnings).toHaveLength(2);
		expect(warnings[0]).toMatch(/created in .*dev-keys\.json/);
		expect(warnings[1]).toMatch(/read from/);
		expect(JSON.parse(readFileSync(file, 'utf8'))).toHaveProperty('blindIndexKey');
	});
});

describe('encryption', () => {
	const ring = (keys: Record<string, string>, currentId: string) =>
		crypto.loadKeyring({
			ENCRYPTION_KEYS: JSON.stringify(keys),
			ENCRYPTION_KEY_ID: currentId,
			BLIND_INDEX_KEY: key()
		});

	it('round-trips a field, with a fresh IV each time, and no plaintext in the stored value', () => {
		crypto.useKeyring(ring({ k1: key() }, 'k1'));
		const a = crypto.encryptField('123456782');
		const b = crypto.encryptField('123456782');
		expect(a).not.toBe(b);
		expect(a).toMatch(/^k1:[A-Za-z0-9_-]+$/);
		expect(a).not.toContain('123456782');
		expect(crypto.decryptField(a)).toBe('123456782');
	});

	it('still decrypts values written under an old key after rotation', () => {
		const k1 = key();
		crypto.useKeyring(ring({ k1 }, 'k1'));
		const old = crypto.encryptField('111222333');
		crypto.useKeyring(ring({ k1, k2: key() }, 'k2'));
		const fresh = crypto.encryptField('444555666');
		expect(fresh.startsWith('k2:')).toBe(true);
		expect(crypto.decryptField(old)).toBe('111222333');
		expect(crypto.decryptField(fresh)).toBe('444555666');
		// Once k1 is gone, its values no longer decrypt: they must be re-encrypted first.
		crypto.useKeyring(ring({ k2: key() }, 'k2'));
		expect(() => crypto.decryptField(old)).toThrow(/k1/);
	});

	it('detects tampering and a ciphertext moved to another context', () => {
		crypto.useKeyring(ring({ k1: key() }, 'k1'));
		const sealed = crypto.encrypt(Buffer.from('passport scan'), 'upload:1');
		expect(crypto.decrypt(sealed, 'upload:1').toString()).toBe('passport scan');
		expect(() => crypto.decrypt(sealed, 'upload:2')).toThrow();
		const flipped = Buffer.from(sealed.ciphertext);
		flipped[0] = flipped[0]! ^ 1;
		expect(() => crypto.decrypt({ ...sealed, ciphertext: flipped }, 'upload:1')).toThrow();
		expect(() => crypto.decryptField('garbage')).toThrow(/Not an encrypted/);
	});
});

describe('blind index', () => {
	it('is deterministic under one key, differs under another, and is not a plain hash', async () => {
		const ring = (indexKey: string) =>
			crypto.loadKeyring({
				ENCRYPTION_KEYS: JSON.stringify({ k: key() }),
				ENCRYPTION_KEY_ID: 'k',
				BLIND_INDEX_KEY: indexKey
			});
		const indexKey = key();
		crypto.useKeyring(ring(indexKey));
		const a = crypto.blindIndex('123456782');
		expect(crypto.blindIndex('123456782')).toBe(a);
		expect(crypto.blindIndex('123456783')).not.toBe(a);
		expect(a).toMatch(/^[0-9a-f]{64}$/);
		const { createHash } = await import('node:crypto');
		expect(a).not.toBe(createHash('sha256').update('123456782').digest('hex'));
		crypto.useKeyring(ring(key()));
		expect(crypto.blindIndex('123456782')).not.toBe(a);
	});
});
