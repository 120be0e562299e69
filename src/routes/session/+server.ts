import { json, type RequestHandler } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';

// How long the session has left, for the time-out warning (WCAG 2.2.1). Asking (GET) is not
// activity; "stay signed in" (POST) is, and the session hook has just recorded it.
export const GET: RequestHandler = ({ locals }) => json(auth.sessionStatus(locals.session));
export const POST: RequestHandler = ({ locals }) => json(auth.sessionStatus(locals.session));
