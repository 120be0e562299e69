/**
 * The back office's requests (issue 4 item 8), against a real database (PGlite, and PostgreSQL
 * with DATABASE_URL): receipt of each kind; each kind's decision and its effects in one
 * transaction: the registration changed or removed, the decision row (registration, election,
 * outcome, reasons, appeal day, notice channel), the voter's notice, the proxy holder's letter
 * (KW L 11(3)), the home municipality's notice (M 4(4)), the certificate issued (M 4) or replaced
 * (M 6b, M 5(2)(a)); refusals with their reasons; no proxy decision before nomination day
 * (L 11(1)); no second decision; the audit entries; the voter's status page.
 *
 * The journeys' `requestOf` is replaced by one that reads the request a factory draft carries:
 * receipt is tested independently of the journeys that build requests from real answers.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { withTestDatabase } from './database';
import { staffAccount, voterAccount } from '../factories/casework';
import { pdfWithText, jpegOf, gradient, testKeyring } from '../factories/files';
import {
	KNI_2027,
	TK_2030,
	certificateOf,
	changeRequest,
	completedRequestForm,
	electionId,
	holder,
	noonSummer,
	noonWinter,
	proxyRequest,
	receivedRequest,
	registeredVoter,
	replacementRequest,
	temporarilyAbroadRequest,
	voter,
	voterPassRequest
} from '../factories/requests';
import { addDays, amsterdamDay } from '$lib/domain';
import type { Answers } from '$lib/journeys/engine';
import type { Request } from '$lib/journeys/requests';
import * as casework from '$lib/server/casework';
import * as crypto from '$lib/server/crypto';
import type { Database } from '$lib/server/db';
import {
	applications,
	auditLog,
	decisions,
	outbox,
	postalCertificates,
	registrations as registrationTable,
	registrationTypes
} from '$lib/server/db/schema';
import * as mail from '$lib/server/mail';
import * as requests from '$lib/server/requests';

vi.mock('$lib/server/journeys', async (importOriginal) => {
	const original = await importOriginal<typeof import('$lib/server/journeys')>();
	// The request a factory draft carries as JSON (tests/factories/requests.ts).
	const fixture = (answers: Answers): Request | null => {
		const json = answers.fixture?.request;
		return typeof json === 'string' ? (JSON.parse(json) as Request) : null;
	};
	return {
		...original,
		requestOf: (journey: string, answers: Answers) =>
			fixture(answers) ?? original.requestOf(journey, answers)
	};
});

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
afterEach(() => {
	delete process.env.MUNICIPALITY_ADDRESSES;
});

// Nomination day of TK-2030 is Monday 1 April 2030; its certificates go out on 20 February.
const BEFORE_NOMINATION = noonSummer('2030-03-31');
const NOMINATION_DAY = noonSummer('2030-04-01');
const FEBRUARY = noonWinter('2030-02-05');

const decide = (
	id: string,
	input: Partial<requests.DecideInput> & Pick<requests.DecideInput, 'outcome'>,
	now: Date
) =>
	requests.decide(
		id,
		{ reasons: [], question: '', registrationId: null, certificateNumber: null, ...input },
		staff,
		now
	);

async function decided(
	id: string,
	input: Parameters<typeof decide>[1],
	now: Date
): Promise<import('$lib/server/db/schema').Decision> {
	const result = await decide(id, input, now);
	if (!result.ok) throw new Error(`decision failed: ${result.error}`);
	return result.decision;
}

const mailOf = (decisionId: string) =>
	database.db
		.select()
		.from(outbox)
		.where(eq(outbox.decisionId, decisionId))
		.orderBy(asc(outbox.createdAt));
const auditOf = async (reference: string) =>
	database.db
		.select()
		.from(auditLog)
		.where(eq(auditLog.subject, `application:${reference}`))
		.orderBy(asc(auditLog.seq));
const applicationOf = async (id: string) =>
	(await database.db.select().from(applications).where(eq(applications.id, id)))[0]!;
const typesOf = (registrationId: string) =>
	database.db
		.select()
		.from(registrationTypes)
		.where(eq(registrationTypes.registrationId, registrationId))
		.orderBy(asc(registrationTypes.type));

describe('receipt', () => {
	it('receives each kind by reference with its typed request, election and due day', async () => {
		const tk = await electionId(database, TK_2030);
		// Received today (a receipt cannot lie ahead, nor before the form was made).
		const now = new Date();
		const week = addDays(amsterdamDay(now), 7);
		const cases: [Request, string, string | null][] = [
			// KB D 9: a change within 7 days.
			[changeRequest(voter(), { phone: '+49 30 1234567' }), week, null],
			// L 11(1): a proxy not before nomination day.
			[proxyRequest(voter()), '2030-04-01', tk],
			// The others within 7 days, long before their useful day.
			[voterPassRequest(voter()), week, tk],
			[temporarilyAbroadRequest(), week, tk],
			[replacementRequest(voter()), week, tk]
		];
		for (const [request, dueOn, election] of cases) {
			const form = await completedRequestForm(database, request);
			const received = await casework.receive({
				reference: form.reference,
				channel: 'post',
				receivedAt: now,
				staffId: staff
			});
			expect(received, request.kind).toMatchObject({
				ok: true,
				created: true,
				application: { kind: request.kind, request, electionId: election, dueOn }
			});
			const [entry] = (await auditOf(form.reference)).filter(
				(e) => e.action === 'application.received'
			);
			expect(entry?.details).toMatchObject({ kind: request.kind, dueOn });
		}
	});

	it('refuses a form that makes no complete request, or names an unknown election', async () => {
		for (const request of [
			null,
			{ ...voterPassRequest(voter()), election: 'TK-1848' } as Request
		]) {
			const form = await completedRequestForm(database, request, { journey: 'vote_choice' });
			expect(
				await casework.receive({
					reference: form.reference,
					channel: 'post',
					receivedAt: new Date(),
					staffId: staff
				})
			).toEqual({ ok: false, error: 'incomplete' });
			expect(await casework.isReceived(form.reference)).toBe(false);
		}
		// Nor by the voter's upload: the form is as good as unknown.
		const account = await voterAccount(database);
		const form = await completedRequestForm(database, null, {
			journey: 'vote_choice',
			accountId: account
		});
		const draft = await casework.draftForAccount(account, form.reference);
		expect(
			await casework.receiveUpload({
				accountId: account,
				draftId: draft!.id,
				files: [{ kind: 'signed_form', bytes: await pdfWithText('signed') }]
			})
		).toEqual({ ok: false, error: 'not_found' });
	});

	it('takes a proxy upload without an ID copy (L 8 asks none), a voter pass only with one (K 3(2))', async () => {
		const account = await voterAccount(database);
		const signed = {
			kind: 'signed_form' as const,
			bytes: await pdfWithText('signed'),
			fileName: 'form.pdf'
		};
		const proxy = await completedRequestForm(database, proxyRequest(voter()), {
			accountId: account
		});
		const draft = await casework.draftForAccount(account, proxy.reference);
		expect(casework.uploadsRequired(draft!)).toEqual(['signed_form']);
		expect(
			await casework.receiveUpload({ accountId: account, draftId: draft!.id, files: [signed] })
		).toMatchObject({ ok: true, application: { kind: 'proxy' } });

		const pass = await completedRequestForm(database, voterPassRequest(voter()), {
			accountId: account
		});
		const passDraft = await casework.draftForAccount(account, pass.reference);
		expect(
			await casework.receiveUpload({ accountId: account, draftId: passDraft!.id, files: [signed] })
		).toEqual({ ok: false, error: 'files', files: { identity_document: 'missing' } });
		expect(
			await casework.receiveUpload({
				accountId: account,
				draftId: passDraft!.id,
				files: [
					signed,
					{ kind: 'identity_document', bytes: jpegOf(gradient(64, 48)), fileName: 'id.jpg' }
				]
			})
		).toMatchObject({ ok: true, application: { kind: 'voter_pass' } });
	});

	it('queues requests with their kind and election, the earliest due first', async () => {
		const late = await receivedRequest(database, replacementRequest(voter()), {
			receivedAt: new Date('2020-01-06T11:00:00Z')
		});
		const queue = await casework.queue({ pageSize: 200, now: new Date('2030-02-02T11:00:00Z') });
		const item = queue.items.find((i) => i.id === late.id);
		expect(item).toMatchObject({ kind: 'replacement', election: TK_2030, types: ['TK'] });
		expect(item?.overdue).toBe(true);
		const days = queue.items.map((i) => i.dueOn);
		expect([...days].sort()).toEqual(days);
	});
});

describe('a change', () => {
	it('changes the registration in the decision: data, types, decision row, notice, audit', async () => {
		const v = voter();
		const registration = await registeredVoter(database, v, { locale: 'de' });
		const newEmail = `neu.${registration.id.slice(0, 6)}@example.org`;
		const application = await receivedRequest(
			database,
			changeRequest(v, {
				residentialAddress: { lines: ['Rue de Rivoli 1', '75001 Paris'], country: 'FR' },
				correspondenceAddress: { lines: ['Postfach 12', '10115 Berlin'], country: 'DE' },
				email: newEmail,
				electionTypes: ['TK', 'KNI']
			}),
			{ receivedAt: FEBRUARY, locale: 'de' }
		);
		const decision = await decided(
			application.id,
			{ outcome: 'changed', registrationId: registration.id },
			noonWinter('2030-02-06')
		);
		expect(decision).toMatchObject({
			outcome: 'changed',
			registrationId: registration.id,
			electionId: null,
			types: { TK: '2020-01-01', KNI: '2030-02-06', EP: null },
			reasons: [],
			notice: 'email',
			appealBy: '2030-03-20',
			locale: 'de'
		});
		const [row] = await database.db
			.select()
			.from(registrationTable)
			.where(eq(registrationTable.id, registration.id));
		expect(row).toMatchObject({
			residentialAddress: { country: 'FR' },
			correspondenceAddress: { lines: ['Postfach 12', '10115 Berlin'], country: 'DE' },
			email: newEmail,
			status: 'active'
		});
		expect(
			(await typesOf(registration.id)).map((t) => [t.type, t.startsOn, t.endedOn, t.endReason])
		).toEqual([
			['TK', '2020-01-01', null, null],
			['EP', '2020-01-01', '2030-02-06', 'own_request'],
			['KNI', '2030-02-06', null, null]
		]);
		// The notice goes to the new address, in the voter's language, with the appeal route.
		const [notice] = await mailOf(decision.id);
		expect(notice).toMatchObject({ channel: 'email', recipient: newEmail, locale: 'de' });
		expect(notice!.subject).toContain('Registrierung');
		expect(notice!.text).toContain('KW D 8');
		expect((await applicationOf(application.id)).status).toBe('decided');
		const entry = (await auditOf(application.reference)).find((e) => e.action === 'decision.made');
		expect(entry?.details).toMatchObject({
			decision: decision.id,
			kind: 'change',
			outcome: 'changed',
			registration: registration.id
		});
	});

	it('makes a late change but says it counts from the next election (D 3(3))', async () => {
		const v = voter();
		const registration = await registeredVoter(database, v);
		// 14 March 2030: after the TK-2030 change cut-off of 13 March.
		const application = await receivedRequest(database, changeRequest(v, { phone: '+49 1' }), {
			receivedAt: noonWinter('2030-03-14')
		});
		const decision = await decided(
			application.id,
			{ outcome: 'changed', registrationId: registration.id },
			noonWinter('2030-03-15')
		);
		expect(decision.reasons).toEqual([
			{
				code: 'note_change_counts_next',
				params: { date: '2030-03-13', electionDay: '2030-05-15', type: 'TK' },
				basis: [expect.objectContaining({ code: 'KW D 3(3)' })]
			}
		]);
		const [notice] = await mailOf(decision.id);
		expect(notice!.text).toContain('13 March 2030');
		expect(notice!.text).toContain('KW D 3(3)');
	});

	it('removes on request: every type ends, the registration is removed', async () => {
		const v = voter();
		const registration = await registeredVoter(database, v);
		const application = await receivedRequest(database, changeRequest(v, {}, true));
		const decision = await decided(
			application.id,
			{ outcome: 'removed', registrationId: registration.id },
			FEBRUARY
		);
		expect(decision.types).toEqual({ TK: null, EP: null });
		expect(
			(
				await database.db
					.select()
					.from(registrationTable)
					.where(eq(registrationTable.id, registration.id))
			)[0]?.status
		).toBe('removed');
		expect((await typesOf(registration.id)).every((t) => t.endReason === 'own_request')).toBe(true);
	});

	it('asks, waits for the voter, and decides later; refuses without a registration', async () => {
		const v = voter();
		const registration = await registeredVoter(database, v);
		const application = await receivedRequest(database, changeRequest(v, { phone: '+49 2' }));
		const asked = await decided(
			application.id,
			{ outcome: 'asked', question: 'Which phone number do you mean?' },
			FEBRUARY
		);
		expect(asked).toMatchObject({
			outcome: 'asked',
			appealBy: null,
			remarks: 'Which phone number do you mean?'
		});
		expect((await applicationOf(application.id)).status).toBe('awaiting_voter');
		expect((await mailOf(asked.id))[0]!.text).toContain('Which phone number do you mean?');
		await decided(
			application.id,
			{ outcome: 'changed', registrationId: registration.id },
			FEBRUARY
		);
		expect((await applicationOf(application.id)).status).toBe('decided');

		const stranger = await receivedRequest(database, changeRequest(voter(), { phone: '+49 3' }));
		expect(await decide(stranger.id, { outcome: 'changed' }, FEBRUARY)).toEqual({
			ok: false,
			error: 'refusal_required'
		});
		const refused = await decided(
			stranger.id,
			{ outcome: 'refused', reasons: ['change_not_registered'] },
			FEBRUARY
		);
		expect(refused.reasons.map((r) => r.code)).toEqual(['change_not_registered']);
		// The notice goes to the address on the request: no registration was found.
		expect((await mailOf(refused.id))[0]).toMatchObject({
			channel: 'email',
			recipient: stranger.request!.voter.email
		});
	});
});

describe('a proxy', () => {
	it('is not decided before nomination day (L 11(1)), and the page says from when', async () => {
		const v = voter();
		const registration = await registeredVoter(database, v);
		const application = await receivedRequest(database, proxyRequest(v));
		for (const outcome of ['granted', 'refused'] as const) {
			expect(
				await decide(
					application.id,
					{
						outcome,
						registrationId: registration.id,
						reasons: outcome === 'refused' ? ['proxy_holder_not_a_voter'] : []
					},
					BEFORE_NOMINATION
				)
			).toEqual({ ok: false, error: 'before_nomination_day' });
		}
		const view = await requests.open(application.id, staff, {
			registrationId: registration.id,
			now: BEFORE_NOMINATION
		});
		expect(view?.blocked).toEqual({
			from: '2030-04-01',
			basis: [expect.objectContaining({ code: 'KW L 11(1)' })]
		});
		expect(
			await database.db.select().from(decisions).where(eq(decisions.applicationId, application.id))
		).toEqual([]);
	});

	it('is granted from nomination day: decision, voter notice, the holder’s letter (L 11(3))', async () => {
		const v = voter();
		const h = holder();
		const registration = await registeredVoter(database, v, { locale: 'fr' });
		const application = await receivedRequest(database, proxyRequest(v, h), { locale: 'fr' });
		const decision = await decided(
			application.id,
			{ outcome: 'granted', registrationId: registration.id },
			NOMINATION_DAY
		);
		expect(decision).toMatchObject({
			outcome: 'granted',
			registrationId: registration.id,
			electionId: await electionId(database, TK_2030),
			notice: 'email',
			appealBy: '2030-05-13'
		});
		expect(decision.reasons.map((r) => r.code)).toEqual([
			'note_proxy_no_certificate',
			'note_proxy_holder_votes',
			'note_proxy_holder_told'
		]);
		const [toVoter, toHolder] = await mailOf(decision.id);
		expect(toVoter).toMatchObject({ channel: 'email', recipient: v.email, locale: 'fr' });
		expect(toVoter!.subject).toContain('procuration');
		// The appeal opens through L 11(4) to the Council of State (D 8).
		expect(toVoter!.text).toContain('KW L 11(4)');
		expect(toHolder).toMatchObject({
			channel: 'letter',
			recipient: `${h.firstNames} ${h.surname}`,
			postalAddress: h.address,
			locale: 'nl',
			sentAt: null
		});
		expect(toHolder!.text).toContain(`${v.firstNames} ${v.surname}`);
		expect(toHolder!.text).toContain('KW L 11(3)');
		expect(toHolder!.text).toContain('KW L 4');
		// It waits in the print queue, and prints.
		expect((await mail.printQueue()).map((l) => l.id)).toContain(toHolder!.id);
		expect((await mail.letterPdf(toHolder!.id))?.length).toBeGreaterThan(1000);

		// No second decision on the same application.
		expect(
			await decide(application.id, { outcome: 'refused', reasons: ['proxy_late'] }, NOMINATION_DAY)
		).toEqual({ ok: false, error: 'already_decided' });
		// Now no voter pass for the same voter and election (K 8(2)).
		const pass = await receivedRequest(database, voterPassRequest(v));
		const view = await requests.open(pass.id, staff, {
			registrationId: registration.id,
			now: NOMINATION_DAY
		});
		expect(view?.facts.proxyGranted).toBe(true);
		expect(view?.proposal).toEqual({ outcome: 'refused', reasons: ['voter_pass_proxy_granted'] });
		expect(
			await decide(pass.id, { outcome: 'granted', registrationId: registration.id }, NOMINATION_DAY)
		).toEqual({ ok: false, error: 'refusal_required' });
	});

	it('refuses a third proxy for the same holder (L 4), and tells the holder why', async () => {
		const h = holder();
		for (let i = 0; i < 2; i++) {
			const v = voter();
			const registration = await registeredVoter(database, v);
			const application = await receivedRequest(database, proxyRequest(v, h));
			await decided(
				application.id,
				{ outcome: 'granted', registrationId: registration.id },
				NOMINATION_DAY
			);
		}
		const v = voter();
		const registration = await registeredVoter(database, v);
		// The holder's surname typed in another case, with other spacing.
		const application = await receivedRequest(
			database,
			proxyRequest(v, { ...h, surname: ` ${h.surname.toUpperCase()} ` })
		);
		const view = await requests.open(application.id, staff, {
			registrationId: registration.id,
			now: NOMINATION_DAY
		});
		expect(view?.facts.holderProxies).toBe(2);
		expect(view?.proposal.reasons).toEqual(['proxy_holder_has_two']);
		const refused = await decided(
			application.id,
			{ outcome: 'refused', reasons: ['proxy_holder_has_two'], registrationId: registration.id },
			NOMINATION_DAY
		);
		const [, toHolder] = await mailOf(refused.id);
		expect(toHolder!.text).toContain('KW L 4');
		expect(toHolder!.text).toContain('KW L 11(3)');
	});

	it('is refused once a certificate was issued (L 10(b)), and never for the KNI (Pa 21)', async () => {
		const v = voter();
		const registration = await registeredVoter(database, v);
		await certificateOf(database, TK_2030, registration.id);
		const application = await receivedRequest(database, proxyRequest(v));
		const view = await requests.open(application.id, staff, {
			registrationId: registration.id,
			now: NOMINATION_DAY
		});
		expect(view?.facts.certificateIssued).toBe(true);
		expect(view?.proposal.reasons).toEqual(['proxy_certificate_issued']);

		const kni = await receivedRequest(database, proxyRequest(voter(), holder(), KNI_2027), {
			receivedAt: noonWinter('2026-11-01')
		});
		const refused = await decided(
			kni.id,
			{ outcome: 'refused', reasons: ['proxy_kni'] },
			noonWinter('2027-02-02')
		);
		expect(refused.reasons[0]?.basis?.map((b) => b.code)).toEqual(['KW Pa 21', 'KW Pa 20']);
	});
});

describe('a voter pass', () => {
	it('is granted with the warning that a lost pass is not replaced (K 4(3))', async () => {
		const v = voter();
		const registration = await registeredVoter(database, v, { email: null });
		const application = await receivedRequest(database, voterPassRequest({ ...v, email: null }));
		const decision = await decided(
			application.id,
			{ outcome: 'granted', registrationId: registration.id },
			FEBRUARY
		);
		expect(decision).toMatchObject({
			outcome: 'granted',
			registrationId: registration.id,
			notice: 'letter'
		});
		const [letter] = await mailOf(decision.id);
		expect(letter).toMatchObject({ channel: 'letter', postalAddress: v.address });
		// The page keeps showing the registration the decision named.
		expect((await requests.open(application.id, staff, { now: FEBRUARY }))?.linked?.id).toBe(
			registration.id
		);
		expect(letter!.text).toContain('KW K 4(3)');
		expect(letter!.text).toContain('KW K 8(4)');
	});

	it('is refused when a certificate was issued (K 8(2)), with the reason and its articles', async () => {
		const v = voter();
		const registration = await registeredVoter(database, v);
		await certificateOf(database, TK_2030, registration.id);
		const application = await receivedRequest(database, voterPassRequest(v));
		expect(
			await decide(
				application.id,
				{ outcome: 'granted', registrationId: registration.id },
				FEBRUARY
			)
		).toEqual({ ok: false, error: 'refusal_required' });
		const refused = await decided(
			application.id,
			{
				outcome: 'refused',
				reasons: ['voter_pass_certificate_issued'],
				registrationId: registration.id
			},
			FEBRUARY
		);
		expect(refused.reasons).toEqual([
			{
				code: 'voter_pass_certificate_issued',
				basis: [
					expect.objectContaining({ code: 'KW K 8(2)' }),
					expect.objectContaining({ code: 'KW K 2' })
				]
			}
		]);
		expect((await mailOf(refused.id))[0]!.text).toContain('KW K 8(2)');
	});

	it('says which reason fits and which registration is unknown', async () => {
		const application = await receivedRequest(database, voterPassRequest(voter()));
		expect(
			await decide(application.id, { outcome: 'refused', reasons: ['proxy_late'] }, FEBRUARY)
		).toEqual({ ok: false, error: 'reason_not_applicable' });
		expect(
			await decide(
				application.id,
				{ outcome: 'granted', registrationId: '00000000-0000-4000-8000-000000000000' },
				FEBRUARY
			)
		).toEqual({ ok: false, error: 'registration_not_found' });
		expect(await decide('not-an-id', { outcome: 'granted' }, FEBRUARY)).toEqual({
			ok: false,
			error: 'not_found'
		});
	});
});

describe('a resident temporarily abroad', () => {
	it('gets a certificate, and the home municipality is told by letter (M 4(4), M 2)', async () => {
		const request = temporarilyAbroadRequest();
		const application = await receivedRequest(database, request, { locale: 'es' });
		const decision = await decided(application.id, { outcome: 'granted' }, FEBRUARY);
		expect(decision).toMatchObject({ outcome: 'granted', registrationId: null, notice: 'email' });
		const [certificate] = await database.db
			.select()
			.from(postalCertificates)
			.where(eq(postalCertificates.applicationId, application.id));
		expect(certificate).toMatchObject({
			electionId: await electionId(database, TK_2030),
			registrationId: null,
			sentBy: 'email',
			issuedOn: '2030-02-05',
			invalidatedOn: null
		});
		const [toVoter, toMunicipality] = await mailOf(decision.id);
		expect(toVoter).toMatchObject({
			channel: 'email',
			recipient: request.voter.email,
			locale: 'es'
		});
		expect(toVoter!.text).toContain('KW M 4(5)');
		expect(toMunicipality).toMatchObject({
			channel: 'letter',
			recipient: 'De burgemeester van Utrecht',
			postalAddress: { lines: [], country: 'NL' },
			locale: 'nl'
		});
		expect(toMunicipality!.text).toContain(`${request.voter.firstNames} ${request.voter.surname}`);
		expect(toMunicipality!.text).toContain('KW M 2');
		expect(toMunicipality!.text).toContain('KW M 4(4)');
		const entry = (await auditOf(application.reference)).find((e) => e.action === 'decision.made');
		expect(entry?.details).toMatchObject({
			kind: 'temporarily_abroad',
			certificates: { issued: certificate!.id },
			others: ['municipality']
		});
	});

	it('tells a municipality in the table by e-mail, at its address', async () => {
		process.env.MUNICIPALITY_ADDRESSES = JSON.stringify({
			'Gemeente Súdwest-Fryslân': {
				name: 'De burgemeester van Súdwest-Fryslân',
				lines: ['Postbus 10000', '8600 HA Sneek'],
				email: 'verkiezingen@example.org'
			}
		});
		const application = await receivedRequest(
			database,
			temporarilyAbroadRequest({ homeMunicipality: 'sudwest fryslan', ballotBy: 'post' })
		);
		const decision = await decided(application.id, { outcome: 'granted' }, FEBRUARY);
		const [, toMunicipality] = await mailOf(decision.id);
		expect(toMunicipality).toMatchObject({
			channel: 'email',
			recipient: 'verkiezingen@example.org'
		});
		const [certificate] = await database.db
			.select()
			.from(postalCertificates)
			.where(eq(postalCertificates.applicationId, application.id));
		expect(certificate?.sentBy).toBe('post');
	});

	it('is refused for someone who lives abroad or asked too late (M 4(2), M 3(3))', async () => {
		const abroad = temporarilyAbroadRequest({
			voter: voter({ address: { lines: ['Carrer 1', '08001 Barcelona'], country: 'ES' } })
		});
		const application = await receivedRequest(database, abroad, {
			receivedAt: noonSummer('2030-04-20')
		});
		const view = await requests.open(application.id, staff, { now: noonSummer('2030-04-21') });
		expect(view?.proposal).toEqual({
			outcome: 'refused',
			reasons: ['temporarily_abroad_late', 'temporarily_abroad_lives_abroad']
		});
		expect(view?.cutoff).toMatchObject({ day: '2030-04-17', late: true });
		expect(view?.candidates).toEqual([]);
		expect(await decide(application.id, { outcome: 'granted' }, noonSummer('2030-04-21'))).toEqual({
			ok: false,
			error: 'refusal_required'
		});
		const refused = await decided(
			application.id,
			{
				outcome: 'refused',
				reasons: ['temporarily_abroad_late', 'temporarily_abroad_lives_abroad']
			},
			noonSummer('2030-04-21')
		);
		expect(refused.reasons[0]).toMatchObject({
			code: 'temporarily_abroad_late',
			params: { date: '2030-04-17' }
		});
		expect(
			await database.db
				.select()
				.from(postalCertificates)
				.where(eq(postalCertificates.applicationId, application.id))
		).toEqual([]);
		// The municipality hears of the refusal too: "the decision" (M 4(4)).
		const [, toMunicipality] = await mailOf(refused.id);
		expect(toMunicipality?.text).toContain('KW M 4(2)');
	});
});

describe('a replacement', () => {
	it('replaces the certificate: the old one becomes invalid (M 5(2)(a)), a new one goes out', async () => {
		const v = voter();
		const registration = await registeredVoter(database, v);
		const old = await certificateOf(database, TK_2030, registration.id);
		const application = await receivedRequest(database, replacementRequest(v), {
			receivedAt: noonSummer('2030-04-30')
		});
		const decision = await decided(
			application.id,
			{ outcome: 'granted', registrationId: registration.id },
			noonSummer('2030-05-01')
		);
		expect(decision).toMatchObject({ outcome: 'granted', registrationId: registration.id });
		const rows = await database.db
			.select()
			.from(postalCertificates)
			.where(eq(postalCertificates.registrationId, registration.id))
			.orderBy(asc(postalCertificates.number));
		expect(rows).toEqual([
			expect.objectContaining({
				id: old.id,
				invalidatedOn: '2030-05-01',
				invalidReason: 'replaced'
			}),
			expect.objectContaining({
				replacesId: old.id,
				applicationId: application.id,
				sentBy: 'email',
				invalidatedOn: null
			})
		]);
		expect((await mailOf(decision.id))[0]!.text).toContain('KW M 5(2)(a)');
	});

	it('finds the certificate by its number, and refuses when there is none to replace', async () => {
		const v = voter({ address: { lines: ['Kaya 1', 'Willemstad'], country: 'CW' } });
		const registration = await registeredVoter(database, v);
		const application = await receivedRequest(database, replacementRequest(v), {
			receivedAt: noonSummer('2030-04-30')
		});
		// Nothing issued: the rules refuse (M 6b(1)).
		const view = await requests.open(application.id, staff, {
			registrationId: registration.id,
			now: noonSummer('2030-05-01')
		});
		expect(view?.proposal.reasons).toEqual(['replacement_no_certificate']);
		// Another voter's certificate is not this voter's to replace.
		const other = await registeredVoter(database, voter());
		const theirs = await certificateOf(database, TK_2030, other.id);
		expect(
			await decide(
				application.id,
				{
					outcome: 'granted',
					registrationId: registration.id,
					certificateNumber: String(theirs.number)
				},
				noonSummer('2030-05-01')
			)
		).toEqual({ ok: false, error: 'certificate_not_found' });
		const own = await certificateOf(database, TK_2030, registration.id);
		const decision = await decided(
			application.id,
			{
				outcome: 'granted',
				registrationId: registration.id,
				certificateNumber: String(own.number)
			},
			noonSummer('2030-05-01')
		);
		// Curaçao: by post only, whatever was asked (M 6b(5)).
		expect(decision.reasons.map((r) => r.code)).toEqual([
			'note_replacement_old_invalid',
			'note_replacement_by_post',
			'note_replacement_caribbean_post'
		]);
		const [fresh] = await database.db
			.select()
			.from(postalCertificates)
			.where(and(eq(postalCertificates.replacesId, own.id)));
		expect(fresh?.sentBy).toBe('post');
	});
});

describe('the voter’s status', () => {
	it('shows each request with its kind, election, decision, reasons and appeal route', async () => {
		const account = await voterAccount(database);
		const v = voter();
		const registration = await registeredVoter(database, v, { accountId: account });
		const application = await receivedRequest(database, voterPassRequest(v), {
			accountId: account
		});
		await decided(
			application.id,
			{ outcome: 'granted', registrationId: registration.id },
			FEBRUARY
		);
		const status = await casework.statusFor(account, noonWinter('2030-02-06'));
		const found = status.applications.find((a) => a.id === application.id);
		expect(found).toMatchObject({
			kind: 'voter_pass',
			election: { slug: TK_2030, type: 'TK', electionDay: '2030-05-15' },
			types: ['TK'],
			countsFor: null,
			decisions: [
				{
					kind: 'voter_pass',
					outcome: 'granted',
					reasons: [
						expect.objectContaining({ code: 'note_voter_pass_only_with_pass' }),
						expect.objectContaining({ code: 'note_voter_pass_not_replaced' })
					]
				}
			]
		});
		const point = found!.decisions[0]!.appeal!.points[0]!;
		expect(point.basis.map((b) => b.code)).toEqual(['KW K 8(4)', 'KW D 8']);
	});
});

describe('the application page', () => {
	it('offers the voter’s registrations, by account, BSN and name, and audits the search', async () => {
		const account = await voterAccount(database);
		const v = voter({ bsn: '123456782' });
		const registration = await registeredVoter(database, v, { accountId: account });
		const application = await receivedRequest(
			database,
			changeRequest({ ...v, surname: 'Someone Else' }, { phone: '+49 9' }),
			{ accountId: account }
		);
		const view = await requests.open(application.id, staff, { now: FEBRUARY });
		expect(view?.candidates.find((c) => c.id === registration.id)?.via).toEqual(['account', 'bsn']);
		const actions = (await auditOf(application.reference)).map((e) => e.action);
		expect(actions).toEqual(
			expect.arrayContaining(['application.viewed', 'registration.searched'])
		);
		// A clerk (no search) sees no candidates, and no registration named in the address.
		const clerkView = await requests.open(application.id, staff, {
			search: false,
			registrationId: registration.id,
			now: FEBRUARY
		});
		expect(clerkView?.candidates).toEqual([]);
		expect(clerkView?.linked).toBeNull();
		// Registrations are not in a request's view for a registration application, and vice versa.
		expect(await casework.open(application.id, staff)).toBeNull();
	});
});
