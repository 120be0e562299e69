import type { ParamMatcher } from '@sveltejs/kit';
import { journeyBySegment } from '$lib/journeys/catalogue';

// Only the generic journeys: /register and /status have pages of their own.
export const match: ParamMatcher = (segment) => journeyBySegment(segment) !== null;
