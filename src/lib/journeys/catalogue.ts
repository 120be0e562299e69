/**
 * Every journey the portal offers, by id (as stored on drafts) and by the path it starts at.
 * Shared by server and client: the start page's conversation, the free-text matcher and the
 * association links all name journeys from this list.
 */
export const JOURNEYS = [
	// KW D 2, D 3: register as a voter abroad.
	{ id: 'registration', path: '/register' },
	// KW D 3(3), D 7: change the registration or be removed.
	{ id: 'change', path: '/change' },
	// KW K 7, L 9: per TK or EP election, a proxy or a voter pass instead of the postal vote.
	{ id: 'vote_choice', path: '/vote-choice' },
	// KW M 1(2), M 3: a resident of the Netherlands abroad on election day votes by post.
	{ id: 'temporarily_abroad', path: '/temporarily-abroad' },
	// KW M 6b: a replacement for a lost or never received postal voting certificate.
	{ id: 'replacement', path: '/replacement' },
	// KW D 5: am I registered?
	{ id: 'status', path: '/status' }
] as const;

export type JourneyId = (typeof JOURNEYS)[number]['id'];

/** The journeys run by the generic journey pages (`/[journey]/…`): all but registration and status. */
export const GENERIC_JOURNEYS = [
	'change',
	'vote_choice',
	'temporarily_abroad',
	'replacement'
] as const;
export type GenericJourneyId = (typeof GENERIC_JOURNEYS)[number];

export function journeyPath(id: JourneyId): string {
	return JOURNEYS.find((j) => j.id === id)!.path;
}

/** The generic journey whose start path is `/${segment}`, if any. */
export function journeyBySegment(segment: string): GenericJourneyId | null {
	const found = JOURNEYS.find((j) => j.path === `/${segment}`);
	return found && (GENERIC_JOURNEYS as readonly string[]).includes(found.id)
		? (found.id as GenericJourneyId)
		: null;
}
