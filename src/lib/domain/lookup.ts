/**
 * Finding a person for a status request without an account (KW D 5). The request carries only
 * what KB D 4 records and a stranger could type: surname, first names or initials, date of birth
 * and country of residence. A registration is found by a key built from the surname, the date of
 * birth and the country (indexed, so a million registrations are not scanned), and then accepted
 * only if the first names are compatible.
 *
 * Both sides go through the same normalisation: the office stores `lookupKey(…)` with every
 * registration, and a request computes it from what was typed.
 */

/** Letters that Unicode does not decompose into a base letter and a mark. */
const FOLDED: Record<string, string> = {
	ß: 'ss',
	ø: 'o',
	æ: 'ae',
	œ: 'oe',
	ł: 'l',
	đ: 'd',
	ð: 'd',
	þ: 'th',
	ı: 'i',
	ħ: 'h'
};

/**
 * A name part as letters only: lower case, accents gone, ligatures and letters like ø folded, and
 * spaces, hyphens, apostrophes and full stops removed. "Van der Berg-D’Ánjou" and "van der
 * berg-d'anjou" both become "vanderbergdanjou": Dutch prefixes (tussenvoegsels) are kept, and
 * however they are capitalised or spaced, they read the same on both sides.
 */
export function normaliseName(name: string): string {
	// NFKD rather than plain NFD: it also splits the ligatures a passport may print (the Dutch Ĳ
	// as one character, U+0132) into their letters; diacritics come off as with NFD.
	return name
		.normalize('NFKD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[ßøæœłđðþıħ]/gu, (c) => FOLDED[c] ?? c)
		.replace(/[^\p{L}\p{N}]/gu, '');
}

/**
 * The key a registration is found by: normalised surname, date of birth (YYYY-MM-DD) and country
 * of residence (ISO 3166-1 alpha-2), joined with '|'. The `registrations.lookup_key` column holds
 * it for every registration.
 */
export function lookupKey(surname: string, birthDate: string, country: string): string {
	return [normaliseName(surname), birthDate.trim(), country.trim().toUpperCase()].join('|');
}

/**
 * First names (or initials) as separate names: "Jan-Willem" and "J.W." are both two names, as a
 * Dutch passport's initials count them; "Anne Marie" likewise.
 */
export function givenNames(firstNames: string): string[] {
	return firstNames
		.split(/[\s.\-‐‑–]+/u)
		.map(normaliseName)
		.filter((name) => name !== '');
}

/** One name against another: the same name, or one is the initial of the other. */
function compatible(a: string, b: string): boolean {
	if (a === b) return true;
	if (a.length === 1) return b.startsWith(a);
	if (b.length === 1) return a.startsWith(b);
	return false;
}

/**
 * Whether the first names typed in a request fit the first names on record. The rule: the
 * request's names, in order, are the first names on record or a leading part of them, and each
 * may be written as its initial; a registration that holds initials only (KB D 4: "first names or
 * initials") is matched by names that start with those letters.
 *
 *   on record "Johanna Maria"  ←  "Johanna Maria", "Johanna", "J.M.", "J", "Johanna M."   match
 *   on record "Johanna Maria"  ←  "Maria", "Jo", "Johanna Maria Petra", "Hanna"           no match
 *   on record "J.M."           ←  "Johanna Maria", "Johanna", "J."                         match
 *
 * A nickname ("Hans" for "Johannes"), another order or a name left out in the middle do not
 * match: the request then goes to the office, which can still find the registration (KB D 8).
 * Matching too readily costs little (the answer only ever goes to the contact details on record),
 * but a match must single out one person, which is why `selectMatch` refuses two.
 */
export function firstNamesMatch(requested: string, onRecord: string): boolean {
	const asked = givenNames(requested);
	const held = givenNames(onRecord);
	if (asked.length === 0 || asked.length > held.length) return false;
	return asked.every((name, i) => compatible(name, held[i]!));
}

/**
 * From the registrations that share a request's key, the one the request is about: exactly one
 * must have compatible first names. Two (twins named Anna and Anouk, asked for as "A.") is not a
 * match: the answer is personal data and must reach only the person concerned (KW D 5), so the
 * office decides.
 */
export function selectMatch<T extends { firstNames: string }>(
	requestedFirstNames: string,
	candidates: readonly T[]
): T | null {
	const fitting = candidates.filter((c) => firstNamesMatch(requestedFirstNames, c.firstNames));
	return fitting.length === 1 ? fitting[0]! : null;
}
