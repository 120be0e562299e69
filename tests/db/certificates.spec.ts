/**
 * The register of postal voting certificates (KW M 5) on both drivers: numbering per election,
 * who gets a certificate (registered for the type on nomination day, KW D 2, M 1(1); not with a
 * granted proxy or voter pass, M 1(1)), idempotency and concurrent issues, replacement
 * (M 6b, M 5(2)(a)), and the two lists as streamed CSV.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import { withTestDatabase } from './database';
import { BERLIN, insertRegistrations, type RegistrationSpec } from '../factories/brp';
import { staffAccount } from '../factories/casework';
import { application, decide, election } from '../factories/certificates';
import type { TemporarilyAbroadRequest, ReplacementRequest } from '$lib/journeys/requests';
import * as certificates from '$lib/server/certificates';
import type { Database } from '$lib/server/db';
import { auditLog, postalCertificates, registrations } from '$lib/server/db/schema';

let database: Database;
let close: () => Promise<void>;
let staffId: string;

beforeAll(async () => {
	({ database, close } = await withTestDatabase());
	staffId = await staffAccount(database, ['admin']);
});
afterAll(async () => close());
// Every test starts without voters: those of another test would be voters for its elections too.
// (Certificates of earlier tests stay, their holder set to null; each test has its own election.)
beforeEach(async () => {
	await database.db.delete(registrations);
});

const NOMINATION = '2030-04-01';
const ISSUED_ON = '2030-02-20';
const issue = (slug: string) =>
	certificates.issueForElection(slug, { staffId, issuedOn: ISSUED_ON });
const tk = (over: Partial<RegistrationSpec> = {}): RegistrationSpec => ({
	bsn: null,
	types: ['TK'],
	address: BERLIN,
	startsOn: '2025-01-06',
	...over
});
const rows = (electionId: string) =>
	database.db
		.select()
		.from(postalCertificates)
		.where(eq(postalCertificates.electionId, electionId))
		.orderBy(asc(postalCertificates.number));

/** RFC 4180, as a spreadsheet reads it: quoted fields may hold commas, quotes and line breaks. */
function parseCsv(text: string): string[][] {
	const out: string[][] = [];
	let row: string[] = [];
	let field = '';
	let quoted = false;
	for (let i = 0; i < text.length; i++) {
		const c = text[i]!;
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				field += '"';
				i++;
			} else if (c === '"') quoted = false;
			else field += c;
		} else if (c === '"') quoted = true;
		else if (c === ',') {
			row.push(field);
			field = '';
		} else if (c === '\r' && text[i + 1] === '\n') {
			row.push(field);
			out.push(row);
			row = [];
			field = '';
			i++;
		} else field += c;
	}
	if (field !== '' || row.length > 0) throw new Error(`unterminated last line: ${row}`);
	return out;
}

async function list(electionId: string, kind: certificates.ListKind) {
	const bytes = new Uint8Array(
		await new Response(certificates.stream(electionId, kind)).arrayBuffer()
	);
	// A byte-order mark first, so that a spreadsheet reads the names as UTF-8.
	expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	return parseCsv(new TextDecoder().decode(bytes));
}

describe('issueForElection: who gets a certificate (KW D 2, M 1(1))', () => {
	it('issues to voters registered for the type on nomination day, and to nobody else', async () => {
		const e = await election(database.db, { nominationDay: NOMINATION });
		const [before, onTheDay, dayAfter, endedBefore, endedOnTheDay, endedAfter, otherType, removed] =
			await insertRegistrations(database.db, [
				tk({ surname: 'Before', startsOn: '2029-01-01' }),
				// Registered from nomination day itself (a 17-year-old, KW D 3(1)): a voter.
				tk({ surname: 'OnTheDay', startsOn: NOMINATION }),
				tk({ surname: 'DayAfter', startsOn: '2030-04-02' }),
				tk({ surname: 'EndedBefore', endedOn: '2030-03-31' }),
				// A type ended on nomination day no longer holds that day (as the status page reads it).
				tk({ surname: 'EndedOnTheDay', endedOn: NOMINATION }),
				tk({ surname: 'EndedAfter', endedOn: '2030-04-02' }),
				tk({ surname: 'OtherType', types: ['EP', 'KNI'] }),
				tk({ surname: 'Removed', status: 'removed' })
			]);
		const counts = await issue(e.slug);
		expect(counts).toEqual({ issued: 3, alreadyHeld: 0, excluded: 0 });
		const issued = await rows(e.id);
		expect(new Set(issued.map((c) => c.registrationId))).toEqual(
			new Set([before, onTheDay, endedAfter])
		);
		for (const id of [dayAfter, endedBefore, endedOnTheDay, otherType, removed]) {
			expect(issued.some((c) => c.registrationId === id)).toBe(false);
		}
		expect(issued.every((c) => c.sentBy === 'post' && c.issuedOn === ISSUED_ON)).toBe(true);
		expect(issued.every((c) => c.invalidatedOn === null && c.applicationId === null)).toBe(true);
	});

	it('refuses an election without a nomination day, and an unknown one', async () => {
		const e = await election(database.db, { nominationDay: null });
		await expect(issue(e.slug)).rejects.toMatchObject({ code: 'no_nomination_day' });
		await expect(issue('TK-1900')).rejects.toMatchObject({ code: 'election_not_found' });
		expect(await rows(e.id)).toEqual([]);
	});

	it('numbers 1, 2, 3… by country and name, and continues after the highest', async () => {
		const e = await election(database.db, { type: 'KNI' });
		const spain = { lines: ['Calle 1', 'Madrid'], country: 'ES' };
		await insertRegistrations(database.db, [
			tk({ types: ['KNI'], surname: 'Zwart', address: BERLIN }),
			tk({ types: ['KNI'], surname: 'Abma', address: spain }),
			tk({ types: ['KNI'], surname: 'Bakker', address: BERLIN }),
			// Papers go to the correspondence address, so that country counts (MvT §3.5).
			tk({ types: ['KNI'], surname: 'Aalders', address: spain, correspondence: BERLIN })
		]);
		await issue(e.slug);
		const issued = await database.db
			.select({ number: postalCertificates.number, surname: registrations.surname })
			.from(postalCertificates)
			.innerJoin(registrations, eq(registrations.id, postalCertificates.registrationId))
			.where(eq(postalCertificates.electionId, e.id))
			.orderBy(asc(postalCertificates.number));
		expect(issued).toEqual([
			{ number: 1, surname: 'Aalders' },
			{ number: 2, surname: 'Bakker' },
			{ number: 3, surname: 'Zwart' },
			{ number: 4, surname: 'Abma' }
		]);

		// One more voter: the next number, after the highest (invalid ones count too).
		const [late] = await insertRegistrations(database.db, [tk({ types: ['KNI'] })]);
		const first = (await rows(e.id))[0]!;
		await certificates.replace({
			oldId: first.id,
			applicationId: (await application(database.db, e.id, 'replacement')).id,
			sentBy: 'post',
			issuedOn: '2030-05-01'
		});
		expect(await issue(e.slug)).toEqual({ issued: 1, alreadyHeld: 4, excluded: 0 });
		const after = await rows(e.id);
		expect(after.map((c) => c.number)).toEqual([1, 2, 3, 4, 5, 6]);
		expect(after.at(-1)!.registrationId).toBe(late);
	});

	it('leaves out voters with a granted proxy or voter pass for this election (M 1(1))', async () => {
		const e = await election(database.db);
		const other = await election(database.db);
		const [proxy, pass, rejected, abroad, elsewhere, plain] = await insertRegistrations(
			database.db,
			Array.from({ length: 6 }, () => tk())
		);
		await decide(database.db, { electionId: e.id, registrationId: proxy!, kind: 'proxy' });
		await decide(database.db, { electionId: e.id, registrationId: pass!, kind: 'voter_pass' });
		await decide(database.db, {
			electionId: e.id,
			registrationId: rejected!,
			kind: 'proxy',
			outcome: 'rejected'
		});
		// Only a proxy or a voter pass takes the place of the certificate.
		await decide(database.db, {
			electionId: e.id,
			registrationId: abroad!,
			kind: 'temporarily_abroad'
		});
		await decide(database.db, { electionId: other.id, registrationId: elsewhere!, kind: 'proxy' });

		expect(await certificates.preview(e.slug)).toMatchObject({
			issued: 4,
			alreadyHeld: 0,
			excluded: 2
		});
		expect(await issue(e.slug)).toEqual({ issued: 4, alreadyHeld: 0, excluded: 2 });
		const holders = new Set((await rows(e.id)).map((c) => c.registrationId));
		expect(holders).toEqual(new Set([rejected, abroad, elsewhere, plain]));
		const summary = await certificates.summary(e.slug);
		expect(summary).toMatchObject({ issued: 4, valid: 4, invalid: 0, excluded: 2 });
		expect(summary!.extractDue).toMatchObject({ date: '2030-05-07' });
		expect(summary!.extractDue!.basis.map((b) => b.code)).toEqual(['KW M 5(3)']);
	});

	it('is idempotent, and audits every run', async () => {
		const e = await election(database.db);
		await insertRegistrations(
			database.db,
			Array.from({ length: 5 }, () => tk())
		);
		expect(await issue(e.slug)).toEqual({ issued: 5, alreadyHeld: 0, excluded: 0 });
		expect(await issue(e.slug)).toEqual({ issued: 0, alreadyHeld: 5, excluded: 0 });
		expect((await rows(e.id)).map((c) => c.number)).toEqual([1, 2, 3, 4, 5]);
		const entries = await database.db
			.select()
			.from(auditLog)
			.where(
				and(
					eq(auditLog.subject, `election:${e.slug}`),
					eq(auditLog.action, 'certificates.issued_for_election')
				)
			)
			.orderBy(asc(auditLog.seq));
		expect(entries.map((a) => [a.actor, a.details])).toEqual([
			[
				`staff:${staffId}`,
				expect.objectContaining({ issued: 5, firstNumber: 1, lastNumber: 5, issuedOn: ISSUED_ON })
			],
			[
				`staff:${staffId}`,
				expect.objectContaining({ issued: 0, alreadyHeld: 5, firstNumber: null })
			]
		]);
	});

	it('gives no duplicate numbers or certificates when two issues run at once', async () => {
		const e = await election(database.db, { type: 'EP' });
		await insertRegistrations(
			database.db,
			Array.from({ length: 300 }, () => tk({ types: ['EP'] }))
		);
		const [a, b] = await Promise.all([issue(e.slug), issue(e.slug)]);
		expect(a.issued + b.issued).toBe(300);
		expect([a.issued, b.issued].sort((x, y) => x - y)).toEqual([0, 300]);
		const issued = await rows(e.id);
		expect(issued.map((c) => c.number)).toEqual(Array.from({ length: 300 }, (_, i) => i + 1));
		expect(new Set(issued.map((c) => c.registrationId)).size).toBe(300);
	});

	it('numbers issueOne and issueForElection from one sequence when they run at once', async () => {
		const e = await election(database.db);
		const ids = await insertRegistrations(
			database.db,
			Array.from({ length: 50 }, () => tk())
		);
		const abroad = await application(database.db, e.id, 'temporarily_abroad');
		const [, one] = await Promise.all([
			issue(e.slug),
			certificates.issueOne({
				electionId: e.id,
				holder: { applicationId: abroad.id },
				sentBy: 'email',
				issuedOn: '2030-04-20'
			})
		]);
		const issued = await rows(e.id);
		expect(issued.map((c) => c.number)).toEqual(Array.from({ length: 51 }, (_, i) => i + 1));
		expect(issued.find((c) => c.id === one.id)!.holderApplicationId).toBe(abroad.id);
		expect(issued.filter((c) => ids.includes(c.registrationId!)).length).toBe(50);
	});
});

describe('issueOne, current, replace, findByNumber', () => {
	it('issues to a resident temporarily abroad, once (M 1(2), M 4)', async () => {
		const e = await election(database.db);
		const abroad = await application(database.db, e.id, 'temporarily_abroad');
		const holder = { applicationId: abroad.id };
		expect(await certificates.current(e.id, holder)).toBeNull();
		const c = await certificates.issueOne({
			electionId: e.id,
			holder,
			sentBy: 'email',
			issuedOn: '2030-04-20',
			staffId
		});
		expect(c).toMatchObject({
			number: 1,
			registrationId: null,
			holderApplicationId: abroad.id,
			applicationId: abroad.id,
			sentBy: 'email',
			issuedOn: '2030-04-20'
		});
		expect(await certificates.current(e.id, holder)).toEqual(c);
		await expect(
			certificates.issueOne({ electionId: e.id, holder, sentBy: 'post', issuedOn: '2030-04-21' })
		).rejects.toMatchObject({ code: 'already_held' });
		const [entry] = await database.db
			.select()
			.from(auditLog)
			.where(eq(auditLog.subject, `certificate:${c.id}`));
		expect(entry).toMatchObject({ actor: `staff:${staffId}`, action: 'certificate.issued' });
	});

	it('runs inside the caller transaction: a rollback takes the certificate with it', async () => {
		const e = await election(database.db);
		const [id] = await insertRegistrations(database.db, [tk()]);
		await expect(
			database.db.transaction(async (tx) => {
				await certificates.issueOne(
					{
						electionId: e.id,
						holder: { registrationId: id! },
						sentBy: 'post',
						issuedOn: ISSUED_ON
					},
					tx as never
				);
				throw new Error('the decision failed');
			})
		).rejects.toThrow('the decision failed');
		expect(await rows(e.id)).toEqual([]);
	});

	it('replaces: the old one invalid (M 5(2)(a)), the new one linked and numbered next', async () => {
		const e = await election(database.db);
		const [id] = await insertRegistrations(database.db, [tk(), tk()]);
		await issue(e.slug);
		const holder = { registrationId: id! };
		const old = (await certificates.current(e.id, holder))!;
		const request = await application(database.db, e.id, 'replacement');
		const { old: invalidated, issued } = await certificates.replace({
			oldId: old.id,
			applicationId: request.id,
			sentBy: 'email',
			issuedOn: '2030-05-02',
			staffId
		});
		expect(invalidated).toMatchObject({
			id: old.id,
			invalidatedOn: '2030-05-02',
			invalidReason: 'replaced'
		});
		expect(issued).toMatchObject({
			number: 3,
			registrationId: id,
			applicationId: request.id,
			replacesId: old.id,
			sentBy: 'email',
			invalidatedOn: null
		});
		expect(await certificates.current(e.id, holder)).toEqual(issued);
		await expect(
			certificates.replace({
				oldId: old.id,
				applicationId: request.id,
				sentBy: 'post',
				issuedOn: '2030-05-02'
			})
		).rejects.toMatchObject({ code: 'already_invalid' });
		await expect(
			certificates.replace({
				oldId: '00000000-0000-4000-8000-000000000000',
				applicationId: request.id,
				sentBy: 'post',
				issuedOn: '2030-05-02'
			})
		).rejects.toMatchObject({ code: 'not_found' });
		expect(await rows(e.id)).toHaveLength(3);

		const actions = await database.db
			.select({ action: auditLog.action, subject: auditLog.subject })
			.from(auditLog)
			.where(eq(auditLog.actor, `staff:${staffId}`))
			.orderBy(asc(auditLog.seq));
		expect(actions.slice(-2)).toEqual([
			{ action: 'certificate.invalidated', subject: `certificate:${old.id}` },
			{ action: 'certificate.issued', subject: `certificate:${issued.id}` }
		]);

		const found = await certificates.findByNumber(e.slug, old.number);
		expect(found).toMatchObject({ id: old.id, holderName: 'Anna Jansen 0' });
		expect(await certificates.findByNumber(e.slug, 99)).toBeNull();
		expect(await certificates.findByNumber('TK-1900', old.number)).toBeNull();
		const looked = await certificates.lookUp(e.slug, old.number, staffId);
		expect(looked).toMatchObject({ replacedBy: 3, replaces: null });
		expect(await certificates.lookUp(e.slug, 3, staffId)).toMatchObject({
			replacedBy: null,
			replaces: old.number
		});
	});

	it('keeps a temporarily-abroad holder through a chain of replacements', async () => {
		const e = await election(database.db);
		const request: TemporarilyAbroadRequest = {
			kind: 'temporarily_abroad',
			election: e.slug,
			voter: {
				surname: 'Visser',
				firstNames: 'Eva',
				dateOfBirth: '1990-01-02',
				bsn: null,
				address: { lines: ['Dorpsstraat 1', '1234 AB Ergens'], country: 'NL' },
				email: null,
				phone: null
			},
			homeMunicipality: 'Utrecht',
			abroadFrom: '2030-05-01',
			abroadUntil: '2030-06-01',
			ballotBy: 'post',
			ballotEmail: null,
			postAddress: { lines: ['Rua 1', 'Lisboa'], country: 'PT' }
		};
		const abroad = await application(database.db, e.id, 'temporarily_abroad', request);
		const holder = { applicationId: abroad.id };
		const first = await certificates.issueOne({
			electionId: e.id,
			holder,
			sentBy: 'post',
			issuedOn: '2030-04-20'
		});
		const second = await certificates.replace({
			oldId: first.id,
			applicationId: (await application(database.db, e.id, 'replacement')).id,
			sentBy: 'post',
			issuedOn: '2030-05-01'
		});
		const third = await certificates.replace({
			oldId: second.issued.id,
			applicationId: (await application(database.db, e.id, 'replacement')).id,
			sentBy: 'post',
			issuedOn: '2030-05-02'
		});
		expect(third.issued).toMatchObject({ number: 3, holderApplicationId: abroad.id });
		expect(await certificates.current(e.id, holder)).toEqual(third.issued);
		expect(await certificates.findByNumber(e.slug, 3)).toMatchObject({ holderName: 'Eva Visser' });
		const voters = await list(e.id, 'postal-voters');
		expect(voters.slice(1)).toEqual([
			['3', 'Visser', 'Eva', '1990-01-02', 'Rua 1, Lisboa', 'PT', '', 'post']
		]);
	});
});

describe('the lists', () => {
	it('lists the postal voters: valid certificates, where the papers go, CSV-safe', async () => {
		const e = await election(database.db);
		const [comma, formula, , correspondence, lost] = await insertRegistrations(database.db, [
			tk({ surname: 'Berg, van der', firstNames: 'Anna "Ans"' }),
			tk({ surname: '=HYPERLINK("http://evil.example","x")', firstNames: '+31 6 1234' }),
			tk({ surname: '-Minus', firstNames: '@at' }),
			tk({
				surname: 'Post',
				correspondence: { lines: ['PO Box 1', 'Springfield, IL'], country: 'US' }
			}),
			tk({ surname: 'Lost' })
		]);
		await issue(e.slug);
		// Lost: replaced, the new one by e-mail to the address of the replacement request.
		const lostOld = (await rows(e.id)).find((c) => c.registrationId === lost)!;
		const replacement: ReplacementRequest = {
			kind: 'replacement',
			election: e.slug,
			voter: {
				surname: 'Lost',
				firstNames: 'Anna',
				dateOfBirth: '1980-05-17',
				bsn: null,
				address: BERLIN,
				email: null,
				phone: null
			},
			reason: 'lost',
			deliveryBy: 'email',
			deliveryEmail: 'lost@example.org',
			deliveryAddress: null
		};
		await certificates.replace({
			oldId: lostOld.id,
			applicationId: (await application(database.db, e.id, 'replacement', replacement)).id,
			sentBy: 'email',
			issuedOn: '2030-05-03'
		});
		const bySurname = new Map((await rows(e.id)).map((c) => [c.registrationId, c.number] as const));
		expect(bySurname.get(comma!)).toBeDefined();

		const voters = await list(e.id, 'postal-voters');
		expect(voters[0]).toEqual([
			'nummer',
			'achternaam',
			'voornamen',
			'geboortedatum',
			'adres',
			'land',
			'e-mailadres',
			'verzonden_per'
		]);
		const body = voters.slice(1);
		// The lost one is invalid now: only its replacement (6) is on the list.
		expect(body.map((r) => r[0])).toEqual(
			['1', '2', '3', '4', '5', '6'].filter((n) => n !== String(lostOld.number))
		);
		const of = (surname: string) => body.find((r) => r[1]!.endsWith(surname))!;
		expect(of('Berg, van der')).toEqual([
			String(bySurname.get(comma!)),
			'Berg, van der',
			'Anna "Ans"',
			'1980-05-17',
			'Hauptstraße 1, 10115 Berlin',
			'DE',
			'',
			'post'
		]);
		// Formula characters at the start are neutralised with an apostrophe.
		expect(of('"x")')[1]).toBe(`'=HYPERLINK("http://evil.example","x")`);
		expect(of('"x")')[2]).toBe(`'+31 6 1234`);
		expect(of('-Minus').slice(1, 3)).toEqual([`'-Minus`, `'@at`]);
		expect(bySurname.get(formula!)).toBeDefined();
		// The correspondence address where one is registered (MvT §3.5).
		expect(of('Post').slice(4, 6)).toEqual(['PO Box 1, Springfield, IL', 'US']);
		expect(bySurname.get(correspondence!)).toBeDefined();
		expect(of('Lost')).toEqual([
			'6',
			'Lost',
			'Anna',
			'1980-05-17',
			'Hauptstraße 1, 10115 Berlin',
			'DE',
			'lost@example.org',
			'email'
		]);

		const invalid = await list(e.id, 'invalid');
		expect(invalid).toEqual([
			['nummer', 'ongeldig_sinds', 'reden', 'grondslag'],
			[String(lostOld.number), '2030-05-03', 'vervangen', 'KW M 5(2)(a)']
		]);
	});

	it('sends a temporarily-abroad voter the ballot by e-mail, or by post to the home address', async () => {
		const e = await election(database.db);
		const request = (ballotBy: 'email' | 'post', surname: string): TemporarilyAbroadRequest => ({
			kind: 'temporarily_abroad',
			election: e.slug,
			voter: {
				surname,
				firstNames: 'Eva',
				dateOfBirth: '1990-01-02',
				bsn: null,
				address: { lines: ['Dorpsstraat 1', '1234 AB Ergens'], country: 'NL' },
				email: null,
				phone: null
			},
			homeMunicipality: 'Utrecht',
			abroadFrom: '2030-05-01',
			abroadUntil: '2030-06-01',
			ballotBy,
			ballotEmail: ballotBy === 'email' ? 'eva@example.org' : null,
			postAddress: null
		});
		for (const [by, surname] of [
			['email', 'Mail'],
			['post', 'Home']
		] as const) {
			const abroad = await application(
				database.db,
				e.id,
				'temporarily_abroad',
				request(by, surname)
			);
			await certificates.issueOne({
				electionId: e.id,
				holder: { applicationId: abroad.id },
				sentBy: by,
				issuedOn: '2030-04-20'
			});
		}
		expect((await list(e.id, 'postal-voters')).slice(1)).toEqual([
			['1', 'Mail', 'Eva', '1990-01-02', '', '', 'eva@example.org', 'email'],
			['2', 'Home', 'Eva', '1990-01-02', 'Dorpsstraat 1, 1234 AB Ergens', 'NL', '', 'post']
		]);
	});

	it('audits who downloaded which list', async () => {
		const e = await election(database.db);
		const got = await certificates.download(e.slug, 'invalid', staffId);
		expect(got!.filename).toBe(`ongeldige-briefstembewijzen-${e.slug}.csv`);
		await new Response(got!.body).text();
		expect(await certificates.download('TK-1900', 'invalid', staffId)).toBeNull();
		const [entry] = await database.db
			.select()
			.from(auditLog)
			.where(
				and(
					eq(auditLog.subject, `election:${e.slug}`),
					eq(auditLog.action, 'certificates.list_downloaded')
				)
			);
		expect(entry).toMatchObject({ actor: `staff:${staffId}`, details: { list: 'invalid' } });
	});

	it('streams a list of 20,000 completely, in order, a page at a time', async () => {
		const e = await election(database.db, { type: 'KNI' });
		const n = 20_000;
		await insertRegistrations(
			database.db,
			Array.from({ length: n }, (_, i) => tk({ types: ['KNI'], surname: `Big ${i}` }))
		);
		expect((await issue(e.slug)).issued).toBe(n);
		const reader = certificates.stream(e.id, 'postal-voters').getReader();
		const decoder = new TextDecoder();
		let text = '';
		let chunks = 0;
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			chunks++;
			text += decoder.decode(value, { stream: true });
		}
		// The header, then one chunk per page of PAGE_SIZE.
		expect(chunks).toBe(1 + n / certificates.PAGE_SIZE);
		const lines = parseCsv(text);
		expect(lines).toHaveLength(n + 1);
		expect(lines.slice(1).map((l) => Number(l[0]))).toEqual(
			Array.from({ length: n }, (_, i) => i + 1)
		);
		expect(new Set(lines.slice(1).map((l) => l[1])).size).toBe(n);

		// An abandoned download frees its connection: more abandoned than the pool holds, and the
		// database still answers.
		for (let i = 0; i < 12; i++) {
			const abandoned = certificates.stream(e.id, 'postal-voters').getReader();
			await abandoned.read();
			await abandoned.read();
			await abandoned.cancel();
		}
		expect((await certificates.summary(e.slug))!.valid).toBe(n);
	}, 120_000);
});
