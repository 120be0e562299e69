import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTestDatabase } from '../../../../tests/db/database';
import { uniqueSurname, voterAccount } from '../../../../tests/factories/casework';
import { postalDaysFor } from '$lib/domain';
import type { Database, Db } from '$lib/server/db';
import * as registrations from '$lib/server/registrations';
import * as overview from './index';

let database: Database;
let close: () => Promise<void>;

beforeAll(async () => {
	({ database, close } = await withTestDatabase());
});
afterAll(async () => {
	await close();
});

// The e2e server's clock: 10 February 2030, 11:00 in Den Haag.
const now = new Date('2030-02-10T10:00:00Z');

async function registeredVoter(types: ('TK' | 'EP' | 'KNI')[], country = 'CA') {
	const account = await voterAccount(database);
	await registrations.create(
		database.db as unknown as Db,
		{
			surname: uniqueSurname(),
			firstNames: 'Zoë',
			birthDate: '1980-01-01',
			sex: 'V',
			nationality: 'NL',
			residentialAddress: { lines: ['1 Example Street', 'Toronto'], country },
			correspondenceAddress: null,
			email: null,
			phone: null,
			bsn: null,
			locale: 'en'
		},
		Object.fromEntries(types.map((t) => [t, '2020-01-01'])),
		account
	);
	return account;
}

describe('forPublic', () => {
	it('gives every seeded election still ahead, each action with where to act', async () => {
		const result = await overview.forPublic({ now });
		expect(result.now).toBe(now.toISOString());
		expect(result.elections.map((e) => [e.election.slug, e.dated])).toEqual([
			['TK-2030', true],
			['EP-2029', false]
		]);
		const tk = result.elections[0]!;
		expect(tk.nominationDay).toBe('2030-04-01');
		expect(tk.actions.find((a) => a.kind === 'change')).toMatchObject({
			day: '2030-03-13',
			closesAt: '2030-03-13T22:59:59.999Z',
			countdown: { days: 31 },
			href: '/change',
			postBy: null
		});
		expect(tk.actions.find((a) => a.kind === 'proxy_or_voter_pass')).toMatchObject({
			day: '2030-02-19',
			countdown: { days: 9 },
			href: '/vote-choice?election=TK-2030'
		});
	});

	it('says by when to post from the chosen country', async () => {
		const result = await overview.forPublic({ now, country: 'US' });
		expect(result.postalDays).toBe(postalDaysFor('US'));
		const change = result.elections[0]!.actions.find((a) => a.kind === 'change')!;
		expect(change.postBy).toBe('2030-03-03');
	});
});

describe('forVoter', () => {
	it('shows someone not registered nothing of their own', async () => {
		const account = await voterAccount(database);
		expect(await overview.forVoter(account, { now })).toMatchObject({
			registered: false,
			types: [],
			elections: []
		});
	});

	it('shows a registered voter their types, without the actions that are not theirs', async () => {
		const account = await registeredVoter(['TK'], 'CA');
		const mine = await overview.forVoter(account, { now });
		expect(mine).toMatchObject({ registered: true, types: ['TK'], country: 'CA' });
		expect(mine.postalDays).toBe(postalDaysFor('CA'));
		expect(mine.elections.map((e) => e.election.slug)).toEqual(['TK-2030']);
		const kinds = mine.elections[0]!.actions.map((a) => a.kind);
		expect(kinds).not.toContain('registration');
		expect(kinds).not.toContain('temporarily_abroad');
		expect(kinds).toContain('change');
		expect(mine.elections[0]!.actions.find((a) => a.kind === 'change')!.postBy).toBe('2030-03-03');
	});

	it('includes an undated election of a type the voter holds', async () => {
		const account = await registeredVoter(['EP', 'TK'], 'DE');
		const mine = await overview.forVoter(account, { now });
		expect(mine.elections.map((e) => [e.election.slug, e.dated])).toEqual([
			['TK-2030', true],
			['EP-2029', false]
		]);
	});
});

describe('checklist', () => {
	it('gives the checklist of a dated election, with its return deadlines', async () => {
		const list = await overview.checklist('TK-2030', { now, country: 'DE' });
		expect(list).not.toBeNull();
		expect(list!.nominationDay).toBe('2030-04-01');
		expect(list!.items.find((i) => i.code === 'return_den_haag')!.params).toEqual({
			electionDay: '2030-05-15',
			postBy: '2030-05-10'
		});
		expect(list!.overview!.actions.map((a) => a.kind)).toEqual([
			'replacement_written',
			'replacement_in_person',
			'embassy_return',
			'den_haag_return'
		]);
	});

	it('has none for an election without a day, or one that does not exist', async () => {
		expect(await overview.checklist('EP-2029', { now })).toBeNull();
		expect(await overview.checklist('XX-1', { now })).toBeNull();
	});
});

describe('preferences', () => {
	it('reads a country and a time zone, and says what is wrong with either', () => {
		const ok = overview.preferences(new URLSearchParams('country=de&tz=america/new_york'));
		expect(ok).toEqual({ country: 'DE', timeZone: 'America/New_York', errors: {} });
		expect(overview.preferences(new URLSearchParams(''))).toEqual({
			country: null,
			timeZone: null,
			errors: {}
		});
		// A country that keeps one time gives its zone where none is chosen; one with several not.
		expect(overview.preferences(new URLSearchParams('country=fr')).timeZone).toBe('Europe/Paris');
		expect(overview.preferences(new URLSearchParams('country=US')).timeZone).toBeNull();
		expect(overview.preferences(new URLSearchParams('country=ZZ&tz=Mars/Base')).errors).toEqual({
			country: 'overview_error_country',
			timeZone: 'overview_error_time_zone'
		});
	});

	it('offers every zone the runtime knows, and the one chosen', () => {
		const zones = overview.timeZones('Europe/Amsterdam');
		expect(zones).toContain('Europe/Amsterdam');
		expect(zones).toContain('America/New_York');
		expect(zones).toContain('UTC');
		expect(new Set(zones).size).toBe(zones.length);
	});
});
