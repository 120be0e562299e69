/**
 * Issue 6 item 5.5: two app processes behind nginx (bench/nginx.conf, round robin) on one
 * PostgreSQL. Starts both processes at once on the `bench` database (dropped and created again;
 * their migrations take turns on an advisory lock) and nginx on a loopback port, then:
 *
 *   1. shows that the processes hold nothing in memory: every request of these flows goes
 *      through nginx's round robin, so consecutive requests alternate between the processes
 *      (nginx names the one that answered in X-Upstream), and every flow still completes:
 *      - a registration, answer by answer, to the done page and its PDF (drafts);
 *      - an account made with a passkey (a software authenticator, tests/factories) for that
 *        registration: the ceremony's options from one process, its answer verified by the other
 *        (WebAuthn challenges), the signed-in pages from both (sessions); the signed form and ID
 *        uploaded to one process and read back, decrypted, from the other;
 *      - signing in again with the passkey, options and verification on different processes;
 *      - the anonymous status request, with its limit set to 6 an hour: the 7th request is refused
 *        whichever process gets it (rate limits);
 *   2. throughput (autocannon) of the benchmarked requests (bench/support/scenarios.mjs): one
 *      process directly, the same process through nginx, and the pair through nginx;
 *   3. if tests/e2e/pwa/offline.e2e.ts exists, runs it against the pair through nginx
 *      (E2E_BASE_URL), otherwise prints the command.
 *
 *   npx tsx --tsconfig .svelte-kit/tsconfig.json --import ./bench/support/vite-imports.mjs bench/scale-out.ts \
 *     [--duration 15] [--connections 100] [--scenarios step,status,elections] [--skip-e2e]
 *
 * Prints Markdown tables; raw results go to bench/results/scale-out-<time>.json.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { SoftAuthenticator } from '../tests/factories/authenticator';
import { gradient, jpegOf, pdfWithText } from '../tests/factories/files';
import { ANSWERS, stepOf } from '../tests/resilience/portal';
import {
	ROOT,
	benchKeys,
	freePort,
	highRateLimits,
	recreateDatabase,
	runTs,
	startApp
} from './support/app.mjs';
import { run } from './support/load.mjs';
import { startNginx } from './support/nginx.mjs';
import { check, scenarios, startDrafts } from './support/scenarios.mjs';
import { describeNeighbours, int, machine, table, writeResults } from './support/stats.mjs';

const { values: args } = parseArgs({
	options: {
		duration: { type: 'string', default: '15' },
		warmup: { type: 'string', default: '3' },
		connections: { type: 'string', default: '100' },
		scenarios: { type: 'string', default: 'step,status,elections' },
		voters: { type: 'string', default: '100' },
		drafts: { type: 'string', default: '3000' },
		'skip-e2e': { type: 'boolean', default: false }
	}
});
const duration = Number(args.duration);
const connections = Number(args.connections);

const databaseUrl = await recreateDatabase();
const keys = benchKeys();
const [pairPort, singlePort] = [await freePort(), await freePort()];
// Both processes answer for the pair's public address (ORIGIN: CSRF checks, passkeys' origin).
const origin = `http://localhost:${pairPort}`;
const env = {
	// Behind the proxy the rate limits count the client nginx names, not nginx.
	ADDRESS_HEADER: 'X-Forwarded-For',
	XFF_DEPTH: '1',
	RATE_LIMITS: highRateLimits({ statusRequest: { max: 6, windowSeconds: 3600 } }),
	STATUS_RESPONSE_MS: '50'
};
const [a, b] = await Promise.all([
	startApp({ databaseUrl, keys, origin, env, name: 'scale-out-a' }),
	startApp({ databaseUrl, keys, origin, env, name: 'scale-out-b' })
]);
const byPort: Record<string, string> = { [String(a.port)]: 'A', [String(b.port)]: 'B' };
const pair = await startNginx([`127.0.0.1:${a.port}`, `127.0.0.1:${b.port}`], { port: pairPort });
const single = await startNginx([`127.0.0.1:${a.port}`], { port: singlePort });

// ---------------------------------------------------------------------------------------------
// 1. Nothing in memory: flows whose requests alternate between the processes.

type Step = { what: string; process: string; status: number };
const trail: Step[] = [];
const jar = new Map<string, string>();

/** A browser's request through nginx: the cookie jar, the Origin header, no redirects followed. */
async function browse(
	what: string,
	pathname: string,
	init: RequestInit & { expect?: number } = {}
) {
	const headers = new Headers(init.headers);
	headers.set('origin', origin);
	if (!headers.has('accept')) headers.set('accept', 'text/html');
	if (jar.size) headers.set('cookie', [...jar].map(([k, v]) => `${k}=${v}`).join('; '));
	const response = await fetch(`${pair.url}${pathname}`, { ...init, headers, redirect: 'manual' });
	for (const cookie of response.headers.getSetCookie()) {
		const [pairText = '', ...attributes] = cookie.split(';');
		const [name = '', value = ''] = pairText.split('=');
		const gone =
			attributes.some((x) => /max-age=0|expires=thu, 01 jan 1970/i.test(x.trim())) || value === '';
		if (gone) jar.delete(name.trim());
		else jar.set(name.trim(), value);
	}
	const upstream = response.headers.get('x-upstream') ?? '';
	const process = byPort[upstream.split(':').at(-1) ?? ''] ?? upstream;
	trail.push({ what, process, status: response.status });
	const expected = init.expect ?? (init.method === 'POST' ? 303 : 200);
	if (response.status !== expected) {
		throw new Error(
			`${what}: ${response.status}, expected ${expected} (${(await response.text()).slice(0, 300)})`
		);
	}
	return response;
}

const form = (fields: Record<string, string>) => ({
	method: 'POST',
	headers: { 'content-type': 'application/x-www-form-urlencoded' },
	body: new URLSearchParams(fields).toString()
});
const json = (body: unknown) => ({
	method: 'POST',
	headers: { 'content-type': 'application/json', accept: 'application/json' },
	body: JSON.stringify(body),
	expect: 200
});

// A registration, answer by answer, each answer and each page on whichever process is next.
const started = await browse('start a registration', '/register', form({}));
let location = started.headers.get('location')!;
const token = /\/register\/([A-Za-z0-9_-]{43})\//.exec(location)![1]!;
for (let step = stepOf(location); step && step !== 'check'; step = stepOf(location)) {
	await browse(`page ${step}`, location);
	const answered = await browse(`answer ${step}`, location, form(ANSWERS[step]!));
	location = answered.headers.get('location')!;
}
await browse('check page', `/register/${token}/check`);
await browse('confirm', `/register/${token}/check`, form({}));
const done = await browse('done page', `/register/${token}/done`);
const reference = /[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}/.exec(
	await done.text()
)?.[0];
const pdf = await browse('form PDF', `/register/${token}/form.pdf`);
if (!(pdf.headers.get('content-type') ?? '').includes('pdf'))
	throw new Error('form.pdf is not a PDF');

// An account with a passkey for this registration: options and verification on different processes.
const authenticator = new SoftAuthenticator(origin);
const created = await (
	await browse('passkey: account options', '/account/create/options', json({ name: 'Bench phone' }))
).json();
const registration = await authenticator.register(created.options);
const verified = await (
	await browse(
		'passkey: account verify',
		'/account/create/verify',
		json({ name: 'Bench phone', response: registration, draft: token })
	)
).json();
if (!verified.redirect) throw new Error(`account not created: ${JSON.stringify(verified)}`);
await browse('account page (signed in)', '/account');
await browse('status page (signed in)', '/account/status');

// The signed form and the ID copy, uploaded through one process, read back from the other.
const idCopy = jpegOf(gradient(32, 32));
const upload = new FormData();
const signed = await pdfWithText(`signed ${reference}`);
upload.append(
	'signed_form',
	new Blob([new Uint8Array(signed)], { type: 'application/pdf' }),
	'signed.pdf'
);
upload.append(
	'identity_document',
	new Blob([new Uint8Array(idCopy)], { type: 'image/jpeg' }),
	'id.jpg'
);
await browse('upload the signed form and ID', `/account/upload/${reference}`, {
	method: 'POST',
	body: upload
});
const statusPage = await (await browse('status page after the upload', '/account/status')).text();
const applicationPath = /\/account\/applications\/[0-9a-f-]{36}/.exec(statusPage)?.[0];
if (!applicationPath) throw new Error('no application on the status page after the upload');
const applicationPage = await (await browse('application page', applicationPath)).text();
const filePath = new RegExp(`${applicationPath}/files/[0-9a-f-]{36}`).exec(applicationPage)?.[0];
if (!filePath) throw new Error('no uploaded file on the application page');
const readBack = new Uint8Array(
	await (await browse('uploaded file, decrypted', filePath)).arrayBuffer()
);
// The application page lists both files; whichever was read must be byte for byte what was sent.
const sameFile = [signed, idCopy].some((sent) => Buffer.from(readBack).equals(Buffer.from(sent)));

// Sign out, and in again with the passkey: options from one process, verification on the other.
await browse('sign out', '/account/sign-out', { method: 'POST', expect: 303 });
await browse('status page signed out', '/account/status', { expect: 303 });
const signIn = await (
	await browse('passkey: sign-in options', '/account/sign-in/options', json({}))
).json();
const assertion = await authenticator.authenticate(signIn.options);
const signedIn = await (
	await browse('passkey: sign-in verify', '/account/sign-in/verify', json({ response: assertion }))
).json();
if (!signedIn.redirect) throw new Error(`not signed in: ${JSON.stringify(signedIn)}`);
await browse('status page (signed in again)', '/account/status');
await browse('status page (signed in again)', '/account/status');

// The anonymous status request, six allowed an hour per client: the seventh is refused.
jar.clear();
const statusRequest = {
	first_names: 'Anna',
	surname: 'Jansen',
	dob_day: '14',
	dob_month: '5',
	dob_year: '1988',
	country: 'CA',
	answer_by: 'email',
	email: 'bench@example.net'
};
for (let i = 1; i <= 7; i++) {
	await browse(`status request ${i} of 7`, '/status', {
		...form(statusRequest),
		expect: i <= 6 ? 303 : 429
	});
}

const alternated = trail.every((s, i) => i === 0 || s.process !== trail[i - 1]!.process);
const served = {
	A: trail.filter((s) => s.process === 'A').length,
	B: trail.filter((s) => s.process === 'B').length
};
console.error(`${trail.length} requests, A ${served.A}, B ${served.B}, alternating: ${alternated}`);

// ---------------------------------------------------------------------------------------------
// 2. Throughput: one process, one process through nginx, the pair through nginx.

const fixtures = JSON.parse(
	await runTs('bench/fixtures.ts', [args.voters], { DATABASE_URL: databaseUrl, ...keys })
);
const cookies = fixtures.voters.map((v: { token: string }) => `__Host-session=${v.token}`);
const tokens = await startDrafts(pair.url, origin, Number(args.drafts));
const requestOf = scenarios(tokens, cookies);
const targets = [
	{ name: 'one process, direct', url: a.url, pids: [a.pid] },
	{ name: 'one process, through nginx', url: single.url, pids: [a.pid, ...single.pids()] },
	{ name: 'two processes, through nginx', url: pair.url, pids: [a.pid, b.pid, ...pair.pids()] }
];
const chosen = args.scenarios.split(',');
for (const target of targets)
	for (const scenario of chosen) await check(requestOf, scenario, target.url, origin);
const rows: (Awaited<ReturnType<typeof run>> & { scenario: string; target: string })[] = [];
for (const scenario of chosen) {
	for (const target of targets) {
		const request = () => requestOf(scenario, origin);
		await run({ url: target.url, connections, duration: Number(args.warmup), request: request() });
		const result = await run({
			url: target.url,
			connections,
			duration,
			request: request(),
			pids: target.pids,
			label: `${scenario}: ${target.name}`
		});
		console.error(
			`${result.label}: ${int(result.rps)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, bad ${result.bad}`
		);
		rows.push({ scenario, target: target.name, ...result });
	}
}

// ---------------------------------------------------------------------------------------------
// 3. The offline-sync browser test through nginx, if it exists yet.

const e2eFile = 'tests/e2e/pwa/offline.e2e.ts';
const e2eCommand = `E2E_BASE_URL=${origin} npx vitest run --config vitest.e2e.config.ts ${e2eFile}`;
let e2e: { ran: boolean; command: string; status?: number | null; tail?: string } = {
	ran: false,
	command: e2eCommand
};
if (!args['skip-e2e'] && existsSync(path.join(ROOT, e2eFile))) {
	console.error(`Running ${e2eCommand}`);
	const result = spawnSync('npx', ['vitest', 'run', '--config', 'vitest.e2e.config.ts', e2eFile], {
		cwd: ROOT,
		env: { ...process.env, E2E_BASE_URL: origin },
		encoding: 'utf8',
		timeout: 600_000
	});
	// Without the test runner's colours (ESC [ … m).
	const output = `${result.stdout}\n${result.stderr}`.replace(
		new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`, 'g'),
		''
	);
	e2e = {
		ran: true,
		command: e2eCommand,
		status: result.status,
		tail: output.trim().split('\n').slice(-12).join('\n')
	};
	console.error(e2e.tail);
}

pair.stop();
single.stop();
await Promise.all([a.stop(), b.stop()]);

// ---------------------------------------------------------------------------------------------
// Report.

const facts = machine();
console.log(
	`\n${facts.date.slice(0, 10)}, ${facts.cpus} × ${facts.cpu}, Node ${facts.node}, nginx in front of processes A and B on one PostgreSQL\n`
);
console.log(
	`Flows through nginx (round robin), ${trail.length} requests, A answered ${served.A} and B ${served.B}, each request on the other process than the one before: ${alternated ? 'yes' : 'no'}\n`
);
console.log(
	table(
		['#', 'request', 'process', 'status'],
		trail.map((s, i) => [i + 1, s.what, s.process, s.status]),
		['r', 'l', 'l', 'r']
	)
);
console.log(
	`\nUploaded file read back through the other process: ${sameFile ? 'yes' : 'no'} (${readBack.byteLength} bytes)`
);
console.log(
	`\nThroughput, ${connections} connections, ${duration} s per run after ${args.warmup} s warm-up:\n`
);
console.log(
	table(
		[
			'request',
			'target',
			'req/s',
			'p50 ms',
			'p99 ms',
			'errors',
			'vs one process direct',
			'cores: app(s) + nginx',
			'cores: PostgreSQL',
			'cores: load generator',
			'machine busy',
			'load 1 min'
		],
		rows.map((r) => {
			const base = rows.find((x) => x.scenario === r.scenario && x.target === targets[0]!.name)!;
			return [
				r.scenario,
				r.target,
				int(r.rps),
				r.p50,
				r.p99,
				r.bad,
				`${(r.rps / base.rps).toFixed(2)}×`,
				r.cores.server.toFixed(2),
				r.cores.postgres.toFixed(2),
				r.cores.client.toFixed(2),
				`${Math.round(100 * r.machineBusy)}%`,
				`${r.load.before}–${r.load.after}`
			];
		}),
		['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r', 'r']
	)
);
console.log(
	`\nOther engineers' processes seen during the runs: ${describeNeighbours(rows.flatMap((r) => r.snapshots)) || 'none'}`
);
console.log(
	e2e.ran
		? `\nOffline-sync browser test through nginx: \`${e2e.command}\` exited with ${e2e.status}.\n\n${e2e.tail}`
		: args['skip-e2e']
			? `\nOffline-sync browser test skipped (--skip-e2e); with this script's pair running: \`${e2e.command}\``
			: `\n${e2eFile} does not exist yet; when it does, with this script's pair running: \`${e2e.command}\``
);
const file = writeResults('scale-out', {
	machine: facts,
	args,
	trail,
	served,
	alternated,
	sameFile,
	rows,
	e2e
});
console.log(`\nRaw results: ${file}`);
