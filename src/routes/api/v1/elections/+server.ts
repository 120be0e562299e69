import type { RequestHandler } from './$types';
import * as calendar from '$lib/server/calendar';
import { publicJson } from '$lib/server/calendar/http';

export const GET: RequestHandler = async () => publicJson({ elections: await calendar.upcoming() });
