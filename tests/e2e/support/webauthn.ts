/**
 * Passkeys in a real Chromium, without a person or a device: Chromium's virtual authenticator
 * (Chrome DevTools Protocol, `WebAuthn` domain) answers `navigator.credentials.create()` and
 * `.get()` like a phone's platform authenticator with a fingerprint reader (CTAP2, internal
 * transport, discoverable credentials, user verification that always succeeds). STACK.md trap
 * 12: this works headless on http://localhost. Plain Playwright, no vitest: the global set-up
 * uses it too.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { BrowserContext, CDPSession, Page } from 'playwright-core';

/** A passkey as the virtual authenticator holds it (private key included), to move or restore. */
export type VirtualCredential = {
	credentialId: string;
	isResidentCredential: boolean;
	rpId?: string;
	privateKey: string;
	userHandle?: string;
	signCount: number;
};

export type VirtualAuthenticator = {
	id: string;
	cdp: CDPSession;
	/** The passkeys it holds now (their sign counts included). */
	credentials(): Promise<VirtualCredential[]>;
	/** Puts a passkey on it, e.g. one taken from another authenticator: "the same phone". */
	addCredential(credential: VirtualCredential): Promise<void>;
	/** Takes it away: the page then has no authenticator (or the next one added). */
	remove(): Promise<void>;
};

/**
 * Attaches a virtual authenticator to this page (its tab: it stays across navigations in the
 * tab, but another page of the context does not see it). Passkeys made with it live only in it.
 */
export async function addVirtualAuthenticator(
	page: Page,
	options: { isUserVerified?: boolean } = {}
): Promise<VirtualAuthenticator> {
	const cdp = await page.context().newCDPSession(page);
	await cdp.send('WebAuthn.enable', { enableUI: false });
	const { authenticatorId } = await cdp.send('WebAuthn.addVirtualAuthenticator', {
		options: {
			protocol: 'ctap2',
			transport: 'internal',
			hasResidentKey: true,
			hasUserVerification: true,
			isUserVerified: options.isUserVerified ?? true,
			automaticPresenceSimulation: true
		}
	});
	return {
		id: authenticatorId,
		cdp,
		credentials: async () =>
			(await cdp.send('WebAuthn.getCredentials', { authenticatorId }))
				.credentials as VirtualCredential[],
		addCredential: async (credential) => {
			await cdp.send('WebAuthn.addCredential', { authenticatorId, credential });
		},
		remove: async () => {
			await cdp.send('WebAuthn.removeVirtualAuthenticator', { authenticatorId });
		}
	};
}

const ROOT = path.resolve(import.meta.dirname, '../../..');
const catalogues = new Map<string, Record<string, string>>();

/** A message as the page shows it, from messages/<locale>.json (so a reworded text still works). */
export function text(locale: string, key: string, params: Record<string, string> = {}): string {
	let messages = catalogues.get(locale);
	if (!messages) {
		messages = JSON.parse(readFileSync(path.join(ROOT, 'messages', `${locale}.json`), 'utf8'));
		catalogues.set(locale, messages!);
	}
	const message = messages![key];
	if (message === undefined) throw new Error(`No message ${key} in ${locale}`);
	return message.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? `{${name}}`);
}

/** The page's language from its URL: /en/… is English, no prefix is Dutch. */
export function localeOf(url: string): string {
	return /^\/(en|de|fr|es|pap)(\/|$)/.exec(new URL(url).pathname)?.[1] ?? 'nl';
}

/**
 * Opens an enrolment link in a page that has an authenticator, enrols (typing the name when the
 * link asks for it, as the first admin's does) and waits for the office home page.
 */
export async function enrolWithLink(
	page: Page,
	link: string,
	{
		displayName,
		passkeyName = 'Virtual authenticator'
	}: { displayName?: string; passkeyName?: string } = {}
): Promise<void> {
	await page.goto(link);
	const locale = localeOf(page.url());
	const t = (key: string) => text(locale, key);
	await page.getByRole('heading', { level: 1, name: t('office_enrol_title') }).waitFor();
	// The form appears once the page's script runs (passkeys need it): wait for it first.
	const passkeyField = page.getByLabel(t('account_passkey_name_label'), { exact: true });
	await passkeyField.waitFor();
	const nameField = page.getByLabel(t('office_enrol_name_label'), { exact: true });
	if (displayName && (await nameField.count())) await nameField.fill(displayName);
	await passkeyField.fill(passkeyName);
	await page.getByRole('button', { name: t('office_enrol_button'), exact: true }).click();
	await untilOffice(page);
}

/** Waits for the office home page; a ceremony that failed shows an error instead: say which. */
async function untilOffice(page: Page): Promise<void> {
	const home = page.waitForURL((url) => /^(\/[a-z]{2,3})?\/office$/.test(url.pathname));
	const alert = page
		.getByRole('alert')
		.waitFor()
		.then(async () => {
			throw new Error(`The passkey ceremony failed: ${await page.getByRole('alert').innerText()}`);
		});
	await Promise.race([home, alert]);
	alert.catch(() => {});
}

/** Signs in at the office with the passkey on the page's authenticator. */
export async function signInStaff(page: Page, locale = 'en'): Promise<void> {
	const prefix = locale === 'nl' ? '' : `/${locale}`;
	await page.goto(`${prefix}/office/sign-in`);
	await page
		.getByRole('button', { name: text(locale, 'account_sign_in_button'), exact: true })
		.click();
	await untilOffice(page);
}

export type StorageState = Awaited<ReturnType<BrowserContext['storageState']>>;
