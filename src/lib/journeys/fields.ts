/** Field shapes and validators shared by every journey. Error messages are message keys. */
import { z } from 'zod';
import { COUNTRY_CODES, isCountryCode } from '$lib/domain';
import { msg, type Field, type MessageRef } from './engine';

// Letters of any script with their accents, spaces, hyphens, apostrophes and full stops: every
// Latin-script name prints ("Zoë IJsselmeer-Çelik", "Nguyễn Thị Minh Khai"); markup does not.
const NAME = /^[\p{L}\p{M}][\p{L}\p{M} .'’-]*$/u;
// Address lines are freer (numbers, slashes, commas, #) but never markup or control characters.
const ADDRESS = /^[^<>{}\\\p{Cc}\p{Cs}]*$/u;

export const NAME_MAX = 200;

/** A person's name part; `key` is the label's message key, errors are `${key}_error_…`. */
export function personName(key: string) {
	return z
		.string()
		.min(1, `${key}_error_required`)
		.max(NAME_MAX, `${key}_error_too_long`)
		.refine((v) => v.length > NAME_MAX || NAME.test(v), `${key}_error_characters`);
}

export function text(opts: { max: number; required?: string }) {
	const base = z
		.string()
		.max(opts.max, 'error_too_long')
		.refine((v) => v.length > opts.max || ADDRESS.test(v), 'error_characters');
	return opts.required ? base.min(1, opts.required) : base;
}

export function addressLines(): Field[] {
	return [
		{
			name: 'address_line1',
			kind: 'text',
			label: msg('field_address_line1'),
			autocomplete: 'address-line1'
		},
		{
			name: 'address_line2',
			kind: 'text',
			label: msg('field_address_line2'),
			hint: msg('field_address_line2_hint'),
			autocomplete: 'address-line2'
		},
		{
			name: 'address_line3',
			kind: 'text',
			label: msg('field_address_line3'),
			autocomplete: 'address-line3',
			optional: true
		}
	];
}

/** A country chosen from every ISO 3166 country; names and order come from the page's language. */
export function countrySelect(label?: MessageRef): Field {
	return {
		name: 'country',
		kind: 'select',
		...(label ? { label } : {}),
		autocomplete: 'country',
		options: COUNTRY_CODES.map((code) => ({ value: code, label: { country: code } }))
	};
}

export const country = (error: string) => z.string().min(1, error).refine(isCountryCode, error);
