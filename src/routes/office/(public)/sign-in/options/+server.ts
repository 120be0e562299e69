import { json, type RequestHandler } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';

// Public: a challenge for the passkey prompt; reads nothing about anyone.
export const POST: RequestHandler = async ({ cookies }) =>
	json({ options: await auth.beginSignIn(cookies, 'staff') });
