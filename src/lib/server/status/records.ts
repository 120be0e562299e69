/**
 * Registrations as status requests read them, and the answer to the contact details on record.
 * Shared by the public request (`index.ts`) and the office (`office.ts`).
 */
import { eq, type SQL } from 'drizzle-orm';
import {
	amsterdamDay,
	type ElectionType,
	type HeldType,
	type IsoDate,
	type Standing
} from '$lib/domain';
import * as clock from '$lib/server/clock';
import type { Db } from '$lib/server/db';
import {
	registrations,
	registrationTypes,
	type PostalAddress,
	type Registration
} from '$lib/server/db/schema';
import * as mail from '$lib/server/mail';
import { registeredAnswer } from './compose';

/** The Den Haag calendar day: the 7-day term counts in its days (KB D 8). */
export const today = (now = clock.now()): IsoDate => amsterdamDay(now);

export type Candidate = Registration & { types: (HeldType & { endReason: string | null })[] };

/** Registrations with their types, in one query (a left join, grouped here). */
export async function registrationsWithTypes(tx: Db, where: SQL | undefined): Promise<Candidate[]> {
	const rows = await tx
		.select({ registration: registrations, type: registrationTypes })
		.from(registrations)
		.leftJoin(registrationTypes, eq(registrationTypes.registrationId, registrations.id))
		.where(where);
	const byId = new Map<string, Candidate>();
	for (const { registration, type } of rows) {
		const candidate = byId.get(registration.id) ?? { ...registration, types: [] };
		if (type) {
			candidate.types.push({
				type: type.type as ElectionType,
				startsOn: type.startsOn,
				endedOn: type.endedOn,
				endReason: type.endReason
			});
		}
		byId.set(registration.id, candidate);
	}
	return [...byId.values()];
}

/** Where the answer goes: the e-mail address on record, otherwise a letter (KB D 10's order). */
export function onRecordChannel(
	registration: Pick<Registration, 'email' | 'correspondenceAddress' | 'residentialAddress'>
): { channel: 'email'; recipient: string } | { channel: 'letter'; postalAddress: PostalAddress } {
	if (registration.email) return { channel: 'email', recipient: registration.email };
	return {
		channel: 'letter',
		postalAddress: registration.correspondenceAddress ?? registration.residentialAddress
	};
}

/** Queues the answer "registered" to the contact details on record, in the registration's language. */
export async function answerOnRecord(
	registration: Registration,
	held: Standing,
	receivedOn: IsoDate,
	tx: Db
): Promise<void> {
	const words = registeredAnswer(registration, held, receivedOn);
	const to = onRecordChannel(registration);
	const locale = registration.locale;
	await mail.enqueue(
		to.channel === 'email'
			? { ...to, ...words }
			: {
					...to,
					// The first line of the window envelope.
					recipientName: `${registration.firstNames} ${registration.surname}`,
					locale,
					subject: words.subject,
					text: words.text
				},
		tx
	);
}
