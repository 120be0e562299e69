import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { withTestDatabase } from '../../../../tests/db/database';
import {
	adultAnswers,
	completedForm,
	staffAccount,
	voterAccount
} from '../../../../tests/factories/casework';
import type { Database } from '$lib/server/db';
import { auditLog, registrations } from '$lib/server/db/schema';
import * as casework from '$lib/server/casework';
import * as privacy from './index';

let database: Database;
let close: () => Promise<void>;
let staff: string;

beforeAll(async () => {
	({ database, close } = await withTestDatabase());
	staff = await staffAccount(database);
});
afterAll(() => close());

/** A voter who registered through the portal and was registered by the office. */
async function registeredVoter(bsn: string, surname: string) {
	const accountId = await voterAccount(database);
	const answers = adultAnswers({ bsn: { bsn }, name: { first_names: 'Zoë', surname } });
	const { reference } = await completedForm(database, { answers, accountId });
	const received = await casework.receive({
		reference,
		channel: 'post',
		receivedAt: new Date(),
		staffId: staff
	});
	if (!received.ok) throw new Error(received.error);
	const decided = await casework.decide(
		received.application.id,
		{ outcome: 'registered', types: ['TK', 'EP'], refusals: [] },
		staff
	);
	if (!decided.ok) throw new Error(decided.error);
	return { accountId, reference };
}

describe('the voter’s data export (GDPR art. 15)', () => {
	it('holds everything about the voter: account, forms, application, registration with the BSN, decision, notice, audit trail', async () => {
		const { accountId, reference } = await registeredVoter('123456782', 'Export-Eerste');
		const data = await privacy.exportFor(accountId);
		expect(data).not.toBeNull();
		if (!data) return;
		expect(data.account.id).toBe(accountId);
		expect(data.drafts.map((d) => d.reference)).toEqual([reference]);
		expect(data.applications).toHaveLength(1);
		expect(data.applications[0]).toMatchObject({ reference, status: 'decided', channel: 'post' });
		expect(data.registrations).toHaveLength(1);
		expect(data.registrations[0]).toMatchObject({ surname: 'Export-Eerste', bsn: '123456782' });
		expect(data.registrations[0]!.types.map((t) => t.type).sort()).toEqual(['EP', 'TK']);
		expect(data.decisions.map((d) => d.outcome)).toEqual(['registered']);
		expect(data.messages.length).toBeGreaterThan(0);
		const actions = data.auditTrail.map((e) => e.action);
		expect(actions).toContain('application.received');
		// What protects the account, or finds people for others, is not personal data to hand out.
		const text = JSON.stringify(data);
		expect(text).not.toMatch(/publicKey|tokenHash|bsnEncrypted|bsnIndex|lookupKey/);
		const [stored] = await database.db
			.select({ bsnEncrypted: registrations.bsnEncrypted })
			.from(registrations)
			.where(eq(registrations.accountId, accountId));
		expect(text).not.toContain(stored!.bsnEncrypted!);
	});

	it('never holds anything of another voter', async () => {
		const first = await registeredVoter('111222333', 'Export-Tweede');
		const second = await registeredVoter('999888777', 'Export-Derde');
		const data = await privacy.exportFor(first.accountId);
		const text = JSON.stringify(data);
		expect(text).not.toContain('Export-Derde');
		expect(text).not.toContain('999888777');
		expect(text).not.toContain(second.reference);
	});

	it('is itself recorded in the audit log, and is refused for a staff account', async () => {
		const accountId = await voterAccount(database);
		await privacy.exportFor(accountId);
		const entries = await database.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.subject, `account:${accountId}`));
		expect(entries.map((e) => e.action)).toContain('personal_data.exported');
		expect(await privacy.exportFor(staff)).toBeNull();
	});
});
