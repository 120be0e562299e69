/**
 * The production build (`node build` through `npm start`'s script) on a database of its own on the
 * machine's PostgreSQL, for the tests that kill it, restart it, or restart PostgreSQL under it.
 * DATABASE_URL is required: these tests are about a real server process on a real PostgreSQL.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';
import { createDatabase, freePort, waitForServer } from '../e2e/global-setup';

const ROOT = path.resolve(import.meta.dirname, '../..');

export function serverUrl(): string {
	const url = process.env.DATABASE_URL;
	if (!url) {
		throw new Error(
			'The resilience tests need a real PostgreSQL: set DATABASE_URL (e.g. postgres://postgres@127.0.0.1:5432/test).'
		);
	}
	if (!existsSync(path.join(ROOT, 'build', 'index.js'))) {
		throw new Error('No production build: run `npm run build` first.');
	}
	return url;
}

export type Portal = {
	origin: string;
	/** This portal's own database (created for the test, dropped by `drop`). */
	databaseUrl: string;
	/** The running process; replaced by `restart`. */
	process: () => ChildProcess;
	/** SIGKILL: no shutdown hook runs, no connection is closed, nothing is flushed. */
	kill9: () => Promise<void>;
	/** Starts the server again on the same port and database; resolves once it answers. */
	restart: () => Promise<void>;
	/** Stops the server and drops its database. */
	drop: () => Promise<void>;
	/** Everything the server processes printed so far. */
	log: () => string;
};

export async function startPortal(name: string): Promise<Portal> {
	const database = await createDatabase(serverUrl());
	const port = await freePort();
	const origin = `http://localhost:${port}`;
	const work = mkdtempSync(path.join(tmpdir(), `resilience-${name}-`));
	const logFile = path.join(work, 'server.log');
	const out = createWriteStream(logFile);
	const env: NodeJS.ProcessEnv = {
		...process.env,
		NODE_ENV: 'production',
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: origin,
		DATABASE_URL: database.url,
		ENCRYPTION_KEYS: JSON.stringify({ resilience: randomBytes(32).toString('base64') }),
		ENCRYPTION_KEY_ID: 'resilience',
		BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
		// One client (127.0.0.1) plays many voters here: the abuse limits are tested on their own.
		RATE_LIMITS: JSON.stringify({
			draftCreation: { max: 100_000, windowSeconds: 3600 },
			statusRequest: { max: 100_000, windowSeconds: 3600 }
		})
	};
	let child: ChildProcess;
	const launch = async () => {
		child = spawn(process.execPath, ['scripts/start.mjs'], { cwd: ROOT, env, stdio: 'pipe' });
		child.stdout?.pipe(out, { end: false });
		child.stderr?.pipe(out, { end: false });
		await waitForServer(origin, child, logFile);
	};
	const exited = (c: ChildProcess) =>
		c.exitCode !== null || c.signalCode !== null
			? Promise.resolve()
			: new Promise<void>((resolve) => c.once('exit', () => resolve()));
	await launch();
	return {
		origin,
		databaseUrl: database.url,
		process: () => child,
		kill9: async () => {
			const done = exited(child);
			child.kill('SIGKILL');
			await done;
		},
		restart: launch,
		drop: async () => {
			if (child.exitCode === null && child.signalCode === null) {
				const done = exited(child);
				child.kill('SIGTERM');
				const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
				await done;
				clearTimeout(force);
			}
			out.end();
			await database.drop();
		},
		log: () => readFileSync(logFile, 'utf8')
	};
}

/** A connection to the portal's own database, to read what the server stored. */
export function connect(databaseUrl: string) {
	return postgres(databaseUrl, { max: 2, onnotice: () => {} });
}

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** A browser's form post (the page or its redirect comes back, not an action's JSON). */
export function post(origin: string, pathname: string, fields: Record<string, string | string[]>) {
	const body = new URLSearchParams();
	for (const [key, value] of Object.entries(fields)) {
		for (const v of Array.isArray(value) ? value : [value]) body.append(key, v);
	}
	return fetch(new URL(pathname, origin), {
		method: 'POST',
		body,
		redirect: 'manual',
		headers: {
			origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		signal: AbortSignal.timeout(30_000)
	});
}

/**
 * The registration of an adult in Canada for the House of Representatives, answer by answer: the
 * server's redirect names the next step, and the voter answers whatever it asks.
 */
export const ANSWERS: Record<string, Record<string, string>> = {
	nationality: { value: 'yes' },
	residence: { country: 'CA' },
	date_of_birth: { dob_day: '14', dob_month: '5', dob_year: '1988' },
	election_types: { types: 'TK' },
	name: { first_names: 'Anna', surname: 'Jansen' },
	sex: { sex: 'V' },
	address: { address_line1: '1250 Rue Sainte-Catherine O', address_line2: 'Montréal QC H3G 1P1' },
	correspondence_choice: { value: 'no' },
	contact: { email: 'anna.jansen@example.ca' },
	bsn: { bsn: '111222333' },
	submission: { channel: 'den_haag_upload' }
};

/** Where a registration redirect points: a step id, `check`, `done`, or null for anything else. */
export function stepOf(location: string | null): string | null {
	const match = /\/register\/[A-Za-z0-9_-]{43}\/([a-z_]+)$/.exec(location ?? '');
	return match ? match[1]! : null;
}

export const tokenOf = (location: string | null) =>
	/\/register\/([A-Za-z0-9_-]{43})\//.exec(location ?? '')?.[1] ?? null;
