/**
 * The elections overview as pages show it: the domain's overview as plain data (instants as ISO
 * strings) with the page each action starts. Shared by server and client.
 */
import type { ActionKind, ElectionOverview, OverviewAction } from '$lib/domain';
import { choicePath } from './intents';

export type ActionView = Omit<OverviewAction, 'closesAt'> & {
	closesAt: string | null;
	/** Where to act (unlocalised), or null where the portal has no page for it. */
	href: string | null;
};

export type ElectionView = Omit<ElectionOverview, 'actions'> & {
	actions: ActionView[];
	/** Nomination day (KW J 1(1), Y 8(2)): the ID copy must be valid on it (KW M 7(4)). */
	nominationDay: string | null;
};

export const checklistPath = (slug: string) => `/elections/${encodeURIComponent(slug)}/checklist`;

/** The page that acts on each cut-off: a journey's start, the checklist, or none (in person). */
export function actionHref(kind: ActionKind, slug: string): string | null {
	const election = `?election=${encodeURIComponent(slug)}`;
	switch (kind) {
		case 'change':
			return choicePath('change');
		case 'registration':
			return choicePath('registration');
		// Per-election requests start with the election chosen (the journeys read `?election=`).
		case 'proxy_or_voter_pass':
			return `${choicePath('vote_choice')}${election}`;
		case 'temporarily_abroad':
			return `${choicePath('temporarily_abroad')}${election}`;
		case 'replacement_written':
			return `${choicePath('replacement')}${election}`;
		case 'replacement_in_person':
			return null;
		// The return envelope: the checklist says what goes in it and where it goes.
		case 'embassy_return':
		case 'den_haag_return':
			return checklistPath(slug);
	}
}
