import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import { withTestDatabase } from '../../../../tests/db/database';
import { CookieJar, SoftAuthenticator } from '../../../../tests/factories/authenticator';
import { accounts, passkeys, sessions } from '$lib/server/db/schema';
import type { Database } from '$lib/server/db';
import * as auth from './index';
import { CHALLENGE_COOKIE } from './challenges';

let database: Database;
let close: () => Promise<void>;
beforeAll(async () => {
	({ database, close } = await withTestDatabase());
});
afterAll(() => close());

const texts = { rpName: 'Stemmen vanuit het buitenland', userName: 'Uw account' };

/** A voter with a browser (cookie jar) and a device (authenticator) creates an account. */
async function newVoter(name = 'iPhone') {
	const browser = new CookieJar();
	const device = new SoftAuthenticator();
	const options = await auth.beginVoterAccount(browser.cookies, texts);
	const result = await auth.createVoterAccount(browser.cookies, {
		response: await device.register(options),
		passkeyName: name,
		locale: 'en'
	});
	if (!result.ok) throw new Error(result.error);
	return { browser, device, accountId: result.accountId };
}

const sessionOf = (jar: CookieJar) => auth.readSession(jar.jar.get(auth.SESSION_COOKIE) ?? '');

describe('voter accounts with passkeys', () => {
	it('asks for a discoverable passkey with user verification, under an anonymous user handle', async () => {
		const jar = new CookieJar();
		const options = await auth.beginVoterAccount(jar.cookies, texts);
		expect(options.authenticatorSelection).toMatchObject({
			residentKey: 'required',
			userVerification: 'required'
		});
		expect(options.rp).toEqual({ id: 'localhost', name: texts.rpName });
		expect(Buffer.from(options.user.id, 'base64url')).toHaveLength(32);
		expect(jar.jar.has(CHALLENGE_COOKIE)).toBe(true);
	});

	it('creates the account with its first passkey and signs it in', async () => {
		const { browser, accountId } = await newVoter('Laptop');
		const session = await sessionOf(browser);
		expect(session).toMatchObject({ accountId, kind: 'voter', roles: [], displayName: null });
		const [account] = await database.db.select().from(accounts).where(eq(accounts.id, accountId));
		expect(account).toMatchObject({ kind: 'voter', locale: 'en' });
		expect(await auth.listPasskeys(accountId)).toEqual([
			expect.objectContaining({ name: 'Laptop', lastUsedAt: null })
		]);
	});

	it('refuses a passkey made without user verification', async () => {
		const jar = new CookieJar();
		const options = await auth.beginVoterAccount(jar.cookies, texts);
		const response = await new SoftAuthenticator(undefined, false).register(options);
		const result = await auth.createVoterAccount(jar.cookies, {
			response,
			passkeyName: 'Key',
			locale: 'nl'
		});
		expect(result).toEqual({ ok: false, error: 'account_error_not_verified' });
	});

	it('refuses a response made for another site', async () => {
		const jar = new CookieJar();
		const options = await auth.beginVoterAccount(jar.cookies, texts);
		const response = await new SoftAuthenticator('https://look-alike.example').register(options);
		expect(
			await auth.createVoterAccount(jar.cookies, { response, passkeyName: 'K', locale: 'nl' })
		).toEqual({ ok: false, error: 'account_error_not_verified' });
	});

	it('uses a challenge once: replaying the response creates nothing', async () => {
		const jar = new CookieJar();
		const options = await auth.beginVoterAccount(jar.cookies, texts);
		const id = jar.jar.get(CHALLENGE_COOKIE)!;
		const response = await new SoftAuthenticator().register(options);
		const input = { response, passkeyName: 'Phone', locale: 'nl' };
		expect((await auth.createVoterAccount(jar.cookies, input)).ok).toBe(true);
		jar.jar.set(CHALLENGE_COOKIE, id);
		expect(await auth.createVoterAccount(jar.cookies, input)).toEqual({
			ok: false,
			error: 'account_error_expired'
		});
	});

	it('signs in with the passkey, without a user name, and records its use', async () => {
		const { device, accountId } = await newVoter();
		const jar = new CookieJar();
		const options = await auth.beginSignIn(jar.cookies, 'voter');
		expect(options.allowCredentials ?? []).toEqual([]);
		expect(options.userVerification).toBe('required');
		const info = vi.spyOn(console, 'info').mockImplementation(() => {});
		const result = await auth.signIn(jar.cookies, 'voter', await device.authenticate(options));
		expect(result).toEqual({ ok: true, accountId });
		// A security event with the account's id, nothing personal (ASVS 16.3.1).
		expect(info.mock.calls.map((c) => JSON.parse(String(c[0])))).toEqual([
			expect.objectContaining({ event: 'sign_in.succeeded', kind: 'voter', account: accountId })
		]);
		info.mockRestore();
		expect((await sessionOf(jar))?.accountId).toBe(accountId);
		const [passkey] = await auth.listPasskeys(accountId);
		expect(passkey?.lastUsedAt).toBeInstanceOf(Date);
	});

	it('does not let a voter passkey into the office, nor a passkey it does not know', async () => {
		const { device } = await newVoter();
		const jar = new CookieJar();
		let options = await auth.beginSignIn(jar.cookies, 'staff');
		expect(await auth.signIn(jar.cookies, 'staff', await device.authenticate(options))).toEqual({
			ok: false,
			error: 'account_error_unknown_passkey'
		});
		const info = vi.spyOn(console, 'info').mockImplementation(() => {});
		const stranger = new SoftAuthenticator();
		await stranger.register(await auth.beginVoterAccount(new CookieJar().cookies, texts));
		options = await auth.beginSignIn(jar.cookies, 'voter');
		expect(await auth.signIn(jar.cookies, 'voter', await stranger.authenticate(options))).toEqual({
			ok: false,
			error: 'account_error_unknown_passkey'
		});
		expect(jar.jar.has(auth.SESSION_COOKIE)).toBe(false);
		expect(info.mock.calls.map((c) => JSON.parse(String(c[0])))).toContainEqual(
			expect.objectContaining({
				event: 'sign_in.failed',
				kind: 'voter',
				reason: 'account_error_unknown_passkey'
			})
		);
		info.mockRestore();
	});

	it('adds, renames and removes passkeys, but never the last one', async () => {
		const { browser, accountId } = await newVoter('iPhone');
		const laptop = new SoftAuthenticator();
		const options = await auth.beginAddPasskey(browser.cookies, accountId, texts);
		expect(options?.excludeCredentials).toHaveLength(1);
		const added = await auth.addPasskey(browser.cookies, accountId, 'voter', {
			response: await laptop.register(options!),
			passkeyName: 'Laptop'
		});
		expect(added).toEqual({ ok: true });
		let list = await auth.listPasskeys(accountId);
		expect(list.map((p) => p.name)).toEqual(['iPhone', 'Laptop']);
		// The new passkey signs in to the same account.
		const jar = new CookieJar();
		const signIn = await auth.beginSignIn(jar.cookies, 'voter');
		expect(await auth.signIn(jar.cookies, 'voter', await laptop.authenticate(signIn))).toEqual({
			ok: true,
			accountId
		});

		expect(await auth.renamePasskey(accountId, list[1]!.id, 'Work laptop')).toBe(true);
		expect(await auth.removePasskey(accountId, list[0]!.id)).toBe('removed');
		list = await auth.listPasskeys(accountId);
		expect(list.map((p) => p.name)).toEqual(['Work laptop']);
		expect(await auth.removePasskey(accountId, list[0]!.id)).toBe('last');
		expect(await auth.listPasskeys(accountId)).toHaveLength(1);
	});

	it('keeps one passkey when two removals race', async () => {
		const { browser, accountId } = await newVoter('One');
		const options = await auth.beginAddPasskey(browser.cookies, accountId, texts);
		await auth.addPasskey(browser.cookies, accountId, 'voter', {
			response: await new SoftAuthenticator().register(options!),
			passkeyName: 'Two'
		});
		const [one, two] = await auth.listPasskeys(accountId);
		const results = await Promise.all([
			auth.removePasskey(accountId, one!.id),
			auth.removePasskey(accountId, two!.id)
		]);
		expect(results.sort()).toEqual(['last', 'removed']);
		expect(await auth.listPasskeys(accountId)).toHaveLength(1);
	});

	it("cannot rename or remove another account's passkey", async () => {
		const first = await newVoter('Mine');
		const second = await newVoter('Theirs');
		const [theirs] = await auth.listPasskeys(second.accountId);
		expect(await auth.renamePasskey(first.accountId, theirs!.id, 'Stolen')).toBe(false);
		expect(await auth.removePasskey(first.accountId, theirs!.id)).toBe('not-found');
		expect((await auth.listPasskeys(second.accountId))[0]?.name).toBe('Theirs');
	});

	it('refuses a passkey response begun for another account', async () => {
		const first = await newVoter();
		const second = await newVoter();
		const options = await auth.beginAddPasskey(first.browser.cookies, first.accountId, texts);
		const result = await auth.addPasskey(first.browser.cookies, second.accountId, 'voter', {
			response: await new SoftAuthenticator().register(options!),
			passkeyName: 'Sneaky'
		});
		expect(result.ok).toBe(false);
		expect(await auth.listPasskeys(second.accountId)).toHaveLength(1);
	});

	it('signs out here, or everywhere', async () => {
		const { browser, device, accountId } = await newVoter();
		const other = new CookieJar();
		await auth.signIn(
			other.cookies,
			'voter',
			await device.authenticate(await auth.beginSignIn(other.cookies, 'voter'))
		);
		await auth.signOut(browser.cookies);
		expect(browser.jar.has(auth.SESSION_COOKIE)).toBe(false);
		expect(await sessionOf(other)).not.toBeNull();
		const third = new CookieJar();
		await auth.signIn(
			third.cookies,
			'voter',
			await device.authenticate(await auth.beginSignIn(third.cookies, 'voter'))
		);
		expect(await auth.signOutEverywhere(third.cookies, accountId)).toBe(2);
		expect(await sessionOf(other)).toBeNull();
		const left = await database.db.select().from(sessions).where(eq(sessions.accountId, accountId));
		expect(left).toEqual([]);
	});

	it('validates passkey names', () => {
		expect(auth.passkeyName.safeParse('  iPhone ').data).toBe('iPhone');
		expect(auth.passkeyName.safeParse('   ').error?.issues[0]?.message).toBe(
			'account_passkey_name_error_required'
		);
		expect(auth.passkeyName.safeParse('x'.repeat(51)).error?.issues[0]?.message).toBe(
			'account_passkey_name_error_too_long'
		);
	});

	it('stores no passkey for a failed ceremony', async () => {
		const before = (await database.db.select().from(passkeys)).length;
		const jar = new CookieJar();
		await auth.createVoterAccount(jar.cookies, {
			response: await new SoftAuthenticator().register(
				await auth.beginVoterAccount(new CookieJar().cookies, texts)
			),
			passkeyName: 'No challenge cookie',
			locale: 'nl'
		});
		expect((await database.db.select().from(passkeys)).length).toBe(before);
	});
});
