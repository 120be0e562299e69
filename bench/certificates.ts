/**
 * The register of postal voting certificates at scale (DOMAIN.md "Scale": a million
 * registrations; the per-election lists "must be producible in seconds"). Seeds N registered
 * voters for one election type in one set-based statement, 1% of them with a granted proxy or
 * voter pass, then times:
 *
 *   1. issueForElection: one INSERT … SELECT numbering every voter;
 *   2. issueForElection again: nothing to issue (the idempotent re-run);
 *   3. replace() of 1 in 1,000 certificates, one call each (as deciders do, one request at a time);
 *   4. the list of postal voters, streamed to the end (bytes counted, nothing kept);
 *   5. the extract of invalid certificates, streamed likewise;
 *
 * with the process's peak resident memory during each step (process.memoryUsage().rss sampled
 * every 20 ms). On PGlite the database lives in this process, so its memory counts too; on
 * PostgreSQL the figure is the app's alone.
 *
 *   TSX_TSCONFIG_PATH=.svelte-kit/tsconfig.json node --import tsx bench/certificates.ts [n]
 *   DATABASE_URL=postgres://postgres@127.0.0.1:5432/test TSX_TSCONFIG_PATH=.svelte-kit/tsconfig.json \
 *     node --import tsx bench/certificates.ts [n]
 *
 * N defaults to 1,000,000 on PostgreSQL (a fresh database on that server, dropped afterwards) and
 * to 100,000 on the embedded PGlite (in memory). Prints a Markdown table for bench/README.md.
 */
import os from 'node:os';
import { sql } from 'drizzle-orm';
import { openTestDatabase } from '../tests/db/database';
import { staffAccount } from '../tests/factories/casework';
import { application, election } from '../tests/factories/certificates';
import * as certificates from '$lib/server/certificates';
import { closeDatabase, useDatabase } from '$lib/server/db';

const onPostgres = Boolean(process.env.DATABASE_URL);
const n = Number(process.argv[2] ?? (onPostgres ? 1_000_000 : 100_000));
const MB = 2 ** 20;

/** Peak RSS while `work` runs, sampled every 20 ms. */
async function measure<T>(label: string, work: () => Promise<T>) {
	let peak = process.memoryUsage().rss;
	const before = peak;
	const timer = setInterval(() => {
		peak = Math.max(peak, process.memoryUsage().rss);
	}, 20);
	const t0 = performance.now();
	try {
		const result = await work();
		const ms = performance.now() - t0;
		peak = Math.max(peak, process.memoryUsage().rss);
		console.error(
			`${label}: ${(ms / 1000).toFixed(2)} s, RSS ${Math.round(before / MB)} → peak ${Math.round(peak / MB)} MB`
		);
		return { label, ms, before, peak, result };
	} finally {
		clearInterval(timer);
	}
}

/** Reads a stream to its end, keeping nothing but counts. */
async function drain(stream: ReadableStream<Uint8Array>) {
	let bytes = 0;
	let lines = 0;
	const reader = stream.getReader();
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		bytes += value.byteLength;
		for (const b of value) if (b === 0x0a) lines++;
	}
	return { bytes, lines };
}

const database = await openTestDatabase();
useDatabase(database);
const db = database.db;
const staffId = await staffAccount(database, ['admin']);
const target = await election(db, { type: 'TK', nominationDay: '2030-04-01' });

// N voters in one statement each for registrations and their types: names with commas and
// quotes now and then (CSV quoting), a correspondence address for one in four (MvT §3.5).
const seeded = await measure('seed', async () => {
	await db.execute(sql`
		insert into registrations (surname, first_names, birth_date, sex, residential_address,
			correspondence_address, email, locale, lookup_key)
		select
			case when i % 97 = 0 then 'Berg, van der ' || i when i % 89 = 0 then 'O"Neil ' || i
				else 'Jansen ' || i end,
			'Anna Maria',
			date '1950-01-01' + (i % 20000),
			'V',
			jsonb_build_object('lines', jsonb_build_array('Straße ' || i, '10115 Berlin'),
				'country', (array['DE','US','ES','CA','AU','BE','FR','GB'])[1 + i % 8]),
			case when i % 4 = 0 then jsonb_build_object('lines', jsonb_build_array('Postfach ' || i),
				'country', 'DE') end,
			case when i % 3 = 0 then null else 'voter' || i || '@example.org' end,
			'nl',
			'bench-' || i
		from generate_series(1, ${n}) as i`);
	await db.execute(sql`
		insert into registration_types (registration_id, type, starts_on)
		select id, 'TK', date '2025-01-06' from registrations`);
	await db.execute(sql`analyze registrations`);
	await db.execute(sql`analyze registration_types`);
});

// 1% of voters chose a proxy or a voter pass and got it (M 1(1): no certificate for them).
const excludedTarget = Math.floor(n / 100);
const ids = (await db.execute(
	sql`select id from registrations order by id limit ${excludedTarget}`
)) as unknown;
const excludedIds = (Array.isArray(ids) ? ids : (ids as { rows: { id: string }[] }).rows).map(
	(r: { id: string }) => r.id
);
for (let i = 0; i < excludedIds.length; i += 1000) {
	const chunk = excludedIds.slice(i, i + 1000);
	await db.execute(sql`
		with apps as (
			insert into applications (reference, kind, locale, answers, election_id, channel,
				received_at, due_on)
			select 'BENCH-' || r.id, case when r.n % 2 = 0 then 'proxy' else 'voter_pass' end, 'nl',
				'{}'::jsonb, ${target.id}::uuid, 'post', now(), date '2030-03-08'
			from unnest(${`{${chunk.join(',')}}`}::uuid[]) with ordinality as r(id, n)
			returning id, substr(reference, 7)::uuid as registration_id
		)
		insert into decisions (origin, outcome, application_id, registration_id, election_id, notice)
		select 'application', 'granted', id, registration_id, ${target.id}::uuid, 'none' from apps`);
}

const first = await measure('issueForElection', () =>
	certificates.issueForElection(target.slug, { staffId, issuedOn: '2030-02-20' })
);
const again = await measure('issueForElection again', () =>
	certificates.issueForElection(target.slug, { staffId, issuedOn: '2030-02-21' })
);

// 1 in 1,000 certificates replaced (lost in the post, M 6b), one call each.
const replacements = Math.max(1, Math.floor(n / 1000));
const replaced = await measure('replace', async () => {
	const request = await application(db, target.id, 'replacement');
	const old = (await db.execute(
		sql`select id from postal_certificates where election_id = ${target.id}::uuid
			and number % 1000 = 7 order by number limit ${replacements}`
	)) as unknown;
	const rows = Array.isArray(old) ? old : (old as { rows: { id: string }[] }).rows;
	for (const row of rows as { id: string }[]) {
		await certificates.replace({
			oldId: row.id,
			applicationId: request.id,
			sentBy: 'post',
			issuedOn: '2030-05-01',
			staffId
		});
	}
	return rows.length;
});

const voters = await measure('postal voters list', () =>
	drain(certificates.stream(target.id, 'postal-voters'))
);
const invalid = await measure('invalid extract', () =>
	drain(certificates.stream(target.id, 'invalid'))
);

await closeDatabase();

const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const mb = (bytes: number) => `${Math.round(bytes / MB)} MB`;
const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
console.log(
	`\n${new Date().toISOString().slice(0, 10)}, ${database.driver}, ${n.toLocaleString('en')} registrations, ` +
		`${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version}\n`
);
console.log('| step | result | time | RSS before | peak RSS |');
console.log('| --- | --- | ---: | ---: | ---: |');
const row = (m: { label: string; ms: number; before: number; peak: number }, result: string) =>
	console.log(`| ${m.label} | ${result} | ${s(m.ms)} | ${mb(m.before)} | ${mb(m.peak)} |`);
row(seeded, `${n.toLocaleString('en')} voters`);
row(
	first,
	`${first.result.issued.toLocaleString('en')} issued, ${first.result.excluded.toLocaleString('en')} excluded`
);
row(again, `${again.result.issued} issued, ${again.result.alreadyHeld.toLocaleString('en')} held`);
row(replaced, `${replaced.result} replaced, one call each`);
row(
	voters,
	`${(voters.result.lines - 1).toLocaleString('en')} rows, ${mb(voters.result.bytes)} of CSV`
);
row(invalid, `${(invalid.result.lines - 1).toLocaleString('en')} rows`);
