/**
 * References as the office types them: in any case, with or without dashes or spaces, and with
 * the letters Crockford's base32 reads as digits (O for 0, I and L for 1), since the printed form
 * uses that alphabet (drafts.newReference).
 */
const ALPHABET = /^[0-9A-HJKMNP-TV-Z]{12}$/;
const LOOKALIKES: Record<string, string> = { O: '0', I: '1', L: '1' };

/** 'abcd efgh-jkmn' → 'ABCD-EFGH-JKMN'; null when it cannot be a reference. */
export function normaliseReference(input: string): string | null {
	const compact = input
		.toUpperCase()
		.replace(/[\s\-‐‑–—.]/gu, '')
		.replace(/[OIL]/g, (c) => LOOKALIKES[c]!);
	if (!ALPHABET.test(compact)) return null;
	return `${compact.slice(0, 4)}-${compact.slice(4, 8)}-${compact.slice(8)}`;
}
