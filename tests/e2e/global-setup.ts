/**
 * Starts the production build (`node build`) once for the whole e2e run, on a free port, with
 * storage nobody else uses: a fresh PGlite folder, or, when DATABASE_URL is set, a database of
 * its own on that PostgreSQL server (created here and dropped at teardown, so that concurrent
 * runs never see each other's drafts).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, createWriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { chromium } from 'playwright-core';
import type { TestProject } from 'vitest/node';
import { CHROMIUM_ARGS } from './support/browser-args';
import { startMailDrop } from './support/mail';
import { addVirtualAuthenticator, enrolWithLink } from './support/webauthn';

declare module 'vitest' {
	export interface ProvidedContext {
		baseURL: string;
		/** The link the server printed at first start (already used: the set-up enrolled the admin). */
		adminEnrolmentLink: string | null;
		/** The admin's signed-in browser state (Playwright storageState, as JSON). */
		adminStorageState: string | null;
		/** A second server whose clock stands still at `clock` (CLOCK), for countdowns. */
		clockedURL: string;
		/** The instant the clocked server's clock is fixed at (ISO 8601). */
		clock: string;
	}
}

const ROOT = path.resolve(import.meta.dirname, '../..');
// Generous: two servers start at once, and a loaded two-core machine migrates PGlite slowly.
const STARTUP_MS = 180_000;
/**
 * The clocked server's fixed time: 10 February 2030, 11:00 in Den Haag. The seeded TK election of
 * 15 May 2030 (certificates sent 20 February) then has its proxy/voter-pass cut-off nine days
 * ahead, the change cut-off (13 March) 31 days ahead, and every later one still open.
 */
export const E2E_CLOCK = '2030-02-10T10:00:00.000Z';

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.unref();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			server.close(() =>
				typeof address === 'object' && address ? resolve(address.port) : reject(address)
			);
		});
	});
}

/** A database of this run's own on the server DATABASE_URL points to. */
export async function createDatabase(url: string) {
	const name = `e2e_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
	const admin = postgres(url, { max: 1, onnotice: () => {} });
	try {
		await admin.unsafe(`CREATE DATABASE "${name}"`);
	} finally {
		await admin.end();
	}
	const own = new URL(url);
	own.pathname = `/${name}`;
	return {
		url: own.href,
		drop: async () => {
			const sql = postgres(url, { max: 1, onnotice: () => {} });
			try {
				// WITH (FORCE), PostgreSQL 13+: a connection the server left open must not keep it alive.
				await sql.unsafe(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
			} finally {
				await sql.end();
			}
		}
	};
}

export async function waitForServer(url: string, server: ChildProcess, log: string) {
	const deadline = Date.now() + STARTUP_MS;
	while (Date.now() < deadline) {
		if (server.exitCode !== null) {
			throw new Error(`node build exited with ${server.exitCode}:\n${readFileSync(log, 'utf8')}`);
		}
		try {
			const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
			if (response.ok) return;
		} catch {
			// Not listening yet.
		}
		await new Promise((r) => setTimeout(r, 250));
	}
	throw new Error(
		`node build did not answer within ${STARTUP_MS} ms:\n${readFileSync(log, 'utf8')}`
	);
}

/** The one line the server prints at first start, while no admin exists (issue 3 item 8). */
function adminLink(server: ChildProcess): Promise<string> {
	return new Promise((resolve, reject) => {
		let seen = '';
		const timer = setTimeout(
			() => reject(new Error('node build printed no "Admin enrolment link:" line')),
			STARTUP_MS
		);
		server.stdout?.on('data', (chunk: Buffer) => {
			seen += chunk.toString('utf8');
			const match = /^Admin enrolment link: (\S+)$/m.exec(seen);
			if (match) {
				clearTimeout(timer);
				resolve(match[1]!);
			}
		});
	});
}

/**
 * Enrols the first admin with the printed link, once for the whole run, and returns their
 * signed-in browser state: every test file can then make staff of its own (support/passkeys.ts
 * `enrolStaff`) without depending on the order the files run in.
 */
async function enrolAdmin(origin: string, link: string): Promise<string> {
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: CHROMIUM_ARGS
	});
	try {
		const context = await browser.newContext({ baseURL: origin, locale: 'nl-NL' });
		const page = await context.newPage();
		await addVirtualAuthenticator(page);
		await enrolWithLink(page, link, { displayName: 'Eerste Beheerder', passkeyName: 'E2E' });
		return JSON.stringify(await context.storageState());
	} finally {
		await browser.close();
	}
}

function stop(server: ChildProcess): Promise<void> {
	if (server.exitCode !== null || server.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => {
		const kill = setTimeout(() => server.kill('SIGKILL'), 10_000);
		server.once('exit', () => {
			clearTimeout(kill);
			resolve();
		});
		server.kill('SIGTERM');
	});
}

export default async function setup(project: TestProject) {
	// For debugging against a server you started yourself (`E2E_BASE_URL=http://localhost:3000`).
	if (process.env.E2E_BASE_URL) {
		project.provide('baseURL', process.env.E2E_BASE_URL.replace(/\/$/, ''));
		project.provide('adminEnrolmentLink', null);
		project.provide('adminStorageState', null);
		project.provide('mailDir', null);
		// Start that server's twin with CLOCK=E2E_CLOCK yourself and name it here.
		project.provide(
			'clockedURL',
			(process.env.E2E_CLOCKED_URL ?? process.env.E2E_BASE_URL).replace(/\/$/, '')
		);
		project.provide('clock', E2E_CLOCK);
		return;
	}
	if (!existsSync(path.join(ROOT, 'build', 'index.js'))) {
		throw new Error('No production build: run `npm run build` before `npm run test:e2e`.');
	}
	const work = mkdtempSync(path.join(tmpdir(), 'e2e-'));
	// E-mail goes to a real SMTP server in this process; tests read what it received.
	const mail = await startMailDrop(path.join(work, 'mail'));
	project.provide('mailDir', mail.dir);
	const servers: Started[] = [];
	try {
		const [main, clocked] = await Promise.all([
			startServer(work, 'main', mail.url, {}),
			startServer(work, 'clocked', mail.url, { CLOCK: E2E_CLOCK })
		]);
		servers.push(main, clocked);
		const printed = await main.link;
		project.provide('adminEnrolmentLink', printed);
		project.provide('adminStorageState', await enrolAdmin(main.origin, printed));
		project.provide('baseURL', main.origin);
		project.provide('clockedURL', clocked.origin);
		project.provide('clock', E2E_CLOCK);
	} catch (error) {
		await Promise.all(servers.map((s) => s.stop()));
		await mail.close();
		throw error;
	}

	return async () => {
		for (const server of servers) await server.stop();
		await mail.close();
		rmSync(work, { recursive: true, force: true });
	};
}

type Started = { origin: string; link: Promise<string>; stop: () => Promise<void> };

/** One `node build` on a free port with storage of its own; `extra` adds to its environment. */
async function startServer(
	work: string,
	name: string,
	smtpUrl: string,
	extra: NodeJS.ProcessEnv
): Promise<Started> {
	const port = await freePort();
	const origin = `http://localhost:${port}`;
	const log = path.join(work, `${name}.log`);

	const env: NodeJS.ProcessEnv = {
		...process.env,
		NODE_ENV: 'production',
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: origin,
		// Production refuses to start without keys (src/lib/server/crypto): fresh random ones per run.
		ENCRYPTION_KEYS: JSON.stringify({ e2e: randomBytes(32).toString('base64') }),
		ENCRYPTION_KEY_ID: 'e2e',
		BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
		// Fictional registered voters (src/lib/server/db/demo.ts): the status request tests need
		// someone registered to ask about. Allowed because ORIGIN is localhost.
		DEMO_DATA: '1',
		SMTP_URL: smtpUrl,
		// Every browser test comes from 127.0.0.1: the whole suite is one client to the rate limits
		// (src/lib/server/limits, tested on their own), so they are raised far above its needs.
		RATE_LIMITS: JSON.stringify(
			Object.fromEntries(
				[
					'signIn',
					'passkeyRegistration',
					'passkeyAdd',
					'statusRequest',
					'draftCreation',
					'upload'
				].map((name) => [name, { max: 100_000, windowSeconds: 3600 }])
			)
		),
		...extra
	};
	let database: Awaited<ReturnType<typeof createDatabase>> | null = null;
	if (process.env.DATABASE_URL) {
		database = await createDatabase(process.env.DATABASE_URL);
		env.DATABASE_URL = database.url;
	} else {
		env.DATA_DIR = path.join(work, `${name}-data`);
	}

	const out = createWriteStream(log);
	// What `npm start` runs after its build: the server with the upload-sized body limit.
	const server = spawn(process.execPath, ['scripts/start.mjs'], { cwd: ROOT, env, stdio: 'pipe' });
	server.stdout?.pipe(out);
	server.stderr?.pipe(out);
	const link = adminLink(server);
	// Only the main server's link is used; the other's must not fail the run when it times out.
	link.catch(() => {});
	const stopAll = async () => {
		const died = server.exitCode !== null || server.signalCode !== null;
		await stop(server);
		out.end();
		await database?.drop();
		const output = readFileSync(log, 'utf8');
		// A server-side exception shows here even when a page hid it behind a friendly error.
		if (died || /error/i.test(output)) {
			const how = died ? `exited early (${server.exitCode ?? server.signalCode})` : 'logged';
			console.log(`e2e: ${name} server ${how}; server log:\n${output}`);
		}
	};
	try {
		await waitForServer(origin, server, log);
	} catch (error) {
		await stopAll();
		throw error;
	}
	console.log(
		`e2e: ${name} server on ${origin} with ${database ? 'PostgreSQL (own database)' : 'PGlite'}; log ${log}`
	);
	return { origin, link, stop: stopAll };
}
