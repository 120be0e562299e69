/**
 * The audit log: every decision and every view of a person's data (issue 3), append-only and
 * hash-chained. Each entry's hash is SHA-256 over the previous hash and the entry's canonical
 * JSON, so changing, inserting or deleting any stored row breaks verification.
 */
import { asc, desc, gte, sql } from 'drizzle-orm';
import { db, type Db } from '$lib/server/db';
import { auditLog, type AuditEntry } from '$lib/server/db/schema';
import { GENESIS, hashEntry, verifyChain, type Head, type Verification } from './chain.js';

export { canonical, GENESIS, hashEntry } from './chain.js';
export type { Head, Verification };

export type { AuditEntry };

export type AuditRecord = {
	/** Who: `staff:<account id>`, `voter:<account id>`, `system:brp`, `anonymous`. */
	actor: string;
	/** What, as a dotted verb: `application.received`, `registration.viewed`, `decision.made`. */
	action: string;
	/** Whose data or which object: `registration:<id>`, `application:<reference>`. */
	subject: string;
	details?: Record<string, unknown>;
};

// Serialises appends across all app processes: the chain needs one "previous" at a time.
const AUDIT_LOCK = 72_410_002;

/**
 * Appends an entry. Pass the transaction that makes the change being audited, so the change and
 * its audit entry commit together or not at all.
 */
export async function record(entry: AuditRecord, tx?: Db): Promise<void> {
	if (!tx) {
		await (await db()).transaction((t) => record(entry, t as unknown as Db));
		return;
	}
	await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
	const [last] = await tx
		.select({ seq: auditLog.seq, hash: auditLog.hash })
		.from(auditLog)
		.orderBy(desc(auditLog.seq))
		.limit(1);
	const seq = (last?.seq ?? 0) + 1;
	const prevHash = last?.hash ?? GENESIS;
	// Millisecond precision, so the instant read back is the instant hashed.
	const at = new Date(Math.floor(Date.now()));
	const details = entry.details ?? {};
	const hash = hashEntry(prevHash, { seq, at, ...entry, details });
	await tx.insert(auditLog).values({ seq, at, ...entry, details, prevHash, hash });
}

/**
 * Walks the whole chain in order, in pages, recomputing every hash. With `expectHead` (a seq and
 * hash noted earlier, outside the database) it also detects the newest entries being deleted.
 */
export async function verify(options: { pageSize?: number; expectHead?: Head } = {}) {
	const database = await db();
	return verifyChain(
		(fromSeq, limit): Promise<AuditEntry[]> =>
			database
				.select()
				.from(auditLog)
				.where(gte(auditLog.seq, fromSeq))
				.orderBy(asc(auditLog.seq))
				.limit(limit),
		options
	);
}

/**
 * Appends several entries, in order, under one lock: a batch of decisions (a population-register
 * import) gets one entry per decision without taking the lock and reading the chain's end for
 * each. Pass the transaction that makes the changes.
 */
export async function recordMany(entries: AuditRecord[], tx: Db): Promise<void> {
	if (entries.length === 0) return;
	await tx.execute(sql`select pg_advisory_xact_lock(${AUDIT_LOCK})`);
	const [last] = await tx
		.select({ seq: auditLog.seq, hash: auditLog.hash })
		.from(auditLog)
		.orderBy(desc(auditLog.seq))
		.limit(1);
	let seq = last?.seq ?? 0;
	let prevHash = last?.hash ?? GENESIS;
	const at = new Date(Math.floor(Date.now()));
	const rows = entries.map((entry) => {
		seq++;
		const details = entry.details ?? {};
		const hash = hashEntry(prevHash, { seq, at, ...entry, details });
		const row = { seq, at, ...entry, details, prevHash, hash };
		prevHash = hash;
		return row;
	});
	// A few hundred rows per statement keeps every insert well under the bind-parameter limit.
	for (let i = 0; i < rows.length; i += 500) {
		await tx.insert(auditLog).values(rows.slice(i, i + 500));
	}
}
