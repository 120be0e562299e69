/**
 * The words of the messages a status request causes itself, in the reader's language, laid out by
 * the mail area's `renderEmail` (text and accessible HTML): the answer to a registered voter
 * (KW D 5) and the office's alert that reasons are owed (KB D 8). The decision "not registered"
 * is a decision notice like any other (`$lib/server/notices`).
 */
import type { IsoDate, Standing } from '$lib/domain';
import { countryName, message } from '$lib/i18n';
import { localizeHref } from '$lib/paraglide/runtime';
import * as config from '$lib/server/config';
import type { PostalAddress } from '$lib/server/db/schema';
import { renderEmail, type RenderedEmail } from '$lib/server/mail';

const link = (path: string, locale: string) =>
	`${config.origin()}${localizeHref(path, { locale: locale as never })}`;

export type Addressee = {
	firstNames: string;
	surname: string;
	locale: string;
	residentialAddress: PostalAddress;
	correspondenceAddress: PostalAddress | null;
};

/** KW D 5: registered, for which types and since when, where the papers go, how to change. */
export function registeredAnswer(
	person: Addressee,
	held: Standing,
	receivedOn: IsoDate
): RenderedEmail {
	const l = person.locale;
	const m = (key: string, params?: Record<string, string>) => message(key, params, l);
	// MvT §3.5: papers go to the correspondence address where one is registered.
	const papers = person.correspondenceAddress ?? person.residentialAddress;
	return renderEmail({
		locale: l,
		subject: m('status_answer_subject'),
		greeting: m('notice_greeting', { name: `${person.firstNames} ${person.surname}` }),
		paragraphs: [
			m('status_answer_intro', { date: receivedOn }),
			{
				list: held.types.map((t) =>
					m(t.future ? 'status_answer_type_from' : 'status_answer_type_since', {
						type: t.type,
						date: t.since
					})
				)
			},
			m('status_answer_papers'),
			[...papers.lines, countryName(papers.country, l)].join(', '),
			m('status_answer_change', { url: link('/', l) }),
			m('status_answer_not_you'),
			m('status_answer_basis')
		]
	});
}

/**
 * The office's alert that a request found nobody and the reasons are due (KB D 8). It names no
 * one: the request itself is read in the office, where the reading is audited.
 */
export function officeAlert(reference: string, dueOn: IsoDate): RenderedEmail {
	const l = 'nl';
	return renderEmail({
		locale: l,
		subject: message('status_office_alert_subject', { reference, date: dueOn }, l),
		paragraphs: [
			message('status_office_alert_text', { date: dueOn }, l),
			`${config.origin()}/office/status-requests/${reference}`
		]
	});
}
