/**
 * Status requests without an account (KW D 5, KB D 8). Anyone may ask whether they are
 * registered; the answer is personal data, so it goes only to the contact details on record,
 * never to what was typed (that could be anyone's). When nothing matches, the office owes the
 * reasons by the 7th day, at the address the request gave.
 *
 * Both outcomes do the same work in the same order (read the candidates, insert the request,
 * queue one message, append one audit entry, in one transaction), and the caller answers no sooner
 * than a fixed floor (`timing.ts`), so nothing a visitor can observe tells the outcomes apart.
 */
import { and, eq, isNull } from 'drizzle-orm';
import { lookupKey, selectMatch, standing, statusReasonsDueOn } from '$lib/domain';
import { readStatusForm, type StatusRequestForm } from '$lib/journeys/status';
import * as audit from '$lib/server/audit';
import { db, type Db } from '$lib/server/db';
import { registrations, statusRequests } from '$lib/server/db/schema';
import * as config from '$lib/server/config';
import * as mail from '$lib/server/mail';
import type { StepAnswer } from '$lib/journeys/engine';
import { officeAlert } from './compose';
import { answerOnRecord, registrationsWithTypes, today, type Candidate } from './records';
import { settle } from './timing';

export { responseFloorMs, settle } from './timing';
export { onRecordChannel, today } from './records';
export * as office from './office';

export type StatusRequestInput = StatusRequestForm & { locale: string };
export type Outcome = 'answered' | 'open';

/** Active registrations of living people under the request's key: one indexed query. */
function candidates(tx: Db, key: string): Promise<Candidate[]> {
	return registrationsWithTypes(
		tx,
		and(
			eq(registrations.lookupKey, key),
			eq(registrations.status, 'active'),
			isNull(registrations.deceasedOn)
		)
	);
}

/**
 * Records a status request and answers it if exactly one registered person matches (see
 * `selectMatch`): the answer goes to the contact details on record, in the registration's
 * language. Otherwise the request stays open for the office, due on the 7th day. The outcome is
 * for tests and the office; the public page never sees it.
 */
export async function request(
	input: StatusRequestInput,
	now = new Date()
): Promise<{ id: string; outcome: Outcome }> {
	const database = await db();
	return database.transaction(async (t) => {
		const tx = t as unknown as Db;
		const receivedOn = today(now);
		const dueOn = statusReasonsDueOn(receivedOn);
		const found = await candidates(tx, lookupKey(input.surname, input.birthDate, input.country));
		const match = selectMatch(input.firstNames, found);
		const held = match ? standing(match.types, receivedOn) : null;
		const answered = match && held?.registered ? match : null;
		const typed = input.answerBy;
		const [row] = await tx
			.insert(statusRequests)
			.values({
				surname: input.surname,
				firstNames: input.firstNames,
				birthDate: input.birthDate,
				country: input.country,
				// KB D 4, data minimisation: on a match the typed contact details are never used, so
				// they are not kept either.
				email: !answered && 'email' in typed ? typed.email : null,
				postalAddress: !answered && 'postalAddress' in typed ? typed.postalAddress : null,
				locale: input.locale,
				receivedAt: now,
				dueOn,
				registrationId: answered?.id ?? null,
				status: answered ? 'answered' : 'open',
				answeredAt: answered ? now : null
			})
			.returning({ id: statusRequests.id });
		const id = row!.id;
		if (answered && held) {
			await answerOnRecord(answered, held, receivedOn, tx);
		} else {
			// The same kind of write on this path: the office is told that reasons are owed.
			const words = officeAlert(id, dueOn);
			await mail.enqueue({ channel: 'email', recipient: officeAddress(), ...words }, tx);
		}
		const outcome: Outcome = answered ? 'answered' : 'open';
		await audit.record(
			{
				actor: 'anonymous',
				action: 'status_request.lookup',
				subject: `status_request:${id}`,
				details: {
					outcome,
					candidates: found.length,
					...(answered ? { registration: answered.id } : {})
				}
			},
			tx
		);
		return { id, outcome };
	});
}

/** Where the office reads its alerts: Den Haag's own address (config `SUBMISSION_DEN_HAAG`). */
function officeAddress(): string {
	return config.denHaag().email ?? config.DEFAULT_DEN_HAAG.email!;
}

export type SubmitResult =
	{ ok: true } | { ok: false; values: StepAnswer; errors: Record<string, string> };

/**
 * The public page's action: checks the form, records the request and answers no sooner than the
 * floor after `startedAt`. A valid request gets `{ ok: true }` whatever the outcome.
 */
export async function submit(
	form: FormData,
	locale: string,
	startedAt: number
): Promise<SubmitResult> {
	const read = readStatusForm(form, today());
	if (!read.ok) return read;
	await request({ ...read.request, locale });
	await settle(startedAt);
	return { ok: true };
}
