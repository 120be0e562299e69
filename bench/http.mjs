#!/usr/bin/env node
/**
 * Issue 6 item 5.1: HTTP throughput and latency of three requests, the app against a bare
 * node:http + postgres.js server running the same SQL (bench/bare-server.mjs), side by side in one
 * run, each at 50 and 200 connections (autocannon, programmatic API):
 *
 *   step      POST /register/<token>/nationality, value=yes, as a browser without JavaScript posts
 *             it (Accept: text/html, the Origin header, a form body): 303 to the next step
 *   status    GET /account/status with a voter's session cookie (a registration decided on an
 *             uploaded form, bench/fixtures.ts)
 *   elections GET /api/v1/elections
 *
 * Both servers run at once on the `bench` database (dropped and created again), each measured
 * while the other idles; app and bare alternate for every row. The app runs from a copy of
 * build/ as `node scripts/start.mjs` with the abuse limits raised (one client plays every voter).
 * Then each request once more at 50 connections, on the app only, at half the rate it reached
 * (autocannon overallRate): the latency of a server that is busy but not saturated.
 *
 *   node bench/http.mjs [--skip-build] [--duration 15] [--connections 50,200] [--voters 100] [--drafts 3000]
 *                       [--scenarios step,status,elections] [--profile]
 *
 * --profile: afterwards, each request once more against an app started with `node --cpu-prof`
 * (50 connections, the same duration), and where its CPU time went (bench/support/profile.mjs).
 *
 * Prints Markdown tables; raw results go to bench/results/http-<time>.json.
 */
import { spawn } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
	benchKeys,
	build,
	freePort,
	RESULTS,
	recreateDatabase,
	runTs,
	startApp,
	stopChild,
	track
} from './support/app.mjs';
import { run } from './support/load.mjs';
import { check, scenarios, startDrafts } from './support/scenarios.mjs';
import { summariseProfile } from './support/profile.mjs';
import { describeNeighbours, int, machine, ms, table, writeResults } from './support/stats.mjs';

const { values: args } = parseArgs({
	options: {
		'skip-build': { type: 'boolean', default: false },
		duration: { type: 'string', default: '15' },
		warmup: { type: 'string', default: '3' },
		connections: { type: 'string', default: '50,200' },
		voters: { type: 'string', default: '100' },
		drafts: { type: 'string', default: '3000' },
		scenarios: { type: 'string', default: 'step,status,elections' },
		profile: { type: 'boolean', default: false }
	}
});
const duration = Number(args.duration);
const connectionCounts = args.connections.split(',').map(Number);
if (Number(args.drafts) < 8 * Math.max(...connectionCounts)) {
	throw new Error(
		'--drafts must be at least 8 × the most connections (drafts in flight when a run ends are not reused)'
	);
}

if (!args['skip-build']) build();
const databaseUrl = await recreateDatabase();
const keys = benchKeys();
const app = await startApp({ databaseUrl, keys, name: 'http-app' });
const appOrigin = `http://localhost:${app.port}`;
const barePort = await freePort();
const bareOrigin = `http://localhost:${barePort}`;
const bare = track(
	spawn(
		process.execPath,
		[
			'bench/bare-server.mjs',
			'--port',
			String(barePort),
			'--database-url',
			databaseUrl,
			'--origin',
			bareOrigin
		],
		{ stdio: ['ignore', 'pipe', 'inherit'] }
	)
);
await new Promise((resolve) => bare.stdout.once('data', resolve));

console.error(`Making ${args.voters} signed-in voters (bench/fixtures.ts)…`);
const fixtures = JSON.parse(
	await runTs('bench/fixtures.ts', [args.voters], { DATABASE_URL: databaseUrl, ...keys })
);
const cookies = fixtures.voters.map((v) => `__Host-session=${v.token}`);

const drafts = await startDrafts(app.url, appOrigin, Number(args.drafts));
const requestOf = scenarios(drafts, cookies);

const servers = {
	app: { url: app.url, origin: appOrigin, pids: [app.pid] },
	bare: { url: `http://127.0.0.1:${barePort}`, origin: bareOrigin, pids: [bare.pid] }
};

// Every request answered as expected once, before measuring anything.
for (const server of Object.values(servers)) {
	for (const scenario of ['step', 'status', 'elections'])
		await check(requestOf, scenario, server.url, server.origin);
}

const chosen = args.scenarios.split(',');
const rows = [];
for (const scenario of chosen) {
	for (const connections of connectionCounts) {
		for (const name of ['app', 'bare']) {
			const server = servers[name];
			await run({
				url: server.url,
				connections,
				duration: Number(args.warmup),
				request: requestOf(scenario, server.origin)
			});
			const result = await run({
				url: server.url,
				connections,
				duration,
				request: requestOf(scenario, server.origin),
				pids: server.pids,
				label: `${scenario} ${name} ${connections}`
			});
			console.error(
				`${result.label}: ${int(result.rps)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, bad ${result.bad}, load ${result.load.before}→${result.load.after}`
			);
			rows.push({ scenario, server: name, ...result });
		}
	}
}

// The app at half its saturated rate: latency when busy but not queueing.
const paced = [];
for (const scenario of chosen) {
	const full = rows.find(
		(r) => r.scenario === scenario && r.server === 'app' && r.connections === connectionCounts[0]
	);
	const rate = Math.max(1, Math.round(full.rps / 2));
	const result = await run({
		url: app.url,
		connections: connectionCounts[0],
		duration,
		overallRate: rate,
		request: requestOf(scenario, servers.app.origin),
		pids: [app.pid],
		label: `${scenario} app ${connectionCounts[0]} @${rate}/s`
	});
	console.error(
		`${result.label}: ${int(result.rps)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms`
	);
	paced.push({ scenario, server: 'app', ...result });
}

// Where the app's time goes: a fresh app per request, profiled by V8 while loaded.
const profiles = [];
if (args.profile) {
	const dir = path.join(RESULTS, `profile-${Date.now()}`);
	mkdirSync(dir, { recursive: true });
	for (const scenario of chosen) {
		const profiled = await startApp({
			databaseUrl,
			keys,
			origin: appOrigin,
			name: `http-profile-${scenario}`,
			nodeArgs: ['--cpu-prof', `--cpu-prof-dir=${dir}`, `--cpu-prof-name=${scenario}.cpuprofile`]
		});
		const server = { url: profiled.url, origin: appOrigin, pids: [profiled.pid] };
		await run({
			url: server.url,
			connections: connectionCounts[0],
			duration,
			request: requestOf(scenario, server.origin)
		});
		// Requests still queued when the run ended finish first; V8 writes the profile at exit.
		await new Promise((r) => setTimeout(r, 3000));
		await profiled.stop(60_000);
		const summary = summariseProfile(path.join(dir, `${scenario}.cpuprofile`));
		profiles.push({ scenario, file: path.join(dir, `${scenario}.cpuprofile`), ...summary });
	}
}

await stopChild(bare);
await app.stop();

const facts = machine();
const byKey = (scenario, server, connections) =>
	rows.find((r) => r.scenario === scenario && r.server === server && r.connections === connections);
console.log(
	`\n${facts.date.slice(0, 10)}, ${facts.cpus} × ${facts.cpu}, ${facts.memoryGB} GB, Node ${facts.node}, ${facts.postgres}; ${duration} s per run after ${args.warmup} s warm-up\n`
);
console.log(
	table(
		[
			'request',
			'conns',
			'app req/s',
			'bare req/s',
			'app/bare',
			'app p50',
			'app p99',
			'bare p50',
			'bare p99',
			'app CPU ms/req (node + pg)',
			'bare CPU ms/req (node + pg)',
			'app run: cores app / pg / autocannon',
			'machine busy (app, bare)',
			'errors',
			'load 1 min'
		],
		chosen.flatMap((scenario) =>
			connectionCounts.map((c) => {
				const a = byKey(scenario, 'app', c);
				const b = byKey(scenario, 'bare', c);
				return [
					scenario,
					c,
					int(a.rps),
					int(b.rps),
					`${Math.round((100 * a.rps) / b.rps)}%`,
					a.p50,
					a.p99,
					b.p50,
					b.p99,
					`${ms(a.cpuMsPerRequest.server, 2)} + ${ms(a.cpuMsPerRequest.postgres, 2)}`,
					`${ms(b.cpuMsPerRequest.server, 2)} + ${ms(b.cpuMsPerRequest.postgres, 2)}`,
					`${ms(a.cores.server, 2)} / ${ms(a.cores.postgres, 2)} / ${ms(a.cores.client, 2)}`,
					`${Math.round(100 * a.machineBusy)}%, ${Math.round(100 * b.machineBusy)}%`,
					a.bad + b.bad,
					`${a.load.before}–${b.load.after}`
				];
			})
		),
		['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r']
	)
);
console.log('\nThe app at half its saturated rate (latency in ms):\n');
console.log(
	table(
		['request', 'conns', 'rate asked', 'req/s', 'p50', 'p90', 'p99', 'max'],
		paced.map((r) => [
			r.scenario,
			r.connections,
			r.overallRate,
			int(r.rps),
			r.p50,
			r.p90,
			r.p99,
			r.max
		]),
		['l', 'r', 'r', 'r', 'r', 'r', 'r', 'r']
	)
);
console.log(
	`\nOther engineers' processes seen during the runs: ${describeNeighbours([...rows, ...paced].flatMap((r) => r.snapshots)) || 'none'}`
);
for (const p of profiles) {
	console.log(
		`\nCPU profile of the app under "${p.scenario}" (${Math.round(p.busyMs)} ms busy, ${Math.round(p.idleMs)} ms idle), self time by place:\n`
	);
	console.log(
		table(
			['where', 'ms', 'share'],
			p.places.map((x) => [x.name, Math.round(x.ms), `${(100 * x.share).toFixed(1)}%`]),
			['l', 'r', 'r']
		)
	);
	console.log('\nTop functions by self time:\n');
	console.log(
		table(
			['function', 'ms', 'share'],
			p.functions.map((x) => [
				x.name.replaceAll('|', '\\|'),
				Math.round(x.ms),
				`${(100 * x.share).toFixed(1)}%`
			]),
			['l', 'r', 'r']
		)
	);
}
const file = writeResults('http', {
	machine: facts,
	args,
	rows,
	paced,
	profiles: profiles.map(({ functions, ...p }) => ({ ...p, functions }))
});
console.log(`\nRaw results: ${file}`);
