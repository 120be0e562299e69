/**
 * Notices to others than the voter that a decision on a request concerns:
 * - the proxy holder is told of the decision on the proxy (KW L 11(3));
 * - the mayor of the home municipality is told of the decision on a resident's request to vote by
 *   post from abroad (KW M 4(4)), so that no polling card is sent (M 2).
 * Both are written in Dutch: the holder's language is not known to the office (the voter chose
 * the portal's language, not the holder), and a municipality is addressed in its own.
 * Queued in the decision's transaction, like the voter's notice.
 */
import { LAW, type IsoDate, type LegalRef } from '$lib/domain';
import { message } from '$lib/i18n';
import type { ProxyHolder, RequestAddress, RequestVoter } from '$lib/journeys/requests';
import * as config from '$lib/server/config';
import type { DecisionReason } from '$lib/server/db/schema';
import * as mail from '$lib/server/mail';
import { electionLine, reasonText } from './index';

/** The language of notices to a proxy holder and to a municipality. */
export const PARTY_LOCALE = 'nl';

// The refusal reasons that are about the holder: only these are told to the holder; the voter's
// own reasons (a certificate issued, not registered…) are the voter's business.
const ABOUT_HOLDER = [
	'proxy_holder_not_chosen',
	'proxy_declaration_missing',
	'proxy_holder_not_a_voter',
	'proxy_holder_has_two'
];

const cite = (text: string, basis: readonly LegalRef[] | undefined, locale: string) =>
	basis?.length
		? `${text} (${message('legal_basis', {}, locale)} ${basis.map((b) => `${b.code} <${b.url}>`).join(', ')})`
		: text;

export type PartyDecision = {
	id: string;
	outcome: 'granted' | 'refused';
	decidedOn: IsoDate;
	reference: string;
	reasons: DecisionReason[];
	election: { type: string; electionDay: IsoDate | null };
};

/** KW L 11(3): a letter to the holder at the address the request gives. */
export function holderNotice(
	decision: PartyDecision,
	holder: ProxyHolder,
	voter: Pick<RequestVoter, 'firstNames' | 'surname'>,
	locale: string = PARTY_LOCALE
): mail.Outgoing {
	const m = (key: string, params?: Record<string, string>) => message(key, params, locale);
	const voterName = `${voter.firstNames} ${voter.surname}`;
	const blocks: mail.EmailBlock[] = [
		m(`holder_notice_intro_${decision.outcome}`, { voter: voterName, date: decision.decidedOn }),
		electionLine(decision.election, locale)
	];
	if (decision.outcome === 'granted') {
		blocks.push({ heading: m('holder_notice_rules_title') });
		blocks.push({
			list: [
				cite(m('holder_notice_own_vote'), [LAW.PROXY_VOTED_WITH_OWN], locale),
				cite(m('holder_notice_instructions'), [LAW.PROXY_HOLDER_CHOSEN_BY_VOTER], locale),
				cite(m('holder_notice_at_most_two'), [LAW.PROXY_AT_MOST_TWO], locale)
			]
		});
	} else {
		const own = decision.reasons.filter((r) => ABOUT_HOLDER.includes(r.code));
		if (own.length > 0) {
			blocks.push({ heading: m('notice_reasons_title') });
			blocks.push({ list: own.map((r) => cite(reasonText(r, locale), r.basis, locale)) });
		}
	}
	blocks.push(cite(m('holder_notice_why'), [LAW.PROXY_HOLDER_TOLD], locale));
	const subject = `${m('holder_notice_subject')} (${decision.reference})`;
	const rendered = mail.renderEmail({
		locale,
		subject,
		greeting: m('notice_greeting', { name: `${holder.firstNames} ${holder.surname}` }),
		reference: decision.reference,
		paragraphs: blocks
	});
	return {
		channel: 'letter',
		recipientName: `${holder.firstNames} ${holder.surname}`,
		postalAddress: holder.address,
		locale,
		subject,
		text: rendered.text,
		decisionId: decision.id
	};
}

/**
 * KW M 4(4): the decision told to the mayor of the municipality where the voter is registered,
 * by e-mail where the office's table has an address (MUNICIPALITY_ADDRESSES), otherwise by
 * letter. Only what identifies the voter there: name, date of birth, address.
 */
export function municipalityNotice(
	decision: PartyDecision,
	municipality: string,
	voter: Pick<RequestVoter, 'firstNames' | 'surname' | 'dateOfBirth'> & {
		address: RequestAddress;
	},
	locale: string = PARTY_LOCALE
): mail.Outgoing {
	const m = (key: string, params?: Record<string, string>) => message(key, params, locale);
	const known = config.municipality(municipality);
	// KW M 4(4) addresses the mayor (de burgemeester) of that municipality.
	const addressee = known?.name ?? m('municipality_notice_addressee', { municipality });
	const blocks: mail.EmailBlock[] = [
		m(`municipality_notice_intro_${decision.outcome}`, { date: decision.decidedOn }),
		electionLine(decision.election, locale),
		{ heading: m('municipality_notice_voter_title') },
		{
			list: [
				m('municipality_notice_voter_name', { name: `${voter.firstNames} ${voter.surname}` }),
				m('municipality_notice_voter_dob', { date: voter.dateOfBirth }),
				m('municipality_notice_voter_address', {
					address: [...voter.address.lines].join(', ')
				})
			]
		},
		cite(
			m(`municipality_notice_effect_${decision.outcome}`),
			decision.outcome === 'granted'
				? [LAW.NO_POLLING_CARD, LAW.POSTAL_VOTE_TEMPORARILY_ABROAD]
				: [LAW.TEMPORARILY_ABROAD_REFUSAL],
			locale
		),
		cite(m('municipality_notice_why'), [LAW.TEMPORARILY_ABROAD_MUNICIPALITY], locale)
	];
	const subject = `${m('municipality_notice_subject')} (${decision.reference})`;
	const rendered = mail.renderEmail({
		locale,
		subject,
		greeting: m('municipality_notice_greeting'),
		reference: decision.reference,
		paragraphs: blocks
	});
	if (known?.email) {
		return {
			channel: 'email',
			recipient: known.email,
			locale,
			subject,
			text: rendered.text,
			html: rendered.html,
			decisionId: decision.id
		};
	}
	return {
		channel: 'letter',
		recipientName: addressee,
		postalAddress: { lines: known?.lines ?? [], country: 'NL' },
		locale,
		subject,
		text: rendered.text,
		decisionId: decision.id
	};
}
