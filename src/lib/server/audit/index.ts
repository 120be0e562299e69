/**
 * The audit log: every decision and every view of a person's data (issue 3), append-only and
 * hash-chained. Each entry's hash is SHA-256 over the previous hash and the entry's canonical
 * JSON, so changing, inserting or deleting any stored row breaks verification.
 */
import { createHash } from 'node:crypto';
import { asc, desc, sql } from 'drizzle-orm';
import { db, type Db } from '$lib/server/db';
import { auditLog, type AuditEntry } from '$lib/server/db/schema';

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
export const GENESIS = '0'.repeat(64);

/** Canonical JSON: object keys sorted at every depth, so the hash does not depend on key order. */
export function canonical(value: unknown): string {
	if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
	if (value && typeof value === 'object') {
		const entries = Object.entries(value as Record<string, unknown>)
			.filter(([, v]) => v !== undefined)
			.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
		return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
	}
	return JSON.stringify(value ?? null);
}

export function hashEntry(
	prevHash: string,
	entry: { seq: number; at: Date; actor: string; action: string; subject: string; details: unknown }
): string {
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

export type Verification =
	{ ok: true; entries: number } | { ok: false; entries: number; brokenAt: number; why: string };

/** Walks the whole chain in order, in pages, recomputing every hash. */
export async function verify(pageSize = 5000): Promise<Verification> {
	const database = await db();
	let prevHash = GENESIS;
	let expectedSeq = 1;
	let count = 0;
	for (;;) {
		const rows: AuditEntry[] = await database
			.select()
			.from(auditLog)
			.where(sql`${auditLog.seq} >= ${expectedSeq}`)
			.orderBy(asc(auditLog.seq))
			.limit(pageSize);
		for (const row of rows) {
			if (row.seq !== expectedSeq)
				return { ok: false, entries: count, brokenAt: expectedSeq, why: 'missing entry' };
			if (row.prevHash !== prevHash)
				return {
					ok: false,
					entries: count,
					brokenAt: row.seq,
					why: 'previous hash does not match'
				};
			if (hashEntry(prevHash, row) !== row.hash)
				return {
					ok: false,
					entries: count,
					brokenAt: row.seq,
					why: 'content does not match its hash'
				};
			prevHash = row.hash;
			expectedSeq++;
			count++;
		}
		if (rows.length < pageSize) return { ok: true, entries: count };
	}
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
