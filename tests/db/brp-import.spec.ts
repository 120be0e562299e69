/**
 * A batch of 10,000 population-register changes (issue 3: "applies correctly, a sample checked
 * against expected outcomes"). Ten thousand registrations of every shape meet a mix of every kind
 * of change; the expected outcome of each row is worked out here from docs/brp-import.md, by a
 * table of its own rather than by the domain's rules, and compared with what the database holds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import { withTestDatabase } from './database';
import {
	BATCH_LOCALES as LOCALES,
	BERLIN,
	POST_BOX,
	brpBatch,
	insertRegistrations,
	type BatchKind,
	type RegistrationSpec,
	type Row
} from '../factories/brp';
import { staffAccount } from '../factories/casework';
import { testKeyring } from '../factories/files';
import type { ElectionType } from '$lib/domain';
import * as audit from '$lib/server/audit';
import * as brp from '$lib/server/brp';
import * as crypto from '$lib/server/crypto';
import type { Database } from '$lib/server/db';
import {
	auditLog,
	decisions,
	outbox,
	registrations,
	registrationTypes,
	type PostalAddress
} from '$lib/server/db/schema';

const N = 10_000;
const NOW = new Date('2026-11-20T10:00:00Z');
const TODAY = '2026-11-20';
// The batch (tests/factories/brp.ts): registration i has types by i % 7, no e-mail when i % 3 is 0,
// a correspondence address when i % 4 is 0, lives in Curaçao when i % 20 is 5 and was removed
// before when i % 50 is 7; change i is of kind floor(i / 7) % 6, and every 97th names a stranger.
type Kind = BatchKind;
type Expected = {
	outcome: 'removed' | 'types_ended' | 'changed' | `skip:${string}`;
	ended: ElectionType[];
	notice: 'email' | 'letter' | 'none' | null;
	address: PostalAddress;
	letterTo: PostalAddress | null;
};

/** The outcome docs/brp-import.md describes, written out case by case. */
function expectedOf(spec: RegistrationSpec | null, change: Row & { kind: Kind }): Expected {
	const skip = (code: string): Expected => ({
		outcome: `skip:${code}`,
		ended: [],
		notice: null,
		address: spec?.address ?? BERLIN,
		letterTo: null
	});
	if (!spec) return skip('brp_not_registered');
	if (spec.status === 'removed') return skip('brp_already_removed');
	const newAddress =
		change.kind === 'new_address' || change.kind === 'moved_to_caribbean'
			? {
					lines: [change.address_line_1, change.address_line_2].filter(Boolean) as string[],
					country: change.country as string
				}
			: spec.address;
	const notice = change.kind === 'died' ? 'none' : spec.email ? 'email' : 'letter';
	const letterTo = notice === 'letter' ? (spec.correspondence ?? newAddress) : null;
	const result = (outcome: Expected['outcome'], ended: ElectionType[]): Expected => ({
		outcome,
		ended,
		notice,
		address: newAddress,
		letterTo
	});
	switch (change.kind) {
		case 'died':
		case 'lost_nationality':
		case 'excluded_from_voting':
		case 'settled_in_netherlands':
			return result('removed', spec.types);
		case 'new_address':
			return result('changed', []);
		case 'moved_to_caribbean': {
			if (spec.address.country === 'CW') return result('changed', []);
			const tkKni = spec.types.filter((t) => t !== 'EP');
			if (change.ten_years === 'true' || tkKni.length === 0) return result('changed', []);
			return spec.types.includes('EP') ? result('types_ended', tkKni) : result('removed', tkKni);
		}
	}
}

let database: Database;
let close: () => Promise<void>;
let staffId: string;
const specs: (RegistrationSpec | null)[] = [];
const changes: (Row & { kind: Kind })[] = [];
const expected: Expected[] = [];
let ids: string[] = [];
let content = '';

beforeAll(async () => {
	crypto.useKeyring(testKeyring());
	({ database, close } = await withTestDatabase());
	staffId = await staffAccount(database, ['admin']);
	const batch = brpBatch(N);
	specs.push(...batch.registered);
	changes.push(...batch.changes);
	for (let i = 0; i < N; i++) expected.push(expectedOf(specs[i] ?? null, changes[i]!));
	ids = await insertRegistrations(database.db, batch.all);
	content = batch.csv;
}, 600_000);
afterAll(async () => {
	await close();
	crypto.useKeyring(undefined);
});

const tally = (outcomes: string[]) =>
	outcomes.reduce<Record<string, number>>((acc, o) => ({ ...acc, [o]: (acc[o] ?? 0) + 1 }), {});

describe(`a batch of ${N} changes`, () => {
	it('applies every change as expected: the totals', async () => {
		const result = await brp.importBatch({ format: 'csv', content, staffId, now: NOW });
		if (!result.ok) throw new Error(JSON.stringify(result.rowErrors.slice(0, 5)));
		const counts = tally(expected.map((e) => e.outcome));
		// Every kind of outcome occurs, so the totals below test each of them.
		expect(Object.keys(counts).sort()).toEqual([
			'changed',
			'removed',
			'skip:brp_already_removed',
			'skip:brp_not_registered',
			'types_ended'
		]);
		expect(result.total).toBe(N);
		expect(result.summary).toMatchObject({
			status: 'applied',
			applied: {
				removed: counts.removed,
				types_ended: counts.types_ended,
				changed: counts.changed
			},
			skipped: {
				brp_not_registered: counts['skip:brp_not_registered'],
				brp_already_removed: counts['skip:brp_already_removed'],
				brp_superseded: 0,
				brp_no_change: 0
			},
			notices: tally(expected.filter((e) => e.notice).map((e) => e.notice!))
		});
		const applied = counts.removed! + counts.types_ended! + counts.changed!;
		expect(await database.db.$count(decisions, eq(decisions.brpImportId, result.id))).toBe(applied);
		const notified = expected.filter((e) => e.notice === 'email' || e.notice === 'letter').length;
		expect(await database.db.$count(outbox)).toBe(notified);
		expect(
			await database.db.$count(
				auditLog,
				and(eq(auditLog.action, 'decision.made'), eq(auditLog.actor, `staff:${staffId}`))
			)
		).toBe(applied);
		expect(await audit.verify()).toMatchObject({ ok: true, entries: applied + 1 });
	}, 600_000);

	it('applies every change as expected: a sample of rows, field by field', async () => {
		const sample = Array.from({ length: N }, (_, i) => i).filter(
			(i) => i % 43 === 0 || i % 97 === 50
		);
		expect(sample.length).toBeGreaterThanOrEqual(200);
		const allRegistrations = new Map(
			(await database.db.select().from(registrations)).map((r) => [r.id, r])
		);
		const allTypes = await database.db.select().from(registrationTypes);
		const allDecisions = await database.db.select().from(decisions);
		const allMail = new Map(
			(await database.db.select().from(outbox)).map((m) => [m.decisionId, m])
		);
		const seen = new Set<string>();
		for (const i of sample) {
			const want = expected[i]!;
			const id = ids[i]!;
			const registration = allRegistrations.get(id)!;
			const made = allDecisions.filter((d) => d.registrationId === id);
			const label = `row ${i + 2}: ${changes[i]!.kind}`;
			seen.add(want.outcome);
			if (want.outcome.startsWith('skip:')) {
				expect(made, label).toEqual([]);
				continue;
			}
			expect(made, label).toHaveLength(1);
			const decision = made[0]!;
			expect(decision.outcome, label).toBe(want.outcome);
			expect(decision.notice, label).toBe(want.notice);
			expect(decision.origin).toBe('brp');
			expect(registration.status, label).toBe(want.outcome === 'removed' ? 'removed' : 'active');
			expect(registration.residentialAddress, label).toEqual(want.address);
			expect(registration.deceasedOn, label).toBe(
				changes[i]!.kind === 'died' ? '2026-10-01' : null
			);
			for (const t of allTypes.filter((t) => t.registrationId === id)) {
				expect(t.endedOn, `${label} ${t.type}`).toBe(want.ended.includes(t.type) ? TODAY : null);
			}
			const mail = allMail.get(decision.id);
			if (want.notice === 'none') expect(mail, label).toBeUndefined();
			if (want.notice === 'email') {
				expect(mail, label).toMatchObject({ channel: 'email', recipient: `voter${i}@example.org` });
			}
			if (want.notice === 'letter') {
				expect(mail, label).toMatchObject({ channel: 'letter', postalAddress: want.letterTo });
			}
			if (mail) expect(mail.locale, label).toBe(LOCALES[i % 6]);
		}
		expect([...seen].sort()).toEqual([
			'changed',
			'removed',
			'skip:brp_already_removed',
			'skip:brp_not_registered',
			'types_ended'
		]);
	}, 120_000);

	it('sends no notice after death', async () => {
		const died = await database.db
			.select({ id: outbox.id })
			.from(outbox)
			.innerJoin(decisions, eq(outbox.decisionId, decisions.id))
			.where(eq(decisions.notice, 'none'));
		expect(died).toEqual([]);
		const deaths = expected.filter((e, i) => changes[i]!.kind === 'died' && e.notice === 'none');
		expect(deaths.length).toBeGreaterThan(1000);
		expect(await database.db.$count(decisions, eq(decisions.notice, 'none'))).toBe(deaths.length);
	});

	it('lets the correspondence address win for every letter and every new address', async () => {
		const rows = await database.db
			.select({ id: registrations.id, address: outbox.postalAddress })
			.from(outbox)
			.innerJoin(decisions, eq(outbox.decisionId, decisions.id))
			.innerJoin(registrations, eq(decisions.registrationId, registrations.id))
			.where(eq(outbox.channel, 'letter'));
		const withCorrespondence = new Set(ids.filter((_, i) => i % 4 === 0));
		let checked = 0;
		for (const row of rows) {
			if (!withCorrespondence.has(row.id)) continue;
			expect(row.address).toEqual(POST_BOX);
			checked++;
		}
		expect(checked).toBeGreaterThan(300);
	});

	it('keeps EP and ends TK and KNI for everyone who moved to the Caribbean without ten years', async () => {
		const allTypes = await database.db.select().from(registrationTypes);
		const byRegistration = new Map<string, Record<string, string | null>>();
		for (const t of allTypes) {
			byRegistration.set(t.registrationId, {
				...byRegistration.get(t.registrationId),
				[t.type]: t.endedOn
			});
		}
		let checked = 0;
		for (let i = 0; i < N; i++) {
			const spec = specs[i];
			const change = changes[i]!;
			if (!spec || spec.status === 'removed' || change.kind !== 'moved_to_caribbean') continue;
			if (spec.address.country === 'CW' || change.ten_years === 'true') continue;
			if (!spec.types.includes('EP') || spec.types.length === 1) continue;
			const types = byRegistration.get(ids[i]!)!;
			expect(types.EP, `row ${i + 2}`).toBeNull();
			expect(types.TK, `row ${i + 2}`).toBe(TODAY);
			checked++;
		}
		expect(checked).toBeGreaterThan(300);
	});

	it('applies nothing twice when the same file is imported again', async () => {
		const before = {
			decisions: await database.db.$count(decisions),
			mail: await database.db.$count(outbox)
		};
		const again = await brp.importBatch({ format: 'csv', content, staffId, now: NOW });
		if (!again.ok) throw new Error('rejected');
		expect(again.summary.applied).toEqual({ removed: 0, types_ended: 0, changed: 0 });
		const skipped = Object.values(again.summary.skipped).reduce((a, b) => a + b, 0);
		expect(skipped).toBe(N);
		expect({
			decisions: await database.db.$count(decisions),
			mail: await database.db.$count(outbox)
		}).toEqual(before);
	}, 600_000);
});
