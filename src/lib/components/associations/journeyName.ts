import * as m from '$lib/paraglide/messages.js';
import type { JourneyId } from '$lib/journeys/catalogue';

/** What each journey is for, in the page's language (or `locale`), for links and landings. */
export function journeyName(journey: JourneyId, locale?: string): string {
	const options = locale ? { locale: locale as 'nl' } : {};
	switch (journey) {
		case 'registration':
			return m.links_journey_registration({}, options);
		case 'change':
			return m.links_journey_change({}, options);
		case 'vote_choice':
			return m.links_journey_vote_choice({}, options);
		case 'temporarily_abroad':
			return m.links_journey_temporarily_abroad({}, options);
		case 'replacement':
			return m.links_journey_replacement({}, options);
		case 'status':
			return m.links_journey_status({}, options);
	}
}

/** A language's own name ("Deutsch", "Papiamentu"), as the language switch shows it. */
export function languageName(locale: string): string {
	return m.language_name({}, { locale: locale as 'nl' });
}
