/**
 * What every benchmark needs around the app: a private copy of the production build (other
 * engineers rebuild `build/` in this checkout while a benchmark runs, and a running server loads
 * its route chunks lazily), the `bench` database on the machine's PostgreSQL, dropped and created
 * again for each script, and `node scripts/start.mjs` processes started with the environment the
 * README's "Configuration" asks for, on loopback ports.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import {
	cpSync,
	createWriteStream,
	existsSync,
	mkdirSync,
	readFileSync,
	rmSync,
	statSync,
	symlinkSync
} from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import postgres from 'postgres';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const RESULTS = path.join(ROOT, 'bench/results');

/** The server all benchmarks use; the database name is replaced by `bench` (or BENCH_DATABASE). */
export const SERVER_URL =
	process.env.BENCH_SERVER_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const DATABASE = process.env.BENCH_DATABASE ?? 'bench';

export function databaseUrl(name = DATABASE) {
	const url = new URL(SERVER_URL);
	url.pathname = `/${name}`;
	return url.href;
}

/** Drops and creates the bench database (never `test`: the suites use that one). */
export async function recreateDatabase(name = DATABASE) {
	if (!/^[a-z_][a-z0-9_]*$/.test(name) || name === 'test' || name === 'postgres') {
		throw new Error(`refusing to recreate the database "${name}"`);
	}
	const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
	try {
		await admin.unsafe(`drop database if exists ${name} with (force)`);
		await admin.unsafe(`create database ${name}`);
	} finally {
		await admin.end();
	}
	return databaseUrl(name);
}

/** Drops the bench database (scripts whose data is large drop it when they end). */
export async function dropDatabase(name = DATABASE) {
	if (name === 'test' || name === 'postgres')
		throw new Error(`refusing to drop the database "${name}"`);
	const admin = postgres(SERVER_URL, { max: 1, onnotice: () => {} });
	try {
		await admin.unsafe(`drop database if exists ${name} with (force)`);
	} finally {
		await admin.end();
	}
}

export function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
			server.close(() => resolve(port));
		});
	});
}

/** `npm run build`, retried: a build fails while another engineer is mid-edit. */
export function build({ attempts = 5, waitSeconds = 60 } = {}) {
	for (let attempt = 1; attempt <= attempts; attempt++) {
		console.error(`npm run build (attempt ${attempt})…`);
		const run = spawnSync('npm', ['run', 'build'], { cwd: ROOT, encoding: 'utf8' });
		if (run.status === 0) return;
		console.error(run.stdout.split('\n').slice(-15).join('\n'));
		if (attempt < attempts) spawnSync('sleep', [String(waitSeconds)]);
	}
	throw new Error('npm run build failed');
}

let snapshot;

const BUILT = [
	'build/index.js',
	'build/handler.js',
	'build/server/chunks',
	'build/client/_app/version.json'
];

/** Waits (up to 10 minutes) until build/ is complete and has not changed for 3 s. */
function waitForBuild() {
	const stamp = () =>
		BUILT.map((file) =>
			existsSync(path.join(ROOT, file)) ? statSync(path.join(ROOT, file)).mtimeMs : -1
		).join();
	const deadline = Date.now() + 600_000;
	for (;;) {
		const before = stamp();
		spawnSync('sleep', ['3']);
		if (!before.includes('-1') && before === stamp()) return;
		if (Date.now() > deadline) throw new Error('no complete build/: run npm run build');
		console.error('build/ is missing or being rebuilt (another engineer?): waiting…');
	}
}

// Every process a benchmark starts is stopped when the benchmark ends, however it ends.
const started = new Set();
process.once('exit', () => {
	for (const child of started) if (child.exitCode === null) child.kill('SIGKILL');
});
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => process.exit(130));

/** Remembers a child process so that it is killed if the benchmark dies. */
export function track(child) {
	started.add(child);
	child.once('exit', () => started.delete(child));
	return child;
}

/**
 * A copy of build/, the start script and the migrations in a folder of its own, with
 * node_modules linked: the servers started from it keep running the code that was measured even
 * if `build/` is replaced meanwhile. `BENCH_APP_DIR` names a copy made earlier (bench/run-all.sh
 * makes one right after its build, for every script of the run); otherwise one is made now and
 * removed when this process ends.
 */
export function snapshotBuild() {
	if (snapshot) return snapshot;
	const given = process.env.BENCH_APP_DIR;
	if (given && existsSync(path.join(given, 'build/index.js'))) return (snapshot = given);
	const dir = given ?? path.join(tmpdir(), `kb-bench-app-${process.pid}`);
	copyBuild(dir);
	if (!given) process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
	return (snapshot = dir);
}

export function copyBuild(dir) {
	waitForBuild();
	rmSync(dir, { recursive: true, force: true });
	mkdirSync(path.join(dir, 'scripts'), { recursive: true });
	mkdirSync(path.join(dir, 'src/lib/server/platform'), { recursive: true });
	cpSync(path.join(ROOT, 'build'), path.join(dir, 'build'), { recursive: true });
	cpSync(path.join(ROOT, 'drizzle'), path.join(dir, 'drizzle'), { recursive: true });
	cpSync(path.join(ROOT, 'scripts/start.mjs'), path.join(dir, 'scripts/start.mjs'));
	cpSync(
		path.join(ROOT, 'src/lib/server/platform/baseline-headers.js'),
		path.join(dir, 'src/lib/server/platform/baseline-headers.js')
	);
	cpSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
	symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'));
	return dir;
}

/** Keys for one benchmark run, shared by its servers and its fixture scripts. */
export function benchKeys() {
	return {
		ENCRYPTION_KEYS: JSON.stringify({ bench: randomBytes(32).toString('base64') }),
		ENCRYPTION_KEY_ID: 'bench',
		BLIND_INDEX_KEY: randomBytes(32).toString('base64')
	};
}

const RULES = [
	'signIn',
	'passkeyRegistration',
	'passkeyAdd',
	'statusRequest',
	'draftCreation',
	'upload'
];

/** Every abuse limit raised far above what a load run needs (one client plays every voter). */
export function highRateLimits(overrides = {}) {
	return JSON.stringify({
		...Object.fromEntries(RULES.map((rule) => [rule, { max: 10_000_000, windowSeconds: 3600 }])),
		...overrides
	});
}

/**
 * @param {{ port?: number, origin?: string, databaseUrl: string, keys?: Record<string, string>,
 *   env?: Record<string, string>, name?: string, nodeArgs?: string[] }} options
 *
 * Starts `node scripts/start.mjs` (what `npm start` runs after its build) from the snapshot, on
 * PostgreSQL, and resolves once it answers. `origin` is the public origin (ORIGIN): the host the
 * clients name in their Origin header, which may be a proxy in front of it.
 */
export async function startApp({
	port,
	origin,
	databaseUrl: url,
	keys,
	env = {},
	name = 'app',
	nodeArgs = []
}) {
	const dir = snapshotBuild();
	const listen = port ?? (await freePort());
	const local = `http://127.0.0.1:${listen}`;
	mkdirSync(RESULTS, { recursive: true });
	const logFile = path.join(RESULTS, `${name}-${listen}.log`);
	const log = createWriteStream(logFile);
	const child = spawn(process.execPath, [...nodeArgs, 'scripts/start.mjs'], {
		cwd: dir,
		env: {
			...process.env,
			NODE_ENV: 'production',
			HOST: '127.0.0.1',
			PORT: String(listen),
			ORIGIN: origin ?? `http://localhost:${listen}`,
			DATABASE_URL: url,
			DATA_DIR: path.join(dir, `data-${listen}`),
			RATE_LIMITS: highRateLimits(),
			...keys,
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	track(child);
	child.stdout.pipe(log, { end: false });
	child.stderr.pipe(log, { end: false });
	const deadline = Date.now() + 120_000;
	for (;;) {
		if (child.exitCode !== null) {
			throw new Error(`${name} exited with ${child.exitCode}:\n${readFileSync(logFile, 'utf8')}`);
		}
		try {
			const response = await fetch(`${local}/api/v1/elections`, {
				signal: AbortSignal.timeout(2000)
			});
			if (response.ok) break;
		} catch {
			// Not listening yet.
		}
		if (Date.now() > deadline) throw new Error(`${name} did not start within 120 s`);
		await new Promise((r) => setTimeout(r, 250));
	}
	return {
		name,
		url: local,
		port: listen,
		pid: /** @type {number} */ (child.pid),
		child,
		logFile,
		stop: (timeoutMs) => stopChild(child, timeoutMs)
	};
}

/** SIGTERM, then SIGKILL if the process has not ended after `timeoutMs`. */
export function stopChild(child, timeoutMs = 10_000) {
	if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
	return new Promise((resolve) => {
		const force = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
		child.once('exit', () => {
			clearTimeout(force);
			resolve();
		});
		child.kill('SIGTERM');
	});
}

/** A process's resident memory now, in bytes (Linux /proc). */
export function rssOf(pid) {
	const status = readFileSync(`/proc/${pid}/status`, 'utf8');
	const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
	return Number(kb ?? 0) * 1024;
}

/** Samples a process's RSS every `ms` until stopped; returns the peak. */
export function sampleRss(pid, ms = 20) {
	let peak = rssOf(pid);
	const before = peak;
	const timer = setInterval(() => {
		try {
			peak = Math.max(peak, rssOf(pid));
		} catch {
			// The process ended.
		}
	}, ms);
	return {
		before,
		stop() {
			clearInterval(timer);
			try {
				peak = Math.max(peak, rssOf(pid));
			} catch {
				// The process ended.
			}
			return { before, peak };
		}
	};
}

/** Runs a bench TypeScript file with tsx and the `$lib` paths; resolves with its stdout. */
export function runTs(file, args = [], env = {}) {
	return new Promise((resolve, reject) => {
		const child = spawn(
			process.execPath,
			[
				'--import',
				'tsx',
				'--import',
				'./bench/support/vite-imports.mjs',
				path.join(ROOT, file),
				...args
			],
			{
				cwd: ROOT,
				env: { ...process.env, TSX_TSCONFIG_PATH: '.svelte-kit/tsconfig.json', ...env },
				stdio: ['ignore', 'pipe', 'inherit']
			}
		);
		let out = '';
		child.stdout.on('data', (chunk) => (out += chunk));
		child.on('error', reject);
		child.on('exit', (code) =>
			code === 0 ? resolve(out) : reject(new Error(`${file} exited with ${code}`))
		);
	});
}
