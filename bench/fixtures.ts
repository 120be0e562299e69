/**
 * Signed-in people for the HTTP benchmarks, made in the database named by DATABASE_URL with the
 * app's own services (the same keys as the servers, from the environment): voters whose status
 * page has something to show (a registration decided on an uploaded form, as in
 * src/lib/server/casework/voter.spec.ts), each with a session, and a member of staff with a session
 * (for the office's CSV downloads). Prints JSON: { voters: [{ accountId, token }], staff: { token } }.
 *
 *   DATABASE_URL=postgres://…/bench ENCRYPTION_KEYS=… ENCRYPTION_KEY_ID=… BLIND_INDEX_KEY=… \
 *     npx tsx --tsconfig .svelte-kit/tsconfig.json bench/fixtures.ts [voters]
 */
import {
	adultAnswers,
	completedForm,
	staffAccount,
	voterAccount
} from '../tests/factories/casework';
import { gradient, jpegOf, pdfWithText } from '../tests/factories/files';
import * as auth from '$lib/server/auth/sessions';
import * as casework from '$lib/server/casework';
import { closeDatabase, database } from '$lib/server/db';

const voters = Number(process.argv[2] ?? 100);
const opened = await database();
const staffId = await staffAccount(opened, ['clerk', 'decider', 'admin']);
const signedForm = await pdfWithText('signed');
const idCopy = jpegOf(gradient(24, 24));

const made: { accountId: string; token: string }[] = [];
for (let i = 0; i < voters; i++) {
	const accountId = await voterAccount(opened, i % 2 === 0 ? 'nl' : 'en');
	const { draftId } = await completedForm(opened, {
		accountId,
		answers: adultAnswers({
			correspondence_choice: { value: 'yes' },
			correspondence_address: {
				address_line1: `Postfach ${i}`,
				address_line2: '50667 Köln',
				address_line3: '',
				country: 'DE'
			}
		})
	});
	const received = await casework.receiveUpload({
		accountId,
		draftId,
		files: [
			{ kind: 'signed_form', bytes: signedForm },
			{ kind: 'identity_document', bytes: idCopy }
		]
	});
	if (!received.ok) throw new Error(`upload refused: ${received.error}`);
	const decided = await casework.decide(
		received.application.id,
		{ outcome: 'registered', types: ['TK', 'EP'], refusals: [] },
		staffId
	);
	if (!decided.ok) throw new Error(`decision refused: ${decided.error}`);
	const { token } = await auth.createSession(accountId);
	made.push({ accountId, token });
}
const staff = await auth.createSession(staffId);
await closeDatabase();
console.log(JSON.stringify({ voters: made, staff: { id: staffId, token: staff.token } }));
