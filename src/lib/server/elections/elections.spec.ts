import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withTestDatabase } from '../../../../tests/db/database';
import { form } from '../../../../tests/factories/registration';
import * as audit from '$lib/server/audit';
import { db } from '$lib/server/db';
import { auditLog } from '$lib/server/db/schema';
import * as calendar from '$lib/server/calendar';
import * as elections from './index';

const staff = { accountId: '00000000-0000-4000-8000-000000000001' };

/** The form as the office posts it: three boxes per day. */
const days = (d: { electionDay?: string; nominationDay?: string; certificatesSentOn?: string }) => {
	const fields: Record<string, string> = {};
	for (const name of elections.DATE_FIELDS) {
		const [year = '', month = '', day = ''] = (d[name] ?? '').split('-');
		fields[`${name}_day`] = day;
		fields[`${name}_month`] = month;
		fields[`${name}_year`] = year;
	}
	return fields;
};

let close: () => Promise<void>;
beforeAll(async () => {
	({ close } = await withTestDatabase());
});
afterAll(() => close());

describe('the election calendar', () => {
	it('lists the seeded elections, all provisional', async () => {
		const all = await elections.list();
		expect(all.map((e) => e.slug)).toEqual(['KNI-2027', 'TK-2030', 'EP-2029']);
		expect(all.every((e) => e.provisional)).toBe(true);
	});

	it('shows a stored election in the form without leading zeros', async () => {
		const kni = await elections.get('KNI-2027');
		expect(elections.formValues(kni)).toEqual({
			type: 'KNI',
			electionDay_day: '17',
			electionDay_month: '3',
			electionDay_year: '2027',
			nominationDay_day: '1',
			nominationDay_month: '2',
			nominationDay_year: '2027',
			certificatesSentOn_day: '23',
			certificatesSentOn_month: '12',
			certificatesSentOn_year: '2026'
		});
		expect(elections.formValues(null).electionDay_day).toBe('');
		expect(await elections.get('XX-1999')).toBeNull();
	});

	it('confirms an election: provisional no more, on the public API too, and audited', async () => {
		const result = await elections.save(
			'KNI-2027',
			form(
				days({
					electionDay: '2027-03-17',
					nominationDay: '2027-02-01',
					certificatesSentOn: '2026-12-20'
				})
			),
			{ confirm: true, staff }
		);
		expect(result).toEqual({ ok: true, slug: 'KNI-2027' });
		const kni = await elections.get('KNI-2027');
		expect(kni).toMatchObject({ provisional: false, certificatesSentOn: '2026-12-20' });
		const api = (await calendar.upcoming(new Date('2026-11-20T12:00:00Z'))).find(
			(e) => e.id === 'KNI-2027'
		);
		expect(api).toMatchObject({ provisional: false, certificatesSentOn: '2026-12-20' });
		const [entry] = await (await db()).select().from(auditLog);
		expect(entry).toMatchObject({
			actor: `staff:${staff.accountId}`,
			action: 'election.confirmed',
			subject: 'election:KNI-2027',
			details: {
				before: { certificatesSentOn: '2026-12-23', provisional: true },
				after: { certificatesSentOn: '2026-12-20', provisional: false }
			}
		});
		expect(await audit.verify()).toMatchObject({ ok: true });
	});

	it('makes a confirmed election provisional again when a day changes without confirming', async () => {
		const fields = days({
			electionDay: '2027-03-17',
			nominationDay: '2027-02-01',
			certificatesSentOn: '2026-12-21'
		});
		expect(await elections.save('KNI-2027', form(fields), { confirm: false, staff })).toEqual({
			ok: true,
			slug: 'KNI-2027'
		});
		expect((await elections.get('KNI-2027'))?.provisional).toBe(true);
	});

	it('records nothing when nothing changes', async () => {
		const before = (await (await db()).select().from(auditLog)).length;
		const fields = elections.formValues(await elections.get('KNI-2027'));
		expect(await elections.save('KNI-2027', form(fields), { confirm: false, staff })).toMatchObject(
			{
				ok: true
			}
		);
		expect((await (await db()).select().from(auditLog)).length).toBe(before);
	});

	it('refuses what the law does not allow, keeping what was typed, with the article', async () => {
		const fields = {
			...days({ electionDay: '2029-05-30', nominationDay: '2029-04-16' }),
			certificatesSentOn_day: '31',
			certificatesSentOn_month: '2',
			certificatesSentOn_year: '2029'
		};
		const result = await elections.save('EP-2029', form(fields), { confirm: false, staff });
		expect(result).toMatchObject({
			ok: false,
			values: { ...fields, type: 'EP' },
			errors: { certificatesSentOn: { key: 'office_elections_error_date_invalid' } }
		});
		// Once the days read as dates, the domain's checks apply: Y 8 for the EP.
		const checked = await elections.save(
			'EP-2029',
			form(days({ electionDay: '2029-05-30', nominationDay: '2029-04-16' })),
			{ confirm: false, staff }
		);
		expect(checked).toMatchObject({
			ok: false,
			errors: {
				electionDay: {
					key: 'office_elections_issue_ep_not_thursday',
					basis: [{ code: 'KW Y 8(1)' }]
				}
			}
		});
		expect((await elections.get('EP-2029'))?.electionDay).toBeNull();
	});

	it('asks for every day before confirming', async () => {
		const result = await elections.save('EP-2029', form(days({ electionDay: '2029-05-24' })), {
			confirm: true,
			staff
		});
		expect(result).toMatchObject({
			ok: false,
			errors: {
				nominationDay: {
					key: 'office_elections_issue_nomination_day_required',
					params: { date: '2029-04-10' }
				},
				certificatesSentOn: { key: 'office_elections_issue_certificates_day_required' }
			}
		});
	});

	it('refuses a date with a part missing, or parts that are not numbers', async () => {
		const fields = {
			...days({}),
			electionDay_day: '24',
			electionDay_month: 'May',
			electionDay_year: '2029',
			nominationDay_day: '10'
		};
		expect(await elections.save('EP-2029', form(fields), { confirm: false, staff })).toMatchObject({
			ok: false,
			errors: {
				electionDay: { key: 'office_elections_error_date_invalid' },
				nominationDay: { key: 'office_elections_error_date_incomplete' }
			}
		});
	});

	it('does not save an election that is not there', async () => {
		expect(await elections.save('TK-1999', form(days({})), { confirm: false, staff })).toBeNull();
	});

	it('adds an election, provisional, keyed by type and year, audited', async () => {
		const result = await elections.create(
			form({
				type: 'TK',
				...days({
					electionDay: '2028-11-08',
					nominationDay: '2028-09-25',
					certificatesSentOn: '2028-08-10'
				})
			}),
			{ staff }
		);
		expect(result).toEqual({ ok: true, slug: 'TK-2028' });
		expect(await elections.get('TK-2028')).toMatchObject({
			type: 'TK',
			electionDay: '2028-11-08',
			provisional: true
		});
		const entries = await (await db()).select().from(auditLog);
		expect(entries.at(-1)).toMatchObject({
			action: 'election.created',
			subject: 'election:TK-2028'
		});
	});

	it('keys a second election of a type in one year by its day, and refuses a third on that day', async () => {
		const post = () =>
			elections.create(form({ type: 'TK', ...days({ electionDay: '2028-03-22' }) }), { staff });
		expect(await post()).toEqual({ ok: true, slug: 'TK-2028-03-22' });
		expect(await post()).toMatchObject({
			ok: false,
			errors: { electionDay: { key: 'office_elections_error_duplicate' } }
		});
	});

	it('needs a type and an election day to add one', async () => {
		expect(await elections.create(form({ type: 'GR', ...days({}) }), { staff })).toMatchObject({
			ok: false,
			values: { type: 'GR' },
			errors: {
				type: { key: 'office_elections_error_type' },
				electionDay: { key: 'office_elections_error_election_day_required' }
			}
		});
		expect(
			await elections.create(
				form({ type: 'KNI', ...days({ electionDay: '2031-03-19', nominationDay: '2031-02-01' }) }),
				{ staff }
			)
		).toMatchObject({
			ok: false,
			errors: { nominationDay: { key: 'office_elections_issue_nomination_weekend' } }
		});
	});
});
