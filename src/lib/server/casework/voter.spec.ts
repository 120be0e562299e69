import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTestDatabase } from '../../../../tests/db/database';
import {
	adultAnswers,
	completedForm,
	staffAccount,
	voterAccount
} from '../../../../tests/factories/casework';
import { gradient, jpegOf, pdfWithText, testKeyring } from '../../../../tests/factories/files';
import { addDays, amsterdamDay } from '$lib/domain';
import * as crypto from '$lib/server/crypto';
import type { Database } from '$lib/server/db';
import * as casework from './index';

let database: Database;
let close: () => Promise<void>;
let staff: string;

beforeAll(async () => {
	({ database, close } = await withTestDatabase());
	crypto.useKeyring(testKeyring());
	staff = await staffAccount(database);
});
afterAll(async () => {
	crypto.useKeyring(undefined);
	await close();
});

async function uploadedBy(account: string) {
	const { draftId, reference } = await completedForm(database, {
		accountId: account,
		answers: adultAnswers({
			correspondence_choice: { value: 'yes' },
			correspondence_address: {
				address_line1: 'Postfach 7',
				address_line2: '50667 Köln',
				address_line3: '',
				country: 'DE'
			}
		})
	});
	const result = await casework.receiveUpload({
		accountId: account,
		draftId,
		files: [
			{ kind: 'signed_form', bytes: await pdfWithText('signed') },
			{ kind: 'identity_document', bytes: jpegOf(gradient(24, 24)) }
		]
	});
	if (!result.ok) throw new Error(result.error);
	return { reference, application: result.application };
}

describe('statusFor', () => {
	it('shows a new account nothing, and a completed form still to send', async () => {
		const account = await voterAccount(database);
		expect(await casework.statusFor(account)).toMatchObject({
			registration: null,
			applications: [],
			toUpload: []
		});
		const { reference } = await completedForm(database, { accountId: account });
		const status = await casework.statusFor(account);
		expect(status.toUpload.map((f) => f.reference)).toEqual([reference]);
		expect(status.appealAddress).toContain('Raad van State');
		expect(status.officeEmail).toContain('@');
	});

	it('shows a received application with its due day and the election it would count for', async () => {
		const account = await voterAccount(database);
		const { application } = await uploadedBy(account);
		const status = await casework.statusFor(account);
		expect(status.toUpload).toEqual([]);
		expect(status.registration).toBeNull();
		expect(status.applications).toHaveLength(1);
		expect(status.applications[0]).toMatchObject({
			id: application.id,
			status: 'received',
			channel: 'upload',
			dueOn: addDays(amsterdamDay(application.receivedAt), 7),
			overdue: false,
			types: ['TK', 'EP'],
			decisions: [],
			// The seeded calendar: the EP day is not set, so the TK election of 2030 is next.
			countsFor: {
				slug: 'TK-2030',
				electionDay: '2030-05-15',
				registrationCutoff: '2030-04-03',
				changeCutoff: '2030-03-13',
				papersBy: '2030-02-20',
				provisional: true
			}
		});
	});

	it('shows the registration with its types, where the papers go, the decision and the appeal', async () => {
		const account = await voterAccount(database);
		const { application } = await uploadedBy(account);
		const decided = await casework.decide(
			application.id,
			{ outcome: 'registered', types: ['TK', 'EP'], refusals: [] },
			staff
		);
		if (!decided.ok) throw new Error(decided.error);
		const today = amsterdamDay(new Date());
		const status = await casework.statusFor(account);
		expect(status.registration).toMatchObject({
			standing: {
				registered: true,
				types: [
					{ type: 'TK', since: today, future: false },
					{ type: 'EP', since: today, future: false }
				]
			},
			correspondence: true,
			papersTo: { lines: ['Postfach 7', '50667 Köln'], country: 'DE' },
			next: { slug: 'TK-2030', changeCutoff: '2030-03-13' }
		});
		const [app] = status.applications;
		expect(app).toMatchObject({ status: 'decided', countsFor: null });
		expect(app!.decisions).toHaveLength(1);
		const [decision] = app!.decisions;
		expect(decision).toMatchObject({
			outcome: 'registered',
			decidedOn: today,
			types: { TK: today, EP: today },
			appealBy: addDays(today, 42)
		});
		expect(decision!.reasons.map((r) => r.code)).toContain('registration_on_application');
		expect(decision!.appeal?.points.map((p) => p.code)).toEqual([
			'council_of_state',
			'term',
			'how',
			'court_fee',
			'fast_track',
			'no_interim_relief'
		]);
		expect(decision!.appeal?.points[1]?.params).toMatchObject({ appealBy: addDays(today, 42) });
	});
});

describe('a voter sees only their own', () => {
	it("answers null for another account's application and files", async () => {
		const owner = await voterAccount(database);
		const other = await voterAccount(database);
		const { application } = await uploadedBy(owner);
		const mine = await casework.applicationFor(owner, application.id);
		expect(mine?.files.map((f) => f.kind).sort()).toEqual(['identity_document', 'signed_form']);
		const file = mine!.files.find((f) => f.kind === 'signed_form')!;
		expect((await casework.uploadFor(owner, application.id, file.id))?.mediaType).toBe(
			'application/pdf'
		);

		expect(await casework.applicationFor(other, application.id)).toBeNull();
		expect(await casework.uploadFor(other, application.id, file.id)).toBeNull();
		expect(await casework.uploadFor(owner, 'not-a-uuid', file.id)).toBeNull();
		expect(await casework.draftForAccount(other, application.reference)).toBeNull();
		expect((await casework.statusFor(other)).applications).toEqual([]);
	});
});
