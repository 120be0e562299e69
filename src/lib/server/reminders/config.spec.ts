import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
	KeyConfigurationError,
	loadKeyring,
	loadVapidKeys,
	newVapidKeys
} from '$lib/server/crypto';
import { intervalMs, leadDays } from './config';
import { isPushService } from './push';

describe('reminder settings', () => {
	it('reads REMINDER_LEAD_DAYS, longest first, and refuses nonsense', () => {
		expect(leadDays({})).toEqual([28, 7]);
		expect(leadDays({ REMINDER_LEAD_DAYS: ' 7, 35 ,1' })).toEqual([35, 7, 1]);
		for (const bad of ['7,7', 'a', '-1', '7;1', '400', '1.5']) {
			expect(() => leadDays({ REMINDER_LEAD_DAYS: bad }), bad).toThrow(/REMINDER_LEAD_DAYS/);
		}
	});

	it('reads REMINDER_INTERVAL_SECONDS, an hour by default', () => {
		expect(intervalMs({})).toBe(3_600_000);
		expect(intervalMs({ REMINDER_INTERVAL_SECONDS: '5' })).toBe(5000);
		for (const bad of ['0', '-5', 'x', '86401', '1.5']) {
			expect(() => intervalMs({ REMINDER_INTERVAL_SECONDS: bad }), bad).toThrow(
				/REMINDER_INTERVAL_SECONDS/
			);
		}
	});
});

describe('VAPID keys', () => {
	const dirs: string[] = [];
	const fresh = () => {
		const dir = mkdtempSync(path.join(tmpdir(), 'vapid-'));
		dirs.push(dir);
		return dir;
	};
	afterEach(() => {
		for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
	});
	const quiet = () => {};

	it('come from the environment, with the subject from MAIL_FROM by default', () => {
		const pair = newVapidKeys();
		const keys = loadVapidKeys(
			{
				VAPID_PUBLIC_KEY: pair.publicKey,
				VAPID_PRIVATE_KEY: pair.privateKey,
				MAIL_FROM: 'Verkiezingen <verkiezingen@example.org>',
				NODE_ENV: 'production'
			},
			quiet
		);
		expect(keys).toEqual({
			...pair,
			subject: 'mailto:verkiezingen@example.org',
			source: 'environment'
		});
		expect(Buffer.from(pair.publicKey, 'base64url')).toHaveLength(65);
		expect(Buffer.from(pair.privateKey, 'base64url')).toHaveLength(32);
		expect(
			loadVapidKeys(
				{
					...pair,
					VAPID_PUBLIC_KEY: pair.publicKey,
					VAPID_PRIVATE_KEY: pair.privateKey,
					VAPID_SUBJECT: 'https://example.org/contact'
				},
				quiet
			)?.subject
		).toBe('https://example.org/contact');
	});

	it('are absent in production without them: no push is offered', () => {
		expect(loadVapidKeys({ NODE_ENV: 'production', DATA_DIR: fresh() }, quiet)).toBeNull();
	});

	it('refuse half a pair, a malformed key or subject', () => {
		const pair = newVapidKeys();
		expect(() => loadVapidKeys({ VAPID_PUBLIC_KEY: pair.publicKey }, quiet)).toThrow(
			KeyConfigurationError
		);
		expect(() =>
			loadVapidKeys({ VAPID_PUBLIC_KEY: 'short', VAPID_PRIVATE_KEY: pair.privateKey }, quiet)
		).toThrow(KeyConfigurationError);
		expect(() => loadVapidKeys({ ...pair, VAPID_SUBJECT: 'http://example.org' }, quiet)).toThrow(
			KeyConfigurationError
		);
	});

	it('are generated into the development key file, and added to an older one once', () => {
		const dir = fresh();
		// A key file made before reminders had push: no VAPID pair in it.
		const ring = loadKeyring({ DATA_DIR: dir }, quiet);
		const file = path.join(dir, 'dev-keys.json');
		const before = JSON.parse(readFileSync(file, 'utf8'));
		delete before.vapid;
		writeFileSync(file, JSON.stringify(before), { mode: 0o600 });

		const first = loadVapidKeys({ DATA_DIR: dir }, quiet)!;
		const second = loadVapidKeys({ DATA_DIR: dir }, quiet)!;
		expect(first.source).toBe(file);
		expect(second.publicKey).toBe(first.publicKey);
		const after = JSON.parse(readFileSync(file, 'utf8'));
		// The other keys are untouched, the file still private.
		expect(after.encryptionKeys).toEqual(before.encryptionKeys);
		expect(after.blindIndexKey).toBe(before.blindIndexKey);
		expect(after.vapid).toEqual({ publicKey: first.publicKey, privateKey: first.privateKey });
		expect(statSync(file).mode & 0o777).toBe(0o600);
		expect(ring.source).toBe(file);

		// A fresh development machine gets the pair with the other keys.
		const other = fresh();
		const made = loadVapidKeys({ DATA_DIR: other }, quiet)!;
		expect(
			JSON.parse(readFileSync(path.join(other, 'dev-keys.json'), 'utf8')).vapid.publicKey
		).toBe(made.publicKey);
	});
});

describe('push endpoints', () => {
	it('go only to the browsers’ push services, over HTTPS', () => {
		for (const ok of [
			'https://fcm.googleapis.com/fcm/send/abc:def',
			'https://updates.push.services.mozilla.com/wpush/v2/gAAA',
			'https://web.push.apple.com/QGx',
			'https://wns2-db5p.notify.windows.com/w/?token=abc'
		]) {
			expect(isPushService(ok), ok).toBe(true);
		}
		for (const bad of [
			'http://fcm.googleapis.com/fcm/send/abc',
			'https://fcm.googleapis.com:8443/fcm/send/abc',
			'https://user@fcm.googleapis.com/x',
			'https://fcm.googleapis.com.evil.example/x',
			'https://127.0.0.1/push',
			'https://169.254.169.254/latest/meta-data',
			'file:///etc/passwd',
			'not a url'
		]) {
			expect(isPushService(bad), bad).toBe(false);
		}
	});
});
