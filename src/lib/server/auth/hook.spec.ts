import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestEvent } from '@sveltejs/kit';
import { withTestDatabase } from '../../../../tests/db/database';
import { CookieJar } from '../../../../tests/factories/authenticator';
import type { Database } from '$lib/server/db';
import { accounts } from '$lib/server/db/schema';
import { session } from './hook';
import { SESSION_COOKIE, createSession } from './sessions';
import { newToken } from './tokens';

let database: Database;
let close: () => Promise<void>;
beforeAll(async () => {
	({ database, close } = await withTestDatabase());
});
afterAll(() => close());

async function handle(jar: CookieJar, path = '/account', method = 'GET') {
	const event = {
		cookies: jar.cookies,
		url: new URL(`http://localhost:3000${path}`),
		request: new Request(`http://localhost:3000${path}`, { method }),
		locals: {}
	} as unknown as RequestEvent;
	await session({ event, resolve: async () => new Response('ok') });
	return event.locals.session;
}

describe('the session hook', () => {
	it('gives anonymous requests a null session', async () => {
		expect(await handle(new CookieJar())).toBeNull();
	});

	it('reads the signed-in account from the cookie', async () => {
		const [account] = await database.db
			.insert(accounts)
			.values({ kind: 'staff', webauthnUserId: newToken(), displayName: 'Ed', roles: ['decider'] })
			.returning();
		const jar = new CookieJar();
		jar.jar.set(SESSION_COOKIE, (await createSession(account!.id)).token);
		expect(await handle(jar)).toMatchObject({
			accountId: account!.id,
			kind: 'staff',
			roles: ['decider'],
			displayName: 'Ed'
		});
	});

	it('clears a cookie that opens no session', async () => {
		const jar = new CookieJar();
		jar.jar.set(SESSION_COOKIE, newToken());
		expect(await handle(jar)).toBeNull();
		expect(jar.jar.has(SESSION_COOKIE)).toBe(false);
	});
});
