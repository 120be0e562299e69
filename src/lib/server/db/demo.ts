/**
 * Demo data for development and the browser tests (issue 3 item 8): a few fictional registered
 * voters abroad, so that the status request, the office and the voter's pages have someone to
 * find. Behind a flag, `DEMO_DATA=1`, and only on a server whose public origin is this machine:
 * a production server (any other ORIGIN) refuses to start with the flag set, so demo people can
 * never mix with real ones. Every name is invented; addresses use example.org and example streets.
 */
import { and, eq } from 'drizzle-orm';
import { lookupKey } from '$lib/domain/lookup';
import type { Db } from './client';
import { registrations, registrationTypes, type PostalAddress } from './schema';

type DemoType = {
	type: 'TK' | 'EP' | 'KNI';
	startsOn: string;
	endedOn?: string;
	endReason?: string;
};

export type DemoRegistration = {
	surname: string;
	firstNames: string;
	birthDate: string;
	sex: 'M' | 'V' | 'X';
	residentialAddress: PostalAddress;
	correspondenceAddress?: PostalAddress;
	email?: string;
	locale: string;
	status?: 'active' | 'removed';
	types: DemoType[];
};

export const DEMO_REGISTRATIONS: readonly DemoRegistration[] = Object.freeze([
	{
		// Registered for TK and EP, reachable by e-mail: a status answer goes there.
		surname: 'Jansen',
		firstNames: 'Johanna Maria',
		birthDate: '1985-03-27',
		sex: 'V',
		residentialAddress: { lines: ['Beispielstraße 12', '10115 Berlin'], country: 'DE' },
		email: 'johanna.jansen@example.org',
		locale: 'nl',
		types: [
			{ type: 'TK', startsOn: '2024-01-10' },
			{ type: 'EP', startsOn: '2024-01-10' }
		]
	},
	{
		// No e-mail address: notices go by post, to the correspondence address (MvT §3.5).
		surname: 'van der Berg',
		firstNames: 'Pieter Willem',
		birthDate: '1979-11-02',
		sex: 'M',
		residentialAddress: { lines: ['1200 Example Avenue', 'Springfield, IL 62701'], country: 'US' },
		correspondenceAddress: { lines: ['PO Box 100', 'Springfield, IL 62705'], country: 'US' },
		locale: 'en',
		types: [
			{ type: 'TK', startsOn: '2023-06-01' },
			{ type: 'KNI', startsOn: '2023-06-01' }
		]
	},
	{
		// A 17-year-old: registered from the 44th day before the 18th birthday (KW D 3(1)).
		surname: 'Çelik',
		firstNames: 'Zoë',
		birthDate: '2009-06-15',
		sex: 'X',
		residentialAddress: { lines: ['Calle Ejemplo 3', '28001 Madrid'], country: 'ES' },
		email: 'zoe.celik@example.org',
		locale: 'es',
		types: [
			{ type: 'TK', startsOn: '2027-05-02' },
			{ type: 'EP', startsOn: '2027-05-02' }
		]
	},
	{
		// Settled in the Netherlands: the registration ended (KW D 6(3)); a status request finds
		// nobody registered and goes to the office for the reasons (KB D 8).
		surname: 'de Vries',
		firstNames: 'Anna',
		birthDate: '1990-01-01',
		sex: 'V',
		residentialAddress: { lines: ['Rue de l’Exemple 5', '1000 Bruxelles'], country: 'BE' },
		email: 'anna.devries@example.org',
		locale: 'nl',
		status: 'removed',
		types: [
			{
				type: 'TK',
				startsOn: '2020-02-01',
				endedOn: '2025-09-01',
				endReason: 'moved_to_netherlands'
			}
		]
	}
]);

/** Whether demo data is wanted, and allowed: `DEMO_DATA=1` on a server that serves this machine. */
export function demoDataEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
	if (env.DEMO_DATA !== '1') return false;
	const origin = env.ORIGIN ?? `http://localhost:${env.PORT ?? 3000}`;
	const host = new URL(origin).hostname;
	if (!['localhost', '127.0.0.1', '[::1]'].includes(host)) {
		throw new Error(`DEMO_DATA=1 is for development only; refusing to seed on ${origin}`);
	}
	return true;
}

/** Inserts the demo registrations that are not there yet (by key and first names): idempotent. */
export async function seedDemoData(
	db: Db,
	people: readonly DemoRegistration[] = DEMO_REGISTRATIONS
) {
	for (const person of people) {
		const key = lookupKey(person.surname, person.birthDate, person.residentialAddress.country);
		await db.transaction(async (tx) => {
			const [existing] = await tx
				.select({ id: registrations.id })
				.from(registrations)
				.where(
					and(eq(registrations.lookupKey, key), eq(registrations.firstNames, person.firstNames))
				);
			if (existing) return;
			const [row] = await tx
				.insert(registrations)
				.values({
					surname: person.surname,
					firstNames: person.firstNames,
					birthDate: person.birthDate,
					sex: person.sex,
					residentialAddress: person.residentialAddress,
					correspondenceAddress: person.correspondenceAddress ?? null,
					email: person.email ?? null,
					locale: person.locale,
					lookupKey: key,
					status: person.status ?? 'active'
				})
				.returning({ id: registrations.id });
			await tx.insert(registrationTypes).values(
				person.types.map((t) => ({
					registrationId: row!.id,
					type: t.type,
					startsOn: t.startsOn,
					endedOn: t.endedOn ?? null,
					endReason: t.endReason ?? null
				}))
			);
		});
	}
}
