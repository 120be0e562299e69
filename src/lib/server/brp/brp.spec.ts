import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, inArray } from 'drizzle-orm';
import { withTestDatabase } from '../../../../tests/db/database';
import {
	bsnSeries,
	insertRegistrations,
	toCsv,
	toJson,
	type RegistrationSpec,
	type Row
} from '../../../../tests/factories/brp';
import { staffAccount } from '../../../../tests/factories/casework';
import { testKeyring } from '../../../../tests/factories/files';
import type { Database } from '$lib/server/db';
import * as audit from '$lib/server/audit';
import * as crypto from '$lib/server/crypto';
import {
	auditLog,
	brpImports,
	decisions,
	outbox,
	registrations,
	registrationTypes
} from '$lib/server/db/schema';
import * as brp from './index';

// A weekday in Den Haag, so the day of the decision is known.
const NOW = new Date('2026-11-20T10:00:00Z');
const TODAY = '2026-11-20';
const BERLIN = { lines: ['Hauptstraße 1', '10115 Berlin'], country: 'DE' };
const POST_BOX = { lines: ['Postfach 12', '80331 München'], country: 'DE' };

let database: Database;
let close: () => Promise<void>;
let staffId: string;
const bsns = bsnSeries(200, 91_000_000);
let next = 0;
const bsn = () => bsns[next++]!;

beforeAll(async () => {
	crypto.useKeyring(testKeyring());
	({ database, close } = await withTestDatabase());
	staffId = await staffAccount(database, ['admin']);
});
afterAll(async () => {
	await close();
	crypto.useKeyring(undefined);
});

/** Registers one person and returns their id and BSN. */
async function person(spec: Partial<RegistrationSpec> = {}) {
	const number = spec.bsn ?? bsn();
	const [id] = await insertRegistrations(database.db, [
		{ types: ['TK', 'EP', 'KNI'], address: BERLIN, ...spec, bsn: number }
	]);
	return { id: id!, bsn: number };
}

const importCsv = (rows: Row[], now = NOW) =>
	brp.importBatch({ format: 'csv', content: toCsv(rows), staffId, now });

async function stateOf(id: string) {
	const [registration] = await database.db
		.select()
		.from(registrations)
		.where(eq(registrations.id, id));
	const types = await database.db
		.select()
		.from(registrationTypes)
		.where(eq(registrationTypes.registrationId, id));
	const made = await database.db.select().from(decisions).where(eq(decisions.registrationId, id));
	const mail = made.length
		? await database.db
				.select()
				.from(outbox)
				.where(
					inArray(
						outbox.decisionId,
						made.map((d) => d.id)
					)
				)
		: [];
	const byType = Object.fromEntries(types.map((t) => [t.type, t]));
	return { registration: registration!, byType, decisions: made, mail };
}

describe('importBatch', () => {
	it('removes someone who settled in the Netherlands: decision, e-mail notice in their language, audit', async () => {
		const p = await person({ locale: 'de' });
		const result = await importCsv([
			{ bsn: p.bsn, change: 'settled_in_netherlands', effective_date: '2026-11-02', country: 'NL' }
		]);
		expect(result).toMatchObject({
			ok: true,
			total: 1,
			summary: {
				status: 'applied',
				applied: { removed: 1, types_ended: 0, changed: 0 },
				notices: { email: 1, letter: 0, none: 0 }
			}
		});
		const s = await stateOf(p.id);
		expect(s.registration).toMatchObject({ status: 'removed', brpChangedOn: '2026-11-02' });
		for (const type of ['TK', 'EP', 'KNI']) {
			expect(s.byType[type]).toMatchObject({
				endedOn: TODAY,
				endReason: 'brp_settled_in_netherlands'
			});
		}
		expect(s.decisions).toHaveLength(1);
		expect(s.decisions[0]).toMatchObject({
			origin: 'brp',
			outcome: 'removed',
			brpImportId: result.id,
			decidedBy: staffId,
			types: { TK: null, EP: null, KNI: null },
			notice: 'email',
			locale: 'de',
			appealBy: '2027-01-01'
		});
		expect(s.decisions[0]!.reasons[0]).toMatchObject({
			code: 'brp_settled_in_netherlands',
			params: { effectiveOn: '2026-11-02', country: 'NL' },
			basis: expect.arrayContaining([expect.objectContaining({ code: 'KW D 6(3)' })])
		});
		expect(s.mail).toHaveLength(1);
		expect(s.mail[0]).toMatchObject({
			channel: 'email',
			recipient: expect.any(String),
			locale: 'de'
		});
		// The notice states the reasons and the appeal to the Raad van State (KW D 8), in German.
		expect(s.mail[0]!.text).toContain('Melderegister');
		expect(s.mail[0]!.text).toContain('Staatsrat');
		const entries = await database.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.subject, `registration:${p.id}`));
		expect(entries).toHaveLength(1);
		expect(entries[0]).toMatchObject({
			actor: `staff:${staffId}`,
			action: 'decision.made',
			details: { origin: 'brp', import: result.id, outcome: 'removed', notice: 'email', row: 2 }
		});
		expect(JSON.stringify(entries[0]!.details)).not.toContain(p.bsn);
		expect(await audit.verify()).toMatchObject({ ok: true });
	});

	it('removes someone who died, records the date, and sends nothing (KB D 10)', async () => {
		const p = await person({ email: null, correspondence: POST_BOX });
		const result = await importCsv([{ bsn: p.bsn, change: 'died', effective_date: '2026-10-30' }]);
		expect(result).toMatchObject({
			ok: true,
			summary: { notices: { none: 1, email: 0, letter: 0 } }
		});
		const s = await stateOf(p.id);
		expect(s.registration).toMatchObject({ status: 'removed', deceasedOn: '2026-10-30' });
		expect(s.decisions[0]).toMatchObject({ outcome: 'removed', notice: 'none' });
		expect(s.mail).toEqual([]);
	});

	it('removes on lost nationality and on exclusion, by letter where there is no e-mail', async () => {
		const a = await person({ email: null });
		const b = await person({ email: null, correspondence: POST_BOX });
		await importCsv([
			{ bsn: a.bsn, change: 'lost_nationality', effective_date: '2026-09-01' },
			{ bsn: b.bsn, change: 'excluded_from_voting', effective_date: '2026-09-01' }
		]);
		const sa = await stateOf(a.id);
		expect(sa.registration.status).toBe('removed');
		expect(sa.byType.EP).toMatchObject({ endReason: 'brp_lost_nationality' });
		expect(sa.mail).toMatchObject([{ channel: 'letter', postalAddress: BERLIN }]);
		const sb = await stateOf(b.id);
		expect(sb.byType.TK).toMatchObject({ endReason: 'brp_excluded_from_voting' });
		// The correspondence address wins for the letter too.
		expect(sb.mail).toMatchObject([{ channel: 'letter', postalAddress: POST_BOX }]);
	});

	it('updates the address; papers keep going to the correspondence address (MvT §3.5)', async () => {
		const p = await person({ correspondence: POST_BOX, email: null });
		const paris = { lines: ['12 rue de la Paix', '75002 Paris'], country: 'FR' };
		await importCsv([
			{
				bsn: p.bsn,
				change: 'new_address',
				effective_date: '2026-11-01',
				country: 'FR',
				address_line_1: paris.lines[0],
				address_line_2: paris.lines[1]
			}
		]);
		const s = await stateOf(p.id);
		expect(s.registration).toMatchObject({
			status: 'active',
			residentialAddress: paris,
			correspondenceAddress: POST_BOX
		});
		expect(Object.values(s.byType).every((t) => t.endedOn === null)).toBe(true);
		expect(s.decisions[0]).toMatchObject({
			outcome: 'changed',
			types: { TK: '2025-01-06', EP: '2025-01-06', KNI: '2025-01-06' }
		});
		expect(s.decisions[0]!.reasons.map((r) => r.code)).toEqual([
			'brp_new_address',
			'brp_papers_to_correspondence_address'
		]);
		expect(s.mail).toMatchObject([{ channel: 'letter', postalAddress: POST_BOX }]);
	});

	it('keeps EP and ends TK and KNI after a move to Curaçao', async () => {
		const p = await person({ locale: 'pap' });
		const result = await importCsv([
			{
				bsn: p.bsn,
				change: 'moved_to_caribbean',
				effective_date: '2026-10-01',
				country: 'CW',
				address_line_1: 'Kaya Grandi 12',
				address_line_2: 'Willemstad'
			}
		]);
		expect(result).toMatchObject({ ok: true, summary: { applied: { types_ended: 1 } } });
		const s = await stateOf(p.id);
		expect(s.registration.status).toBe('active');
		expect(s.byType.EP!.endedOn).toBeNull();
		expect(s.byType.TK).toMatchObject({ endedOn: TODAY, endReason: 'brp_caribbean_types_ended' });
		expect(s.byType.KNI).toMatchObject({ endedOn: TODAY });
		expect(s.decisions[0]!.types).toEqual({ TK: null, EP: '2025-01-06', KNI: null });
		expect(s.mail[0]).toMatchObject({ channel: 'email', locale: 'pap' });
	});

	it('keeps every type after a move to Aruba when the BRP knows of ten years in the Netherlands', async () => {
		const p = await person();
		await importCsv([
			{
				bsn: p.bsn,
				change: 'moved_to_caribbean',
				effective_date: '2026-10-01',
				country: 'AW',
				address_line_1: 'L.G. Smith Blvd 1',
				ten_years: 'true'
			}
		]);
		const s = await stateOf(p.id);
		expect(Object.values(s.byType).map((t) => t.endedOn)).toEqual([null, null, null]);
		expect(s.decisions[0]!.outcome).toBe('changed');
	});

	it('skips, with reasons and rows, changes it cannot apply', async () => {
		const removed = await person({ status: 'removed' });
		const [stranger] = bsnSeries(1, 99_000_000);
		const result = await importCsv([
			{ bsn: stranger, change: 'died', effective_date: '2026-11-01' },
			{ bsn: removed.bsn, change: 'lost_nationality', effective_date: '2026-11-01' }
		]);
		expect(result).toMatchObject({
			ok: true,
			summary: {
				applied: { removed: 0, types_ended: 0, changed: 0 },
				skipped: { brp_not_registered: 1, brp_already_removed: 1 },
				skippedRows: { brp_not_registered: [2], brp_already_removed: [3] }
			}
		});
		expect((await stateOf(removed.id)).decisions).toEqual([]);
	});

	it('applies several changes for one person in file order', async () => {
		const p = await person();
		const result = await brp.importBatch({
			format: 'json',
			content: toJson([
				{
					bsn: p.bsn,
					change: 'new_address',
					effective_date: '2026-10-01',
					country: 'US',
					address_line_1: '1 Main St'
				},
				{ bsn: p.bsn, change: 'died', effective_date: '2026-11-01' },
				{
					bsn: p.bsn,
					change: 'new_address',
					effective_date: '2026-11-02',
					country: 'CA',
					address_line_1: '2 Bay St'
				}
			]),
			staffId,
			now: NOW
		});
		expect(result).toMatchObject({
			ok: true,
			summary: {
				applied: { changed: 1, removed: 1 },
				skipped: { brp_already_removed: 1 },
				skippedRows: { brp_already_removed: [3] }
			}
		});
		const s = await stateOf(p.id);
		expect(s.registration).toMatchObject({
			status: 'removed',
			deceasedOn: '2026-11-01',
			residentialAddress: { lines: ['1 Main St'], country: 'US' }
		});
		expect(s.decisions.map((d) => d.outcome).sort()).toEqual(['changed', 'removed']);
		// The address change was notified; the death was not.
		expect(s.mail).toHaveLength(1);
	});

	it('finds the active registration where an earlier one with the same BSN was removed', async () => {
		const number = bsn();
		const old = await person({ bsn: number, status: 'removed' });
		const current = await person({ bsn: number });
		await importCsv([{ bsn: number, change: 'lost_nationality', effective_date: '2026-11-01' }]);
		expect((await stateOf(current.id)).registration.status).toBe('removed');
		expect((await stateOf(old.id)).decisions).toEqual([]);
	});

	it('applies nothing twice: the same file again is skipped row by row', async () => {
		const a = await person();
		const b = await person();
		const c = await person();
		const rows: Row[] = [
			{ bsn: a.bsn, change: 'died', effective_date: '2026-11-01' },
			{
				bsn: b.bsn,
				change: 'new_address',
				effective_date: '2026-11-01',
				country: 'BE',
				address_line_1: 'Rue Neuve 1'
			},
			{
				bsn: c.bsn,
				change: 'moved_to_caribbean',
				effective_date: '2026-11-01',
				country: 'SX',
				address_line_1: 'Front Street 3'
			}
		];
		const first = await importCsv(rows);
		expect(first).toMatchObject({
			ok: true,
			summary: { applied: { removed: 1, changed: 1, types_ended: 1 } }
		});
		const countAll = async () => ({
			decisions: (await database.db.select().from(decisions)).length,
			mail: (await database.db.select().from(outbox)).length
		});
		const before = await countAll();
		const again = await importCsv(rows);
		expect(again).toMatchObject({
			ok: true,
			summary: {
				applied: { removed: 0, changed: 0, types_ended: 0 },
				skipped: { brp_already_removed: 1, brp_no_change: 2 }
			}
		});
		expect(await countAll()).toEqual(before);
	});

	it('never lets an old file undo a newer change of address', async () => {
		const p = await person();
		const move = (date: string, line: string): Row => ({
			bsn: p.bsn,
			change: 'new_address',
			effective_date: date,
			country: 'ES',
			address_line_1: line
		});
		await importCsv([move('2026-11-10', 'Calle Nueva 2')]);
		const stale = await importCsv([move('2026-10-01', 'Calle Vieja 1')]);
		expect(stale).toMatchObject({ ok: true, summary: { skipped: { brp_superseded: 1 } } });
		expect((await stateOf(p.id)).registration.residentialAddress.lines).toEqual(['Calle Nueva 2']);
	});

	it('rejects a file with an invalid row, applies nothing, and records the attempt', async () => {
		const p = await person();
		const result = await importCsv([
			{ bsn: p.bsn, change: 'died', effective_date: '2026-11-01' },
			{ bsn: '123456789', change: 'died', effective_date: '2026-11-01' },
			{ bsn: p.bsn, change: 'emigrated', effective_date: '2026-13-01' }
		]);
		expect(result).toEqual({
			ok: false,
			id: expect.any(String),
			total: 3,
			fileErrors: [],
			rowErrors: [
				{ row: 3, field: 'bsn', code: 'bsn_invalid' },
				{ row: 4, field: 'change', code: 'change_unknown' },
				{ row: 4, field: 'effective_date', code: 'date_invalid' }
			]
		});
		expect((await stateOf(p.id)).registration.status).toBe('active');
		const [recorded] = await database.db
			.select()
			.from(brpImports)
			.where(eq(brpImports.id, result.id));
		expect(recorded).toMatchObject({
			total: 3,
			importedBy: staffId,
			summary: { status: 'rejected', invalid: 2 }
		});
		const [entry] = await database.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.subject, `brp_import:${result.id}`));
		expect(entry).toMatchObject({ action: 'brp.import_rejected', details: { invalidRows: 2 } });
	});

	it('rejects a file that is not what it says', async () => {
		const result = await brp.importBatch({
			format: 'json',
			content: 'bsn,change',
			staffId,
			now: NOW
		});
		expect(result).toMatchObject({ ok: false, total: 0, fileErrors: [{ code: 'json_invalid' }] });
	});

	it('imports an uploaded file, CSV or JSON by its name, and refuses no file or one too large', async () => {
		const p = await person();
		const csv = toCsv([{ bsn: p.bsn, change: 'died', effective_date: '2026-11-01' }]);
		const result = await brp.importUpload(new File([csv], 'mutaties.csv'), staffId, NOW);
		expect(result).toMatchObject({
			ok: true,
			fileName: 'mutaties.csv',
			summary: { applied: { removed: 1 } }
		});
		const json = await brp.importUpload(
			new File([toJson([{ bsn: p.bsn, change: 'died', effective_date: '2026-11-01' }])], 'x.json'),
			staffId,
			NOW
		);
		expect(json).toMatchObject({ ok: true, summary: { skipped: { brp_already_removed: 1 } } });
		expect(await brp.importUpload(null, staffId)).toEqual({ ok: false, missing: true });
		expect(await brp.importUpload('text', staffId)).toEqual({ ok: false, missing: true });
		expect(await brp.importUpload(new File([], 'empty.csv'), staffId)).toEqual({
			ok: false,
			missing: true
		});
		const huge = new File([new Uint8Array(brp.MAX_BYTES + 1)], 'huge.csv');
		expect(await brp.importUpload(huge, staffId)).toMatchObject({
			ok: false,
			fileName: 'huge.csv',
			fileErrors: [{ code: 'too_large' }]
		});
	});

	it('lists imports newest first and finds one by id', async () => {
		const all = await brp.list();
		expect(all[0]).toMatchObject({ importedByName: 'Test clerk' });
		expect(all.length).toBeGreaterThan(5);
		const dates = all.map((i) => i.importedAt.getTime());
		expect([...dates].sort((a, b) => b - a)).toEqual(dates);
		expect(await brp.get(all[0]!.id)).toMatchObject({ id: all[0]!.id });
		expect(await brp.get('not-an-id')).toBeNull();
		expect(await brp.get('00000000-0000-4000-8000-000000000000')).toBeNull();
	});
});
