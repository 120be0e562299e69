/**
 * Configuration from the environment, with documented defaults (README "Configuration").
 * Addresses are data the office maintains; confirm the defaults before going live.
 */
import { z } from 'zod';
import { TERMS } from '$lib/domain';

export type Address = { name: string; lines: string[]; email?: string };

const address = z.object({
	name: z.string(),
	lines: z.array(z.string()),
	email: z.string().optional()
});
const addressTable = z.record(z.string(), address);

/** KB D 5(1): Den Haag, the only body that accepts electronic submission (KB D 5(4)). */
export const DEFAULT_DEN_HAAG: Address = {
	name: 'Gemeente Den Haag',
	lines: [
		'Verkiezingen, kiezers buiten Nederland',
		'Postbus 84008',
		'2508 AA Den Haag',
		'Nederland'
	],
	email: 'verkiezingen@denhaag.nl'
};

/** KB D 5(1): the Dutch representation in Aruba, Curaçao and Sint Maarten. */
export const DEFAULT_REPRESENTATIONS: Record<string, Address> = {
	AW: { name: 'Vertegenwoordiging van Nederland in Aruba', lines: ['Oranjestad', 'Aruba'] },
	CW: { name: 'Vertegenwoordiging van Nederland in Curaçao', lines: ['Willemstad', 'Curaçao'] },
	SX: {
		name: 'Vertegenwoordiging van Nederland in Sint Maarten',
		lines: ['Philipsburg', 'Sint Maarten']
	}
};

/**
 * KW M 6b(4): where a voter asks in person for a replacement postal voting certificate, Den Haag's
 * city hall (a visiting address, not the post box). SUBMISSION_DEN_HAAG_VISIT overrides it.
 */
export const DEFAULT_DEN_HAAG_VISIT: Address = {
	name: 'Gemeente Den Haag, Stadhuis',
	lines: ['Spui 70', '2511 BT Den Haag', 'Nederland']
};

function json<T>(name: string, schema: z.ZodType<T>, fallback: T): T {
	const raw = process.env[name];
	if (!raw) return fallback;
	const parsed = schema.safeParse(JSON.parse(raw));
	if (!parsed.success) throw new Error(`${name} is not valid: ${parsed.error.message}`);
	return parsed.data;
}

export function denHaag(): Address {
	return json('SUBMISSION_DEN_HAAG', address, DEFAULT_DEN_HAAG);
}

export function denHaagVisit(): Address {
	return json('SUBMISSION_DEN_HAAG_VISIT', address, DEFAULT_DEN_HAAG_VISIT);
}

export function representation(country: string): Address | null {
	return json('SUBMISSION_REPRESENTATIONS', addressTable, DEFAULT_REPRESENTATIONS)[country] ?? null;
}

/** KB D 5(1): the consular post for the voter's place of residence, where the office lists one. */
export function consularPost(country: string): Address | null {
	return json('SUBMISSION_CONSULAR_POSTS', addressTable, {})[country] ?? null;
}

/** Days a letter takes to reach Den Haag, per country code, over DEFAULT_POSTAL_DAYS. */
export function postalDaysOverrides(): Record<string, number> {
	return json('POSTAL_DAYS', z.record(z.string(), z.number().int().min(0).max(60)), {});
}

/** The public address of the portal, used in links printed on the PDF. */
export function origin(): string {
	return process.env.ORIGIN ?? `http://localhost:${process.env.PORT ?? 3000}`;
}

/**
 * Days a consular post, representation or ministry takes to forward a form to Den Haag
 * (KB D 5(1): "as soon as possible"); a planning figure, FORWARDING_DAYS overrides it.
 */
export function forwardingDays(): number {
	const days = Number(process.env.FORWARDING_DAYS ?? 10);
	return Number.isInteger(days) && days >= 0 && days <= 60 ? days : 10;
}

function positive(name: string, fallback: number, max: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number(raw);
	if (!Number.isFinite(value) || value <= 0 || value > max) {
		throw new Error(`${name} must be a number between 0 and ${max}, not "${raw}"`);
	}
	return value;
}

/** Minutes without a request after which a session ends (SESSION_IDLE_MINUTES, default 30). */
export function sessionIdleMinutes(): number {
	return positive('SESSION_IDLE_MINUTES', 30, 24 * 60);
}

/** Hours after sign-in after which a session ends whatever the activity (default 12). */
export function sessionAbsoluteHours(): number {
	return positive('SESSION_ABSOLUTE_HOURS', 12, 24 * 30);
}

/**
 * The WebAuthn relying party: passkeys are bound to the host name of ORIGIN, and a ceremony is
 * accepted only from ORIGIN itself (a look-alike site cannot use them).
 */
export function relyingParty(): { id: string; origin: string } {
	const url = new URL(origin());
	return { id: url.hostname, origin: url.origin };
}

/**
 * Weeks within which a decision can be appealed: the Awb's six (Awb 6:7), unless the law changes;
 * APPEAL_TERM_WEEKS overrides it. A bad value stops the start rather than misstate a term.
 */
export function appealTermWeeks(): number {
	const raw = process.env.APPEAL_TERM_WEEKS;
	if (raw === undefined || raw === '') return TERMS.appealTermWeeks;
	const weeks = Number(raw);
	if (!Number.isInteger(weeks) || weeks < 1 || weeks > 52) {
		throw new Error(`APPEAL_TERM_WEEKS must be a whole number of weeks (1–52), not "${raw}"`);
	}
	return weeks;
}

/** KW D 8: where an appeal goes, printed in every decision notice. */
export const DEFAULT_COUNCIL_OF_STATE: Address = {
	name: 'Raad van State, Afdeling bestuursrechtspraak',
	lines: ['Postbus 20019', '2500 EA Den Haag', 'Nederland']
};

export function councilOfState(): Address {
	return json('APPEAL_ADDRESS', address, DEFAULT_COUNCIL_OF_STATE);
}

/**
 * KW M 4(4): where the mayor of a home municipality is told of a decision on a resident's request
 * to vote by post from abroad. MUNICIPALITY_ADDRESSES maps a municipality's name (as voters write
 * it; matched without regard to case, accents or spaces) to its address and, optionally, an
 * e-mail address: with an e-mail address the notice goes by e-mail, otherwise by letter. A
 * municipality not in the table gets a letter addressed by its name only, to be completed in the
 * print queue.
 */
export function municipality(name: string): Address | null {
	const table = json('MUNICIPALITY_ADDRESSES', addressTable, {});
	const wanted = municipalityKey(name);
	for (const [key, value] of Object.entries(table)) {
		if (municipalityKey(key) === wanted) return value;
	}
	return null;
}

const municipalityKey = (name: string) =>
	name
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/^gemeente\s+/, '')
		.replace(/[^a-z0-9]/g, '');
