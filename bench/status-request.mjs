#!/usr/bin/env node
/**
 * Benchmark: the anonymous status request (KW D 5) answers a registered and an unregistered
 * person in the same time. Builds the app (unless --skip-build), starts `node build` on a free
 * port with a fresh embedded database and the demo voters (DEMO_DATA=1), and posts the status
 * form N times for each person, alternating, one request at a time, as a browser without
 * JavaScript does. It does this twice: with the response floor (STATUS_RESPONSE_MS, default 400 ms)
 * and with the floor off (0), which shows the difference in work that the floor hides.
 *
 *   node bench/status-request.mjs [--skip-build] [--requests 50] [--floor 400] [--database-url postgres://…]
 *
 * Prints a table and writes bench/results/status-request-<timestamp>.json.
 */
import { spawn, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import postgres from 'postgres';

const ROOT = path.resolve(import.meta.dirname, '..');
const { values: args } = parseArgs({
	options: {
		'skip-build': { type: 'boolean', default: false },
		requests: { type: 'string', default: '50' },
		floor: { type: 'string', default: '400' },
		'database-url': { type: 'string' }
	}
});
const N = Number(args.requests);
const FLOOR = Number(args.floor);

// Johanna Maria Jansen (registered for TK and EP, src/lib/server/db/demo.ts) and someone who is
// in no registration; the same typed answer address for both, as in the browser test.
const PEOPLE = {
	registered: { first_names: 'J.M.', surname: 'Jansen' },
	unregistered: { first_names: 'Kees', surname: 'Pietersen' }
};
const form = (person) =>
	new URLSearchParams({
		...person,
		dob_day: '27',
		dob_month: '3',
		dob_year: '1985',
		country: 'DE',
		answer_by: 'email',
		email: 'bench@example.net'
	}).toString();

function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.on('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

async function startServer(floor) {
	const port = await freePort();
	const origin = `http://localhost:${port}`;
	const work = mkdtempSync(path.join(tmpdir(), 'bench-status-'));
	const env = {
		...process.env,
		NODE_ENV: 'production',
		PORT: String(port),
		HOST: '127.0.0.1',
		ORIGIN: origin,
		DEMO_DATA: '1',
		STATUS_RESPONSE_MS: String(floor),
		ENCRYPTION_KEYS: JSON.stringify({ bench: randomBytes(32).toString('base64') }),
		ENCRYPTION_KEY_ID: 'bench',
		BLIND_INDEX_KEY: randomBytes(32).toString('base64'),
		DATA_DIR: path.join(work, 'data')
	};
	let dropDatabase = async () => {};
	if (args['database-url']) {
		// A database of its own on that server, dropped afterwards: the demo voters never mix
		// with anything else there.
		const name = `bench_${randomBytes(6).toString('hex')}`;
		const admin = postgres(args['database-url'], { max: 1, onnotice: () => {} });
		await admin.unsafe(`create database ${name}`);
		await admin.end();
		const own = new URL(args['database-url']);
		own.pathname = `/${name}`;
		env.DATABASE_URL = own.href;
		dropDatabase = async () => {
			const sql = postgres(args['database-url'], { max: 1, onnotice: () => {} });
			await sql.unsafe(`drop database if exists ${name} with (force)`);
			await sql.end();
		};
	} else {
		delete env.DATABASE_URL;
	}
	const server = spawn(process.execPath, ['build'], { cwd: ROOT, env, stdio: 'ignore' });
	const deadline = Date.now() + 60_000;
	for (;;) {
		if (server.exitCode !== null) throw new Error(`node build exited with ${server.exitCode}`);
		try {
			if ((await fetch(`${origin}/status`)).ok) break;
		} catch {
			// Not listening yet.
		}
		if (Date.now() > deadline) throw new Error('node build did not start within 60 s');
		await new Promise((r) => setTimeout(r, 250));
	}
	const stop = () =>
		new Promise((resolve) => {
			server.once('exit', resolve);
			server.kill('SIGTERM');
			setTimeout(() => server.kill('SIGKILL'), 10_000).unref();
		})
			.then(dropDatabase)
			.then(() => rmSync(work, { recursive: true, force: true }));
	return { origin, stop };
}

async function post(origin, person) {
	const started = performance.now();
	const response = await fetch(`${origin}/status`, {
		method: 'POST',
		redirect: 'manual',
		headers: {
			origin,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		body: form(person)
	});
	await response.arrayBuffer();
	const ms = performance.now() - started;
	if (response.status !== 303) throw new Error(`expected 303, got ${response.status}`);
	return ms;
}

function stats(samples) {
	const sorted = [...samples].sort((a, b) => a - b);
	const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
	const mean = samples.reduce((s, x) => s + x, 0) / samples.length;
	return {
		n: samples.length,
		mean,
		p50: at(0.5),
		p99: at(0.99),
		min: sorted[0],
		max: sorted.at(-1)
	};
}

async function run(floor) {
	const { origin, stop } = await startServer(floor);
	try {
		// Warm-up: first requests compile code paths and fill caches; not measured.
		for (let i = 0; i < 5; i++) {
			await post(origin, PEOPLE.registered);
			await post(origin, PEOPLE.unregistered);
		}
		const samples = { registered: [], unregistered: [] };
		// Alternating, so that any drift (a warming JIT, a busy neighbour) hits both alike.
		for (let i = 0; i < N; i++) {
			const order = i % 2 === 0 ? ['registered', 'unregistered'] : ['unregistered', 'registered'];
			for (const who of order) samples[who].push(await post(origin, PEOPLE[who]));
		}
		return {
			floor,
			registered: stats(samples.registered),
			unregistered: stats(samples.unregistered)
		};
	} finally {
		await stop();
	}
}

if (!args['skip-build']) {
	console.log('Building (npm run build)…');
	const build = spawnSync('npm', ['run', 'build'], { cwd: ROOT, stdio: 'ignore' });
	if (build.status !== 0) throw new Error('npm run build failed');
}

const results = [];
for (const floor of [FLOOR, 0]) {
	console.log(`Measuring ${N} + ${N} requests with STATUS_RESPONSE_MS=${floor}…`);
	results.push(await run(floor));
}

const fmt = (x) => x.toFixed(1).padStart(7);
console.log(
	`\n| STATUS_RESPONSE_MS | person       |   n |    mean |     p50 |     p99 |     min |     max |`
);
console.log(
	`| -----------------: | ------------ | --: | ------: | ------: | ------: | ------: | ------: |`
);
for (const r of results) {
	for (const who of ['registered', 'unregistered']) {
		const s = r[who];
		console.log(
			`| ${String(r.floor).padStart(18)} | ${who.padEnd(12)} | ${String(s.n).padStart(3)} | ${fmt(s.mean)} | ${fmt(s.p50)} | ${fmt(s.p99)} | ${fmt(s.min)} | ${fmt(s.max)} |`
		);
	}
}

const report = {
	date: new Date().toISOString(),
	machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
	database: args['database-url'] ? 'postgres' : 'pglite',
	requestsPerPerson: N,
	results
};
mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
const file = path.join(
	ROOT,
	'bench/results',
	`status-request-${report.date.replace(/[:.]/g, '-')}.json`
);
writeFileSync(file, JSON.stringify(report, null, '\t') + '\n');
console.log(
	`\nAll times in ms, measured by the client from send to the last byte. Written to ${file}`
);
