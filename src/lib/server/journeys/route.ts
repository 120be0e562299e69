import { journeyPath } from '$lib/journeys/catalogue';
import * as journeys from './index';
import { notFound } from './navigation';

/** The journey of a `/[journey]/…` route and the path it starts at. */
export function journeyOf(segment: string) {
	const def = journeys.bySegment(segment);
	if (!def) notFound();
	return { def, base: journeyPath(def.id) };
}
