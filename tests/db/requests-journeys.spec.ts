/**
 * The journeys' own requests reach the office (issue 4 item 8): a confirmed vote-choice draft,
 * with the answers the journey asks, is received by its reference with the request its
 * `requestOf` makes, and decided from nomination day with the holder's letter (KW L 11(3)).
 * Unlike requests.spec.ts, nothing here is replaced: the contract is tested as the journeys keep it.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { withTestDatabase } from './database';
import { staffAccount, uniqueSurname } from '../factories/casework';
import { electionId, registeredVoter, voter } from '../factories/requests';
import type { Answers } from '$lib/journeys/engine';
import * as casework from '$lib/server/casework';
import type { Database } from '$lib/server/db';
import { outbox } from '$lib/server/db/schema';
import * as drafts from '$lib/server/drafts';
import { requestOf } from '$lib/server/journeys';
import * as requests from '$lib/server/requests';

let database: Database;
let close: () => Promise<void>;
let staff: string;

beforeAll(async () => {
	({ database, close } = await withTestDatabase());
	staff = await staffAccount(database);
});
afterAll(() => close());

describe('a proxy asked through the vote-choice journey', () => {
	it('is received with the journey’s request and decided with the holder told', async () => {
		const v = voter();
		const registration = await registeredVoter(database, v);
		const holderSurname = uniqueSurname('de Vries');
		const answers: Answers = {
			election: { election: 'TK-2030' },
			registered: { value: 'yes' },
			choice: { choice: 'proxy' },
			name: { first_names: v.firstNames, surname: v.surname },
			date_of_birth: { dob_day: '15', dob_month: '6', dob_year: '1985' },
			address: {
				address_line1: v.address.lines[0]!,
				address_line2: v.address.lines[1]!,
				address_line3: '',
				country: 'DE'
			},
			email: { email: v.email! },
			holder_name: { first_names: 'Jan', surname: holderSurname },
			holder_date_of_birth: { dob_day: '2', dob_month: '1', dob_year: '1960' },
			holder_address: {
				address_line1: 'Lange Voorhout 1',
				address_line2: '2514 EA Den Haag',
				address_line3: '',
				country: 'NL'
			},
			holder_conditions: { understood: ['yes'] }
		};
		const request = requestOf('vote_choice', answers);
		expect(request).toMatchObject({ kind: 'proxy', election: 'TK-2030' });

		const { draft } = await drafts.create('vote_choice', 'en', answers);
		const reference = await drafts.complete(draft);
		const received = await casework.receive({
			reference,
			channel: 'upload',
			receivedAt: new Date(),
			staffId: staff
		});
		expect(received).toMatchObject({
			ok: true,
			application: {
				kind: 'proxy',
				request,
				electionId: await electionId(database, 'TK-2030'),
				dueOn: '2030-04-01'
			}
		});
		if (!received.ok) return;

		const result = await requests.decide(
			received.application.id,
			{
				outcome: 'granted',
				reasons: [],
				question: '',
				registrationId: registration.id,
				certificateNumber: null
			},
			staff,
			new Date('2030-04-01T10:00:00Z')
		);
		expect(result).toMatchObject({ ok: true, decision: { outcome: 'granted' } });
		if (!result.ok) return;
		const sent = await database.db
			.select()
			.from(outbox)
			.where(eq(outbox.decisionId, result.decision.id));
		expect(sent.map((m) => [m.channel, m.recipient])).toEqual([
			['email', v.email],
			['letter', `Jan ${holderSurname}`]
		]);
	});
});
