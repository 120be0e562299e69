import { json, type RequestHandler } from '@sveltejs/kit';
import * as auth from '$lib/server/auth';

export const POST: RequestHandler = async ({ cookies }) =>
	json({ options: await auth.beginSignIn(cookies, 'voter') });
