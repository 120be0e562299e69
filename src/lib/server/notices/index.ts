/**
 * Decision notices (KW D 7, D 8; KB D 9, D 10): what was decided, for which types and from when,
 * each reason with its article, where the voting papers go, and how and by when to appeal to the
 * Council of State. In the voter's language, as plain text and HTML for e-mail; a letter for those
 * who cannot be reached by e-mail (MvT §3.4); none after death (KB D 10).
 *
 * Used for decisions on applications (casework) and for ex officio decisions after a
 * population-register change (brp): both build a `NoticeDecision` and call `notify`.
 */
import {
	appealRoute,
	ELECTION_TYPES,
	isRequestNote,
	requestAppealBasis,
	type IsoDate,
	type RequestKind
} from '$lib/domain';
import { countryName, message } from '$lib/i18n';
import * as config from '$lib/server/config';
import type { Db } from '$lib/server/db';
import type { DecisionReason, PostalAddress } from '$lib/server/db/schema';
import * as mail from '$lib/server/mail';

/** The decision as the notice tells it. */
export type NoticeDecision = {
	id: string;
	/** 'registered' | 'rejected' | 'asked' | 'changed' | 'removed' | 'types_ended' | … */
	outcome: string;
	/** The day of the decision (Den Haag). */
	decidedOn: IsoDate;
	/** The application's reference, when the decision answers one. */
	reference: string | null;
	/** Per type: the day it takes effect, or null for a type refused or ended. */
	types: Record<string, string | null>;
	reasons: DecisionReason[];
	/** The question put to the voter, or the decider's remarks. */
	remarks: string;
	/** The last day to appeal; null when the notice is not a decision (a question). */
	appealBy: IsoDate | null;
	/**
	 * A decision on a request other than a registration (a change, proxy, voter pass, postal vote
	 * temporarily abroad, replacement): its kind and the election it is about. The notice then
	 * speaks of that request, lists its notes apart from its reasons, and cites the article that
	 * opens the appeal (K 8(4), L 11(4), M 4(5)).
	 */
	request?: NoticeRequest;
};

export type NoticeRequest = {
	kind: RequestKind;
	election: { type: string; electionDay: IsoDate | null } | null;
};

/** The person the notice is for, as the registration or the application records them. */
export type NoticePerson = {
	firstNames: string;
	surname: string;
	email: string | null;
	residentialAddress: PostalAddress;
	correspondenceAddress: PostalAddress | null;
	locale: string;
	/** Set when the population register reports the person died: no notice is sent (KB D 10). */
	deceasedOn?: string | null;
};

export type NoticeChannel = 'email' | 'letter' | 'none';

type Item = { text: string; basis?: { code: string; url: string }[] };
/**
 * A notice as data: a heading with paragraphs and/or a list (each item with its articles);
 * rendered to text and accessible HTML by the mail renderer, the same for every notice.
 */
export type Section = { heading?: string; paragraphs?: string[]; items?: Item[] };

export type Notice = {
	locale: string;
	subject: string;
	sections: Section[];
	text: string;
	html: string;
};

/** E-mail where the voter gave an address, otherwise a letter; nothing after death (KB D 10). */
export function channelFor(person: NoticePerson): NoticeChannel {
	if (person.deceasedOn) return 'none';
	return person.email ? 'email' : 'letter';
}

/** Where papers and letters go: the correspondence address when there is one (MvT §3.5). */
export const addressOf = (person: NoticePerson): PostalAddress =>
	person.correspondenceAddress ?? person.residentialAddress;

// Outcomes with a message of their own; anything else reads as a change of the registration.
const OUTCOMES = [
	'registered',
	'rejected',
	'asked',
	'changed',
	'removed',
	'types_ended',
	'not_registered'
];
const outcomeKey = (outcome: string) => (OUTCOMES.includes(outcome) ? outcome : 'changed');
// Outcomes whose types with no start day ended, rather than were refused.
const ENDING = ['changed', 'removed', 'types_ended'];

const typeName = (type: string, locale: string) => message(`election_type_${type}`, {}, locale);

/** A reason in words; a reason that refuses some types only says which. */
export function reasonText(reason: DecisionReason, locale: string): string {
	const text = message(`reason_${reason.code}`, reason.params, locale);
	const types = reason.params?.types?.split(',').filter((t) => t !== '') ?? [];
	if (types.length === 0) return text;
	const names = types.map((t) => typeName(t, locale)).join(', ');
	return `${text} ${message('notice_reason_types', { types: names }, locale)}`;
}

export function addressLines(address: PostalAddress, locale: string): string[] {
	return [...address.lines, countryName(address.country, locale)];
}

/**
 * The notice in `locale` (the voter's language). Pure: the same decision and person always give
 * the same words, so a notice can be shown again on the status page exactly as it was sent.
 */
export function noticeFor(
	decision: NoticeDecision,
	person: NoticePerson,
	locale: string = person.locale
): Notice {
	const m = (key: string, params?: Record<string, string>) => message(key, params, locale);
	const request = decision.request;
	const outcome = request ? decision.outcome : outcomeKey(decision.outcome);
	// A request's words are its kind's own: `notice_intro_proxy_granted`, …
	const key = request ? `${request.kind}_${decision.outcome}` : outcome;
	const sections: Section[] = [];

	sections.push({
		paragraphs: [
			m(`notice_intro_${key}`),
			...(request?.election ? [electionLine(request.election, locale)] : []),
			m('notice_decided_on', { date: decision.decidedOn })
		]
	});

	const held = ELECTION_TYPES.filter((t) => decision.types[t]);
	const refused = ELECTION_TYPES.filter((t) => t in decision.types && !decision.types[t]);
	if (held.length > 0) {
		sections.push({
			heading: m('notice_types_title'),
			items: held.map((t) => ({
				text: m('notice_type_from', { type: t, date: decision.types[t]! })
			}))
		});
	}
	if (refused.length > 0) {
		sections.push({
			heading: m(ENDING.includes(outcome) ? 'notice_ended_title' : 'notice_refused_title'),
			items: refused.map((t) => ({ text: typeName(t, locale) }))
		});
	}

	// A request's notes (what the decision means) follow its reasons under their own heading.
	const grounds = decision.reasons.filter((r) => !(request && isRequestNote(r.code)));
	const notes = decision.reasons.filter((r) => request && isRequestNote(r.code));
	if (grounds.length > 0) {
		sections.push({
			heading: m('notice_reasons_title'),
			items: grounds.map((r) => ({ text: reasonText(r, locale), basis: r.basis }))
		});
	}
	if (notes.length > 0) {
		sections.push({
			heading: m('notice_notes_title'),
			items: notes.map((r) => ({ text: reasonText(r, locale), basis: r.basis }))
		});
	}

	const denHaag = config.denHaag();
	if (outcome === 'asked') {
		sections.push({
			heading: m('notice_question_title'),
			paragraphs: [
				decision.remarks,
				m('notice_question_reply', {
					email: denHaag.email ?? '',
					reference: decision.reference ?? ''
				}),
				[denHaag.name, ...denHaag.lines].join(', ')
			]
		});
	} else if (decision.remarks) {
		sections.push({ heading: m('notice_remarks_title'), paragraphs: [decision.remarks] });
	}

	if (held.length > 0) {
		sections.push({
			heading: m('notice_papers_title'),
			paragraphs: [
				m(person.correspondenceAddress ? 'notice_papers_correspondence' : 'notice_papers_home'),
				addressLines(addressOf(person), locale).join(', ')
			]
		});
	}

	if (decision.appealBy) {
		const court = config.councilOfState();
		const route = appealRoute(decision.decidedOn, config.appealTermWeeks());
		sections.push({
			heading: m('notice_appeal_title'),
			items: route.points.map((p) => ({
				text: m(`appeal_${p.code}`, {
					...p.params,
					// The stored day wins: it is what the decision said when it was made.
					...(p.code === 'term' ? { appealBy: decision.appealBy! } : {}),
					address: [court.name, ...court.lines].join(', ')
				}),
				// K 8(4), L 11(4), M 4(5) open the route of D 8 to a request's decision.
				basis: p.code === 'council_of_state' && request ? requestAppealBasis(request.kind) : p.basis
			}))
		});
	}

	const subject =
		m(`notice_subject_${key}`) + (decision.reference ? ` (${decision.reference})` : '');
	const rendered = mail.renderEmail({
		locale,
		subject,
		greeting: m('notice_greeting', { name: `${person.firstNames} ${person.surname}` }),
		reference: decision.reference ?? undefined,
		paragraphs: sections.flatMap((section) => blocksOf(section, locale))
	});
	return { ...rendered, sections };
}

/** "Election: House of Representatives, 15 May 2030", in the notice's language. */
export function electionLine(
	election: { type: string; electionDay: IsoDate | null },
	locale: string
): string {
	return election.electionDay
		? message('notice_election', { type: election.type, date: election.electionDay }, locale)
		: message('notice_election_undated', { type: election.type }, locale);
}

// Each reason with its articles, cited by code and address, so a reader of the plain text can
// look them up too.
function withBasis(item: Item, locale: string): string {
	if (!item.basis?.length) return item.text;
	const refs = [...new Map(item.basis.map((b) => [b.code, b])).values()];
	const cited = refs.map((b) => `${b.code} <${b.url}>`).join(', ');
	return `${item.text} (${message('legal_basis', {}, locale)} ${cited})`;
}

function blocksOf(section: Section, locale: string): mail.EmailBlock[] {
	return [
		...(section.heading ? [{ heading: section.heading }] : []),
		...(section.paragraphs ?? []),
		...(section.items?.length
			? [{ list: section.items.map((item) => withBasis(item, locale)) }]
			: [])
	];
}

/**
 * The message that makes a decision known: an e-mail, or a letter to the correspondence address
 * or else the home address; null after death (KB D 10).
 */
export function outgoingFor(decision: NoticeDecision, person: NoticePerson): mail.Outgoing | null {
	const channel = channelFor(person);
	if (channel === 'none') return null;
	const notice = noticeFor(decision, person);
	if (channel === 'email') {
		return {
			channel: 'email',
			recipient: person.email!,
			locale: notice.locale,
			subject: notice.subject,
			text: notice.text,
			html: notice.html,
			decisionId: decision.id
		};
	}
	return {
		channel: 'letter',
		recipientName: `${person.firstNames} ${person.surname}`,
		postalAddress: addressOf(person),
		locale: notice.locale,
		subject: notice.subject,
		text: notice.text,
		decisionId: decision.id
	};
}

/**
 * Queues the notice of a decision in the decision's transaction: by e-mail, or as a letter to the
 * correspondence address or else the home address; nothing after death. Returns the channel,
 * which the decision records.
 */
export async function notify(
	tx: Db,
	decision: NoticeDecision,
	person: NoticePerson
): Promise<NoticeChannel> {
	const outgoing = outgoingFor(decision, person);
	if (outgoing) await mail.enqueue(outgoing, tx);
	return outgoing?.channel ?? 'none';
}

/**
 * The notices of many decisions at once (a population-register import): the same messages as
 * `notify`, queued in a few statements instead of one per decision.
 */
export async function notifyAll(
	tx: Db,
	items: { decision: NoticeDecision; person: NoticePerson }[]
): Promise<void> {
	const outgoing = items
		.map(({ decision, person }) => outgoingFor(decision, person))
		.filter((m): m is mail.Outgoing => m !== null);
	await mail.enqueueMany(outgoing, tx);
}
