/**
 * The vote-choice journey on the server (KW K 7, L 9; never KNI, Pa 21): the countdown to the
 * effective cut-off on every page, the outcomes with their articles, the request for the back
 * office and the PDF to sign (with the proxy holder's declaration, L 8(3)).
 */
import {
	DEFAULT_POSTAL_DAYS,
	ELECTION_TYPES,
	LAW,
	amsterdamDay,
	assessVoteChoice,
	compareIsoDates,
	nextRegistrationTarget,
	postBy,
	postalDaysFor,
	registrationCutoff,
	voteChoiceCutoff,
	voteChoiceOverview,
	type Reason
} from '$lib/domain';
import type { DeadlineView } from '$lib/journeys/deadlines';
import { msg, type Answers, type Context, type ElectionInfo } from '$lib/journeys/engine';
import {
	chosenElection,
	choiceOf,
	openElections,
	prefillElection,
	voteChoice as journey,
	voteChoiceRequest
} from '$lib/journeys/vote-choice';
import { countryName, message } from '$lib/i18n';
import * as config from '$lib/server/config';
import { renderVoteChoicePdf } from '$lib/server/pdf/vote-choice';
import { withElections } from './data';
import type { JourneyDefinition, OutcomeView, SummaryView } from './types';

/** The steps' context at `now` (the portal's clock, passed by the runner). */
async function contextOf(answers: Answers, now: Date): Promise<Context> {
	const data = { ...(await withElections()), now: now.toISOString() };
	return { today: amsterdamDay(now), answers, data };
}

const str = (answers: Answers, step: string, field: string) => {
	const v = answers[step]?.[field];
	return typeof v === 'string' ? v : '';
};

/** The proxy-or-pass cut-off of one election as the pages show it, for the voter's country. */
function deadlineOf(election: ElectionInfo, answers: Answers, now: Date): DeadlineView | null {
	const found = voteChoiceCutoff(election);
	if (!found || election.electionDay === null) return null;
	const table = { ...DEFAULT_POSTAL_DAYS, ...config.postalDaysOverrides() };
	// Before the voter has said where they live, the table's default (the safe side).
	const days = postalDaysFor(str(answers, 'address', 'country') || 'default', table);
	const paper = postBy(found.day, days);
	return {
		election: {
			slug: election.slug,
			type: election.type,
			electionDay: election.electionDay,
			provisional: election.provisional
		},
		kind: 'proxy_or_voter_pass',
		day: found.day,
		time: 'end-of-day',
		closesAt: found.closesAt.toISOString(),
		// A day already past is no advice: only the scan can still make it.
		postBy: compareIsoDates(paper, amsterdamDay(now)) >= 0 ? paper : null,
		// The mayor of Den Haag takes the signed request as a scan by e-mail (K 7(1), L 9(1)).
		uploadBy: found.day,
		basis: found.basis,
		explanation: msg(`vote_choice_cutoff_why_${found.explanation.code}`, found.explanation.params),
		afterwards: msg('vote_choice_cutoff_afterwards')
	};
}

/** The chosen election's cut-off; before one is chosen, every open election's. */
async function deadlines(answers: Answers, now: Date): Promise<DeadlineView[]> {
	const ctx = await contextOf(answers, now);
	const chosen = chosenElection(answers, ctx.data.elections);
	const list = chosen ? [chosen] : openElections(ctx);
	return list.flatMap((e) => deadlineOf(e, answers, now) ?? []);
}

/** The request's own channel: Den Haag only, by e-mail (scan) or post (K 7(1), L 9(1)). */
function destination(answers: Answers) {
	const proxy = choiceOf(answers) === 'proxy';
	return {
		channel: proxy ? 'vote_choice_proxy' : 'vote_choice_pass',
		address: config.denHaag(),
		electronic: true,
		basis: [proxy ? LAW.PROXY_ABROAD : LAW.VOTER_PASS_ABROAD]
	};
}

async function summary(answers: Answers, now: Date): Promise<SummaryView> {
	const ctx = await contextOf(answers, now);
	const election = chosenElection(answers, ctx.data.elections);
	const found = election ? voteChoiceCutoff(election) : null;
	const proxy = choiceOf(answers) === 'proxy';
	const notes: SummaryView['notes'] = [];
	if (found) {
		notes.push({
			title: msg('vote_choice_summary_cutoff_title', { day: found.day }),
			text: msg(`vote_choice_cutoff_why_${found.explanation.code}`, found.explanation.params),
			basis: found.explanation.basis
		});
	}
	notes.push(
		proxy
			? {
					text: msg('vote_choice_summary_declaration', {
						holder: `${str(answers, 'holder_name', 'first_names')} ${str(answers, 'holder_name', 'surname')}`
					}),
					basis: [LAW.PROXY_HOLDER_DECLARATION, LAW.PROXY_REFUSAL_NO_DECLARATION]
				}
			: { text: msg('vote_choice_summary_id_copy'), basis: [LAW.VOTER_PASS_ID_COPY] }
	);
	const nomination = election?.nominationDay ?? null;
	return {
		notes,
		destination: destination(answers),
		steps: proxy
			? [
					msg('vote_choice_step_print'),
					msg('vote_choice_step_sign'),
					msg('vote_choice_step_holder'),
					msg('vote_choice_step_send_proxy')
				]
			: [
					msg('vote_choice_step_print'),
					msg('vote_choice_step_sign'),
					msg('vote_choice_step_id'),
					msg('vote_choice_step_send_pass')
				],
		next: proxy
			? [
					// L 11(1): decided as soon as possible, but not before nomination day.
					nomination
						? {
								text: msg('vote_choice_next_proxy_decision', { day: nomination }),
								basis: [LAW.PROXY_DECISION_NOT_BEFORE_NOMINATION]
							}
						: {
								text: msg('vote_choice_next_proxy_decision_undated'),
								basis: [LAW.PROXY_DECISION_NOT_BEFORE_NOMINATION]
							},
					// L 11(3): the holder is told of the decision.
					{ text: msg('vote_choice_next_proxy_holder'), basis: [LAW.PROXY_HOLDER_INFORMED] },
					{ text: msg('vote_choice_next_no_postal'), basis: [LAW.POSTAL_VOTE_ABROAD] },
					{ text: msg('vote_choice_next_appeal'), basis: [LAW.PROXY_APPEAL, LAW.APPEAL] }
				]
			: [
					{ text: msg('vote_choice_next_pass_decision'), basis: [LAW.VOTER_PASS_DECISION] },
					{
						text: msg('vote_choice_next_pass_keep'),
						basis: [LAW.VOTER_PASS_NOT_REPLACED, LAW.VOTER_PASS_AT_POLLING_STATION]
					},
					{ text: msg('vote_choice_next_no_postal'), basis: [LAW.POSTAL_VOTE_ABROAD] },
					{ text: msg('vote_choice_next_appeal'), basis: [LAW.VOTER_PASS_APPEAL, LAW.APPEAL] }
				]
	};
}

const checklist = (e: ElectionInfo) => ({
	text: msg('vote_choice_result_checklist', { type: e.type, date: e.electionDay ?? '' }),
	href: `/elections/${e.slug}/checklist`
});
const overview = { text: msg('vote_choice_result_elections'), href: '/elections' };

/** Not registered: the registration cut-off that still lets them vote in this election, if any. */
function registrationReasons(election: ElectionInfo | null, now: Date): Reason[] {
	const basis = [
		LAW.REGISTER_ABROAD,
		LAW.VOTER_PASS_ABROAD,
		LAW.PROXY_ABROAD,
		LAW.VOTER_PASS_REFUSAL
	];
	const reasons: Reason[] = [{ code: 'vote_choice_not_registered', basis }];
	const target = election?.electionDay
		? { type: election.type, electionDay: election.electionDay }
		: null;
	if (target) {
		const cut = registrationCutoff(target);
		const open = now.getTime() <= cut.closesAt.getTime();
		reasons.push({
			code: open ? 'vote_choice_register_by' : 'vote_choice_register_closed',
			params: { type: target.type, date: target.electionDay, day: cut.day },
			basis: cut.basis
		});
	}
	return reasons;
}

async function outcome(id: string, answers: Answers, now: Date): Promise<OutcomeView> {
	const ctx = await contextOf(answers, now);
	const election = chosenElection(answers, ctx.data.elections);
	switch (id) {
		case 'too_late': {
			const status = election ? assessVoteChoice(election, now) : null;
			return {
				title: msg('vote_choice_result_too_late_title'),
				reasons: status && status.status === 'closed' ? status.reasons : [],
				next: [
					{ text: msg('vote_choice_result_too_late_post') },
					...(election ? [checklist(election)] : []),
					{ text: msg('vote_choice_result_replacement'), href: '/replacement' },
					overview
				]
			};
		}
		case 'not_registered': {
			// Without a chosen election (none open), the next TK or EP election a registration counts for.
			const next =
				election ??
				nextRegistrationTarget(
					ctx.data.elections.map((e) => ({ ...e, id: e.slug })),
					ELECTION_TYPES.filter((t) => t !== 'KNI'),
					now
				)?.election ??
				null;
			return {
				title: msg('vote_choice_result_not_registered_title'),
				reasons: registrationReasons(next, now),
				next: [{ text: msg('vote_choice_result_register'), href: '/register' }]
			};
		}
		case 'not_sure':
			return {
				title: msg('vote_choice_result_not_sure_title'),
				reasons: [{ code: 'vote_choice_not_sure', basis: [LAW.STATUS_REQUEST] }],
				next: [
					{ text: msg('vote_choice_result_status'), href: '/status' },
					{ text: msg('vote_choice_result_register'), href: '/register' }
				]
			};
		case 'keep_post': {
			const sentOn = election?.certificatesSentOn ?? null;
			return {
				title: msg('vote_choice_result_keep_post_title'),
				reasons: election?.electionDay
					? [
							{
								code: sentOn ? 'vote_choice_keep_post_sent_on' : 'vote_choice_keep_post',
								params: {
									type: election.type,
									date: election.electionDay,
									...(sentOn ? { sentOn } : {})
								},
								basis: [LAW.POSTAL_VOTE_ABROAD, LAW.CERTIFICATES_SENT]
							}
						]
					: [],
				next: [...(election ? [checklist(election)] : []), overview]
			};
		}
		default: {
			// no_election: every upcoming election, and why it takes no request (now or ever).
			const reasons = voteChoiceOverview(ctx.data.elections, now).flatMap((s) =>
				s.status === 'open' ? [] : s.reasons
			);
			return {
				title: msg('vote_choice_result_no_election_title'),
				reasons: reasons.length
					? reasons
					: [{ code: 'vote_choice_no_upcoming', basis: [LAW.VOTER_PASS_ABROAD, LAW.PROXY_ABROAD] }],
				next: [overview]
			};
		}
	}
}

async function pdf(input: {
	answers: Answers;
	reference: string;
	locale: string;
	now: Date;
}): Promise<Uint8Array> {
	const { answers, reference, locale, now } = input;
	const request = voteChoiceRequest(answers);
	if (!request) throw new Error('The vote-choice request is not complete');
	const { data } = await contextOf(answers, now);
	const election = chosenElection(answers, data.elections);
	if (!election?.electionDay || election.type === 'KNI') {
		throw new Error(`No TK or EP election ${request.election}`);
	}
	const deadline = deadlineOf(election, answers, now);
	const found = voteChoiceCutoff(election);
	const address = config.denHaag();
	const place = (a: { lines: string[]; country: string }) => ({
		lines: a.lines,
		// The form itself is Dutch (the model's language), so are the country names on it.
		country: countryName(a.country, 'nl')
	});
	return renderVoteChoicePdf({
		reference,
		locale,
		generatedOn: amsterdamDay(now),
		election: {
			type: election.type,
			electionDay: election.electionDay,
			localName: message(
				'vote_choice_election_name',
				{
					type: election.type,
					date: election.electionDay
				},
				locale
			)
		},
		voter: {
			surname: request.voter.surname,
			firstNames: request.voter.firstNames,
			dateOfBirth: request.voter.dateOfBirth,
			address: place(request.voter.address),
			email: request.voter.email
		},
		holder:
			request.kind === 'proxy'
				? {
						surname: request.holder.surname,
						firstNames: request.holder.firstNames,
						dateOfBirth: request.holder.dateOfBirth,
						address: place(request.holder.address)
					}
				: null,
		destination: { name: address.name, lines: address.lines, email: address.email ?? null },
		deadline:
			deadline && found
				? {
						cutoffDay: deadline.day,
						uploadBy: deadline.uploadBy ?? deadline.day,
						postBy: deadline.postBy,
						why: message(
							`vote_choice_cutoff_why_${found.explanation.code}`,
							found.explanation.params,
							locale
						),
						provisional: election.provisional
					}
				: null
	});
}

export const voteChoice: JourneyDefinition = {
	id: 'vote_choice',
	journey,
	data: withElections,
	fileName: 'volmacht-kiezerspas',
	deadlines,
	summary: (answers, now) => summary(answers, now),
	outcome,
	pdf,
	prefill: async (query, now) => prefillElection(query.get('election'), await contextOf({}, now)),
	requestOf: voteChoiceRequest
};
