/** Builders for casework tests: accounts, completed forms (drafts) and their answers. */
import { randomBytes } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Answers } from '$lib/journeys/engine';
import { REGISTRATION } from '$lib/journeys/registration';
import type { Database } from '$lib/server/db';
import { accounts, drafts as draftTable, type StaffRole } from '$lib/server/db/schema';
import * as drafts from '$lib/server/drafts';
import { adultInGermany, type Post } from './registration';

/** The answers a voter gives by posting these steps. */
export function answersOf(posts: Post[], over: Answers = {}): Answers {
	return { ...Object.fromEntries(posts), ...over } as Answers;
}

/**
 * A surname nobody else in the test database has: registrations of the same surname, date of
 * birth and country are one person (MvT §7), so tests that are not about that need their own.
 */
export function uniqueSurname(base = 'IJsselmeer-Çelik'): string {
	const letters = Array.from(randomBytes(6), (b) => String.fromCharCode(97 + (b % 26))).join('');
	return `${base} ${letters[0]!.toUpperCase()}${letters.slice(1)}`;
}

/** Zoë, an adult in Germany, with a surname of her own. */
export function adultAnswers(over: Answers = {}): Answers {
	return answersOf(adultInGermany, {
		name: { first_names: 'Zoë', surname: uniqueSurname() },
		...over
	});
}

export async function voterAccount(database: Database, locale = 'en'): Promise<string> {
	const [row] = await database.db
		.insert(accounts)
		.values({ kind: 'voter', webauthnUserId: randomBytes(32).toString('base64url'), locale })
		.returning({ id: accounts.id });
	return row!.id;
}

export async function staffAccount(
	database: Database,
	roles: StaffRole[] = ['clerk', 'decider']
): Promise<string> {
	const [row] = await database.db
		.insert(accounts)
		.values({
			kind: 'staff',
			webauthnUserId: randomBytes(32).toString('base64url'),
			displayName: 'Test clerk',
			roles
		})
		.returning({ id: accounts.id });
	return row!.id;
}

/**
 * A completed registration form, as the voter's confirmation leaves it: answers, locale, its
 * reference, and optionally the account it is linked to.
 */
export async function completedForm(
	database: Database,
	options: { answers?: Answers; locale?: string; accountId?: string; completedAt?: Date } = {}
) {
	const { draft } = await drafts.create(
		REGISTRATION,
		options.locale ?? 'en',
		options.answers ?? adultAnswers()
	);
	const reference = await drafts.complete(draft);
	const set: Partial<typeof draftTable.$inferInsert> = {};
	if (options.accountId) set.accountId = options.accountId;
	if (options.completedAt) set.completedAt = options.completedAt;
	if (Object.keys(set).length > 0) {
		await database.db.update(draftTable).set(set).where(eq(draftTable.id, draft.id));
	}
	return { draftId: draft.id, reference };
}
