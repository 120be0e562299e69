/**
 * Every endpoint that starts a sensitive or expensive action counts against a rate limit, found by
 * reading the route files: a new endpoint of these kinds cannot quietly go without one.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const LIMITED: Record<string, string> = {
	'src/routes/(voter)/account/sign-in/options/+server.ts': "'signIn'",
	'src/routes/office/(public)/sign-in/options/+server.ts': "'signIn'",
	'src/routes/(voter)/account/create/options/+server.ts': "'passkeyRegistration'",
	'src/routes/office/(public)/enrol/[token]/options/+server.ts': "'passkeyRegistration'",
	'src/routes/(voter)/account/passkeys/add/options/+server.ts': "'passkeyAdd'",
	'src/routes/(voter)/status/+page.server.ts': "'statusRequest'",
	'src/routes/(voter)/register/+page.server.ts': "'draftCreation'",
	'src/routes/(voter)/[journey=journey]/+page.server.ts': "'draftCreation'",
	'src/routes/(voter)/account/upload/[reference]/+page.server.ts': "'upload'",
	'src/routes/associations/sign-in/options/+server.ts': "'signIn'",
	'src/routes/associations/request/+page.server.ts': "'passkeyRegistration'",
	'src/routes/associations/join/[token]/options/+server.ts': "'passkeyRegistration'",
	'src/routes/(voter)/via/[code]/+page.server.ts': "'draftCreation'",
	'src/routes/(voter)/reminders/+page.server.ts': "'reminderSubscription'"
};

describe('rate limits on routes', () => {
	for (const [file, rule] of Object.entries(LIMITED)) {
		it(`${file} enforces ${rule}`, () => {
			const source = readFileSync(file, 'utf8');
			expect(source).toMatch(new RegExp(`limits\\.enforce\\(event, ${rule}`));
		});
	}
});
