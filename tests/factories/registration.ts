/** Builders for registration answers, as the voter would post them step by step. */
import { addDays, addYears, amsterdamDay } from '$lib/domain';

export type Post = [step: string, fields: Record<string, string | string[]>];

export const today = () => amsterdamDay(new Date());

/** A date of birth that makes the voter `years` old plus `days` today. */
export function bornYearsAgo(
	years: number,
	days = 0
): { dob_day: string; dob_month: string; dob_year: string } {
	const dob = addDays(addYears(today(), -years), -days);
	const [y, m, d] = dob.split('-');
	return { dob_day: String(Number(d)), dob_month: String(Number(m)), dob_year: String(y) };
}

export function form(fields: Record<string, string | string[]>): FormData {
	const data = new FormData();
	for (const [name, value] of Object.entries(fields)) {
		for (const v of Array.isArray(value) ? value : [value]) data.append(name, v);
	}
	return data;
}

const personal: Post[] = [
	['name', { first_names: 'Zoë', surname: 'IJsselmeer-Çelik' }],
	['sex', { sex: 'V' }],
	['address', { address_line1: 'Hauptstraße 1', address_line2: '10115 Berlin', address_line3: '' }],
	['correspondence_choice', { value: 'no' }],
	['contact', { email: 'zoe@example.org', phone: '+49 30 1234567' }],
	['bsn', { bsn: '' }]
];

export const adultInGermany: Post[] = [
	['nationality', { value: 'yes' }],
	['residence', { country: 'DE' }],
	['date_of_birth', { dob_day: '3', dob_month: '2', dob_year: '1990' }],
	['election_types', { types: ['TK', 'EP'] }],
	['ep_declaration', { value: 'yes' }],
	...personal,
	['submission', { channel: 'den_haag_upload' }]
];

export const seventeenInCanada = (): Post[] => [
	['nationality', { value: 'yes' }],
	['residence', { country: 'CA' }],
	['date_of_birth', bornYearsAgo(17, 100)],
	['election_types', { types: ['TK'] }],
	...personal,
	['submission', { channel: 'consular_post' }]
];

export const arubaEightYears: Post[] = [
	['nationality', { value: 'yes' }],
	['residence', { country: 'AW' }],
	['caribbean_ten_years', { value: 'no' }],
	['caribbean_public_service', { value: 'no' }],
	['date_of_birth', { dob_day: '14', dob_month: '7', dob_year: '1985' }],
	['election_types', { types: ['EP'] }],
	...personal,
	['submission', { channel: 'caribbean_representation' }]
];
