/** Field shapes and validators shared by every journey. Error messages are message keys. */
import { z } from 'zod';
import { COUNTRY_CODES, isCountryCode } from '$lib/domain';
import { msg, type Field, type MessageRef } from './engine';

// Names as the passport spells them: Latin letters with any accents, spaces, hyphens, apostrophes
// and full stops ("Zoë IJsselmeer-Çelik", "Nguyễn Thị Minh Khai"). The form's font prints every
// one of them; markup, emoji and other scripts are refused rather than printed as blanks.
const NAME = /^\p{Script=Latin}[\p{Script=Latin}\p{M} .'’-]*$/u;
// Address lines are freer (digits, slashes, commas, #, Greek and Cyrillic, which the font also
// prints) but never markup, control or invisible format characters (e.g. a right-to-left
// override that makes a line read differently from what is stored).
const ADDRESS =
	/^[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{M}\p{N} .,'’"“”„\-/#()&:;°ºª+]*$/u;

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

/**
 * Free address lines (international addresses have no fixed shape). `section` keeps a second
 * address apart for the browser's autofill (WCAG 1.3.5: section-correspondence address-line1).
 */
export function addressLines(section?: string): Field[] {
	const ac = (token: string) => (section ? `section-${section} ${token}` : token);
	return [
		{
			name: 'address_line1',
			kind: 'text',
			label: msg('field_address_line1'),
			autocomplete: ac('address-line1')
		},
		{
			name: 'address_line2',
			kind: 'text',
			label: msg('field_address_line2'),
			hint: msg('field_address_line2_hint'),
			autocomplete: ac('address-line2')
		},
		{
			name: 'address_line3',
			kind: 'text',
			label: msg('field_address_line3'),
			autocomplete: ac('address-line3'),
			optional: true
		}
	];
}

/** A country chosen from every ISO 3166 country; names and order come from the page's language. */
export function countrySelect(label?: MessageRef, section?: string): Field {
	return {
		name: 'country',
		kind: 'select',
		...(label ? { label } : {}),
		autocomplete: section ? `section-${section} country` : 'country',
		options: COUNTRY_CODES.map((code) => ({ value: code, label: { country: code } }))
	};
}

export const country = (error: string) => z.string().min(1, error).refine(isCountryCode, error);
