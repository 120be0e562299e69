import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { withTestDatabase } from '../../../../tests/db/database';
import {
	adultAnswers,
	answersOf,
	completedForm,
	staffAccount,
	uniqueSurname,
	voterAccount
} from '../../../../tests/factories/casework';
import { gradient, jpegOf, pdfWithText, testKeyring } from '../../../../tests/factories/files';
import {
	adultInGermany,
	bornYearsAgo,
	seventeenInCanada
} from '../../../../tests/factories/registration';
import { addDays, addYears, amsterdamDay, type IsoDate } from '$lib/domain';
import * as audit from '$lib/server/audit';
import * as crypto from '$lib/server/crypto';
import type { Database } from '$lib/server/db';
import {
	applications,
	auditLog,
	decisions,
	outbox,
	registrations as registrationTable,
	registrationTypes,
	uploads as uploadTable
} from '$lib/server/db/schema';
import * as registrations from '$lib/server/registrations';
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

const today = () => amsterdamDay(new Date());
const auditOf = async (reference: string) =>
	(
		await database.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.subject, `application:${reference}`))
			.orderBy(auditLog.seq)
	).map((e) => e.action);

async function received(options: Parameters<typeof completedForm>[1] = {}) {
	const form = await completedForm(database, options);
	const result = await casework.receive({
		reference: form.reference,
		channel: 'post',
		receivedAt: new Date(),
		staffId: staff
	});
	if (!result.ok) throw new Error(result.error);
	return { ...form, application: result.application };
}

const registerAll = {
	outcome: 'registered' as const,
	types: ['TK' as const, 'EP' as const],
	refusals: []
};

describe('findByReference', () => {
	it('finds a completed form by its reference typed in any case, with or without dashes', async () => {
		const { reference, draftId } = await completedForm(database);
		for (const typed of [reference, reference.toLowerCase(), reference.replaceAll('-', ' ')]) {
			expect(await casework.findByReference(typed)).toMatchObject({
				kind: 'draft',
				draft: { id: draftId }
			});
		}
		// Crockford's look-alikes: O reads as 0, I and L as 1.
		const lookalike = reference.replaceAll('0', 'o').replaceAll('1', 'l');
		expect((await casework.findByReference(lookalike))?.kind).toBe('draft');
	});

	it('finds the application once the form is received', async () => {
		const { reference, application } = await received();
		expect(await casework.findByReference(reference)).toMatchObject({
			kind: 'application',
			application: { id: application.id }
		});
	});

	it('finds nothing for an unknown, malformed or unfinished reference', async () => {
		expect(await casework.findByReference('ZZZZ-ZZZZ-ZZZZ')).toBeNull();
		expect(await casework.findByReference("' or 1=1 --")).toBeNull();
		expect(await casework.findByReference('')).toBeNull();
	});
});

describe('receive', () => {
	it('makes an application from the form, due on the 7th day after receipt (KB D 9)', async () => {
		const answers = adultAnswers();
		const { reference, draftId } = await completedForm(database, {
			answers,
			completedAt: new Date('2026-03-01T10:00:00Z')
		});
		// 00:30 on 29 March in Den Haag, still the 28th in UTC.
		const receivedAt = new Date('2026-03-28T23:30:00Z');
		const result = await casework.receive({
			reference,
			channel: 'consular_post',
			receivedAt,
			staffId: staff
		});
		expect(result).toMatchObject({
			ok: true,
			created: true,
			application: {
				reference,
				draftId,
				channel: 'consular_post',
				status: 'received',
				dueOn: '2026-04-05',
				receivedBy: staff,
				locale: 'en',
				kind: 'registration'
			}
		});
		if (result.ok) expect(result.application.answers).toEqual(answers);
		expect(await auditOf(reference)).toEqual(['application.received']);
	});

	it('is idempotent per reference, also when two clerks record it at once', async () => {
		const { reference } = await completedForm(database);
		const input = { reference, channel: 'post' as const, receivedAt: new Date(), staffId: staff };
		const [a, b] = await Promise.all([casework.receive(input), casework.receive(input)]);
		const again = await casework.receive({
			...input,
			reference: reference.toLowerCase(),
			channel: 'email'
		});
		const ids = [a, b, again].map((r) => (r.ok ? r.application.id : null));
		expect(new Set(ids).size).toBe(1);
		expect([a, b].filter((r) => r.ok && r.created)).toHaveLength(1);
		expect(again).toMatchObject({ ok: true, created: false, application: { channel: 'post' } });
		const rows = await database.db
			.select()
			.from(applications)
			.where(eq(applications.reference, reference));
		expect(rows).toHaveLength(1);
		expect(await auditOf(reference)).toEqual(['application.received']);
	});

	it("links a paper form to the voter's account through its reference", async () => {
		const account = await voterAccount(database);
		const { application } = await received({ accountId: account });
		expect(application.accountId).toBe(account);
	});

	it('refuses an unknown reference, a receipt in the future and one before the form existed', async () => {
		const { reference } = await completedForm(database);
		const base = { reference, channel: 'post' as const, staffId: staff };
		expect(
			await casework.receive({ ...base, reference: 'ZZZZ-ZZZZ-ZZZZ', receivedAt: new Date() })
		).toEqual({ ok: false, error: 'not_found' });
		expect(
			await casework.receive({ ...base, reference: 'nonsense', receivedAt: new Date() })
		).toEqual({
			ok: false,
			error: 'not_found'
		});
		expect(
			await casework.receive({ ...base, receivedAt: new Date(Date.now() + 24 * 3600 * 1000) })
		).toEqual({ ok: false, error: 'in_future' });
		expect(
			await casework.receive({ ...base, receivedAt: new Date(Date.now() - 3 * 24 * 3600 * 1000) })
		).toEqual({ ok: false, error: 'before_form' });
	});
});

describe('receiveUpload', () => {
	const files = async () => [
		{ kind: 'signed_form' as const, bytes: await pdfWithText('signed form'), fileName: 'form.pdf' },
		{ kind: 'identity_document' as const, bytes: jpegOf(gradient(64, 48)), fileName: 'id.jpg' }
	];

	it("receives the voter's own upload at the moment of upload, with both files encrypted", async () => {
		const account = await voterAccount(database);
		const { draftId, reference } = await completedForm(database, { accountId: account });
		const now = new Date();
		const result = await casework.receiveUpload({
			accountId: account,
			draftId,
			files: await files(),
			now
		});
		expect(result).toMatchObject({
			ok: true,
			application: { reference, channel: 'upload', accountId: account, receivedBy: null }
		});
		if (!result.ok) return;
		expect(result.application.receivedAt.getTime()).toBe(now.getTime());
		expect(result.application.dueOn).toBe(addDays(amsterdamDay(now), 7));
		const stored = await database.db
			.select()
			.from(uploadTable)
			.where(eq(uploadTable.applicationId, result.application.id));
		expect(stored.map((u) => [u.kind, u.mediaType]).sort()).toEqual([
			['identity_document', 'image/jpeg'],
			['signed_form', 'application/pdf']
		]);
		expect(stored.every((u) => !u.ciphertext!.includes(Buffer.from('signed form')))).toBe(true);
		expect(await auditOf(reference)).toEqual(['application.received']);
		const actors = await database.db
			.select({ actor: auditLog.actor })
			.from(auditLog)
			.where(eq(auditLog.subject, `application:${reference}`));
		expect(actors).toEqual([{ actor: `voter:${account}` }]);
		// Once received, a second upload is refused: the first receipt stands.
		expect(
			await casework.receiveUpload({ accountId: account, draftId, files: await files() })
		).toEqual({ ok: false, error: 'already_received' });
	});

	it("answers not_found for another account's form", async () => {
		const owner = await voterAccount(database);
		const other = await voterAccount(database);
		const { draftId } = await completedForm(database, { accountId: owner });
		expect(
			await casework.receiveUpload({ accountId: other, draftId, files: await files() })
		).toEqual({
			ok: false,
			error: 'not_found'
		});
		expect(await casework.draftForAccount(other, draftId)).toBeNull();
		expect(await casework.draftForAccount(other, 'not-a-uuid')).toBeNull();
	});

	it('stores nothing unless both files are there and each is what it says', async () => {
		const account = await voterAccount(database);
		const { draftId, reference } = await completedForm(database, { accountId: account });
		const [form] = await files();
		expect(await casework.receiveUpload({ accountId: account, draftId, files: [form!] })).toEqual({
			ok: false,
			error: 'files',
			files: { identity_document: 'missing' }
		});
		const fake = {
			kind: 'identity_document' as const,
			bytes: new TextEncoder().encode('not a picture at all'),
			fileName: 'id.jpg'
		};
		expect(
			await casework.receiveUpload({ accountId: account, draftId, files: [form!, fake] })
		).toEqual({
			ok: false,
			error: 'files',
			files: { identity_document: 'unsupported_type' }
		});
		const rows = await database.db
			.select()
			.from(applications)
			.where(eq(applications.reference, reference));
		expect(rows).toEqual([]);
		expect(await auditOf(reference)).toEqual([]);
	});
});

describe('checks and the queue', () => {
	it('records the checks and notes, audited, and not once decided', async () => {
		const { application, reference } = await received();
		const checks = { signaturePresent: true, identityDocumentValid: true, dataMatches: false };
		const updated = await casework.recordChecks(application.id, checks, 'Address differs', staff);
		expect(updated).toMatchObject({ checks, notes: 'Address differs' });
		expect(await auditOf(reference)).toEqual(['application.received', 'application.checked']);
		expect(await casework.recordChecks('nope', checks, '', staff)).toBeNull();
	});

	it('lists open applications by due day, overdue first, a page at a time', async () => {
		const now = new Date();
		const day = amsterdamDay(now);
		const made: { id: string; dueOn: IsoDate }[] = [];
		for (const ago of [10, 2, 9]) {
			const { reference } = await completedForm(database, {
				completedAt: new Date(now.getTime() - 30 * 24 * 3600 * 1000)
			});
			const result = await casework.receive({
				reference,
				channel: 'email',
				receivedAt: new Date(now.getTime() - ago * 24 * 3600 * 1000),
				staffId: staff
			});
			if (result.ok) made.push({ id: result.application.id, dueOn: result.application.dueOn });
		}
		const queue = await casework.queue({ pageSize: 200, now });
		const ours = queue.items.filter((i) => made.some((m) => m.id === i.id));
		expect(ours.map((i) => i.dueOn)).toEqual(made.map((m) => m.dueOn).sort());
		expect(ours.map((i) => i.overdue)).toEqual([true, true, false]);
		// Nothing later in the list is due earlier, and the overdue lead.
		const dues = queue.items.map((i) => i.dueOn);
		expect(dues).toEqual([...dues].sort());
		expect(queue.items.slice(0, queue.overdue).every((i) => i.overdue && i.dueOn < day)).toBe(true);
		expect(ours[0]).toMatchObject({ types: ['TK', 'EP'], country: 'DE', channel: 'email' });

		const first = await casework.queue({ pageSize: 1, page: 1, now });
		const second = await casework.queue({ pageSize: 1, page: 2, now });
		expect(first.pages).toBe(queue.total);
		expect(first.items[0]!.id).toBe(queue.items[0]!.id);
		expect(second.items[0]!.id).toBe(queue.items[1]!.id);
		expect((await casework.queue({ pageSize: 1, page: 10_000, now })).page).toBe(first.pages);
	});
});

describe('open and readUpload', () => {
	it('shows the application with its proposal, and audits the view', async () => {
		const answers = adultAnswers();
		const { application, reference } = await received({ answers });
		const view = await casework.open(application.id, staff);
		expect(view).toMatchObject({
			application: { id: application.id },
			person: { surname: answers.name!.surname, firstNames: 'Zoë', birthDate: '1990-02-03' },
			proposal: { outcome: 'registered', types: ['TK', 'EP'], refusals: [] },
			startsOn: today(),
			duplicates: [],
			overdue: false,
			uploads: [],
			decisions: []
		});
		expect(await auditOf(reference)).toEqual(['application.received', 'application.viewed']);
		expect(await casework.open('not-a-uuid', staff)).toBeNull();
	});

	it('decrypts a scan for staff, audited, and only under its own application', async () => {
		const account = await voterAccount(database);
		const { draftId, reference } = await completedForm(database, { accountId: account });
		const pdf = await pdfWithText('my signed form');
		const result = await casework.receiveUpload({
			accountId: account,
			draftId,
			files: [
				{ kind: 'signed_form', bytes: pdf },
				{ kind: 'identity_document', bytes: jpegOf(gradient(32, 32)) }
			]
		});
		if (!result.ok) throw new Error(result.error);
		const upload = (await casework.open(result.application.id, staff))!.uploads.find(
			(u) => u.kind === 'signed_form'
		);
		const file = await casework.readUpload(result.application.id, upload!.id, staff);
		expect(file).toMatchObject({ mediaType: 'application/pdf', kind: 'signed_form' });
		expect(Buffer.compare(file!.bytes, Buffer.from(pdf))).toBe(0);
		const { application: other } = await received();
		expect(await casework.readUpload(other.id, upload!.id, staff)).toBeNull();
		expect(await auditOf(reference)).toEqual([
			'application.received',
			'application.viewed',
			'upload.viewed'
		]);
	});
});

describe('decide', () => {
	it('registers in one go: decision, registration, status, e-mail notice, deletion date, audit', async () => {
		const account = await voterAccount(database);
		const answers = adultAnswers({ bsn: { bsn: '111222333' } });
		const { draftId, reference } = await completedForm(database, { accountId: account, answers });
		const uploaded = await casework.receiveUpload({
			accountId: account,
			draftId,
			files: [
				{ kind: 'signed_form', bytes: await pdfWithText('form') },
				{ kind: 'identity_document', bytes: jpegOf(gradient(16, 16)) }
			]
		});
		if (!uploaded.ok) throw new Error(uploaded.error);
		const now = new Date();
		const result = await casework.decide(uploaded.application.id, registerAll, staff, now);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		const day = amsterdamDay(now);
		expect(result.decision).toMatchObject({
			origin: 'application',
			outcome: 'registered',
			applicationId: uploaded.application.id,
			types: { TK: day, EP: day },
			decidedBy: staff,
			appealBy: addDays(day, 42),
			notice: 'email',
			locale: 'en'
		});
		expect(result.decision.reasons.map((r) => r.code)).toEqual([
			'registration_on_application',
			'ep_declaration_given'
		]);
		expect(result.decision.reasons[0]!.basis!.map((b) => b.code)).toContain('KW D 3(1)');

		const view = await registrations.findForAccount(account, day);
		expect(view?.registration).toMatchObject({
			id: result.decision.registrationId,
			surname: answers.name!.surname,
			email: 'zoe@example.org',
			residentialAddress: { lines: ['Hauptstraße 1', '10115 Berlin'], country: 'DE' },
			correspondenceAddress: null,
			locale: 'en',
			status: 'active'
		});
		expect(view?.types.map((t) => [t.type, t.startsOn])).toEqual([
			['TK', day],
			['EP', day]
		]);
		expect(view?.standing.registered).toBe(true);
		// KB D 4(a): the BSN is kept, but only encrypted, with its blind index.
		expect(view?.registration.bsnEncrypted).not.toContain('111222333');
		expect(view?.registration.bsnIndex).toBe(crypto.blindIndex('111222333'));
		expect(registrations.bsnOf(view!.registration)).toBe('111222333');

		const [app] = await database.db
			.select()
			.from(applications)
			.where(eq(applications.id, uploaded.application.id));
		expect(app).toMatchObject({ status: 'decided', decidedAt: now });

		const mails = await database.db
			.select()
			.from(outbox)
			.where(eq(outbox.decisionId, result.decision.id));
		expect(mails).toHaveLength(1);
		expect(mails[0]).toMatchObject({
			channel: 'email',
			recipient: 'zoe@example.org',
			locale: 'en'
		});
		expect(mails[0]!.subject).toBe(`Decision: you are registered as a voter abroad (${reference})`);
		expect(mails[0]!.text).toContain(
			'Administrative Jurisdiction Division of the Council of State'
		);
		expect(mails[0]!.text).toContain('KW D 3(1)');
		expect(mails[0]!.html).toContain('<h2 ');

		const files = await database.db
			.select()
			.from(uploadTable)
			.where(eq(uploadTable.applicationId, uploaded.application.id));
		expect(files.every((f) => f.deleteAfter && f.deleteAfter > now)).toBe(true);

		expect(await auditOf(reference)).toEqual(['application.received', 'decision.made']);
		expect(await audit.verify()).toMatchObject({ ok: true });
	});

	it('registers a 17-year-old from the 44th day before the 18th birthday (KW D 3(1))', async () => {
		const dob = bornYearsAgo(17, 100);
		const { application } = await received({
			answers: answersOf(seventeenInCanada(), {
				date_of_birth: dob,
				name: { first_names: 'Tess', surname: uniqueSurname() }
			})
		});
		const result = await casework.decide(
			application.id,
			{ outcome: 'registered', types: ['TK'], refusals: [] },
			staff
		);
		const birth = `${dob.dob_year}-${dob.dob_month.padStart(2, '0')}-${dob.dob_day.padStart(2, '0')}`;
		const startsOn = addDays(addYears(birth, 18), -44);
		expect(result).toMatchObject({ ok: true, decision: { types: { TK: startsOn } } });
		expect(startsOn > today()).toBe(true);
	});

	it('writes nothing at all when any part fails', async () => {
		const { application, reference } = await received();
		const before = await database.db
			.select({ n: sql<number>`count(*)`.mapWith(Number) })
			.from(registrationTable);
		// Take the outbox away for a moment: the notice cannot be queued.
		await database.db.execute(sql`alter table outbox rename to outbox_away`);
		try {
			await expect(casework.decide(application.id, registerAll, staff)).rejects.toThrow();
		} finally {
			await database.db.execute(sql`alter table outbox_away rename to outbox`);
		}
		const after = await database.db
			.select({ n: sql<number>`count(*)`.mapWith(Number) })
			.from(registrationTable);
		expect(after).toEqual(before);
		expect(
			await database.db.select().from(decisions).where(eq(decisions.applicationId, application.id))
		).toEqual([]);
		const [app] = await database.db
			.select()
			.from(applications)
			.where(eq(applications.id, application.id));
		expect(app?.status).toBe('received');
		expect(await auditOf(reference)).toEqual(['application.received']);
		// And it can be decided once the outbox is back.
		expect((await casework.decide(application.id, registerAll, staff)).ok).toBe(true);
	});

	it('decides once: a second decision, also at the same moment, is refused', async () => {
		const { application } = await received();
		const results = await Promise.all([
			casework.decide(application.id, registerAll, staff),
			casework.decide(application.id, registerAll, staff)
		]);
		expect(results.filter((r) => r.ok)).toHaveLength(1);
		expect(results.find((r) => !r.ok)).toEqual({ ok: false, error: 'already_decided' });
		const regs = await database.db
			.select()
			.from(decisions)
			.where(and(eq(decisions.applicationId, application.id), eq(decisions.outcome, 'registered')));
		expect(regs).toHaveLength(1);
		expect(await casework.decide('not-a-uuid', registerAll, staff)).toEqual({
			ok: false,
			error: 'not_found'
		});
		expect(
			await casework.decide('00000000-0000-0000-0000-000000000000', registerAll, staff)
		).toEqual({
			ok: false,
			error: 'not_found'
		});
	});

	it('asks someone already registered whether a change was meant (MvT §7), then decides later', async () => {
		const surname = uniqueSurname('Van der Berg-D’Anjou');
		const answers = answersOf(adultInGermany, {
			name: { first_names: 'Anna', surname }
		});
		const first = await received({ answers });
		expect((await casework.decide(first.application.id, registerAll, staff)).ok).toBe(true);

		// The same person, typed differently, sends a new registration form.
		const again = await received({
			answers: answersOf(adultInGermany, {
				name: {
					first_names: 'Anna',
					surname: surname.toLowerCase().replace('-', ' ').replace('’', "'")
				}
			}),
			locale: 'de'
		});
		const view = await casework.open(again.application.id, staff);
		expect(view?.proposal).toEqual({ outcome: 'asked', reasons: ['already_registered'] });
		expect(view?.duplicates).toHaveLength(1);
		expect(await casework.decide(again.application.id, registerAll, staff)).toEqual({
			ok: false,
			error: 'already_registered'
		});

		const asked = await casework.decide(
			again.application.id,
			{
				outcome: 'asked',
				question: 'Wollten Sie Ihre Adresse ändern?',
				reasons: ['already_registered']
			},
			staff
		);
		expect(asked).toMatchObject({
			ok: true,
			decision: {
				outcome: 'asked',
				appealBy: null,
				remarks: 'Wollten Sie Ihre Adresse ändern?',
				locale: 'de'
			}
		});
		if (!asked.ok) return;
		const [app] = await database.db
			.select()
			.from(applications)
			.where(eq(applications.id, again.application.id));
		expect(app?.status).toBe('awaiting_voter');
		const [mail] = await database.db
			.select()
			.from(outbox)
			.where(eq(outbox.decisionId, asked.decision.id));
		expect(mail?.subject).toContain('Eine Frage zu Ihrem Antrag');
		expect(mail?.text).toContain('Wollten Sie Ihre Adresse ändern?');
		expect(mail?.text).toContain('MvT §7');
		// A question is not a decision: no appeal route in the notice.
		expect(mail?.text).not.toContain('Staatsrat');

		const awaiting = await casework.queue({ status: 'awaiting_voter', pageSize: 200 });
		expect(awaiting.items.some((i) => i.id === again.application.id)).toBe(true);

		// The voter answers that they meant a change (issue 4 handles changes): reject the new one.
		const rejected = await casework.decide(
			again.application.id,
			{ outcome: 'rejected', reasons: ['data_mismatch'] },
			staff
		);
		expect(rejected).toMatchObject({
			ok: true,
			decision: { outcome: 'rejected', types: { TK: null, EP: null } }
		});
	});

	it('rejects with reasons and their articles, by letter when there is no e-mail address', async () => {
		const answers = adultAnswers({
			contact: { email: '', phone: '' },
			correspondence_choice: { value: 'yes' },
			correspondence_address: {
				address_line1: 'Postfach 12',
				address_line2: '80331 München',
				address_line3: '',
				country: 'DE'
			}
		});
		const { application } = await received({ answers, locale: 'nl' });
		const result = await casework.decide(
			application.id,
			{ outcome: 'rejected', reasons: ['no_signature', 'identity_document_not_dutch'] },
			staff
		);
		expect(result).toMatchObject({ ok: true, decision: { outcome: 'rejected', notice: 'letter' } });
		if (!result.ok) return;
		const [letter] = await database.db
			.select()
			.from(outbox)
			.where(eq(outbox.decisionId, result.decision.id));
		expect(letter).toMatchObject({
			channel: 'letter',
			recipient: expect.stringMatching(/^Zoë IJsselmeer-Çelik /),
			locale: 'nl',
			postalAddress: { lines: ['Postfach 12', '80331 München'], country: 'DE' }
		});
		expect(letter!.subject).toContain('Besluit op uw aanvraag: afgewezen');
		expect(letter!.text).toContain('Het formulier is niet ondertekend');
		expect(letter!.text).toContain('KW D 3(4)');
		expect(letter!.text).toContain('KB D 4(b)');
		expect(letter!.text).toContain('Raad van State');
		expect(
			await database.db
				.select()
				.from(registrationTypes)
				.where(eq(registrationTypes.registrationId, application.id))
		).toEqual([]);
	});

	it('refuses a decision the rules do not allow, writing nothing', async () => {
		const { application, reference } = await received();
		expect(
			await casework.decide(
				application.id,
				{ outcome: 'registered', types: ['KNI'], refusals: [] },
				staff
			)
		).toEqual({ ok: false, error: 'type_not_applied_for' });
		expect(
			await casework.decide(application.id, { outcome: 'rejected', reasons: [] }, staff)
		).toEqual({
			ok: false,
			error: 'reasons_required'
		});
		expect(await auditOf(reference)).toEqual(['application.received']);
	});
});
