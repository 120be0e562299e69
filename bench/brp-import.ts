/**
 * How long a batch of 10,000 population-register changes takes (issue 3), on the embedded PGlite
 * or, with DATABASE_URL, on a fresh database of that PostgreSQL server. The batch is the one the
 * database test checks (tests/factories/brp.ts: every kind of change, registrations of every
 * shape, 1% unknown BSNs). Prints one Markdown table row per run for bench/README.md.
 *
 *   npx tsx --tsconfig .svelte-kit/tsconfig.json bench/brp-import.ts [changes] [runs]
 */
import os from 'node:os';
import { openTestDatabase } from '../tests/db/database';
import { brpBatch, insertRegistrations } from '../tests/factories/brp';
import { staffAccount } from '../tests/factories/casework';
import { testKeyring } from '../tests/factories/files';
import * as brp from '$lib/server/brp';
import * as crypto from '$lib/server/crypto';
import { closeDatabase, useDatabase } from '$lib/server/db';

const n = Number(process.argv[2] ?? 10_000);
const runs = Number(process.argv[3] ?? 3);
const seconds = (ms: number) => (ms / 1000).toFixed(1);

crypto.useKeyring(testKeyring());
const batch = brpBatch(n);
const results: { first: number; again: number; applied: number }[] = [];
let driver = '';
for (let run = 0; run < runs; run++) {
	// A fresh database per run: the first import of a run applies the whole batch.
	const database = await openTestDatabase();
	useDatabase(database);
	driver = database.driver;
	const staffId = await staffAccount(database, ['admin']);
	await insertRegistrations(database.db, batch.all);
	const t0 = performance.now();
	const first = await brp.importBatch({ format: 'csv', content: batch.csv, staffId });
	const t1 = performance.now();
	// The same file again: every row found and skipped (nothing applied twice).
	await brp.importBatch({ format: 'csv', content: batch.csv, staffId });
	const t2 = performance.now();
	if (!first.ok) throw new Error('the batch was rejected');
	const applied = Object.values(first.summary.applied).reduce((a, b) => a + b, 0);
	results.push({ first: t1 - t0, again: t2 - t1, applied });
	console.error(
		`run ${run + 1}: ${seconds(t1 - t0)} s (${applied} applied), again ${seconds(t2 - t1)} s`
	);
	await closeDatabase();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const cpu = os.cpus()[0]?.model.trim() ?? 'unknown CPU';
console.log(
	`| ${new Date().toISOString().slice(0, 10)} | ${driver} | ${n} | ${results[0]!.applied} | ` +
		`${seconds(median(results.map((r) => r.first)))} s | ` +
		`${seconds(median(results.map((r) => r.again)))} s | ${runs} | ` +
		`${os.cpus().length} × ${cpu}, ${Math.round(os.totalmem() / 2 ** 30)} GB, Node ${process.version} |`
);
