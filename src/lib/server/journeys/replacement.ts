/**
 * A replacement postal voting certificate (vervangend briefstembewijs, KW M 6b) on the generic
 * journey pages: the written cut-off (12th day) and the in-person one (12:00 on the 9th day) on
 * every page, where the request goes, what happens next (the old certificate becomes invalid,
 * M 5(2)(a)), the request for the back office and the PDF. After the written cut-off the
 * conversation ends with the in-person route and its countdown.
 */
import {
	LAW,
	amsterdamDay,
	replacementCutoffs,
	replacementDelivery,
	replacementRoute,
	type Cutoff,
	type IsoDate
} from '$lib/domain';
import type { DeadlineView } from '$lib/journeys/deadlines';
import {
	msg,
	type Answers,
	type ElectionInfo,
	type JourneyData,
	type Note
} from '$lib/journeys/engine';
import type { ReplacementRequest } from '$lib/journeys/requests';
import {
	chosenElection,
	listedElections,
	replacementJourney,
	residenceOf
} from '$lib/journeys/replacement';
import { dateOfBirth } from '$lib/journeys/registration';
import { lines, value } from '$lib/journeys/temporarily-abroad';
import { countryName } from '$lib/i18n';
import * as config from '$lib/server/config';
import { renderReplacementPdf } from '$lib/server/pdf/replacement';
import { withElections } from './data';
import { deadlineView } from './postal-deadlines';
import type { JourneyDefinition, OutcomeView, SummaryView } from './types';

async function dataAt(now: Date): Promise<JourneyData> {
	return { ...(await withElections()), now: now.toISOString() };
}

type Dated = ElectionInfo & { electionDay: IsoDate };

const text = (answers: Answers, step: string, field: string) => value(answers, step, field) ?? '';

function views(election: Dated, answers: Answers, now: Date): DeadlineView[] {
	const { written, inPerson } = replacementCutoffs(election);
	const residence = residenceOf(answers);
	const route = replacementRoute(election, now).route;
	const writtenView = (c: Cutoff) =>
		deadlineView(election, c, {
			// Posted from where the voter lives (until that is known: the default).
			postFrom: residence || 'default',
			electronic: true,
			afterwards: msg('replacement_deadline_written_afterwards')
		});
	const inPersonView = deadlineView(election, inPerson, {
		postFrom: null,
		electronic: false,
		explanation: msg('replacement_deadline_in_person_explanation', { date: inPerson.day })
	});
	if (route === 'written') return [writtenView(written), inPersonView];
	if (route === 'in_person') return [inPersonView];
	return [];
}

export const replacement: JourneyDefinition = {
	id: 'replacement',
	journey: replacementJourney,
	data: withElections,
	fileName: 'vervangend-briefstembewijs',

	async deadlines(answers, now) {
		const data = await dataAt(now);
		const chosen = chosenElection({ answers, data });
		const elections = chosen ? [chosen] : listedElections({ data });
		return elections.flatMap((e) => views(e, answers, now));
	},

	async summary(answers): Promise<SummaryView> {
		const by = value(answers, 'delivery', 'by');
		const delivery = replacementDelivery(residenceOf(answers));
		const representation = delivery.throughRepresentation
			? config.representation(residenceOf(answers))
			: null;
		const notes: Note[] = [
			{
				title: msg('replacement_old_invalid_title'),
				text: msg('replacement_old_invalid_note'),
				basis: [LAW.CERTIFICATE_INVALID_REPLACED]
			},
			{
				title: msg('replacement_id_title'),
				text: msg('replacement_id_note'),
				basis: [LAW.REPLACEMENT_WRITTEN]
			}
		];
		if (representation) {
			notes.push({
				title: msg('replacement_representation_title'),
				text: msg('replacement_representation_note', {
					representation: representation.name,
					country: residenceOf(answers)
				}),
				basis: [LAW.REPLACEMENT_WHERE, LAW.REPLACEMENT_CARIBBEAN_DELIVERY]
			});
		}
		return {
			notes,
			destination: {
				channel: 'den_haag_mayor',
				address: config.denHaag(),
				basis: [LAW.REPLACEMENT_WHERE]
			},
			steps: [
				msg('replacement_done_step_print'),
				msg('replacement_done_step_sign'),
				msg('replacement_done_step_id'),
				msg('replacement_done_step_send')
			],
			next: [
				{ text: msg('replacement_next_decision'), basis: [LAW.REPLACEMENT_WRITTEN] },
				{
					text: msg(
						by === 'email' ? 'replacement_next_delivery_email' : 'replacement_next_delivery_post'
					),
					basis: delivery.basis
				},
				{ text: msg('replacement_next_old_invalid'), basis: [LAW.CERTIFICATE_INVALID_REPLACED] }
			]
		};
	},

	async outcome(outcome, answers, now): Promise<OutcomeView> {
		const data = await dataAt(now);
		if (outcome === 'no_election') {
			return {
				title: msg('replacement_result_no_election_title'),
				reasons: [{ code: 'replacement_no_election', basis: [LAW.REPLACEMENT] }],
				next: [{ text: msg('replacement_result_home'), href: '/' }]
			};
		}
		const election = chosenElection({ answers, data });
		if (!election) throw new Error('A replacement outcome without an election');
		const route = replacementRoute(election, now);
		const { written, inPerson } = replacementCutoffs(election);
		if (outcome === 'in_person' && route.route === 'in_person') {
			return {
				title: msg('replacement_result_in_person_title'),
				reasons: [
					{
						code: 'replacement_written_passed',
						params: { date: written.day },
						basis: written.basis
					},
					{
						code: 'replacement_in_person_until',
						params: { date: inPerson.day },
						basis: inPerson.basis
					},
					{ code: 'replacement_in_person_id', basis: [LAW.REPLACEMENT_IN_PERSON] },
					{
						code: 'replacement_in_person_representation',
						basis: [LAW.REPLACEMENT_WHERE]
					},
					{ code: 'replacement_old_invalid', basis: [LAW.CERTIFICATE_INVALID_REPLACED] }
				],
				next: [],
				deadlines: views(election, answers, now),
				place: {
					title: msg('replacement_result_in_person_place'),
					address: config.denHaagVisit(),
					basis: [LAW.REPLACEMENT_WHERE, LAW.REPLACEMENT_IN_PERSON]
				}
			};
		}
		if (outcome === 'too_late' || outcome === 'in_person') {
			return {
				title: msg('replacement_result_too_late_title'),
				reasons: [
					{
						code: 'replacement_too_late',
						params: { written: written.day, inPerson: inPerson.day },
						basis: [LAW.REPLACEMENT_WRITTEN, LAW.REPLACEMENT_IN_PERSON]
					}
				],
				next: [{ text: msg('replacement_result_home'), href: '/' }]
			};
		}
		throw new Error(`Unknown outcome of the replacement journey: ${outcome}`);
	},

	async prefill(query, now): Promise<Answers> {
		const slug = query.get('election');
		if (!slug) return {};
		const listed = listedElections({ data: await dataAt(now) });
		return listed.some((e) => e.slug === slug) ? { election: { value: slug } } : {};
	},

	requestOf(answers): ReplacementRequest | null {
		const election = value(answers, 'election');
		const reason = value(answers, 'reason');
		const dob = dateOfBirth(answers);
		const residence = residenceOf(answers);
		const surname = text(answers, 'name', 'surname');
		const by = value(answers, 'delivery', 'by');
		const email = value(answers, 'delivery_email', 'email') ?? null;
		const other = answers.delivery_address;
		if (!election || !dob || !residence || !surname) return null;
		if (reason !== 'lost' && reason !== 'not_received') return null;
		const home = { lines: lines(answers.address), country: residence };
		let deliveryAddress: ReplacementRequest['deliveryAddress'] = null;
		if (by === 'post_home') deliveryAddress = home;
		else if (by === 'post_other' && other) {
			deliveryAddress = { lines: lines(other), country: String(other.country ?? '') };
		} else if (!(by === 'email' && email)) return null;
		// KW M 6b(5): never e-mail to Aruba, Curaçao or Sint Maarten, whatever the answers say.
		if (by === 'email' && !replacementDelivery(residence).methods.includes('email')) return null;
		const bsn = text(answers, 'bsn', 'bsn').replace(/[\s.]/g, '');
		return {
			kind: 'replacement',
			election,
			reason,
			voter: {
				surname,
				firstNames: text(answers, 'name', 'first_names'),
				dateOfBirth: dob,
				bsn: bsn || null,
				address: home,
				email: by === 'email' ? email : null,
				phone: null
			},
			deliveryBy: by === 'email' ? 'email' : 'post',
			deliveryEmail: by === 'email' ? email : null,
			deliveryAddress
		};
	},

	async pdf({ answers, reference, locale, now }) {
		const request = replacement.requestOf(answers) as ReplacementRequest | null;
		const data = await dataAt(now);
		const election = data.elections.find((e) => e.slug === request?.election);
		if (!request || !election?.electionDay) {
			throw new Error('The replacement request is not complete');
		}
		const dated = { ...election, electionDay: election.electionDay };
		const { written, inPerson } = replacementCutoffs(dated);
		const deadline = deadlineView(dated, written, {
			postFrom: request.voter.address.country,
			electronic: true
		});
		const delivery = replacementDelivery(request.voter.address.country);
		const representation = delivery.throughRepresentation
			? config.representation(request.voter.address.country)
			: null;
		const den = config.denHaag();
		const nlAddress = (a: { lines: string[]; country: string }) => ({
			lines: a.lines,
			// The form is Dutch, so are the country names on it.
			country: countryName(a.country, 'nl')
		});
		return renderReplacementPdf({
			reference,
			locale,
			generatedOn: amsterdamDay(now),
			election: {
				type: election.type,
				electionDay: election.electionDay,
				provisional: election.provisional,
				cutoffDay: written.day,
				inPersonDay: inPerson.day,
				uploadBy: deadline.uploadBy,
				postBy: deadline.postBy
			},
			reason: request.reason,
			voter: {
				surname: request.voter.surname,
				firstNames: request.voter.firstNames,
				dateOfBirth: request.voter.dateOfBirth,
				bsn: request.voter.bsn,
				address: nlAddress(request.voter.address)
			},
			delivery:
				request.deliveryBy === 'email' && request.deliveryEmail
					? { by: 'email', email: request.deliveryEmail }
					: { by: 'post', address: nlAddress(request.deliveryAddress ?? request.voter.address) },
			emailAllowed: delivery.methods.includes('email'),
			destination: { name: den.name, lines: den.lines, email: den.email ?? null },
			representation
		});
	}
};
