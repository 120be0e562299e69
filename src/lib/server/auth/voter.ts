/** Where a voter goes after creating an account or signing in, and the draft linked on the way. */
import { z } from 'zod';
import { localizeHref } from '$lib/paraglide/runtime';
import { registerPath } from '$lib/paths';
import * as drafts from '$lib/server/drafts';
import { safeNext } from './http';
import { isToken } from './tokens';

/** Where the ceremony began: a registration's done page (its draft) or a page to return to. */
export const journey = z.object({
	draft: z.string().max(64).optional(),
	next: z.string().max(2000).optional()
});
export type Journey = z.infer<typeof journey>;

/**
 * Links the draft the voter came from (a done page's "create an account") and answers where to
 * go: back to that done page, or to `next` on this site, or to the account page.
 */
export async function landing(accountId: string, from: Journey): Promise<string> {
	if (from.draft && isToken(from.draft)) await drafts.linkAccount(from.draft, accountId);
	return destination(from);
}

/** Where to go after signing in (also for a voter who is signed in already). */
export function destination(from: Journey): string {
	if (from.draft && isToken(from.draft)) {
		// The registration's done page, or the done page of the journey the voter came from.
		const done = localizeHref(registerPath(from.draft, { kind: 'done' }));
		return from.next ? safeNext(from.next, done) : done;
	}
	return safeNext(from.next, localizeHref('/account'));
}

/** The `draft` and `next` parameters of a sign-in or create-account page. */
export function journeyOf(url: URL): Journey {
	return {
		draft: url.searchParams.get('draft') ?? undefined,
		next: url.searchParams.get('next') ?? undefined
	};
}
