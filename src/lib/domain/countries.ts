/**
 * Countries of residence, as ISO 3166-1 alpha-2 codes, and the classes the rules
 * care about.
 */

/** The European part of the Netherlands. */
export const NETHERLANDS = 'NL';

/**
 * Bonaire, Sint Eustatius and Saba (Caribisch Nederland): public bodies of the
 * Netherlands, so their residents live in the Netherlands (KW B 4(1), D 2).
 */
export const BES = 'BQ';

/**
 * Aruba, Curaçao and Sint Maarten: countries of the Kingdom outside the
 * Netherlands, so their residents live abroad, with the conditions of KW B 1(2)
 * and Pa 2(2) for the TK and KNI.
 */
export const CARIBBEAN_COUNTRIES: readonly string[] = Object.freeze(['AW', 'CW', 'SX']);

/** The 27 member states of the European Union (Greece is GR in ISO 3166-1). */
export const EU_MEMBER_STATES: readonly string[] = Object.freeze([
	'AT',
	'BE',
	'BG',
	'CY',
	'CZ',
	'DE',
	'DK',
	'EE',
	'ES',
	'FI',
	'FR',
	'GR',
	'HR',
	'HU',
	'IE',
	'IT',
	'LT',
	'LU',
	'LV',
	'MT',
	'NL',
	'PL',
	'PT',
	'RO',
	'SE',
	'SI',
	'SK'
]);

/**
 * Parts of a member state with an ISO code of their own that belong to the
 * Union (the outermost regions of France, and Åland of Finland). Someone living
 * there lives "in another member state" for the EP declaration (KW Y 6(1)) and
 * may vote in that state's EP election. Overseas countries and territories
 * (Greenland, French Polynesia, Saint-Barthélemy, …) are not part of the Union
 * and count as elsewhere.
 */
export const EU_TERRITORIES_WITH_OWN_CODE: readonly string[] = Object.freeze([
	'AX', // Åland (Finland)
	'GF', // French Guiana
	'GP', // Guadeloupe
	'MF', // Saint-Martin (French part)
	'MQ', // Martinique
	'RE', // Réunion
	'YT' // Mayotte
]);

/**
 * Every ISO 3166-1 alpha-2 code currently officially assigned (249). Excludes
 * user-assigned codes such as XK (Kosovo): accepting those is a UI decision.
 */
// prettier-ignore
export const COUNTRY_CODES = Object.freeze([
	'AD', 'AE', 'AF', 'AG', 'AI', 'AL', 'AM', 'AO', 'AQ', 'AR', 'AS', 'AT', 'AU', 'AW', 'AX', 'AZ',
	'BA', 'BB', 'BD', 'BE', 'BF', 'BG', 'BH', 'BI', 'BJ', 'BL', 'BM', 'BN', 'BO', 'BQ', 'BR', 'BS',
	'BT', 'BV', 'BW', 'BY', 'BZ',
	'CA', 'CC', 'CD', 'CF', 'CG', 'CH', 'CI', 'CK', 'CL', 'CM', 'CN', 'CO', 'CR', 'CU', 'CV', 'CW',
	'CX', 'CY', 'CZ',
	'DE', 'DJ', 'DK', 'DM', 'DO', 'DZ',
	'EC', 'EE', 'EG', 'EH', 'ER', 'ES', 'ET',
	'FI', 'FJ', 'FK', 'FM', 'FO', 'FR',
	'GA', 'GB', 'GD', 'GE', 'GF', 'GG', 'GH', 'GI', 'GL', 'GM', 'GN', 'GP', 'GQ', 'GR', 'GS', 'GT',
	'GU', 'GW', 'GY',
	'HK', 'HM', 'HN', 'HR', 'HT', 'HU',
	'ID', 'IE', 'IL', 'IM', 'IN', 'IO', 'IQ', 'IR', 'IS', 'IT',
	'JE', 'JM', 'JO', 'JP',
	'KE', 'KG', 'KH', 'KI', 'KM', 'KN', 'KP', 'KR', 'KW', 'KY', 'KZ',
	'LA', 'LB', 'LC', 'LI', 'LK', 'LR', 'LS', 'LT', 'LU', 'LV', 'LY',
	'MA', 'MC', 'MD', 'ME', 'MF', 'MG', 'MH', 'MK', 'ML', 'MM', 'MN', 'MO', 'MP', 'MQ', 'MR', 'MS',
	'MT', 'MU', 'MV', 'MW', 'MX', 'MY', 'MZ',
	'NA', 'NC', 'NE', 'NF', 'NG', 'NI', 'NL', 'NO', 'NP', 'NR', 'NU', 'NZ',
	'OM',
	'PA', 'PE', 'PF', 'PG', 'PH', 'PK', 'PL', 'PM', 'PN', 'PR', 'PS', 'PT', 'PW', 'PY',
	'QA',
	'RE', 'RO', 'RS', 'RU', 'RW',
	'SA', 'SB', 'SC', 'SD', 'SE', 'SG', 'SH', 'SI', 'SJ', 'SK', 'SL', 'SM', 'SN', 'SO', 'SR', 'SS',
	'ST', 'SV', 'SX', 'SY', 'SZ',
	'TC', 'TD', 'TF', 'TG', 'TH', 'TJ', 'TK', 'TL', 'TM', 'TN', 'TO', 'TR', 'TT', 'TV', 'TW', 'TZ',
	'UA', 'UG', 'UM', 'US', 'UY', 'UZ',
	'VA', 'VC', 'VE', 'VG', 'VI', 'VN', 'VU',
	'WF', 'WS',
	'YE', 'YT',
	'ZA', 'ZM', 'ZW'
] as const);

export type CountryCode = (typeof COUNTRY_CODES)[number];

export type ResidenceClass = 'netherlands' | 'bes' | 'caribbean' | 'eu' | 'other';

const COUNTRY_SET: ReadonlySet<string> = new Set(COUNTRY_CODES);
const CARIBBEAN_SET: ReadonlySet<string> = new Set(CARIBBEAN_COUNTRIES);
const EU_SET: ReadonlySet<string> = new Set([...EU_MEMBER_STATES, ...EU_TERRITORIES_WITH_OWN_CODE]);

/** An officially assigned ISO 3166-1 alpha-2 code, upper case. */
export function isCountryCode(s: unknown): s is CountryCode {
	return typeof s === 'string' && COUNTRY_SET.has(s);
}

/**
 * Where a country of residence puts a voter for the rules: in the Netherlands,
 * in Bonaire/Sint Eustatius/Saba (also the Netherlands), in Aruba/Curaçao/Sint
 * Maarten, in another EU member state, or elsewhere. Throws a RangeError on a
 * code that is not an assigned ISO code: validate input with isCountryCode first.
 */
export function classifyResidence(code: string): ResidenceClass {
	if (!isCountryCode(code)) throw new RangeError(`unknown country code: ${code}`);
	if (code === NETHERLANDS) return 'netherlands';
	if (code === BES) return 'bes';
	if (CARIBBEAN_SET.has(code)) return 'caribbean';
	if (EU_SET.has(code)) return 'eu';
	return 'other';
}
