#!/usr/bin/env node
/**
 * `npm run audit:verify [-- --head <seq>:<hash>]`: verifies the hash chain of the audit log in the
 * configured database (DATABASE_URL, or the embedded PGlite under $DATA_DIR/pglite; stop the
 * portal first, PGlite is single-process). Exits 0 and prints the head when the chain is intact;
 * exits 1 naming the first broken sequence number otherwise; 2 when it cannot read the log.
 *
 * Note the printed head somewhere outside the database (a ticket, a signed e-mail) and pass it
 * with --head next time: that also detects the newest entries being deleted.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { verifyChain } from '../src/lib/server/audit/chain.js';

/** @typedef {import('../src/lib/server/audit/chain.js').StoredEntry} StoredEntry */

const COLUMNS = 'seq, at, actor, action, subject, details, prev_hash, hash';
const PAGE = `select ${COLUMNS} from audit_log where seq >= $1 order by seq limit $2`;

/**
 * @param {Record<string, unknown>} row
 * @returns {StoredEntry}
 */
function toEntry(row) {
	return {
		seq: Number(row.seq),
		at: row.at instanceof Date ? row.at : new Date(String(row.at)),
		actor: String(row.actor),
		action: String(row.action),
		subject: String(row.subject),
		details: typeof row.details === 'string' ? JSON.parse(row.details) : row.details,
		prevHash: String(row.prev_hash),
		hash: String(row.hash)
	};
}

/** @returns {Promise<{ readPage: (from: number, limit: number) => Promise<StoredEntry[]>, close: () => Promise<void>, where: string }>} */
async function open() {
	const url = process.env.DATABASE_URL;
	if (url) {
		const { default: postgres } = await import('postgres');
		const sql = postgres(url, { max: 1, onnotice: () => {} });
		return {
			where: `PostgreSQL ${new URL(url).host}${new URL(url).pathname}`,
			readPage: async (from, limit) =>
				(await sql.unsafe(PAGE, [from, limit])).map((row) => toEntry(row)),
			close: () => sql.end({ timeout: 5 })
		};
	}
	const dir = path.resolve(process.env.DATA_DIR ?? 'data', 'pglite');
	if (!existsSync(dir)) throw new Error(`No database at ${dir} (set DATABASE_URL or DATA_DIR)`);
	const { PGlite } = await import('@electric-sql/pglite');
	const client = await PGlite.create(dir);
	return {
		where: `PGlite ${dir}`,
		readPage: async (from, limit) =>
			(await client.query(PAGE, [from, limit])).rows.map((row) =>
				toEntry(/** @type {Record<string, unknown>} */ (row))
			),
		close: () => client.close()
	};
}

/** @param {string | undefined} value */
function parseHead(value) {
	if (!value) return undefined;
	const match = /^(\d+):([0-9a-f]{64})$/.exec(value);
	if (!match) throw new Error('--head must be <seq>:<64 hex digits>, as printed by this command');
	return { seq: Number(match[1]), hash: String(match[2]) };
}

async function main() {
	const { values } = parseArgs({ options: { head: { type: 'string' } } });
	let database;
	try {
		const expectHead = parseHead(values.head);
		database = await open();
		const result = await verifyChain(database.readPage, { expectHead });
		if (result.ok) {
			const head = result.head ? `${result.head.seq}:${result.head.hash}` : 'none (empty log)';
			console.log(`Audit chain intact in ${database.where}: ${result.entries} entries.`);
			console.log(`Head: ${head}`);
			return 0;
		}
		console.error(
			`Audit chain BROKEN in ${database.where} at sequence number ${result.brokenAt}: ${result.why} (${result.entries} entries verified before it).`
		);
		return 1;
	} catch (error) {
		console.error(`Cannot verify the audit log: ${error instanceof Error ? error.message : error}`);
		return 2;
	} finally {
		await database?.close();
	}
}

process.exitCode = await main();
