/**
 * The hash chain of the audit log, in plain ESM JavaScript with JSDoc types: the TypeScript service
 * (`./index.ts`) and the command `npm run audit:verify` (`scripts/audit-verify.mjs`, run by Node
 * without a build step) share this one definition of how an entry is hashed and how the chain is
 * checked.
 *
 * Each entry's hash is SHA-256 over the previous entry's hash and the entry's canonical JSON, so
 * changing, inserting or deleting a stored row breaks verification at that row. Deleting the
 * newest rows leaves a shorter chain that is still intact: that is detected by comparing with a
 * head (seq and hash) noted down earlier, outside the database (`expectHead`).
 */
import { createHash } from 'node:crypto';

/** The "previous hash" of the first entry. */
export const GENESIS = '0'.repeat(64);

/**
 * @typedef {{ seq: number, at: Date, actor: string, action: string, subject: string, details: unknown }} ChainEntry
 * @typedef {ChainEntry & { prevHash: string, hash: string }} StoredEntry
 * @typedef {{ seq: number, hash: string }} Head
 * @typedef {{ ok: true, entries: number, head: Head | null }
 *   | { ok: false, entries: number, brokenAt: number, why: string }} Verification
 */

/**
 * Canonical JSON: object keys sorted at every depth, undefined members left out, so the hash does
 * not depend on key order (PostgreSQL's jsonb does not keep it).
 * @param {unknown} value
 * @returns {string}
 */
export function canonical(value) {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
	}
	return JSON.stringify(value ?? null);
}

/**
 * @param {string} prevHash
 * @param {ChainEntry} entry
 * @returns {string} hex SHA-256
 */
export function hashEntry(prevHash, entry) {
	const body = canonical({
		seq: entry.seq,
		at: entry.at.toISOString(),
		actor: entry.actor,
		action: entry.action,
		subject: entry.subject,
		details: entry.details
	});
	return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}

/**
 * Walks the whole chain in order, a page at a time, recomputing every hash. `readPage(fromSeq,
 * limit)` returns the stored entries with seq >= fromSeq in ascending order.
 *
 * @param {(fromSeq: number, limit: number) => Promise<StoredEntry[]>} readPage
 * @param {{ pageSize?: number, expectHead?: Head }} [options]
 * @returns {Promise<Verification>}
 */
export async function verifyChain(readPage, options = {}) {
	const pageSize = options.pageSize ?? 5000;
	const expectHead = options.expectHead;
	let prevHash = GENESIS;
	let expectedSeq = 1;
	let count = 0;
	/** @param {number} brokenAt @param {string} why @returns {Verification} */
	const broken = (brokenAt, why) => ({ ok: false, entries: count, brokenAt, why });
	for (;;) {
		const rows = await readPage(expectedSeq, pageSize);
		for (const row of rows) {
			// A gap: the row that should be here was deleted.
			if (row.seq !== expectedSeq) return broken(expectedSeq, 'missing entry');
			if (row.prevHash !== prevHash) return broken(row.seq, 'previous hash does not match');
			if (hashEntry(prevHash, row) !== row.hash)
				return broken(row.seq, 'content does not match its hash');
			if (expectHead && row.seq === expectHead.seq && row.hash !== expectHead.hash)
				return broken(row.seq, 'differs from the head noted earlier');
			prevHash = row.hash;
			expectedSeq++;
			count++;
		}
		if (rows.length < pageSize) break;
	}
	if (expectHead && expectHead.seq >= expectedSeq) {
		return broken(expectedSeq, 'entries after this one were deleted (head noted earlier is gone)');
	}
	return { ok: true, entries: count, head: count ? { seq: count, hash: prevHash } : null };
}
