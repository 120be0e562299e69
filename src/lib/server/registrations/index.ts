/**
 * The registration of voters abroad (KW D 2): one row per person with the data KB D 4 lists, and
 * the election types it holds, each from its start. Written only by decisions (casework, and the
 * population-register changes); read by the voter's status page and the office.
 */
import { randomUUID } from 'node:crypto';
import { and, asc, eq, gt, inArray, isNull, or, sql } from 'drizzle-orm';
import {
	ELECTION_TYPES,
	lookupKey,
	standing,
	type ElectionType,
	type IsoDate,
	type Standing
} from '$lib/domain';
import type { Answers } from '$lib/journeys/engine';
import { dateOfBirth } from '$lib/journeys/registration';
import * as crypto from '$lib/server/crypto';
import { db, type Db } from '$lib/server/db';
import {
	registrations,
	registrationTypes,
	type PostalAddress,
	type Registration,
	type RegistrationType
} from '$lib/server/db/schema';

export type { Registration, RegistrationType };

/** What KB D 4(a) records of a person, and nothing else. */
export type PersonData = {
	surname: string;
	firstNames: string;
	birthDate: IsoDate;
	sex: string;
	nationality: string;
	residentialAddress: PostalAddress;
	correspondenceAddress: PostalAddress | null;
	email: string | null;
	phone: string | null;
	bsn: string | null;
	/** The language the voter used: notices are written in it. */
	locale: string;
};

const str = (answers: Answers, step: string, field: string): string => {
	const v = answers[step]?.[field];
	return typeof v === 'string' ? v.trim() : '';
};
const lines = (answers: Answers, step: string) =>
	['address_line1', 'address_line2', 'address_line3']
		.map((f) => str(answers, step, f))
		.filter((l) => l !== '');

/**
 * The person's data from the answers on the form (the registration journey's steps). Only what
 * KB D 4(a) lists is taken: the answers about eligibility and the channel stay on the application.
 * Null when the form lacks what a registration must hold (a name, a date of birth, an address).
 */
export function personFromAnswers(answers: Answers, locale: string): PersonData | null {
	const birthDate = dateOfBirth(answers);
	const surname = str(answers, 'name', 'surname');
	const firstNames = str(answers, 'name', 'first_names');
	const country = str(answers, 'residence', 'country');
	const residential = lines(answers, 'address');
	if (!birthDate || !surname || !firstNames || !country || residential.length === 0) return null;
	const correspondence =
		str(answers, 'correspondence_choice', 'value') === 'yes'
			? {
					lines: lines(answers, 'correspondence_address'),
					country: str(answers, 'correspondence_address', 'country')
				}
			: null;
	const bsn = str(answers, 'bsn', 'bsn').replace(/[\s.]/g, '');
	return {
		surname,
		firstNames,
		birthDate,
		sex: str(answers, 'sex', 'sex'),
		// The form asks whether the applicant is Dutch; only Dutch nationals are registered (KW B 1).
		nationality: 'NL',
		residentialAddress: { lines: residential, country },
		correspondenceAddress:
			correspondence?.lines.length && correspondence.country ? correspondence : null,
		email: str(answers, 'contact', 'email') || null,
		phone: str(answers, 'contact', 'phone') || null,
		bsn: bsn || null,
		locale
	};
}

export const keyOf = (person: Pick<PersonData, 'surname' | 'birthDate' | 'residentialAddress'>) =>
	lookupKey(person.surname, person.birthDate, person.residentialAddress.country);

/** Where the voting papers and notices go: the correspondence address when there is one (MvT §3.5). */
export function postalAddressOf(
	person: Pick<PersonData, 'residentialAddress' | 'correspondenceAddress'>
): PostalAddress {
	return person.correspondenceAddress ?? person.residentialAddress;
}

/**
 * Creates the registration with its types, each from its start day (KW D 3(1)). Call inside the
 * transaction of the decision that grants it.
 */
export async function create(
	tx: Db,
	person: PersonData,
	types: Partial<Record<ElectionType, IsoDate>>,
	accountId: string | null
): Promise<Registration> {
	const id = randomUUID();
	const [row] = await tx
		.insert(registrations)
		.values({
			id,
			accountId,
			surname: person.surname,
			firstNames: person.firstNames,
			birthDate: person.birthDate,
			sex: person.sex,
			nationality: person.nationality,
			residentialAddress: person.residentialAddress,
			correspondenceAddress: person.correspondenceAddress,
			email: person.email,
			phone: person.phone,
			...sealBsn(id, person.bsn),
			locale: person.locale,
			lookupKey: keyOf(person)
		})
		.returning();
	const registration = row as Registration;
	const held = ELECTION_TYPES.filter((t) => types[t] !== undefined);
	if (held.length > 0) {
		await tx
			.insert(registrationTypes)
			.values(
				held.map((type) => ({ registrationId: registration.id, type, startsOn: types[type]! }))
			);
	}
	return registration;
}

/**
 * The BSN (KB D 4(a), "where applicable") is stored only encrypted, bound to its row, with a keyed
 * blind index so a population-register change finds the person (KW D 6(2)).
 */
function sealBsn(id: string, bsn: string | null) {
	if (!bsn) return { bsnEncrypted: null, bsnIndex: null };
	return {
		bsnEncrypted: crypto.encryptField(bsn, bsnContext(id)),
		bsnIndex: crypto.blindIndex(bsn)
	};
}

/** The GCM context of a registration's BSN: a value copied into another row does not decrypt. */
export const bsnContext = (registrationId: string) => `registration:${registrationId}:bsn`;

/** The BSN in clear, for the office; null when none was given. */
export function bsnOf(registration: Pick<Registration, 'id' | 'bsnEncrypted'>): string | null {
	return registration.bsnEncrypted
		? crypto.decryptField(registration.bsnEncrypted, bsnContext(registration.id))
		: null;
}

/**
 * Active registrations of the same person: the same normalised surname, date of birth and country
 * of residence (the status lookup's key), or the same account. MvT §7: a new application from
 * someone already registered is met with a question, not a second registration.
 */
export async function findDuplicates(
	person: Pick<PersonData, 'surname' | 'birthDate' | 'residentialAddress'>,
	accountId: string | null,
	tx?: Db
): Promise<Registration[]> {
	const target = tx ?? (await db());
	const same = accountId
		? or(eq(registrations.lookupKey, keyOf(person)), eq(registrations.accountId, accountId))
		: eq(registrations.lookupKey, keyOf(person));
	return target
		.select()
		.from(registrations)
		.where(and(eq(registrations.status, 'active'), same))
		.orderBy(asc(registrations.createdAt));
}

export type RegistrationView = {
	registration: Registration;
	types: RegistrationType[];
	standing: Standing;
};

async function withTypes(target: Db, registration: Registration, today: IsoDate) {
	const types = await target
		.select()
		.from(registrationTypes)
		.where(eq(registrationTypes.registrationId, registration.id))
		.orderBy(
			sql`array_position(array['TK','EP','KNI']::election_type[], ${registrationTypes.type})`
		);
	return {
		registration,
		types,
		standing: standing(
			types.map((t) => ({ type: t.type, startsOn: t.startsOn, endedOn: t.endedOn })),
			today
		)
	};
}

/** The account's registration (the most recent if there were several), with its types. */
export async function findForAccount(
	accountId: string,
	today: IsoDate
): Promise<RegistrationView | null> {
	const target = await db();
	const [registration] = await target
		.select()
		.from(registrations)
		.where(eq(registrations.accountId, accountId))
		.orderBy(sql`${registrations.status} = 'active' desc`, sql`${registrations.createdAt} desc`)
		.limit(1);
	return registration ? withTypes(target, registration, today) : null;
}

export async function findById(id: string, today: IsoDate): Promise<RegistrationView | null> {
	const target = await db();
	const [registration] = await target
		.select()
		.from(registrations)
		.where(eq(registrations.id, id))
		.limit(1);
	return registration ? withTypes(target, registration, today) : null;
}

/** A change of the registration as the voter asked it (KW D 3(3), D 7(1)): absent keys stay. */
export type RegistrationChange = {
	residentialAddress?: PostalAddress;
	/** null removes the correspondence address. */
	correspondenceAddress?: PostalAddress | null;
	email?: string | null;
	phone?: string | null;
	name?: { surname: string; firstNames: string };
	/** The types to be registered for from now on. */
	electionTypes?: ElectionType[];
};

export type ChangeApplied = {
	registration: Registration;
	/** Per type as the decision records it: the start of each type held, null for each ended. */
	types: Record<string, string | null>;
};

/**
 * The registration with its types; locked for the decision's transaction unless `lock` is false
 * (a page that only shows it). Null if unknown.
 */
export async function loadWithTypes(
	tx: Db,
	id: string,
	lock = true
): Promise<{ registration: Registration; types: RegistrationType[] } | null> {
	const query = tx.select().from(registrations).where(eq(registrations.id, id));
	const [registration] = lock ? await query.for('update') : await query;
	if (!registration) return null;
	const types = await tx
		.select()
		.from(registrationTypes)
		.where(eq(registrationTypes.registrationId, id));
	return { registration, types };
}

const heldOn = (types: RegistrationType[], day: IsoDate) =>
	types.filter((t) => t.endedOn === null || t.endedOn > day);

/**
 * Applies a change on the decision day, inside the decision's transaction: the data KB D 4(a)
 * lists as asked, and the types (each type asked for and not held starts on `startsOn`, KW D 3(1);
 * each type held and not asked for ends on `today`, end cause `own_request`). The lookup key
 * follows a new surname or country of residence.
 */
export async function applyChange(
	tx: Db,
	current: { registration: Registration; types: RegistrationType[] },
	change: RegistrationChange,
	plan: { start: { type: ElectionType; startsOn: IsoDate }[]; end: ElectionType[] },
	today: IsoDate
): Promise<ChangeApplied> {
	const before = current.registration;
	const surname = change.name?.surname ?? before.surname;
	const residentialAddress = change.residentialAddress ?? before.residentialAddress;
	const set: Partial<typeof registrations.$inferInsert> = {
		surname,
		firstNames: change.name?.firstNames ?? before.firstNames,
		residentialAddress,
		lookupKey: keyOf({ surname, birthDate: before.birthDate, residentialAddress })
	};
	if (change.correspondenceAddress !== undefined) {
		set.correspondenceAddress = change.correspondenceAddress;
	}
	if (change.email !== undefined) set.email = change.email;
	if (change.phone !== undefined) set.phone = change.phone;
	const [registration] = await tx
		.update(registrations)
		.set({ ...set, updatedAt: sql`now()` })
		.where(eq(registrations.id, before.id))
		.returning();
	for (const { type, startsOn } of plan.start) {
		// One row per type: a type that ended before starts again on its own row.
		await tx
			.insert(registrationTypes)
			.values({ registrationId: before.id, type, startsOn })
			.onConflictDoUpdate({
				target: [registrationTypes.registrationId, registrationTypes.type],
				set: { startsOn, endedOn: null, endReason: null }
			});
	}
	await endTypes(tx, before.id, plan.end, today);
	const types: Record<string, string | null> = {};
	for (const t of heldOn(current.types, today)) types[t.type] = t.startsOn;
	for (const t of plan.start) types[t.type] = t.startsOn;
	for (const t of plan.end) types[t] = null;
	return { registration: registration as Registration, types };
}

/**
 * Removal on the voter's own request (a change like any other, KW D 7(1)): every type held ends
 * today (end cause `own_request`) and the registration is marked removed.
 */
export async function removeOnRequest(
	tx: Db,
	current: { registration: Registration; types: RegistrationType[] },
	today: IsoDate
): Promise<ChangeApplied> {
	const ended = heldOn(current.types, today).map((t) => t.type);
	await endTypes(tx, current.registration.id, ended, today);
	const [registration] = await tx
		.update(registrations)
		.set({ status: 'removed', updatedAt: sql`now()` })
		.where(eq(registrations.id, current.registration.id))
		.returning();
	return {
		registration: registration as Registration,
		types: Object.fromEntries(ended.map((t) => [t, null]))
	};
}

async function endTypes(tx: Db, registrationId: string, types: ElectionType[], today: IsoDate) {
	if (types.length === 0) return;
	await tx
		.update(registrationTypes)
		.set({ endedOn: today, endReason: 'own_request' })
		.where(
			and(
				eq(registrationTypes.registrationId, registrationId),
				inArray(registrationTypes.type, types),
				or(isNull(registrationTypes.endedOn), gt(registrationTypes.endedOn, today))
			)
		);
}
