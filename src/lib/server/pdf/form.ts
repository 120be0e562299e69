import type { PDFDocument, PDFPage } from 'pdf-lib';
import * as m from '$lib/paraglide/messages.js';
import {
	block,
	box,
	COLOR,
	CONTENT_WIDTH,
	drawBlocks,
	Flow,
	heightOf,
	MARGIN,
	PAGE_HEIGHT,
	PAGE_WIDTH,
	rule,
	tickBox,
	type Block,
	type Fonts,
	type TextStyle
} from './layout';
import type { Locale } from './locale';
import { drawQr } from './qr';
import { formatDate, textWidth } from './text';
import type { ElectionType, PdfAddress, RegistrationPdfInput } from './types';

/**
 * The form's own text. It stays Dutch whatever the voter's language, as the ministerial model
 * does (KW D 3(4)); so these are not messages. The voter's language is printed beside it.
 */
export const FORM_NL = {
	title: 'Aanvraag registratie kiezer buiten Nederland (artikel D 3 Kieswet)',
	continued: 'Aanvraag registratie kiezer buiten Nederland (vervolg)',
	submitTo: 'Indienen bij',
	reference: 'Referentiecode',
	sectionPersonal: 'Persoonsgegevens',
	// KB D 4(a): the data recorded, in its words.
	surname: 'Geslachtsnaam',
	firstNames: 'Voornamen',
	dateOfBirth: 'Geboortedatum',
	sex: 'Geslacht',
	sexValue: { M: 'Man', V: 'Vrouw', X: 'X (onbepaald)' },
	nationality: 'Nationaliteit',
	// Only Dutch nationals can register (KW B 1, D 2), so the form states it rather than asks.
	nationalityDutch: 'Nederlandse',
	bsn: 'Burgerservicenummer (BSN)',
	sectionContact: 'Adressen en contactgegevens',
	residentialAddress: 'Woonadres',
	correspondenceAddress: 'Correspondentieadres',
	correspondenceNone: 'Geen (post gaat naar het woonadres)',
	email: 'E-mailadres',
	phone: 'Telefoonnummer',
	notGiven: 'Niet opgegeven',
	sectionElections: 'Verkiezingen waarvoor ik mij registreer',
	election: {
		TK: 'Tweede Kamer der Staten-Generaal',
		EP: 'Europees Parlement',
		KNI: 'Kiescollege niet-ingezetenen'
	},
	startsOn: 'Registratie gaat in op (artikel D 3, eerste lid, Kieswet)',
	epTitle: 'Verklaring verkiezing Europees Parlement (artikel Y 6 Kieswet)',
	epText: (memberState: string) =>
		`Ik verklaar dat mijn werkelijke woonplaats in ${memberState} ligt, een andere lidstaat van de Europese Unie, en dat ik bij de verkiezing van het Europees Parlement alleen in Nederland stem: ik neem niet tevens deel aan die verkiezing in ${memberState}.`,
	publicServiceTitle:
		'Verklaring Nederlandse openbare dienst (artikel D 4, onderdeel c, Kiesbesluit)',
	publicServiceText:
		'Ik verklaar dat ikzelf, of mijn Nederlandse echtgenoot, geregistreerde partner, levensgezel of ouder met wie ik een gemeenschappelijke huishouding voer, in Nederlandse openbare dienst werkzaam is in Aruba, Curaçao of Sint Maarten.',
	publicServiceName: 'Naam van degene in openbare dienst',
	publicServiceRelation: 'Relatie tot de aanvrager',
	publicServiceEmployer: 'Werkgever (ministerie of dienst)',
	enclosure: 'Bijlage',
	// KB D 4(b) lists the documents (Dutch passport or ID card, or an ID card of the Caribbean
	// parts stating Dutch nationality); the cover sheet spells them out. MvT note 27: the BSN may
	// be blacked out.
	enclosureText:
		'Kopie van een geldig identiteitsbewijs (artikel D 4, onderdeel b, Kiesbesluit); het BSN mag onleesbaar zijn gemaakt.',
	sectionSignature: 'Ondertekening',
	truthful: 'Ik verklaar dat ik dit formulier naar waarheid heb ingevuld.',
	date: 'Datum',
	signature: 'Handtekening',
	footer: (reference: string, generatedOn: string) =>
		`${FORM_NL.reference} ${reference} · aangemaakt op ${generatedOn}`,
	page: (page: number, total: number) => `Pagina ${page} van ${total}`
} as const;

export const QR_WIDTH = 48;

/**
 * The small QR code of the reference and the reference under it, in the top right corner of a
 * page; every page of every PDF carries them, so the office reads any page it is handed and a
 * loose page finds its form. Returns the width they take and the y below them.
 */
export function referenceCorner(
	page: PDFPage,
	reference: string,
	style: TextStyle
): { width: number; bottom: number } {
	const top = PAGE_HEIGHT - MARGIN;
	drawQr(page, reference, PAGE_WIDTH - MARGIN - QR_WIDTH, top, QR_WIDTH);
	const refWidth = textWidth(style.font, reference, style.size);
	const refTop = top - QR_WIDTH - 9;
	page.drawText(reference, { x: PAGE_WIDTH - MARGIN - refWidth, y: refTop - style.size, ...style });
	return { width: Math.max(QR_WIDTH, refWidth), bottom: refTop - style.size };
}
export const CELL_GAP = 14;
export const CELL_PAD = 3;

/** Page 2 onwards: the filled-in application form, in Dutch with the voter's language beside it. */
export function renderForm(
	doc: PDFDocument,
	fonts: Fonts,
	input: RegistrationPdfInput,
	locale: Locale
): PDFPage[] {
	const o = { locale };
	// Dutch voters need no translation of Dutch.
	const tr: Translate = (message) => (locale === 'nl' ? null : message({}, o));
	const s = styles(fonts);
	const { voter } = input;
	const cell = (dutch: string, message: Message, value: Value): Cell => ({
		dutch,
		translation: tr(message),
		value
	});
	const text = (value: string, note: Message | null = null): Value => ({
		lines: [value],
		note: note && tr(note)
	});
	const optional = (value: string | null) =>
		value ? text(value) : text(FORM_NL.notGiven, m.pdf_form_not_given);

	const flow = new Flow(doc, (page, index) => formHeader(page, s, input, index === 0 ? tr : null));

	const names = [
		cell(FORM_NL.surname, m.pdf_form_surname, text(voter.surname)),
		cell(FORM_NL.firstNames, m.pdf_form_first_names, text(voter.firstNames))
	];
	section(
		flow,
		s,
		FORM_NL.sectionPersonal,
		tr(m.pdf_form_section_personal),
		layoutCells(s, names).height
	);
	cells(flow, s, names);
	const sexNote = { M: m.pdf_form_sex_m, V: m.pdf_form_sex_v, X: m.pdf_form_sex_x }[voter.sex];
	cells(flow, s, [
		// Weights: each pair fills half the row, so the columns line up with the rows of two;
		// the last is wide enough for "Burgerservicenummer (BSN)" on one line.
		{
			...cell(
				FORM_NL.dateOfBirth,
				m.pdf_form_date_of_birth,
				text(formatDate(voter.dateOfBirth, 'nl'))
			),
			weight: 1.1
		},
		{
			...cell(FORM_NL.sex, m.pdf_form_sex, text(FORM_NL.sexValue[voter.sex], sexNote)),
			weight: 0.9
		},
		{
			...cell(
				FORM_NL.nationality,
				m.pdf_form_nationality,
				text(FORM_NL.nationalityDutch, m.pdf_form_nationality_dutch)
			),
			weight: 0.8
		},
		{ ...cell(FORM_NL.bsn, m.pdf_form_bsn, optional(voter.bsn)), weight: 1.2 }
	]);

	const addresses = [
		cell(FORM_NL.residentialAddress, m.pdf_form_residential_address, {
			lines: addressLines(voter.residentialAddress)
		}),
		cell(
			FORM_NL.correspondenceAddress,
			m.pdf_form_correspondence_address,
			voter.correspondenceAddress
				? { lines: addressLines(voter.correspondenceAddress) }
				: text(FORM_NL.correspondenceNone, m.pdf_form_correspondence_none)
		)
	];
	section(
		flow,
		s,
		FORM_NL.sectionContact,
		tr(m.pdf_form_section_contact),
		layoutCells(s, addresses).height
	);
	cells(flow, s, addresses);
	cells(flow, s, [
		cell(FORM_NL.email, m.pdf_form_email, text(voter.email)),
		cell(FORM_NL.phone, m.pdf_form_phone, optional(voter.phone))
	]);

	section(flow, s, FORM_NL.sectionElections, tr(m.pdf_form_section_elections));
	const electionNote = {
		TK: m.pdf_form_election_tk,
		EP: m.pdf_form_election_ep,
		KNI: m.pdf_form_election_kni
	};
	const order: ElectionType[] = ['TK', 'EP', 'KNI'];
	elections(
		flow,
		s,
		order
			.filter((t) => input.electionTypes.includes(t))
			.map((t) => [FORM_NL.election[t], tr(electionNote[t])])
	);
	if (input.startsOn) {
		cells(flow, s, [
			cell(FORM_NL.startsOn, m.pdf_form_starts_on, text(formatDate(input.startsOn, 'nl')))
		]);
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

export type Styles = ReturnType<typeof styles>;

/** A message without parameters. */
export type Message = (inputs: Record<string, never>, options: { locale: Locale }) => string;
/** The voter's-language label for a Dutch one; null when the voter reads Dutch. */
export type Translate = (message: Message) => string | null;

export function styles(fonts: Fonts) {
	return {
		label: { font: fonts.regular, size: 8.5, color: COLOR.text, lineHeight: 11 },
		value: { font: fonts.regular, size: 10.5, lineHeight: 13.5 },
		body: { font: fonts.regular, size: 9.5, color: COLOR.text, lineHeight: 12.5 },
		// The voter's language beside the Dutch: smaller and grey.
		note: { font: fonts.regular, size: 7.5, color: COLOR.muted, lineHeight: 9.5 },
		section: { font: fonts.bold, size: 10, color: COLOR.accent },
		boxTitle: { font: fonts.bold, size: 9.5, lineHeight: 12.5 },
		title: { font: fonts.bold, size: 14, lineHeight: 18 },
		titleNote: { font: fonts.regular, size: 8.5, color: COLOR.muted, lineHeight: 11 },
		reference: { font: fonts.bold, size: 8 }
	} satisfies Record<string, TextStyle>;
}

export const BOX_PAD = 10;
export const BOX_TEXT_WIDTH = CONTENT_WIDTH - 2 * BOX_PAD;

export const translated = (
	text: string | null,
	style: TextStyle,
	width = BOX_TEXT_WIDTH
): Block[] => (text ? [block(text, style, width)] : []);

/** Blank vertical space inside a list of blocks. */
export const spacer = (s: Styles, height: number): Block => ({
	lines: [''],
	style: { ...s.note, lineHeight: height }
});

const addressLines = (address: PdfAddress) => [...address.lines, address.country];

/**
 * Each form page: the title at the left, a small QR code and the reference in the top right
 * corner. The first page also says where the form goes.
 */
function formHeader(
	page: PDFPage,
	s: Styles,
	input: RegistrationPdfInput,
	tr: Translate | null
): number {
	const top = PAGE_HEIGHT - MARGIN;
	const corner = referenceCorner(page, input.reference, s.reference);
	const width = CONTENT_WIDTH - corner.width - 16;
	const blocks = tr
		? [
				block(FORM_NL.title, s.title, width),
				...translated(tr(m.pdf_form_title), s.titleNote, width),
				spacer(s, 4)
			]
		: [block(FORM_NL.continued, { ...s.title, size: 11 }, width)];
	let bottom = drawBlocks(page, blocks, MARGIN, top);
	if (tr) {
		const submitTo = `${FORM_NL.submitTo}: ${input.destination.name}`;
		const label = layoutLabel({ ...s, label: s.body }, submitTo, tr(m.pdf_form_submit_to), width);
		bottom = drawLabel(page, { ...s, label: s.body }, label, MARGIN, bottom);
	}
	return Math.min(bottom, corner.bottom - s.reference.size * 0.4) - 4;
}

/**
 * A section heading on a tinted band: Dutch in bold, the translation beside it, or under it
 * when it does not fit there.
 */
export function section(
	flow: Flow,
	s: Styles,
	dutch: string,
	translation: string | null,
	keepWith = 40
): void {
	const bandHeight = 16;
	const inlineX = MARGIN + 6 + textWidth(s.section.font, dutch, s.section.size) + 10;
	const inline =
		translation !== null &&
		inlineX + textWidth(s.note.font, translation, s.note.size) <= PAGE_WIDTH - MARGIN - 6;
	const below = inline ? [] : translated(translation, s.note, CONTENT_WIDTH - 12);
	const height = bandHeight + heightOf(below) + (below.length ? 3 : 0);
	flow.gap(8);
	// Never a heading alone at the foot of a page: keep it with what follows (within reason).
	flow.ensure(height + Math.min(keepWith, flow.pageRoom / 2));
	const { page } = flow;
	const top = flow.y;
	box(page, MARGIN, top, CONTENT_WIDTH, height, { fill: COLOR.tint });
	const baseline = top - bandHeight / 2 - s.section.size * 0.35;
	page.drawText(dutch, { x: MARGIN + 6, y: baseline, ...s.section });
	if (inline && translation) page.drawText(translation, { x: inlineX, y: baseline, ...s.note });
	drawBlocks(page, below, MARGIN + 6, top - bandHeight + 2);
	flow.y = top - height;
}

export type Value = { lines: string[]; note?: string | null };
/** A field; `weight` sets its share of the row's width (default 1). */
export type Cell = { dutch: string; translation: string | null; value: Value; weight?: number };

/** A Dutch label with the translation beside it when both fit on one line, else under it. */
export type Label = { dutch: Block; translation: Block | null; inline: boolean };

export function layoutLabel(
	s: Styles,
	dutch: string,
	translation: string | null,
	width: number
): Label {
	const space = 8;
	const inline =
		translation !== null &&
		textWidth(s.label.font, dutch, s.label.size) +
			space +
			textWidth(s.note.font, translation, s.note.size) <=
			width;
	return {
		dutch: block(dutch, s.label, width),
		translation: translation === null ? null : block(translation, s.note, width),
		inline
	};
}

export const labelHeight = (label: Label) =>
	label.inline ? heightOf([label.dutch]) : heightOf([label.dutch, ...nonNull(label.translation)]);

const nonNull = <T>(value: T | null): T[] => (value === null ? [] : [value]);

/** Draws a label from `top`; returns the y under it. */
export function drawLabel(page: PDFPage, s: Styles, label: Label, x: number, top: number): number {
	if (!label.inline || !label.translation) {
		return drawBlocks(page, [label.dutch, ...nonNull(label.translation)], x, top);
	}
	const dutch = label.dutch.lines[0] ?? '';
	const dx = textWidth(s.label.font, dutch, s.label.size) + 8;
	// Same baseline for both sizes.
	drawBlocks(page, [label.translation], x + dx, top - (s.label.size - s.note.size));
	return drawBlocks(page, [label.dutch], x, top);
}

/**
 * A row of fields side by side, each a label above its value, with a rule under the row. A row
 * taller than a page (not with validated input) falls back to one field under another, its value
 * running on over pages.
 */
export function layoutCells(s: Styles, row: Cell[]) {
	const unit =
		(CONTENT_WIDTH - CELL_GAP * (row.length - 1)) /
		row.reduce((sum, c) => sum + (c.weight ?? 1), 0);
	let x = MARGIN;
	const laid = row.map((c) => {
		const width = unit * (c.weight ?? 1);
		const cell = {
			x,
			label: layoutLabel(s, c.dutch, c.translation, width),
			value: [
				...c.value.lines.map((line) => block(line, s.value, width)),
				...translated(c.value.note ?? null, s.note, width)
			]
		};
		x += width + CELL_GAP;
		return cell;
	});
	// Values start on one line across the row, under the tallest label.
	const labelsHeight = Math.max(...laid.map((l) => labelHeight(l.label))) + 2;
	const height = labelsHeight + Math.max(...laid.map((l) => heightOf(l.value))) + 2 * CELL_PAD;
	return { laid, labelsHeight, height };
}

export function cells(flow: Flow, s: Styles, row: Cell[]): void {
	const { laid, labelsHeight, height } = layoutCells(s, row);
	if (height <= flow.pageRoom) {
		flow.ensure(height);
		for (const l of laid) {
			drawLabel(flow.page, s, l.label, l.x, flow.y - CELL_PAD);
			drawBlocks(flow.page, l.value, l.x, flow.y - CELL_PAD - labelsHeight);
		}
		flow.y -= height;
	} else if (row.length > 1) {
		for (const c of row) cells(flow, s, [{ ...c, weight: 1 }]);
		return;
	} else {
		const [only] = laid;
		if (!only) return;
		flow.ensure(labelHeight(only.label) + 2 * CELL_PAD + 14);
		flow.y = drawLabel(flow.page, s, only.label, MARGIN, flow.y - CELL_PAD) - 2;
		flow.text(only.value);
		flow.y -= CELL_PAD;
	}
	rule(flow.page, flow.y);
}

/** The chosen election types side by side, each with a ticked box. */
export function elections(flow: Flow, s: Styles, chosen: [string, string | null][]): void {
	if (chosen.length === 0) return;
	const indent = 17;
	const width = (CONTENT_WIDTH - CELL_GAP * (chosen.length - 1)) / chosen.length;
	const laid = chosen.map(([dutch, translation]) => [
		block(dutch, s.value, width - indent),
		...translated(translation, s.note, width - indent)
	]);
	const height = Math.max(...laid.map(heightOf)) + 2 * CELL_PAD + 2;
	flow.ensure(height);
	laid.forEach((blocks, i) => {
		const x = MARGIN + i * (width + CELL_GAP);
		tickBox(flow.page, x + 1, flow.y - CELL_PAD - 2, 10, true);
		drawBlocks(flow.page, blocks, x + indent, flow.y - CELL_PAD - 1);
	});
	flow.y -= height;
}

/** A bordered declaration, with fields to fill in by hand (two to a row) when asked. */
export function declarationBox(
	flow: Flow,
	s: Styles,
	blocks: Block[],
	fillIn: [string, string | null][] = []
): void {
	const columnWidth = (BOX_TEXT_WIDTH - CELL_GAP) / 2;
	const writingSpace = 20;
	const rows: Label[][] = [];
	fillIn.forEach(([dutch, translation], i) => {
		const label = layoutLabel(s, dutch, translation, columnWidth);
		if (i % 2 === 0) rows.push([label]);
		else rows.at(-1)?.push(label);
	});
	const rowHeight = (row: Label[]) => Math.max(...row.map(labelHeight)) + writingSpace;
	const height =
		heightOf(blocks) + rows.reduce((h, row) => h + 8 + rowHeight(row), 0) + 2 * BOX_PAD;
	flow.gap(10);
	flow.ensure(height);
	const { page } = flow;
	const top = flow.y;
	box(page, MARGIN, top, CONTENT_WIDTH, height, { border: COLOR.text });
	let y = drawBlocks(page, blocks, MARGIN + BOX_PAD, top - BOX_PAD);
	for (const row of rows) {
		y -= 8;
		row.forEach((label, i) => {
			const x = MARGIN + BOX_PAD + i * (columnWidth + CELL_GAP);
			drawLabel(page, s, label, x, y);
			// The line to write on.
			page.drawLine({
				start: { x, y: y - rowHeight(row) + 2 },
				end: { x: x + columnWidth, y: y - rowHeight(row) + 2 },
				thickness: 0.6,
				color: COLOR.muted
			});
		});
		y -= rowHeight(row);
	}
	flow.y = top - height;
}

/** The enclosure, the declaration of truth and the boxes for date and signature, on one page. */
export function signature(flow: Flow, s: Styles, tr: Translate): void {
	const boxHeight = 52;
	const indent = 17;
	const enclosure = [
		block(`${FORM_NL.enclosure}: ${FORM_NL.enclosureText}`, s.body, CONTENT_WIDTH - indent),
		...translated(
			tr(m.pdf_form_enclosure) && `${tr(m.pdf_form_enclosure)}: ${tr(m.pdf_form_enclosure_text)}`,
			s.note,
			CONTENT_WIDTH - indent
		)
	];
	const truthful = [
		block(FORM_NL.truthful, s.body, CONTENT_WIDTH),
		...translated(tr(m.pdf_form_truthful), s.note, CONTENT_WIDTH)
	];
	flow.gap(10);
	// The section heading (see section()) and everything under it stay together.
	flow.ensure(8 + 16 + 8 + heightOf(enclosure) + 8 + heightOf(truthful) + 8 + boxHeight);
	section(flow, s, FORM_NL.sectionSignature, tr(m.pdf_form_section_signature));
	flow.gap(8);
	tickBox(flow.page, MARGIN + 1, flow.y - 1, 9.5, false);
	flow.text(enclosure, MARGIN + indent);
	flow.gap(8);
	flow.text(truthful);
	flow.gap(8);
	const { page } = flow;
	const top = flow.y;
	const dateWidth = 160;
	const boxes: [number, number, string, string | null][] = [
		[MARGIN, dateWidth, FORM_NL.date, tr(m.pdf_form_date)],
		[
			MARGIN + dateWidth + 12,
			CONTENT_WIDTH - dateWidth - 12,
			FORM_NL.signature,
			tr(m.pdf_form_signature)
		]
	];
	for (const [x, width, dutch, translation] of boxes) {
		box(page, x, top, width, boxHeight, { border: COLOR.text });
		drawLabel(page, s, layoutLabel(s, dutch, translation, width - 12), x + 6, top - 5);
	}
	flow.y = top - boxHeight;
}
