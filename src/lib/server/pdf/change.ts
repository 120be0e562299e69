/**
 * The change PDF (KW D 3(3), D 3(4)): a cover sheet in the voter's language saying where to send
 * the form and by when for each upcoming election, then the filled-in change form in Dutch (the
 * model's language) with the voter's language beside it, the reference and its QR code on every
 * page. The signed paper is the application; the portal never submits it.
 */
import { PDFDocument, type PDFPage } from 'pdf-lib';
import * as m from '$lib/paraglide/messages.js';
import {
	bullet,
	checklistItem,
	columns,
	coverPageStart,
	notice,
	referenceBox,
	spacer as coverSpacer
} from './cover';
import { loadFonts, sharedFontkit } from './fonts';
import {
	BOX_TEXT_WIDTH,
	CELL_PAD,
	FORM_NL,
	cells,
	declarationBox,
	drawLabel,
	elections,
	layoutCells,
	layoutLabel,
	section,
	signature,
	spacer,
	styles,
	translated,
	type Cell,
	type Message,
	type Styles,
	type Translate,
	referenceCorner,
	type Value
} from './form';
import {
	block,
	COLOR,
	CONTENT_WIDTH,
	drawBlocks,
	Flow,
	footer,
	heightOf,
	lineHeightOf,
	MARGIN,
	PAGE_HEIGHT,
	rule,
	tickBox,
	type Fonts,
	type TextStyle
} from './layout';
import { resolveLocale, type Locale } from './locale';
import { formatDate } from './text';
import type { ElectionType, PdfAddress } from './types';
import { PDF_CREATOR } from './index';

export type ChangePdfInput = {
	/** Printed, and the only content of the QR codes. */
	reference: string;
	/** The voter's language: the cover sheet, and the labels beside the Dutch ones. */
	locale: string;
	/** IsoDate. */
	generatedOn: string;
	/** Who asks, as registered now (KB D 4(a)): enough for Den Haag to find the registration. */
	voter: {
		surname: string;
		firstNames: string;
		/** IsoDate. */
		dateOfBirth: string;
		bsn: string | null;
		/** The country of residence, its Dutch name. */
		residence: string;
	};
	/** Removal on request: no change is printed with it. */
	removal: boolean;
	/** Only what changes; null: remove the registered value. */
	changes: {
		residentialAddress?: PdfAddress;
		correspondenceAddress?: PdfAddress | null;
		email?: string | null;
		phone?: string | null;
		name?: { surname: string; firstNames: string };
		electionTypes?: ElectionType[];
	};
	/** KW Y 6(1): the EP chosen by a resident of another member state. */
	epDeclaration: { memberState: string; memberStateLocal: string } | null;
	/** KB D 4(c): Aruba, Curaçao, Sint Maarten; filled in by hand. */
	publicServiceDeclaration: boolean;
	destination: {
		name: string;
		lines: string[];
		/** KB D 5(4): Den Haag takes the scan by e-mail. */
		email: string | null;
		preferred: 'den_haag_upload' | 'den_haag_post';
	};
	/** KW D 3(3): per upcoming election, by when the change must be received to count for it. */
	deadlines: {
		electionName: string;
		cutoffDay: string;
		uploadBy: string;
		postBy: string | null;
		/** The post can no longer make it; only the scan can. */
		postTooLate: boolean;
		provisional: boolean;
	}[];
};

/**
 * The change form's own text, Dutch whatever the voter's language, as the ministerial model is
 * (KW D 3(4)); the registration form's labels (FORM_NL) are used where they are the same.
 */
export const CHANGE_FORM_NL = {
	title: 'Wijziging registratie kiezer buiten Nederland (artikel D 3, derde lid, Kieswet)',
	continued: 'Wijziging registratie kiezer buiten Nederland (vervolg)',
	sectionPersonal: 'Persoonsgegevens (zoals nu geregistreerd)',
	residence: 'Land van werkelijke woonplaats',
	sectionChanges: 'Gevraagde wijzigingen',
	newResidentialAddress: 'Nieuw woonadres',
	newCorrespondenceAddress: 'Nieuw correspondentieadres',
	removeCorrespondenceAddress: 'Correspondentieadres vervalt (post gaat naar het woonadres)',
	newEmail: 'Nieuw e-mailadres',
	removeEmail: 'E-mailadres vervalt',
	newPhone: 'Nieuw telefoonnummer',
	removePhone: 'Telefoonnummer vervalt',
	newName: 'Nieuwe naam',
	electionTypes: 'Ik wil voortaan geregistreerd zijn voor de verkiezing van',
	sectionRemoval: 'Verwijdering uit de registratie',
	removal: 'Ik verzoek mij te verwijderen uit de registratie van kiezers buiten Nederland.'
} as const;

export async function renderChangePdf(input: ChangePdfInput): Promise<Uint8Array> {
	const locale = resolveLocale(input.locale);
	const o = { locale };
	const files = await loadFonts();
	const doc = await PDFDocument.create();
	doc.registerFontkit(sharedFontkit);
	// Subset: only the glyphs used are embedded; text extraction still works (ToUnicode map).
	const fonts = {
		regular: await doc.embedFont(files.regular, { subset: true }),
		bold: await doc.embedFont(files.bold, { subset: true })
	};

	const cover = renderCover(doc, fonts, input, locale);
	const form = renderForm(doc, fonts, input, locale);

	const total = cover.length + form.length;
	const created = m.pdf_cover_generated_on({ date: formatDate(input.generatedOn, locale) }, o);
	cover.forEach((page, i) =>
		footer(page, fonts, created, m.pdf_cover_page({ page: i + 1, total }, o))
	);
	const formFooter = FORM_NL.footer(input.reference, formatDate(input.generatedOn, 'nl'));
	form.forEach((page, i) =>
		footer(page, fonts, formFooter, FORM_NL.page(cover.length + i + 1, total))
	);

	// Readable by anyone the file is passed to: no name, reference or other personal data.
	doc.setTitle(m.change_pdf_meta_title({}, o), { showInWindowTitleBar: true });
	doc.setLanguage(locale);
	doc.setCreator(PDF_CREATOR);
	return doc.save();
}

/** Page 1: the cover sheet, entirely in the voter's language. */
function renderCover(
	doc: PDFDocument,
	fonts: Fonts,
	input: ChangePdfInput,
	locale: Locale
): PDFPage[] {
	const o = { locale };
	const date = (iso: string) => formatDate(iso, locale);
	const body: TextStyle = { font: fonts.regular, size: 10, lineHeight: 13.5 };
	const strong: TextStyle = { ...body, font: fonts.bold };
	const small: TextStyle = { font: fonts.regular, size: 8.5, color: COLOR.muted, lineHeight: 11.5 };
	const heading: TextStyle = { font: fonts.bold, size: 12.5, color: COLOR.accent, lineHeight: 17 };

	const flow = new Flow(doc, coverPageStart(input.reference, fonts));
	const sectionTitle = (title: string, keepWith = 40) => {
		flow.gap(12);
		flow.ensure(lineHeightOf(heading) + 2 + Math.min(keepWith, flow.pageRoom / 2));
		flow.paragraph(title, heading);
		flow.gap(2);
	};

	flow.paragraph(m.change_pdf_cover_title({}, o), {
		font: fonts.bold,
		size: 16,
		color: COLOR.accent,
		lineHeight: 21
	});
	flow.gap(6);
	flow.paragraph(
		input.removal ? m.change_pdf_cover_intro_removal({}, o) : m.change_pdf_cover_intro({}, o),
		body
	);
	if (locale !== 'nl') {
		flow.gap(3);
		flow.paragraph(m.pdf_cover_form_language({}, o), small);
	}
	flow.gap(12);
	referenceBox(flow, input.reference, [
		{ text: m.pdf_cover_reference_label({}, o), style: { ...small, size: 9.5 } },
		{ text: input.reference, style: { font: fonts.bold, size: 24, lineHeight: 34 } },
		{ text: m.pdf_cover_reference_hint({}, o), style: small }
	]);
	flow.gap(12);
	notice(flow, [block(m.change_pdf_cover_legal_act({}, o), strong, CONTENT_WIDTH - 28)]);

	// KW D 3(3): by when, per election; the one thing the voter must not get wrong.
	sectionTitle(m.change_pdf_cover_deadline_title({}, o));
	const { deadlines, destination } = input;
	if (deadlines.length) {
		for (const d of deadlines) {
			flow.gap(4);
			flow.paragraph(
				m.change_pdf_cover_deadline_election(
					{ election: d.electionName, date: date(d.cutoffDay) },
					o
				),
				strong
			);
			flow.gap(2);
			if (destination.email) {
				bullet(flow, m.pdf_cover_deadline_upload({ date: date(d.uploadBy) }, o), body);
			}
			if (d.postBy && !d.postTooLate) {
				bullet(flow, m.pdf_cover_deadline_post({ date: date(d.postBy) }, o), body);
			} else {
				bullet(flow, m.change_deadline_post_too_late({}, o), body);
			}
		}
		if (deadlines.some((d) => d.provisional)) {
			flow.gap(4);
			flow.paragraph(m.pdf_cover_deadline_provisional({}, o), strong);
		}
		flow.gap(4);
		flow.paragraph(
			`${m.change_pdf_cover_deadline_intro({}, o)} ${m.change_pdf_cover_deadline_later({}, o)}`,
			small
		);
	} else {
		flow.paragraph(m.change_pdf_cover_deadline_none({}, o), body);
	}

	sectionTitle(m.pdf_cover_checklist_title({}, o));
	const items: [string, ...string[]][] = [
		[m.pdf_cover_check_print({}, o)],
		[m.pdf_cover_check_sign({}, o)]
	];
	if (input.epDeclaration) items.push([m.pdf_cover_check_ep({}, o)]);
	if (input.publicServiceDeclaration) items.push([m.pdf_cover_check_public_service({}, o)]);
	items.push(
		[
			m.pdf_cover_check_id({}, o),
			...(input.changes.name ? [m.change_pdf_cover_check_id_name({}, o)] : []),
			m.pdf_cover_check_id_other({}, o),
			m.pdf_cover_check_bsn({}, o)
		],
		[m.pdf_cover_check_send({}, o)]
	);
	for (const [text, ...notes] of items) checklistItem(flow, text, notes, body, small);

	// Post at the left, e-mail at the right; the way the voter chose comes first in words.
	const column = (CONTENT_WIDTH - 20) / 2;
	const post = [
		block(m.pdf_cover_send_post({}, o), small, column),
		block(destination.name, strong, column),
		...destination.lines.map((line) => block(line, body, column))
	];
	const online = destination.email
		? [
				block(m.pdf_cover_send_email({}, o), small, column),
				block(destination.email, strong, column)
			]
		: [coverSpacer(small, 1)];
	sectionTitle(m.pdf_cover_send_title({}, o), Math.max(heightOf(post), heightOf(online)));
	columns(flow, post, online, column + 20);
	return flow.pages;
}

/** Page 2 onwards: the filled-in change form, Dutch with the voter's language beside it. */
function renderForm(
	doc: PDFDocument,
	fonts: Fonts,
	input: ChangePdfInput,
	locale: Locale
): PDFPage[] {
	const o = { locale };
	const tr: Translate = (message) => (locale === 'nl' ? null : message({}, o));
	const s = styles(fonts);
	const NL = CHANGE_FORM_NL;
	const { voter, changes } = input;
	const cell = (dutch: string, message: Message, value: Value, weight?: number): Cell => ({
		dutch,
		translation: tr(message),
		value,
		...(weight ? { weight } : {})
	});
	const text = (value: string): Value => ({ lines: [value] });

	const flow = new Flow(doc, (page, index) => header(page, s, input, index === 0 ? tr : null));

	const names = [
		cell(FORM_NL.surname, m.pdf_form_surname, text(voter.surname)),
		cell(FORM_NL.firstNames, m.pdf_form_first_names, text(voter.firstNames))
	];
	section(
		flow,
		s,
		NL.sectionPersonal,
		tr(m.change_pdf_form_section_personal),
		layoutCells(s, names).height
	);
	cells(flow, s, names);
	cells(flow, s, [
		cell(
			FORM_NL.dateOfBirth,
			m.pdf_form_date_of_birth,
			text(formatDate(voter.dateOfBirth, 'nl')),
			1
		),
		cell(
			FORM_NL.bsn,
			m.pdf_form_bsn,
			voter.bsn ? text(voter.bsn) : { lines: [FORM_NL.notGiven], note: tr(m.pdf_form_not_given) },
			1.1
		),
		cell(NL.residence, m.change_pdf_form_residence, text(voter.residence), 1.1)
	]);

	if (input.removal) {
		section(flow, s, NL.sectionRemoval, tr(m.change_pdf_form_section_removal));
		tickRow(flow, s, NL.removal, tr(m.change_pdf_form_removal), []);
	} else {
		section(flow, s, NL.sectionChanges, tr(m.change_pdf_form_section_changes));
		const address = (a: PdfAddress) => [...a.lines, a.country];
		if (changes.residentialAddress) {
			tickRow(
				flow,
				s,
				NL.newResidentialAddress,
				tr(m.change_pdf_form_new_residential_address),
				address(changes.residentialAddress)
			);
		}
		if (changes.correspondenceAddress !== undefined) {
			if (changes.correspondenceAddress) {
				tickRow(
					flow,
					s,
					NL.newCorrespondenceAddress,
					tr(m.change_pdf_form_new_correspondence_address),
					address(changes.correspondenceAddress)
				);
			} else {
				tickRow(
					flow,
					s,
					NL.removeCorrespondenceAddress,
					tr(m.change_pdf_form_remove_correspondence_address),
					[]
				);
			}
		}
		if (changes.email !== undefined) {
			if (changes.email) {
				tickRow(flow, s, NL.newEmail, tr(m.change_pdf_form_new_email), [changes.email]);
			} else {
				tickRow(flow, s, NL.removeEmail, tr(m.change_pdf_form_remove_email), []);
			}
		}
		if (changes.phone !== undefined) {
			if (changes.phone) {
				tickRow(flow, s, NL.newPhone, tr(m.change_pdf_form_new_phone), [changes.phone]);
			} else {
				tickRow(flow, s, NL.removePhone, tr(m.change_pdf_form_remove_phone), []);
			}
		}
		if (changes.name) {
			tickRow(flow, s, NL.newName, tr(m.change_pdf_form_new_name), []);
			cells(flow, s, [
				cell(FORM_NL.surname, m.pdf_form_surname, text(changes.name.surname)),
				cell(FORM_NL.firstNames, m.pdf_form_first_names, text(changes.name.firstNames))
			]);
		}
		if (changes.electionTypes) {
			tickRow(flow, s, NL.electionTypes, tr(m.change_pdf_form_election_types), []);
			const note = {
				TK: m.pdf_form_election_tk,
				EP: m.pdf_form_election_ep,
				KNI: m.pdf_form_election_kni
			};
			const order: ElectionType[] = ['TK', 'EP', 'KNI'];
			elections(
				flow,
				s,
				order
					.filter((t) => changes.electionTypes!.includes(t))
					.map((t) => [FORM_NL.election[t], tr(note[t])])
			);
			rule(flow.page, flow.y);
		}
	}

	if (input.epDeclaration) {
		const { memberState, memberStateLocal } = input.epDeclaration;
		declarationBox(flow, s, [
			block(FORM_NL.epTitle, s.boxTitle, BOX_TEXT_WIDTH),
			...translated(tr(m.pdf_form_ep_title), s.note),
			spacer(s, 3),
			block(FORM_NL.epText(memberState), s.body, BOX_TEXT_WIDTH),
			...translated(
				locale === 'nl' ? null : m.pdf_form_ep_text({ memberState: memberStateLocal }, o),
				s.note
			)
		]);
	}
	if (input.publicServiceDeclaration) {
		declarationBox(
			flow,
			s,
			[
				block(FORM_NL.publicServiceTitle, s.boxTitle, BOX_TEXT_WIDTH),
				...translated(tr(m.pdf_form_public_service_title), s.note),
				spacer(s, 3),
				block(FORM_NL.publicServiceText, s.body, BOX_TEXT_WIDTH),
				...translated(tr(m.pdf_form_public_service_text), s.note)
			],
			[
				[FORM_NL.publicServiceName, tr(m.pdf_form_public_service_name)],
				[FORM_NL.publicServiceEmployer, tr(m.pdf_form_public_service_employer)],
				[FORM_NL.publicServiceRelation, tr(m.pdf_form_public_service_relation)]
			]
		);
	}

	signature(flow, s, tr);
	return flow.pages;
}

/**
 * Each form page: the title at the left, the QR code and the reference in the top right corner;
 * the first page also says where the form goes (KB D 5(1): Den Haag).
 */
function header(page: PDFPage, s: Styles, input: ChangePdfInput, tr: Translate | null): number {
	const top = PAGE_HEIGHT - MARGIN;
	const corner = referenceCorner(page, input.reference, s.reference);
	const width = CONTENT_WIDTH - corner.width - 16;
	const blocks = tr
		? [
				block(CHANGE_FORM_NL.title, s.title, width),
				...translated(tr(m.change_pdf_form_title), s.titleNote, width),
				spacer(s, 4)
			]
		: [block(CHANGE_FORM_NL.continued, { ...s.title, size: 11 }, width)];
	let bottom = drawBlocks(page, blocks, MARGIN, top);
	if (tr) {
		const submitTo = `${FORM_NL.submitTo}: ${input.destination.name}`;
		const label = layoutLabel({ ...s, label: s.body }, submitTo, tr(m.pdf_form_submit_to), width);
		bottom = drawLabel(page, { ...s, label: s.body }, label, MARGIN, bottom);
	}
	return Math.min(bottom, corner.bottom - s.reference.size * 0.4) - 4;
}

/**
 * One requested change: a ticked box, the Dutch label with the translation beside or under it,
 * and the new value under it; a rule under the row.
 */
function tickRow(
	flow: Flow,
	s: Styles,
	dutch: string,
	translation: string | null,
	lines: string[]
) {
	const indent = 17;
	const width = CONTENT_WIDTH - indent;
	const label = layoutLabel({ ...s, label: s.body }, dutch, translation, width);
	const value = lines.map((line) => block(line, s.value, width));
	const labelHeight = label.inline
		? heightOf([label.dutch])
		: heightOf([label.dutch, ...(label.translation ? [label.translation] : [])]);
	const height = labelHeight + heightOf(value) + 2 * CELL_PAD + (lines.length ? 2 : 0);
	if (height <= flow.pageRoom) flow.ensure(height);
	else flow.ensure(labelHeight + 2 * CELL_PAD);
	tickBox(flow.page, MARGIN + 1, flow.y - CELL_PAD - 1, 10, true);
	flow.y = drawLabel(flow.page, { ...s, label: s.body }, label, MARGIN + indent, flow.y - CELL_PAD);
	if (lines.length) {
		flow.y -= 2;
		flow.text(value, MARGIN + indent);
	}
	flow.y -= CELL_PAD;
	rule(flow.page, flow.y);
}
