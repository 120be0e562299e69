/**
 * Population-register (BRP) imports (issue 3 item 7; docs/brp-import.md). A file of changes is
 * checked whole (all or nothing), then applied in chunks: per chunk one query finds the
 * registrations by their BSN's blind index, the domain decides each change (KW D 6), and one
 * transaction writes the registrations, their types, the decisions (KW D 7(2)), the notices
 * (KB D 10) and the audit entries. Sized for 10,000 changes per file.
 */
import { randomUUID } from 'node:crypto';
import { asc, desc, eq, inArray, sql } from 'drizzle-orm';
import {
	ELECTION_TYPES,
	amsterdamDay,
	appealRoute,
	applyBrpDecision,
	classifyResidence,
	decideBrpChange,
	type BrpChange,
	type BrpDecision,
	type BrpRegistrationState,
	type ElectionType,
	type IsoDate
} from '$lib/domain';
import * as audit from '$lib/server/audit';
import * as config from '$lib/server/config';
import * as crypto from '$lib/server/crypto';
import { db, type Db } from '$lib/server/db';
import {
	accounts,
	brpImports,
	decisions,
	registrations,
	registrationTypes,
	type BrpImport,
	type BrpImportSummary,
	type PostalAddress,
	type Registration,
	type RegistrationType
} from '$lib/server/db/schema';
import * as notices from '$lib/server/notices';
import {
	MAX_BYTES,
	checkFile,
	detectFormat,
	type BrpFormat,
	type FileError,
	type RowError
} from './parse';

export {
	FILE_ERROR_CODES,
	MAX_BYTES,
	MAX_ROWS,
	STRUCTURE_ERROR_CODES,
	detectFormat,
	type BrpFormat,
	type FileError,
	type RowError
} from './parse';
export type { BrpImport, BrpImportSummary };

/** Rows per transaction: short enough not to hold other decisions up for long. */
export const CHUNK_SIZE = 500;

export type ImportInput = {
	format: BrpFormat;
	content: string;
	/** The admin who imports: the decisions are theirs. */
	staffId: string;
	now?: Date;
};

export type ImportResult =
	| { ok: true; id: string; total: number; summary: BrpImportSummary }
	| { ok: false; id: string; total: number; fileErrors: FileError[]; rowErrors: RowError[] };

/**
 * The BSN's blind index (crypto.blindIndex, as registrations store it). The import accepts only
 * nine digits, so the BSN needs no other normalisation here.
 */
export const bsnIndexOf = (bsn: string) => crypto.blindIndex(bsn);

const emptySummary = (status: BrpImportSummary['status']): BrpImportSummary => ({
	status,
	applied: { removed: 0, types_ended: 0, changed: 0 },
	skipped: { brp_not_registered: 0, brp_already_removed: 0, brp_superseded: 0, brp_no_change: 0 },
	invalid: 0,
	notices: { email: 0, letter: 0, none: 0 },
	skippedRows: {}
});

const staffActor = (staffId: string) => `staff:${staffId}`;

/**
 * Checks and applies a file of BRP changes. An invalid file is recorded (rejected, nothing
 * applied) and its errors returned; a valid one is applied chunk by chunk, its summary kept up to
 * date in `brp_imports` so an interrupted import shows how far it got.
 */
export async function importBatch(input: ImportInput): Promise<ImportResult> {
	const now = input.now ?? new Date();
	const today = amsterdamDay(now);
	const checked = checkFile(input.format, input.content, today);
	const database = await db();
	const id = randomUUID();

	if (!checked.ok) {
		const summary = emptySummary('rejected');
		summary.invalid = new Set(checked.rowErrors.map((e) => e.row)).size;
		await database.transaction(async (t) => {
			const tx = t as unknown as Db;
			await tx.insert(brpImports).values({
				id,
				importedBy: input.staffId,
				importedAt: now,
				format: input.format,
				total: checked.total,
				summary
			});
			await audit.record(
				{
					actor: staffActor(input.staffId),
					action: 'brp.import_rejected',
					subject: `brp_import:${id}`,
					details: {
						total: checked.total,
						invalidRows: summary.invalid,
						fileErrors: checked.fileErrors.map((e) => e.code)
					}
				},
				tx
			);
		});
		return {
			ok: false,
			id,
			total: checked.total,
			fileErrors: checked.fileErrors,
			rowErrors: checked.rowErrors
		};
	}

	const summary = emptySummary('running');
	await database.insert(brpImports).values({
		id,
		importedBy: input.staffId,
		importedAt: now,
		format: input.format,
		total: checked.rows.length,
		summary
	});
	const context: Context = {
		importId: id,
		staffId: input.staffId,
		now,
		today,
		appealBy: appealRoute(today, config.appealTermWeeks()).appealBy,
		summary
	};
	for (let i = 0; i < checked.rows.length; i += CHUNK_SIZE) {
		const chunk = checked.rows.slice(i, i + CHUNK_SIZE);
		await database.transaction(async (t) => {
			const tx = t as unknown as Db;
			await applyChunk(tx, chunk, context);
			await tx.update(brpImports).set({ summary }).where(eq(brpImports.id, id));
		});
	}
	summary.status = 'applied';
	await database.transaction(async (t) => {
		const tx = t as unknown as Db;
		await tx.update(brpImports).set({ summary }).where(eq(brpImports.id, id));
		await audit.record(
			{
				actor: staffActor(input.staffId),
				action: 'brp.imported',
				subject: `brp_import:${id}`,
				details: {
					total: checked.rows.length,
					applied: summary.applied,
					skipped: summary.skipped,
					notices: summary.notices
				}
			},
			tx
		);
	});
	return { ok: true, id, total: checked.rows.length, summary };
}

type Context = {
	importId: string;
	staffId: string;
	now: Date;
	today: IsoDate;
	appealBy: IsoDate;
	summary: BrpImportSummary;
};

/** A registration as the chunk holds it: the row read, and the state the changes so far left. */
type Held = {
	row: Registration;
	types: RegistrationType[];
	state: BrpRegistrationState;
	/** The date of death the BRP reported in this chunk, if it did. */
	deceasedOn: IsoDate | null;
	dirty: boolean;
};

const ORDER = ELECTION_TYPES;

function stateOf(row: Registration, types: RegistrationType[]): BrpRegistrationState {
	const open = types.filter((t) => t.endedOn === null).map((t) => t.type);
	const country = row.residentialAddress.country;
	return {
		status: row.status,
		types: types.map((t) => ({ type: t.type, startsOn: t.startsOn, endedOn: t.endedOn })),
		residentialAddress: row.residentialAddress,
		hasCorrespondenceAddress: row.correspondenceAddress !== null,
		hasEmail: Boolean(row.email),
		// Living in Aruba, Curaçao or Sint Maarten and registered for TK or KNI there: the office
		// checked ten years' residence or public service when it registered them (KW B 1(2),
		// Pa 2(2)); the registration keeps no separate flag for it.
		caribbeanConditionMet:
			classifyResidence(country) === 'caribbean' && open.some((t) => t !== 'EP'),
		deceased: row.deceasedOn !== null,
		lastBrpChangeOn: row.brpChangedOn
	};
}

/** Of several registrations with one BSN (a removed one and a later one), the active, newest. */
function prefer(a: Registration, b: Registration): Registration {
	if (a.status !== b.status) return a.status === 'active' ? a : b;
	return a.createdAt >= b.createdAt ? a : b;
}

async function applyChunk(
	tx: Db,
	chunk: { row: number; bsn: string; change: BrpChange }[],
	context: Context
): Promise<void> {
	const indexOf = new Map<string, string>();
	for (const { bsn } of chunk) if (!indexOf.has(bsn)) indexOf.set(bsn, bsnIndexOf(bsn));

	// One query for the chunk's registrations, locked (in id order, so two imports never deadlock)
	// until this transaction commits: a change is never decided twice at once.
	const found = await tx
		.select()
		.from(registrations)
		.where(inArray(registrations.bsnIndex, [...new Set(indexOf.values())]))
		.orderBy(asc(registrations.id))
		.for('update');
	const byIndex = new Map<string, Registration>();
	for (const row of found) {
		const other = byIndex.get(row.bsnIndex!);
		byIndex.set(row.bsnIndex!, other ? prefer(other, row) : row);
	}
	const chosen = [...byIndex.values()];
	const typeRows =
		chosen.length === 0
			? []
			: await tx
					.select()
					.from(registrationTypes)
					.where(
						inArray(
							registrationTypes.registrationId,
							chosen.map((r) => r.id)
						)
					);
	const held = new Map<string, Held>();
	for (const row of chosen) {
		const types = typeRows
			.filter((t) => t.registrationId === row.id)
			.sort((a, b) => ORDER.indexOf(a.type) - ORDER.indexOf(b.type));
		held.set(row.bsnIndex!, {
			row,
			types,
			state: stateOf(row, types),
			deceasedOn: null,
			dirty: false
		});
	}

	const decisionRows: (typeof decisions.$inferInsert)[] = [];
	const ended: { registrationId: string; type: ElectionType; reason: string }[] = [];
	const toNotify: { decision: notices.NoticeDecision; person: notices.NoticePerson }[] = [];
	const entries: audit.AuditRecord[] = [];
	const { summary } = context;

	for (const { row: line, bsn, change } of chunk) {
		const entry = held.get(indexOf.get(bsn)!);
		const decision = decideBrpChange(entry?.state ?? null, change);
		if (decision.action === 'skip') {
			const code = decision.reason.code;
			summary.skipped[code] = (summary.skipped[code] ?? 0) + 1;
			(summary.skippedRows[code] ??= []).push(line);
			continue;
		}
		const current = entry!;
		const before = current.state;
		current.state = applyBrpDecision(before, decision, context.today);
		current.dirty = true;
		if (decision.deceasedOn) current.deceasedOn = decision.deceasedOn;
		for (const type of decision.endTypes) {
			ended.push({ registrationId: current.row.id, type, reason: decision.endReason! });
		}

		const id = randomUUID();
		const types = typesOf(decision, current.state);
		const reasons = decision.reasons.map((r) => ({
			code: r.code,
			...(r.params ? { params: r.params } : {}),
			basis: r.basis.map((b) => ({ code: b.code, url: b.url }))
		}));
		decisionRows.push({
			id,
			origin: 'brp',
			outcome: decision.outcome,
			registrationId: current.row.id,
			brpImportId: context.importId,
			types,
			reasons,
			decidedBy: context.staffId,
			decidedAt: context.now,
			appealBy: context.appealBy,
			notice: decision.notice.channel,
			locale: current.row.locale
		});
		toNotify.push({
			decision: {
				id,
				outcome: decision.outcome,
				decidedOn: context.today,
				reference: null,
				types,
				reasons,
				remarks: '',
				appealBy: context.appealBy
			},
			person: personOf(current.row, current.state, decision)
		});
		entries.push({
			actor: staffActor(context.staffId),
			action: 'decision.made',
			subject: `registration:${current.row.id}`,
			details: {
				decision: id,
				origin: 'brp',
				import: context.importId,
				row: line,
				outcome: decision.outcome,
				types,
				reasons: reasons.map((r) => r.code),
				notice: decision.notice.channel
			}
		});
		summary.applied[decision.outcome] = (summary.applied[decision.outcome] ?? 0) + 1;
		summary.notices[decision.notice.channel] = (summary.notices[decision.notice.channel] ?? 0) + 1;
	}

	await writeRegistrations(
		tx,
		[...held.values()].filter((h) => h.dirty)
	);
	await endTypes(tx, ended, context.today);
	for (let i = 0; i < decisionRows.length; i += 250) {
		await tx.insert(decisions).values(decisionRows.slice(i, i + 250));
	}
	await notices.notifyAll(tx, toNotify);
	await audit.recordMany(entries, tx);
}

/**
 * The decision's types as a notice reads them (notices.NoticeDecision): each type that ended is
 * null, each type still held has its start day.
 */
function typesOf(decision: BrpDecision & { action: 'apply' }, after: BrpRegistrationState) {
	const types: Record<string, string | null> = {};
	for (const t of after.types) {
		if (decision.endTypes.includes(t.type)) types[t.type] = null;
		else if (t.endedOn === null) types[t.type] = t.startsOn;
	}
	return types;
}

/** The addressee as the registration holds them after the change; nobody after death. */
function personOf(
	row: Registration,
	state: BrpRegistrationState,
	decision: BrpDecision & { action: 'apply' }
): notices.NoticePerson {
	return {
		firstNames: row.firstNames,
		surname: row.surname,
		// The channel is the domain's (KB D 10, MvT §3.3): e-mail where on record, else a letter.
		email: decision.notice.channel === 'email' ? row.email : null,
		residentialAddress: state.residentialAddress,
		correspondenceAddress: row.correspondenceAddress,
		locale: row.locale,
		deceasedOn: decision.deceasedOn ?? row.deceasedOn
	};
}

/** One statement for the chunk's registrations: status, address, death, last BRP change. */
async function writeRegistrations(tx: Db, changed: Held[]): Promise<void> {
	if (changed.length === 0) return;
	const values = sql.join(
		changed.map(
			({ row, state, deceasedOn }) =>
				sql`(${row.id}::uuid, ${state.status}::registration_status, ${JSON.stringify(
					state.residentialAddress
				)}::jsonb, ${deceasedOn}::date, ${state.lastBrpChangeOn}::date)`
		),
		sql`, `
	);
	await tx.execute(sql`
		update ${registrations} as r
		set status = v.status,
			residential_address = v.address,
			deceased_on = coalesce(r.deceased_on, v.deceased_on),
			brp_changed_on = v.changed_on,
			updated_at = now()
		from (values ${values}) as v (id, status, address, deceased_on, changed_on)
		where r.id = v.id`);
}

/** One statement for the types that end, on the day of the decision (KW D 7(2)). */
async function endTypes(
	tx: Db,
	ended: { registrationId: string; type: ElectionType; reason: string }[],
	today: IsoDate
): Promise<void> {
	if (ended.length === 0) return;
	const values = sql.join(
		ended.map((e) => sql`(${e.registrationId}::uuid, ${e.type}::election_type, ${e.reason}::text)`),
		sql`, `
	);
	await tx.execute(sql`
		update ${registrationTypes} as t
		set ended_on = ${today}::date, end_reason = v.reason
		from (values ${values}) as v (registration_id, type, reason)
		where t.registration_id = v.registration_id and t.type = v.type and t.ended_on is null`);
}

export type UploadResult =
	| ImportResult
	| { ok: false; missing: true }
	| { ok: false; id: null; total: 0; fileErrors: FileError[]; rowErrors: RowError[] };

/**
 * An uploaded file (a form's File) imported by an admin: CSV or JSON by its name or first
 * character. No file, or an empty one, is `missing`; one over MAX_BYTES is refused unread.
 */
export async function importUpload(
	file: FormDataEntryValue | null,
	staffId: string,
	now = new Date()
): Promise<UploadResult & { fileName?: string }> {
	if (!(file instanceof File) || file.size === 0) return { ok: false, missing: true };
	if (file.size > MAX_BYTES) {
		return {
			ok: false,
			id: null,
			total: 0,
			fileErrors: [{ code: 'too_large' }],
			rowErrors: [],
			fileName: file.name
		};
	}
	const content = await file.text();
	const format = detectFormat(file.name, content);
	return { ...(await importBatch({ format, content, staffId, now })), fileName: file.name };
}

/** An import as the office lists it: who imported it, by name. */
export type ImportView = BrpImport & { importedByName: string | null };

const withName = {
	id: brpImports.id,
	importedBy: brpImports.importedBy,
	importedAt: brpImports.importedAt,
	format: brpImports.format,
	total: brpImports.total,
	summary: brpImports.summary,
	importedByName: accounts.displayName
};

/** Earlier imports, newest first. */
export async function list(limit = 50): Promise<ImportView[]> {
	return (await db())
		.select(withName)
		.from(brpImports)
		.leftJoin(accounts, eq(accounts.id, brpImports.importedBy))
		.orderBy(desc(brpImports.importedAt))
		.limit(limit);
}

export async function get(id: string): Promise<ImportView | null> {
	if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(id)) return null;
	const [row] = await (
		await db()
	)
		.select(withName)
		.from(brpImports)
		.leftJoin(accounts, eq(accounts.id, brpImports.importedBy))
		.where(eq(brpImports.id, id));
	return row ?? null;
}

export type { PostalAddress };
