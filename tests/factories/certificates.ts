/** Builders for the register of postal voting certificates: elections, requests and grants. */
import { randomBytes } from 'node:crypto';
import type { ElectionType, IsoDate } from '$lib/domain';
import type { ApplicationKind, Request } from '$lib/journeys/requests';
import type { Db } from '$lib/server/db';
import { applications, decisions, elections } from '$lib/server/db/schema';

const unique = () => randomBytes(4).toString('hex').toUpperCase();

/** An election of its own (a unique slug), nominated `nominationDay`, 44 days before the vote. */
export async function election(
	db: Db,
	over: { type?: ElectionType; nominationDay?: IsoDate | null; electionDay?: IsoDate } = {}
) {
	const [row] = await db
		.insert(elections)
		.values({
			slug: `${over.type ?? 'TK'}-T${unique()}`,
			type: over.type ?? 'TK',
			nominationDay: over.nominationDay === undefined ? '2030-04-01' : over.nominationDay,
			electionDay: over.electionDay ?? '2030-05-15',
			certificatesSentOn: '2030-02-20'
		})
		.returning();
	return row!;
}

/** A received per-election application of `kind` (its typed request optional). */
export async function application(
	db: Db,
	electionId: string,
	kind: ApplicationKind,
	request: Request | null = null
) {
	const [row] = await db
		.insert(applications)
		.values({
			reference: `T-${unique()}-${unique()}`,
			kind,
			locale: 'nl',
			answers: {},
			request,
			electionId,
			channel: 'post',
			receivedAt: new Date('2030-03-01T10:00:00Z'),
			dueOn: '2030-03-08'
		})
		.returning();
	return row!;
}

/** A decision on a per-election application, written as the office writes it. */
export async function decide(
	db: Db,
	input: {
		electionId: string;
		registrationId: string | null;
		kind: ApplicationKind;
		outcome?: string;
		electionOfDecision?: string | null;
	}
) {
	const app = await application(db, input.electionId, input.kind);
	await db.insert(decisions).values({
		origin: 'application',
		outcome: input.outcome ?? 'granted',
		applicationId: app.id,
		registrationId: input.registrationId,
		electionId:
			input.electionOfDecision === undefined ? input.electionId : input.electionOfDecision,
		notice: 'none'
	});
	return app;
}
