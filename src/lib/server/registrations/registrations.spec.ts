import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTestDatabase } from '../../../../tests/db/database';
import { adultAnswers, uniqueSurname, voterAccount } from '../../../../tests/factories/casework';
import { testKeyring } from '../../../../tests/factories/files';
import { lookupKey } from '$lib/domain';
import * as crypto from '$lib/server/crypto';
import type { Database } from '$lib/server/db';
import * as registrations from './index';

let database: Database;
let close: () => Promise<void>;

beforeAll(async () => {
	({ database, close } = await withTestDatabase());
	crypto.useKeyring(testKeyring());
});
afterAll(async () => {
	crypto.useKeyring(undefined);
	await close();
});

const TODAY = '2027-01-11';

describe('personFromAnswers', () => {
	it('takes the data of KB D 4(a) and nothing else', () => {
		const answers = adultAnswers({ bsn: { bsn: '111 222 333' } });
		const person = registrations.personFromAnswers(answers, 'de');
		expect(person).toEqual({
			surname: answers.name!.surname,
			firstNames: 'Zoë',
			birthDate: '1990-02-03',
			sex: 'V',
			nationality: 'NL',
			residentialAddress: { lines: ['Hauptstraße 1', '10115 Berlin'], country: 'DE' },
			correspondenceAddress: null,
			email: 'zoe@example.org',
			phone: '+49 30 1234567',
			bsn: '111222333',
			locale: 'de'
		});
	});

	it('keeps a correspondence address only when the voter chose one', () => {
		const address = {
			address_line1: 'PO Box 1',
			address_line2: 'Toronto',
			address_line3: '',
			country: 'CA'
		};
		const chosen = adultAnswers({
			correspondence_choice: { value: 'yes' },
			correspondence_address: address
		});
		expect(registrations.personFromAnswers(chosen, 'en')?.correspondenceAddress).toEqual({
			lines: ['PO Box 1', 'Toronto'],
			country: 'CA'
		});
		const dropped = adultAnswers({ correspondence_address: address });
		expect(registrations.personFromAnswers(dropped, 'en')?.correspondenceAddress).toBeNull();
	});

	it('is null when the form lacks a name, date of birth or address', () => {
		const full = adultAnswers();
		for (const step of ['name', 'date_of_birth', 'address', 'residence']) {
			const answers = { ...full };
			delete answers[step];
			expect(registrations.personFromAnswers(answers, 'en'), step).toBeNull();
		}
	});
});

describe('create, find and duplicates', () => {
	it('stores the person with the types from their start, the BSN sealed, found by account', async () => {
		const account = await voterAccount(database);
		const person = registrations.personFromAnswers(
			adultAnswers({ bsn: { bsn: '123456782' } }),
			'en'
		)!;
		const created = await registrations.create(
			database.db,
			person,
			{ EP: '2027-03-01', TK: TODAY },
			account
		);
		expect(created.lookupKey).toBe(lookupKey(person.surname, '1990-02-03', 'DE'));
		expect(created.bsnEncrypted).not.toContain('123456782');
		expect(registrations.bsnOf(created)).toBe('123456782');
		// Moved to another row, the sealed BSN no longer decrypts.
		expect(() =>
			registrations.bsnOf({ ...created, id: '00000000-0000-0000-0000-000000000000' })
		).toThrow();

		const view = await registrations.findForAccount(account, TODAY);
		expect(view?.registration.id).toBe(created.id);
		expect(view?.types.map((t) => [t.type, t.startsOn])).toEqual([
			['TK', TODAY],
			['EP', '2027-03-01']
		]);
		expect(view?.standing).toMatchObject({
			registered: true,
			types: [
				{ type: 'TK', since: TODAY, future: false },
				{ type: 'EP', since: '2027-03-01', future: true }
			]
		});
		expect((await registrations.findById(created.id, TODAY))?.registration.id).toBe(created.id);
		expect(await registrations.findForAccount(await voterAccount(database), TODAY)).toBeNull();
	});

	it('finds the same person however the surname is written, or by the account', async () => {
		const surname = uniqueSurname("van 't Hoff-Ünal");
		const person = registrations.personFromAnswers(
			adultAnswers({ name: { first_names: 'Anna', surname } }),
			'en'
		)!;
		const account = await voterAccount(database);
		const created = await registrations.create(database.db, person, { TK: TODAY }, account);
		const typed = { ...person, surname: surname.toUpperCase().replace(/['-]/g, ' ') };
		expect((await registrations.findDuplicates(typed, null)).map((r) => r.id)).toEqual([
			created.id
		]);
		const elsewhere = { ...person, residentialAddress: { lines: ['x'], country: 'FR' } };
		expect(await registrations.findDuplicates(elsewhere, null)).toEqual([]);
		expect((await registrations.findDuplicates(elsewhere, account)).map((r) => r.id)).toEqual([
			created.id
		]);
	});

	it('sends papers to the correspondence address when there is one (MvT §3.5)', () => {
		const home = { lines: ['a'], country: 'DE' };
		const post = { lines: ['b'], country: 'BE' };
		expect(
			registrations.postalAddressOf({ residentialAddress: home, correspondenceAddress: null })
		).toBe(home);
		expect(
			registrations.postalAddressOf({ residentialAddress: home, correspondenceAddress: post })
		).toBe(post);
	});
});
