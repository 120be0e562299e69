/**
 * Issue 6 item 5.2: how long the registration form's PDF takes and how big it is. Each fixture
 * is a completed registration form built from tests/factories (answers as the voter posts them),
 * stored as a completed draft; the time is the service call the route /register/<token>/form.pdf
 * makes, `registration.renderPdf(token, locale)`: reading the draft, working out the destination
 * and the deadlines, and pdf-lib laying out the cover sheet and the form with the DejaVu fonts
 * subset-embedded. Sequential calls in one process after a warm-up, on the embedded PGlite in
 * memory (or, with DATABASE_URL, a fresh database on that PostgreSQL, dropped afterwards).
 * "draft read" is `registration.resume(token)` alone: the database part of the call.
 *
 *   npx tsx --tsconfig .svelte-kit/tsconfig.json --import ./bench/support/vite-imports.mjs bench/pdf.ts [runs] [warm-up] [--profile]
 *
 * Prints a Markdown table; raw results go to bench/results/pdf-<time>.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import inspector from 'node:inspector';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { openTestDatabase } from '../tests/db/database';
import { answersOf, completedForm } from '../tests/factories/casework';
import { testKeyring } from '../tests/factories/files';
import {
	adultInGermany,
	arubaEightYears,
	seventeenInCanada
} from '../tests/factories/registration';
import * as crypto from '$lib/server/crypto';
import { closeDatabase, useDatabase } from '$lib/server/db';
import * as registration from '$lib/server/registration';
import { RESULTS } from './support/app.mjs';
import { summariseProfile } from './support/profile.mjs';
import { kb, machine, ms, summarise, table, writeResults } from './support/stats.mjs';

const positional = process.argv.slice(2).filter((a) => !a.startsWith('--'));
const runs = Number(positional[0] ?? 200);
const warmup = Number(positional[1] ?? 20);
// --profile: afterwards, 50 more renderings of the first fixture under V8's profiler
// (node:inspector), and where their CPU time went.
const profile = process.argv.includes('--profile');

crypto.useKeyring(testKeyring());
const database = await openTestDatabase();
useDatabase(database);

// The most complete form: TK and EP with the EP declaration, a correspondence address in another
// country, phone, BSN, names and addresses outside ASCII (every glyph must be embedded).
const complete = answersOf(adultInGermany, {
	name: { first_names: 'Zoë Ødegård', surname: 'IJsselmeer-Çelik' },
	address: {
		address_line1: 'Müllerstraße 12',
		address_line2: '10115 Berlin',
		address_line3: 'Hinterhaus, 3. OG'
	},
	correspondence_choice: { value: 'yes' },
	correspondence_address: {
		address_line1: 'c/o Łukasz Wałęsa',
		address_line2: 'ul. Długa 5',
		address_line3: '00-238 Warszawa',
		country: 'PL'
	},
	bsn: { bsn: '123456782' }
});
const fixtures = [
	{
		name: 'adult in Germany, TK + EP, correspondence address, BSN',
		locale: 'en',
		answers: complete
	},
	{ name: 'the same, in Dutch', locale: 'nl', answers: complete },
	{
		name: '17 in Canada, TK, consular post',
		locale: 'nl',
		answers: answersOf(seventeenInCanada())
	},
	{ name: 'Aruba, EP, representation', locale: 'pap', answers: answersOf(arubaEightYears) }
];

const results = [];
for (const fixture of fixtures) {
	const { draftId } = await completedForm(database, {
		answers: fixture.answers,
		locale: fixture.locale
	});
	// completedForm gives the draft's id; the route is reached with the voter's token, so make a
	// token the service can find: the draft's own is only known to the factory.
	const token = await tokenFor(draftId);
	const times: number[] = [];
	const reads: number[] = [];
	let bytes = 0;
	let pages = 0;
	for (let i = 0; i < warmup + runs; i++) {
		const t0 = performance.now();
		const rendered = await registration.renderPdf(token, fixture.locale);
		const t1 = performance.now();
		await registration.resume(token);
		const t2 = performance.now();
		if (!rendered) throw new Error(`no PDF for ${fixture.name}`);
		if (i >= warmup) {
			times.push(t1 - t0);
			reads.push(t2 - t1);
		}
		if (i === 0) {
			bytes = rendered.pdf.byteLength;
			pages = (await PDFDocument.load(rendered.pdf)).getPageCount();
		}
	}
	const s = summarise(times);
	results.push({ ...fixture, answers: undefined, bytes, pages, ...s, draftRead: summarise(reads) });
	console.error(
		`${fixture.name} (${fixture.locale}): p50 ${ms(s.p50)} ms, p95 ${ms(s.p95)} ms, ${kb(bytes)} KB`
	);
}

let profiled: ReturnType<typeof summariseProfile> | null = null;
if (profile) {
	const { draftId } = await completedForm(database, { answers: complete, locale: 'en' });
	const token = await tokenFor(draftId);
	const session = new inspector.Session();
	session.connect();
	const post = (method: string, params?: object) =>
		new Promise<unknown>((resolve, reject) =>
			session.post(method, params, (error, result) => (error ? reject(error) : resolve(result)))
		);
	await post('Profiler.enable');
	await post('Profiler.start');
	for (let i = 0; i < 50; i++) await registration.renderPdf(token, 'en');
	const { profile: cpu } = (await post('Profiler.stop')) as { profile: object };
	session.disconnect();
	const file = path.join(RESULTS, `pdf-${Date.now()}.cpuprofile`);
	mkdirSync(RESULTS, { recursive: true });
	writeFileSync(file, JSON.stringify(cpu));
	profiled = summariseProfile(file, 12);
}

await closeDatabase();

/** A fresh resume token for a draft (its hash replaces the one the factory stored). */
async function tokenFor(draftId: string): Promise<string> {
	const { randomBytes } = await import('node:crypto');
	const { eq } = await import('drizzle-orm');
	const { drafts } = await import('$lib/server/db/schema');
	const { hashToken } = await import('$lib/server/drafts');
	const token = randomBytes(32).toString('base64url');
	await database.db
		.update(drafts)
		.set({ tokenHash: hashToken(token) })
		.where(eq(drafts.id, draftId));
	return token;
}

const facts = machine();
console.log(
	`\n${facts.date.slice(0, 10)}, ${database.driver}, ${runs} calls per fixture after ${warmup} warm-up, ${facts.cpus} × ${facts.cpu}, Node ${facts.node}\n`
);
console.log(
	table(
		[
			'fixture',
			'lang',
			'pages',
			'size KB',
			'p50 ms',
			'p95 ms',
			'p99 ms',
			'max ms',
			'of which draft read p50'
		],
		results.map((r) => [
			r.name,
			r.locale,
			r.pages,
			kb(r.bytes),
			ms(r.p50),
			ms(r.p95),
			ms(r.p99),
			ms(r.max),
			ms(r.draftRead.p50, 2)
		]),
		['l', 'l', 'r', 'r', 'r', 'r', 'r', 'r', 'r']
	)
);
if (profiled) {
	console.log(
		`\nCPU profile of 50 renderings of the first fixture (${Math.round(profiled.busyMs)} ms busy), self time by place:\n`
	);
	console.log(
		table(
			['where', 'ms', 'share'],
			profiled.places.map((x) => [x.name, Math.round(x.ms), `${(100 * x.share).toFixed(1)}%`]),
			['l', 'r', 'r']
		)
	);
	console.log('\nTop functions by self time:\n');
	console.log(
		table(
			['function', 'ms', 'share'],
			profiled.functions.map((x) => [x.name, Math.round(x.ms), `${(100 * x.share).toFixed(1)}%`]),
			['l', 'r', 'r']
		)
	);
}
console.log(
	`\nRaw results: ${writeResults('pdf', { machine: facts, runs, warmup, driver: database.driver, results, profile: profiled })}`
);
