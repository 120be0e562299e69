/**
 * Issue 6 item 5.3: the register at a million. Seeds N registrations (default 1,000,000) into the
 * `bench` database on the machine's PostgreSQL (dropped and created again), made row by row in
 * this process with the app's own functions and written with COPY: the lookup key of
 * `lookupKey(surname, birth date, country)`, the BSN sealed with `crypto.encryptField` under the
 * row's context and its blind index `crypto.blindIndex`, addresses as the app stores them. One
 * voter in ten has an account; 300,000 completed forms (drafts) exist, a third of them linked to
 * an account. Then, against the seeded database:
 *
 *   1. EXPLAIN (ANALYZE, BUFFERS) of every lookup below: which index each one uses;
 *   2. lookups, one at a time, random people (4 in 5 registered, 1 in 5 unknown):
 *      - the status request's lookup (`registrationsWithTypes` under the key, as
 *        `status.request` runs it), and the whole `status.request` (insert, message, audit);
 *      - the office's search in every country (249 keys at once, as `findRegistrations`);
 *      - the BSN's blind index (`registrations where bsn_index = …`, as requests and BRP do);
 *      - the signed-in voter's registration (`registrations.findForAccount`) and the whole
 *        status page's data (`casework.statusFor`);
 *   3. `certificates.issueForElection` for TK-2030 and a replacement of 1 in 1,000;
 *   4. the two CSV lists streamed to the end: in this process (`certificates.stream`) and through
 *      the routes of a running app (`node scripts/start.mjs`, a member of staff's session), with
 *      the time to the first and the last byte and the peak resident memory (RSS) of the process
 *      that streams, sampled every 20 ms.
 *
 *   npx tsx --tsconfig .svelte-kit/tsconfig.json --import ./bench/support/vite-imports.mjs bench/scale.ts [n] [lookups] [--keep]
 *
 * Prints Markdown tables; raw results go to bench/results/scale-<time>.json.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { and, eq, inArray, isNull, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { COUNTRY_CODES, amsterdamDay, lookupKey } from '$lib/domain';
import * as casework from '$lib/server/casework';
import * as certificates from '$lib/server/certificates';
import * as crypto from '$lib/server/crypto';
import { closeDatabase, useDatabase } from '$lib/server/db';
import { openDatabase } from '$lib/server/db/client';
import { drafts, registrations, registrationTypes } from '$lib/server/db/schema';
import { seedElections } from '$lib/server/db/seed';
import { createSession } from '$lib/server/auth/sessions';
import * as registrationService from '$lib/server/registrations';
import * as status from '$lib/server/status';
import { registrationsWithTypes } from '$lib/server/status/records';
import {
	benchKeys,
	dropDatabase,
	recreateDatabase,
	sampleRss,
	snapshotBuild,
	startApp
} from './support/app.mjs';
import {
	describeNeighbours,
	machine,
	mb,
	ms,
	neighbours,
	summarise,
	table,
	writeResults
} from './support/stats.mjs';

const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const n = Number(positional[0] ?? 1_000_000);
const lookups = Number(positional[1] ?? 5_000);
// --keep: leave the seeded database for a look (psql …/bench); by default it is dropped at the end.
const keep = process.argv.includes('--keep');
const log = (text: string) => console.error(`[${new Date().toISOString().slice(11, 19)}] ${text}`);
const seen: ReturnType<typeof neighbours>[] = [];

// The build the app at the end runs, copied now: build/ may be rebuilt by others meanwhile.
snapshotBuild();
// The keys of this run, in the environment: the app started at the end reads the same ones.
Object.assign(process.env, benchKeys());
crypto.useKeyring(crypto.loadKeyring(process.env));
const url = await recreateDatabase();
const database = await openDatabase({ url });
await seedElections(database.db);
useDatabase(database);
const db = database.db;
const raw = postgres(url, { max: 2, onnotice: () => {} });

// ---------------------------------------------------------------------------------------------
// Seeding.

const SURNAMES = [
	'Jansen',
	'de Jong',
	'de Vries',
	'van den Berg',
	'van Dijk',
	'Bakker',
	'Janssen',
	'Visser',
	'Smit',
	'Meijer',
	'de Boer',
	'Mulder',
	'de Groot',
	'Bos',
	'Vos',
	'Peters',
	'Hendriks',
	'van Leeuwen',
	'Dekker',
	'Brouwer',
	'de Wit',
	'Dijkstra',
	'Smits',
	'de Graaf',
	'van der Meer',
	'van der Linden',
	'Kok',
	'Jacobs',
	'de Haan',
	'Vermeulen',
	'van den Heuvel',
	'van der Veen',
	'van den Broek',
	'de Bruijn',
	'de Bruin',
	'van der Heijden',
	'Schouten',
	'van Beek',
	'Willems',
	'van Vliet',
	'van de Ven',
	'Hoekstra',
	'Maas',
	'Verhoeven',
	'Koster',
	'van Dam',
	'van der Wal',
	'Prins',
	'Blom',
	'Huisman',
	'Peeters',
	"d'Ancona",
	'IJsselmeer',
	'Çelik',
	'Nguyễn',
	'Müller',
	'García',
	'Østergaard',
	'Łukasiewicz',
	'Ó Súilleabháin'
];
const SUFFIXES = ['', '', '', '-Bakker', '-de Vries', ' Ruiz', '-Smit', '-Huang', '-Pérez'];
const FIRST = [
	'Anna',
	'Jan',
	'Pieter',
	'Maria',
	'Johanna',
	'Willem',
	'Sophie',
	'Daan',
	'Emma',
	'Lucas',
	'Zoë',
	'Thị Minh',
	'Noor',
	'Sem',
	'Julia',
	'Liam',
	'Tess',
	'Finn',
	'Saar',
	'Bram'
];
const COUNTRIES = [
	'DE',
	'BE',
	'GB',
	'US',
	'FR',
	'ES',
	'CA',
	'AU',
	'CH',
	'AW',
	'CW',
	'SX',
	'NZ',
	'ZA',
	'IL',
	'TR',
	'ID',
	'SR',
	'BR',
	'TH'
];
const pick = <T>(list: T[], i: number) => list[i % list.length]!;
const rand = (max: number) => Math.floor(Math.random() * max);

/** A nine-digit number that passes the BSN's eleven test (KB D 4 stores it sealed). */
function bsnOf(i: number): string {
	for (let base = 10_000_000 + ((i * 7919) % 89_999_999); ; base++) {
		const d = String(base).padStart(8, '0').split('').map(Number);
		const sum = d.reduce((s, x, k) => s + x * (9 - k), 0);
		const check = sum % 11;
		if (check <= 9) return `${base}${check}`;
	}
}

/** COPY text format: a field, escaped, or \N for null. */
const field = (v: string | null | undefined) =>
	v === null || v === undefined
		? '\\N'
		: v.replace(/\\/g, '\\\\').replace(/\t/g, '\\t').replace(/\n/g, '\\n').replace(/\r/g, '\\r');

async function copy(statement: string, rows: Iterable<string>) {
	const writable = await raw.unsafe(statement).writable();
	let buffer = '';
	for (const row of rows) {
		buffer += row;
		if (buffer.length > 1 << 20) {
			if (!writable.write(buffer)) await once(writable, 'drain');
			buffer = '';
		}
	}
	writable.end(buffer);
	await once(writable, 'finish');
}

type Person = {
	id: string;
	surname: string;
	firstNames: string;
	birthDate: string;
	country: string;
	bsn: string | null;
	accountId: string | null;
};
const sample: Person[] = [];
const accountIds: string[] = [];

async function seed() {
	// Accounts first: one voter in ten has one.
	const accounts = Math.floor(n / 10);
	for (let i = 0; i < accounts; i++) accountIds.push(randomUUID());
	await copy(
		'copy accounts (id, kind, webauthn_user_id, locale) from stdin',
		accountIds.map((id) => `${id}\tvoter\t${randomBytes(32).toString('base64url')}\tnl\n`)
	);
	log(`${accounts} accounts`);

	function* rows() {
		for (let i = 0; i < n; i++) {
			const id = randomUUID();
			const surname = `${pick(SURNAMES, rand(SURNAMES.length))}${pick(SUFFIXES, rand(SUFFIXES.length))}`;
			const firstNames = `${pick(FIRST, rand(FIRST.length))} ${pick(FIRST, rand(FIRST.length))}`;
			const birth = new Date(Date.UTC(1935, 0, 1) + rand(73 * 365) * 86_400_000);
			const birthDate = birth.toISOString().slice(0, 10);
			const country =
				COUNTRIES[Math.min(COUNTRIES.length - 1, Math.floor(-Math.log(Math.random()) * 4))]!;
			const residential = JSON.stringify({
				lines: [`Straße ${i % 500}`, `${10000 + (i % 89999)} Stad`],
				country
			});
			const correspondence =
				i % 4 === 0
					? JSON.stringify({ lines: [`Postfach ${i}`, '50667 Köln'], country: 'DE' })
					: null;
			const bsn = i % 10 === 9 ? null : bsnOf(i);
			const accountId = i % 10 === 0 ? accountIds[i / 10]! : null;
			const state = i % 200 === 7 ? 'removed' : 'active';
			const deceased = i % 500 === 3 ? '2026-01-15' : null;
			if (Math.random() < 20_000 / n) {
				sample.push({ id, surname, firstNames, birthDate, country, bsn, accountId });
			}
			yield [
				id,
				accountId,
				surname,
				firstNames,
				birthDate,
				pick(['V', 'M', 'X'], i),
				'NL',
				residential,
				correspondence,
				i % 3 === 0 ? null : `voter${i}@example.org`,
				i % 5 === 0 ? `+49 30 ${1_000_000 + i}` : null,
				bsn ? crypto.encryptField(bsn, registrationService.bsnContext(id)) : null,
				bsn ? crypto.blindIndex(bsn) : null,
				pick(['nl', 'en', 'de', 'fr', 'es', 'pap'], i),
				lookupKey(surname, birthDate, country),
				state,
				deceased
			]
				.map(field)
				.join('\t')
				.concat('\n');
		}
	}
	await copy(
		`copy registrations (id, account_id, surname, first_names, birth_date, sex, nationality,
			residential_address, correspondence_address, email, phone, bsn_encrypted, bsn_index, locale,
			lookup_key, status, deceased_on) from stdin`,
		rows()
	);
	log(`${n} registrations`);
	// Types: TK for everyone, EP for three in five, KNI for three in ten (the active ones from 2025).
	await raw.unsafe(`
		insert into registration_types (registration_id, type, starts_on, ended_on, end_reason)
		select id, t.type::election_type, date '2025-01-06',
			case when status = 'removed' then date '2026-03-01' end,
			case when status = 'removed' then 'own_request' end
		from registrations
		cross join lateral (values ('TK'), ('EP'), ('KNI')) as t(type)
		where t.type = 'TK'
			or (t.type = 'EP' and abs(hashtext(id::text)) % 5 < 3)
			or (t.type = 'KNI' and abs(hashtext(id::text)) % 10 < 3)`);
	log('registration types');
	// Completed forms: 300,000, a third of them linked to an account (as the done page links them).
	const forms = Math.floor((3 * n) / 10);
	function* draftRows() {
		for (let i = 0; i < forms; i++) {
			const accountId = i % 3 === 0 ? accountIds[(i / 3) % accountIds.length]! : null;
			yield [
				randomUUID(),
				randomBytes(32).toString('hex'),
				'registration',
				'nl',
				'{"nationality":{"value":"yes"}}',
				'11',
				`BNCH-${String(i).padStart(8, '0')}`,
				accountId,
				'2026-06-01 12:00:00+00'
			]
				.map(field)
				.join('\t')
				.concat('\n');
		}
	}
	await copy(
		'copy drafts (id, token_hash, journey, locale, answers, version, reference, account_id, completed_at) from stdin',
		draftRows()
	);
	log(`${forms} completed forms`);
	await raw.unsafe('analyze');
}

const seeded = await measure('seed', seed);

// ---------------------------------------------------------------------------------------------
// Plans.

const person = sample[0]!;
const withAccount = sample.find((p) => p.accountId)!;
const withBsn = sample.find((p) => p.bsn)!;
const key = lookupKey(person.surname, person.birthDate, person.country);

/** The statement registrationsWithTypes sends for a where clause (the same builder). */
const withTypesQuery = (where: ReturnType<typeof and>) =>
	db
		.select({ registration: registrations, type: registrationTypes })
		.from(registrations)
		.leftJoin(registrationTypes, eq(registrationTypes.registrationId, registrations.id))
		.where(where);
const statusWhere = (k: string) =>
	and(
		eq(registrations.lookupKey, k),
		eq(registrations.status, 'active'),
		isNull(registrations.deceasedOn)
	);
const searchWhere = (surname: string, birthDate: string) =>
	inArray(
		registrations.lookupKey,
		COUNTRY_CODES.map((c) => lookupKey(surname, birthDate, c))
	);
const bsnQuery = (bsn: string) =>
	db
		.select()
		.from(registrations)
		.where(eq(registrations.bsnIndex, crypto.blindIndex(bsn)));
const accountQuery = (accountId: string) =>
	db
		.select()
		.from(registrations)
		.where(eq(registrations.accountId, accountId))
		.orderBy(sql`${registrations.status} = 'active' desc`, sql`${registrations.createdAt} desc`)
		.limit(1);
// The status page's forms still to upload (casework.statusFor), drafts by account.
const formsQuery = (accountId: string) =>
	db
		.select({ id: drafts.id, reference: drafts.reference })
		.from(drafts)
		.where(and(eq(drafts.accountId, accountId), sql`${drafts.completedAt} is not null`));

async function explain(name: string, query: { toSQL(): { sql: string; params: unknown[] } }) {
	const { sql: text, params } = query.toSQL();
	const rows = await raw.unsafe(`explain (analyze, buffers) ${text}`, params as never[]);
	const plan = rows.map((r) => r['QUERY PLAN'] as string);
	const scans = plan
		.map((line) =>
			/(Index Only Scan|Index Scan|Bitmap Index Scan|Seq Scan|Parallel Seq Scan)( using (\S+))? on (\S+)/.exec(
				line
			)
		)
		.filter((m): m is RegExpExecArray => m !== null)
		.map((m) => `${m[1]}${m[3] ? ` (${m[3]})` : ''} on ${m[4]}`);
	const time = /Execution Time: ([\d.]+) ms/.exec(plan.join('\n'))?.[1];
	return { name, scans: [...new Set(scans)], executionMs: Number(time), plan };
}

const plans = [
	await explain('status request: registration by lookup key', withTypesQuery(statusWhere(key))),
	await explain(
		'office search: 249 keys (every country)',
		withTypesQuery(searchWhere(person.surname, person.birthDate))
	),
	await explain('BSN blind index', bsnQuery(withBsn.bsn!)),
	await explain("account's registration", accountQuery(withAccount.accountId!)),
	await explain("account's completed forms (status page)", formsQuery(withAccount.accountId!))
];
for (const p of plans) log(`${p.name}: ${p.scans.join(', ')} (${p.executionMs} ms)`);

// ---------------------------------------------------------------------------------------------
// Lookups, one at a time.

const today = amsterdamDay(new Date());
const unknown = (i: number): Person => ({
	...sample[i % sample.length]!,
	surname: `Onbekend ${i}`
});
/** 4 in 5 people registered (from the sample), 1 in 5 nobody has ever registered. */
const someone = (i: number) => (i % 5 === 4 ? unknown(i) : sample[(i * 7) % sample.length]!);

async function timed(name: string, count: number, call: (i: number) => Promise<unknown>) {
	for (let i = 0; i < Math.min(200, count); i++) await call(i + 1_000_000);
	const before = neighbours();
	const times: number[] = [];
	for (let i = 0; i < count; i++) {
		const t0 = performance.now();
		await call(i);
		times.push(performance.now() - t0);
	}
	const after = neighbours();
	seen.push(before, after);
	const s = summarise(times);
	log(
		`${name}: p50 ${ms(s.p50, 2)} ms, p99 ${ms(s.p99, 2)} ms (load ${before.load1}→${after.load1})`
	);
	return { name, ...s, load: `${before.load1}–${after.load1}` };
}

const accounts = sample.filter((p) => p.accountId);
const bsns = sample.filter((p) => p.bsn);
const lookupRuns = [
	await timed('status request: lookup by key (registrationsWithTypes)', lookups, (i) => {
		const p = someone(i);
		return registrationsWithTypes(db, statusWhere(lookupKey(p.surname, p.birthDate, p.country)));
	}),
	await timed(
		'status request: the whole service call (status.request)',
		Math.ceil(lookups / 5),
		(i) => {
			const p = someone(i);
			return status.request({
				surname: p.surname,
				firstNames: p.firstNames,
				birthDate: p.birthDate,
				country: p.country,
				answerBy: { email: 'asker@example.net' },
				locale: 'nl'
			});
		}
	),
	await timed('office search: every country (249 keys)', Math.ceil(lookups / 5), (i) => {
		const p = someone(i);
		return registrationsWithTypes(db, searchWhere(p.surname, p.birthDate));
	}),
	await timed('BSN blind index (HMAC + lookup)', lookups, (i) =>
		bsnQuery(i % 5 === 4 ? bsnOf(i + 7) : bsns[i % bsns.length]!.bsn!)
	),
	await timed("account's registration (registrations.findForAccount)", lookups, (i) =>
		registrationService.findForAccount(accounts[i % accounts.length]!.accountId!, today)
	),
	await timed("account status page's data (casework.statusFor)", Math.ceil(lookups / 5), (i) =>
		casework.statusFor(accounts[i % accounts.length]!.accountId!)
	)
];

// The index on drafts.account_id (migration 0010) was measured here first, in this bench database
// only: 151 ms for the status page's forms query without it, 1.9 ms with it. It is in the schema
// now, so the two measurements above are with it.

// ---------------------------------------------------------------------------------------------
// Postal voting certificates and the two lists.

const [staff] = await raw`insert into accounts (kind, webauthn_user_id, display_name, roles)
	values ('staff', ${randomBytes(32).toString('base64url')}, 'Bench official', '{clerk,decider,admin}')
	returning id`;
const staffId = staff!.id as string;
const [election] = await raw`select id, slug from elections where slug = 'TK-2030'`;
const electionId = election!.id as string;
const issued = await measure('issueForElection TK-2030', () =>
	certificates.issueForElection('TK-2030', { staffId, issuedOn: '2030-02-20' })
);
const replaced = await measure('replace 1 in 1,000, one call each', async () => {
	const [request] =
		await raw`insert into applications (reference, kind, locale, answers, channel, received_at, due_on, election_id)
		values ('BENCH-REPLACEMENT', 'replacement', 'nl', '{}', 'post', now(), '2030-05-01', ${electionId})
		returning id`;
	const old = await raw`select id from postal_certificates where election_id = ${electionId}
		and number % 1000 = 7 order by number`;
	for (const row of old) {
		await certificates.replace({
			oldId: row.id,
			applicationId: request!.id,
			sentBy: 'post',
			issuedOn: '2030-05-01',
			staffId
		});
	}
	return old.length;
});
await raw.unsafe('analyze postal_certificates');

/** Reads a stream to its end, counting bytes and lines, keeping nothing. */
async function drain(stream: ReadableStream<Uint8Array>) {
	let bytes = 0;
	let lines = 0;
	let first = 0;
	const t0 = performance.now();
	const reader = stream.getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		if (!first && bytes > 0) first = performance.now() - t0;
		bytes += value.byteLength;
		for (const b of value) if (b === 0x0a) lines++;
	}
	return { bytes, rows: lines - 1, firstByteMs: first };
}

globalThis.gc?.();
const inProcess = [
	await measure('postal voters list, in this process', () =>
		drain(certificates.stream(electionId, 'postal-voters'))
	),
	await measure('invalid certificates extract, in this process', () =>
		drain(certificates.stream(electionId, 'invalid'))
	)
];

// Through the routes of a running app, as an official downloads them.
const session = await createSession(staffId);
await closeDatabase();
await raw.end();
// The app as started by default, and with V8's old generation capped: the list's rows are
// garbage as soon as they are written, but the default heap lets garbage pile up to ~200 MB
// before a full collection (node --trace-gc: ~45 MB live after each one).
const overHttp = [];
for (const heap of [null, 192, 128]) {
	const app = await startApp({
		databaseUrl: url,
		keys: {},
		name: 'scale-app',
		nodeArgs: heap ? [`--max-old-space-size=${heap}`] : []
	});
	const variant = heap ? `node --max-old-space-size=${heap}` : 'node (default heap)';
	for (const [label, file] of [
		['postal voters list, GET …/postal-voters.csv', 'postal-voters.csv'],
		['invalid certificates extract, GET …/invalid.csv', 'invalid.csv']
	] as const) {
		if (heap && file === 'invalid.csv') continue;
		// Once to warm the route up, then measured.
		for (const measured of [false, true]) {
			const rss = sampleRss(app.pid);
			const t0 = performance.now();
			const response = await fetch(`${app.url}/office/elections/TK-2030/certificates/${file}`, {
				headers: { cookie: `__Host-session=${session.token}` }
			});
			if (response.status !== 200) throw new Error(`${file}: ${response.status}`);
			const counted = await drain(response.body!);
			const msTaken = performance.now() - t0;
			const { before, peak } = rss.stop();
			if (measured) {
				overHttp.push({
					label: `${label}, ${variant}`,
					ms: msTaken,
					before,
					peak,
					result: counted
				});
				log(
					`${label}, ${variant}: ${(msTaken / 1000).toFixed(1)} s, ${counted.rows} rows, server RSS ${mb(before)} → ${mb(peak)} MB`
				);
			}
		}
	}
	await app.stop();
}

if (!keep) await dropDatabase();

// ---------------------------------------------------------------------------------------------
// Report.

async function measure<T>(label: string, work: () => Promise<T>) {
	const before = neighbours();
	const rss = { before: process.memoryUsage().rss, peak: process.memoryUsage().rss };
	const timer = setInterval(() => (rss.peak = Math.max(rss.peak, process.memoryUsage().rss)), 20);
	const t0 = performance.now();
	try {
		const result = await work();
		const msTaken = performance.now() - t0;
		rss.peak = Math.max(rss.peak, process.memoryUsage().rss);
		const after = neighbours();
		seen.push(before, after);
		log(`${label}: ${(msTaken / 1000).toFixed(1)} s, RSS ${mb(rss.before)} → ${mb(rss.peak)} MB`);
		return {
			label,
			ms: msTaken,
			before: rss.before,
			peak: rss.peak,
			result,
			load: `${before.load1}–${after.load1}`
		};
	} finally {
		clearInterval(timer);
	}
}

const facts = machine();
const s = (x: number) => `${(x / 1000).toFixed(1)} s`;
console.log(
	`\n${facts.date.slice(0, 10)}, PostgreSQL (${facts.postgres}), ${n.toLocaleString('en')} registrations, ${facts.cpus} × ${facts.cpu}, ${facts.memoryGB} GB, Node ${facts.node}\n`
);
console.log('Plans (EXPLAIN ANALYZE, one sample each):\n');
console.log(
	table(
		['lookup', 'scans', 'execution ms'],
		plans.map((p) => [p.name, p.scans.join('; '), p.executionMs.toFixed(3)]),
		['l', 'l', 'r']
	)
);
console.log('\nLookups, one at a time (ms):\n');
console.log(
	table(
		['lookup', 'n', 'p50', 'p99', 'max', 'load'],
		lookupRuns.map((r) => [r.name, r.n, ms(r.p50, 2), ms(r.p99, 2), ms(r.max, 1), r.load]),
		['l', 'r', 'r', 'r', 'r', 'l']
	)
);
console.log('\nSeeding, certificates and lists:\n');
const issuedCounts = issued.result as certificates.IssueCounts;
console.log(
	table(
		['step', 'result', 'time', 'RSS before', 'peak RSS', 'load'],
		[
			[
				seeded.label,
				`${n.toLocaleString('en')} registrations, ${accountIds.length.toLocaleString('en')} accounts, ${Math.floor((3 * n) / 10).toLocaleString('en')} forms`,
				s(seeded.ms),
				`${mb(seeded.before)} MB`,
				`${mb(seeded.peak)} MB`,
				seeded.load
			],
			[
				issued.label,
				`${issuedCounts.issued.toLocaleString('en')} issued`,
				s(issued.ms),
				`${mb(issued.before)} MB`,
				`${mb(issued.peak)} MB`,
				issued.load
			],
			[
				replaced.label,
				`${replaced.result} replaced`,
				s(replaced.ms),
				`${mb(replaced.before)} MB`,
				`${mb(replaced.peak)} MB`,
				replaced.load
			],
			...inProcess.map((m) => [
				m.label,
				`${m.result.rows.toLocaleString('en')} rows, ${mb(m.result.bytes)} MB of CSV, first bytes after ${ms(m.result.firstByteMs, 0)} ms`,
				s(m.ms),
				`${mb(m.before)} MB`,
				`${mb(m.peak)} MB`,
				m.load
			]),
			...overHttp.map((m) => [
				`${m.label}, RSS of the app process`,
				`${m.result.rows.toLocaleString('en')} rows, ${mb(m.result.bytes)} MB of CSV, first bytes after ${ms(m.result.firstByteMs, 0)} ms`,
				s(m.ms),
				`${mb(m.before)} MB`,
				`${mb(m.peak)} MB`,
				''
			])
		],
		['l', 'l', 'r', 'r', 'r', 'l']
	)
);
console.log(`\nOther engineers' processes seen: ${describeNeighbours(seen) || 'none'}`);
const file = writeResults('scale', {
	machine: facts,
	n,
	lookups,
	plans,
	lookupRuns,
	seeded: { ...seeded, result: undefined },
	issued,
	replaced,
	inProcess,
	overHttp
});
console.log(`\nRaw results: ${file}`);
