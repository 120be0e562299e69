/**
 * The vote-choice PDF: a cover sheet in the voter's language, then the request in Dutch as the
 * model forms have it ("Verzoek om bij volmacht te stemmen", KW L 8, L 9; "Verzoek om een
 * kiezerspas", KW K 6, K 7), and for a proxy a page of its own for the holder's signed declaration
 * of willingness (L 8(3)). The signed paper (or its scan) is the request; the portal never sends it.
 */
import { PDFDocument, type PDFPage } from 'pdf-lib';
import * as m from '$lib/paraglide/messages.js';
import { coverPageStart } from './cover';
import { loadFonts, sharedFontkit } from './fonts';
import { PDF_CREATOR } from './index';
import {
	block,
	box,
	COLOR,
	CONTENT_WIDTH,
	drawBlocks,
	Flow,
	footer,
	heightOf,
	lineHeightOf,
	MARGIN,
	PAGE_HEIGHT,
	PAGE_WIDTH,
	rule,
	tickBox,
	type Block,
	type Fonts,
	type TextStyle
} from './layout';
import { resolveLocale, type Locale } from './locale';
import { drawQr, qrRuns, QR_QUIET_MODULES } from './qr';
import { formatDate, textWidth } from './text';
import type { PdfAddress } from './types';

export type VoteChoicePdfPerson = {
	surname: string;
	firstNames: string;
	/** IsoDate. */
	dateOfBirth: string;
	address: PdfAddress;
};

export type VoteChoicePdfInput = {
	/** Printed, and the only content of the QR codes. */
	reference: string;
	/** The voter's language: the cover sheet's. */
	locale: string;
	/** IsoDate. */
	generatedOn: string;
	election: {
		type: 'TK' | 'EP';
		/** IsoDate. */
		electionDay: string;
		/** For the cover sheet, in the voter's language. */
		localName: string;
	};
	voter: VoteChoicePdfPerson & { email: string | null };
	/** The proxy holder (L 2(1), L 8(2)); null for a voter pass. */
	holder: VoteChoicePdfPerson | null;
	destination: { name: string; lines: string[]; email: string | null };
	deadline: {
		/** The effective cut-off: received by the end of this day in Den Haag. */
		cutoffDay: string;
		uploadBy: string;
		/** Null when posting can no longer make it. */
		postBy: string | null;
		/** Why the cut-off falls on that day, in the voter's language. */
		why: string;
		provisional: boolean;
	} | null;
};

/**
 * The form's own text: Dutch whatever the voter's language, as the ministerial models are (KW K 6,
 * L 8(4)). Not messages, so it cannot drift with a translation.
 */
export const VOTE_CHOICE_NL = {
	titleProxy: 'Verzoek om bij volmacht te stemmen',
	basisProxy: 'Kiezer buiten Nederland (artikelen L 8 en L 9 Kieswet)',
	titlePass: 'Verzoek om een kiezerspas',
	basisPass: 'Kiezer buiten Nederland (artikelen K 6 en K 7 Kieswet)',
	titleDeclaration: 'Verklaring van de gemachtigde',
	basisDeclaration: 'Bereidverklaring (artikel L 8, derde lid, Kieswet)',
	to: "Aan: de burgemeester van 's-Gravenhage",
	reference: 'Referentiecode',
	sectionElection: 'Verkiezing',
	election: {
		TK: (day: string) =>
			`Verkiezing van de leden van de Tweede Kamer der Staten-Generaal op ${day}`,
		EP: (day: string) => `Verkiezing van de leden van het Europees Parlement op ${day}`
	},
	name: 'Naam',
	sectionVoter: 'Gegevens van de kiezer (verzoeker)',
	sectionHolder: 'Gegevens van de gemachtigde',
	surname: 'Geslachtsnaam',
	firstNames: 'Voornamen',
	dateOfBirth: 'Geboortedatum',
	residence: 'Woonadres buiten Nederland',
	address: 'Adres',
	email: 'E-mailadres',
	notGiven: 'Niet opgegeven',
	sectionRequest: 'Verzoek',
	requestProxy:
		'Ik ben als kiezer buiten Nederland geregistreerd (artikel D 2 Kieswet) en verzoek bij deze verkiezing bij volmacht te mogen stemmen. Als gemachtigde wijs ik zelf de hierboven genoemde persoon aan (artikel L 2, eerste lid, Kieswet).',
	enclosureProxy:
		'Bijlage: de door de gemachtigde ondertekende verklaring dat hij of zij bereid is als gemachtigde op te treden (artikel L 8, derde lid, Kieswet; zie de volgende pagina).',
	requestPass:
		'Ik ben als kiezer buiten Nederland geregistreerd (artikel D 2 Kieswet) en verzoek om een kiezerspas, om bij deze verkiezing in een stembureau van mijn keuze in Nederland te stemmen (artikel K 1 Kieswet).',
	enclosurePass:
		'Bijlage: kopie van een geldig identiteitsbewijs (artikel K 3, tweede lid, Kieswet).',
	sectionSignature: 'Ondertekening',
	truthful: 'Ik verklaar dat ik dit formulier naar waarheid heb ingevuld.',
	date: 'Datum',
	signatureVoter: 'Handtekening kiezer',
	sectionFor: 'Volmachtgever (de kiezer voor wie ik stem)',
	declaration: (voter: string, dob: string, election: string) =>
		`Ik verklaar dat ik bereid ben als gemachtigde op te treden voor ${voter}, geboren op ${dob}, bij de ${election}.`,
	declarationVoter:
		'Ik ben op de dag van de kandidaatstelling als kiezer geregistreerd voor deze verkiezing (artikel L 8, tweede lid, Kieswet).',
	declarationTwo:
		'Ik weet dat ik per verkiezing niet meer dan twee volmachten mag aannemen (artikel L 4 Kieswet) en dat ik een volmachtstem alleen tegelijk met mijn eigen stem kan uitbrengen (artikel L 3 Kieswet).',
	signatureHolder: 'Handtekening gemachtigde',
	footer: (reference: string, generatedOn: string) =>
		`${VOTE_CHOICE_NL.reference} ${reference} · aangemaakt op ${generatedOn}`,
	page: (page: number, total: number) => `Pagina ${page} van ${total}`
} as const;

const QR_WIDTH = 48;
const CELL_GAP = 14;

export async function renderVoteChoicePdf(input: VoteChoicePdfInput): Promise<Uint8Array> {
	const locale = resolveLocale(input.locale);
	const o = { locale };
	const files = await loadFonts();
	const doc = await PDFDocument.create();
	doc.registerFontkit(sharedFontkit);
	// Subset: only the glyphs used are embedded; text extraction still works (ToUnicode map).
	const fonts: Fonts = {
		regular: await doc.embedFont(files.regular, { subset: true }),
		bold: await doc.embedFont(files.bold, { subset: true })
	};

	const cover = renderCover(doc, fonts, input, locale);
	const request = renderRequest(doc, fonts, input);
	// L 8(3): the holder's declaration goes with the request, on a page of its own to sign.
	const declaration = input.holder ? renderDeclaration(doc, fonts, input, input.holder) : [];

	const total = cover.length + request.length + declaration.length;
	const created = m.pdf_cover_generated_on({ date: formatDate(input.generatedOn, locale) }, o);
	cover.forEach((page, i) =>
		footer(page, fonts, created, m.pdf_cover_page({ page: i + 1, total }, o))
	);
	const formFooter = VOTE_CHOICE_NL.footer(input.reference, formatDate(input.generatedOn, 'nl'));
	[...request, ...declaration].forEach((page, i) =>
		footer(page, fonts, formFooter, VOTE_CHOICE_NL.page(cover.length + i + 1, total))
	);

	// Metadata travels with the file: no name, reference or other personal data in it.
	doc.setTitle(
		input.holder
			? m.vote_choice_pdf_meta_title_proxy({}, o)
			: m.vote_choice_pdf_meta_title_pass({}, o),
		{ showInWindowTitleBar: true }
	);
	doc.setLanguage(locale);
	doc.setCreator(PDF_CREATOR);
	return doc.save();
}

function styles(fonts: Fonts) {
	return {
		body: { font: fonts.regular, size: 10, lineHeight: 13.5 },
		strong: { font: fonts.bold, size: 10, lineHeight: 13.5 },
		small: { font: fonts.regular, size: 8.5, color: COLOR.muted, lineHeight: 11.5 },
		heading: { font: fonts.bold, size: 12.5, color: COLOR.accent, lineHeight: 17 },
		coverTitle: { font: fonts.bold, size: 16, color: COLOR.accent, lineHeight: 21 },
		label: { font: fonts.regular, size: 8.5, color: COLOR.text, lineHeight: 11 },
		value: { font: fonts.regular, size: 10.5, lineHeight: 13.5 },
		section: { font: fonts.bold, size: 10, color: COLOR.accent, lineHeight: 16 },
		title: { font: fonts.bold, size: 14, lineHeight: 18 },
		subtitle: { font: fonts.regular, size: 9, color: COLOR.muted, lineHeight: 12 },
		reference: { font: fonts.bold, size: 8 }
	} satisfies Record<string, TextStyle>;
}
type Styles = ReturnType<typeof styles>;

const spacer = (style: TextStyle, height: number): Block => ({
	lines: [''],
	style: { ...style, lineHeight: height }
});

/** Page 1: what this file is, the reference, by when and where to send it: the voter's language. */
function renderCover(
	doc: PDFDocument,
	fonts: Fonts,
	input: VoteChoicePdfInput,
	locale: Locale
): PDFPage[] {
	const o = { locale };
	const s = styles(fonts);
	const date = (iso: string) => formatDate(iso, locale);
	const proxy = input.holder !== null;
	const holder = input.holder ? `${input.holder.firstNames} ${input.holder.surname}` : '';
	const flow = new Flow(doc, coverPageStart(input.reference, fonts));
	const section = (title: string, keepWith = 40) => {
		flow.gap(12);
		flow.ensure(lineHeightOf(s.heading) + 2 + Math.min(keepWith, flow.pageRoom / 2));
		flow.paragraph(title, s.heading);
		flow.gap(2);
	};

	flow.paragraph(
		proxy ? m.vote_choice_pdf_cover_title_proxy({}, o) : m.vote_choice_pdf_cover_title_pass({}, o),
		s.coverTitle
	);
	flow.gap(6);
	const election = input.election.localName;
	flow.paragraph(
		proxy
			? m.vote_choice_pdf_cover_intro_proxy({ election, holder }, o)
			: m.vote_choice_pdf_cover_intro_pass({ election }, o),
		s.body
	);
	if (locale !== 'nl') {
		flow.gap(3);
		flow.paragraph(m.vote_choice_pdf_cover_form_language({}, o), s.small);
	}
	flow.gap(12);
	referenceBox(flow, input.reference, [
		{ text: m.pdf_cover_reference_label({}, o), style: { ...s.small, size: 9.5 } },
		{ text: input.reference, style: { font: fonts.bold, size: 24, lineHeight: 34 } },
		{ text: m.pdf_cover_reference_hint({}, o), style: s.small }
	]);
	flow.gap(12);
	// L 9 for a proxy, K 7 for a voter pass: the article that makes the written request the act.
	const article = proxy ? 'L 9' : 'K 7';
	notice(flow, [
		block(m.vote_choice_pdf_cover_legal_act({ article }, o), s.strong, CONTENT_WIDTH - 28)
	]);

	// By when: the effective cut-off, the one date the voter must not get wrong, and why.
	section(m.vote_choice_pdf_cover_deadline_title({}, o));
	const { deadline, destination } = input;
	if (deadline) {
		flow.paragraph(m.vote_choice_pdf_cover_deadline({ date: date(deadline.cutoffDay) }, o), s.body);
		flow.gap(4);
		if (destination.email) {
			bullet(flow, m.vote_choice_pdf_cover_upload({ date: date(deadline.uploadBy) }, o), s.strong);
		}
		bullet(
			flow,
			deadline.postBy
				? m.vote_choice_pdf_cover_post({ date: date(deadline.postBy) }, o)
				: m.vote_choice_pdf_cover_post_too_late({}, o),
			s.strong
		);
		flow.gap(4);
		flow.paragraph(deadline.why, s.small);
		if (deadline.provisional) {
			flow.gap(6);
			notice(flow, [block(m.vote_choice_pdf_cover_provisional({}, o), s.body, CONTENT_WIDTH - 28)]);
		}
	}

	section(m.pdf_cover_checklist_title({}, o));
	const items = proxy
		? [
				m.vote_choice_pdf_check_print_proxy({}, o),
				m.vote_choice_pdf_check_sign({}, o),
				m.vote_choice_pdf_check_holder({ holder }, o),
				m.vote_choice_pdf_check_send_proxy({}, o)
			]
		: [
				m.vote_choice_pdf_check_print_pass({}, o),
				m.vote_choice_pdf_check_sign({}, o),
				m.vote_choice_pdf_check_id({}, o),
				m.vote_choice_pdf_check_send_pass({}, o)
			];
	for (const item of items) checklistItem(flow, item, s.body);

	const column = (CONTENT_WIDTH - 20) / 2;
	const post = [
		block(m.pdf_cover_send_post({}, o), s.small, column),
		block(destination.name, s.strong, column),
		...destination.lines.map((line) => block(line, s.body, column))
	];
	const online = destination.email
		? [
				block(m.vote_choice_pdf_cover_send_email({}, o), s.small, column),
				block(destination.email, s.strong, column)
			]
		: [];
	section(m.pdf_cover_send_title({}, o), Math.max(heightOf(post), heightOf(online)));
	const height = Math.max(heightOf(post), heightOf(online));
	flow.ensure(height);
	drawBlocks(flow.page, post, MARGIN, flow.y);
	drawBlocks(flow.page, online, MARGIN + column + 20, flow.y);
	flow.y -= height;
	return flow.pages;
}

/** The reference in large type beside a QR code that carries exactly the reference. */
function referenceBox(flow: Flow, reference: string, texts: { text: string; style: TextStyle }[]) {
	const pad = 14;
	const qrWidth = 76;
	const quiet = (QR_QUIET_MODULES * qrWidth) / qrRuns(reference).size;
	const qrOuter = qrWidth + 2 * quiet;
	const width = CONTENT_WIDTH - qrOuter - 6 - 2 * pad;
	const blocks = texts.map((t) => block(t.text, t.style, width));
	const height = Math.max(heightOf(blocks) + 2 * pad, qrOuter + 12);
	flow.ensure(height);
	const top = flow.y;
	box(flow.page, MARGIN, top, CONTENT_WIDTH, height, { fill: COLOR.tint, border: COLOR.rule });
	drawBlocks(flow.page, blocks, MARGIN + pad, top - (height - heightOf(blocks)) / 2);
	drawQr(
		flow.page,
		reference,
		PAGE_WIDTH - MARGIN - 6 - quiet - qrWidth,
		top - (height - qrWidth) / 2,
		qrWidth
	);
	flow.y = top - height;
}

/** Text in a tinted box with an accent bar on its left. */
function notice(flow: Flow, blocks: Block[]) {
	const pad = 10;
	const height = heightOf(blocks) + 2 * pad;
	flow.ensure(height);
	const top = flow.y;
	box(flow.page, MARGIN, top, CONTENT_WIDTH, height, { fill: COLOR.tint });
	box(flow.page, MARGIN, top, 4, height, { fill: COLOR.accent });
	drawBlocks(flow.page, blocks, MARGIN + 18, top - pad);
	flow.y = top - height;
}

function bullet(flow: Flow, text: string, style: TextStyle) {
	const indent = 16;
	const blocks = [block(text, style, CONTENT_WIDTH - indent)];
	flow.ensure(heightOf(blocks));
	box(flow.page, MARGIN + 3, flow.y - style.size * 0.45, 4, 4, { fill: COLOR.accent });
	flow.text(blocks, MARGIN + indent);
}

/** A box to tick by hand and its text. */
function checklistItem(flow: Flow, text: string, style: TextStyle) {
	const indent = 20;
	const blocks = [block(text, style, CONTENT_WIDTH - indent)];
	flow.gap(4);
	flow.ensure(heightOf(blocks));
	tickBox(flow.page, MARGIN + 1, flow.y - 1.5, 9.5, false);
	flow.text(blocks, MARGIN + indent);
}

/** A form page's header: the title and its basis at the left, QR and reference at the right. */
function formHeader(page: PDFPage, s: Styles, reference: string, title: string, basis: string) {
	const top = PAGE_HEIGHT - MARGIN;
	drawQr(page, reference, PAGE_WIDTH - MARGIN - QR_WIDTH, top, QR_WIDTH);
	const refWidth = textWidth(s.reference.font, reference, s.reference.size);
	const refTop = top - QR_WIDTH - 9;
	page.drawText(reference, {
		x: PAGE_WIDTH - MARGIN - refWidth,
		y: refTop - s.reference.size,
		...s.reference
	});
	const width = CONTENT_WIDTH - Math.max(QR_WIDTH, refWidth) - 16;
	const bottom = drawBlocks(
		page,
		[
			block(title, s.title, width),
			block(basis, s.subtitle, width),
			spacer(s.subtitle, 6),
			block(VOTE_CHOICE_NL.to, s.body, width)
		],
		MARGIN,
		top
	);
	return Math.min(bottom, refTop - s.reference.size * 1.4) - 4;
}

/** A section heading on a tinted band. */
function section(flow: Flow, s: Styles, title: string, keepWith = 40) {
	const height = 16;
	flow.gap(8);
	flow.ensure(height + Math.min(keepWith, flow.pageRoom / 2));
	const top = flow.y;
	box(flow.page, MARGIN, top, CONTENT_WIDTH, height, { fill: COLOR.tint });
	flow.page.drawText(title, {
		x: MARGIN + 6,
		y: top - height / 2 - s.section.size * 0.35,
		...s.section
	});
	flow.y = top - height;
}

type Cell = { label: string; lines: string[] };

/** A row of fields side by side, each a label above its value, with a rule under the row. */
function cells(flow: Flow, s: Styles, row: Cell[]) {
	const pad = 3;
	const width = (CONTENT_WIDTH - CELL_GAP * (row.length - 1)) / row.length;
	const laid = row.map((c) => ({
		label: [block(c.label, s.label, width)],
		value: c.lines.map((line) => block(line, s.value, width))
	}));
	const labels = Math.max(...laid.map((l) => heightOf(l.label))) + 2;
	const height = labels + Math.max(...laid.map((l) => heightOf(l.value))) + 2 * pad;
	if (height > flow.pageRoom && row.length > 1) {
		for (const c of row) cells(flow, s, [c]);
		return;
	}
	if (height > flow.pageRoom) {
		// One field taller than a page (not with validated input): its lines run on over pages.
		flow.text(laid[0]!.label);
		flow.text(laid[0]!.value);
	} else {
		flow.ensure(height);
		laid.forEach((l, i) => {
			const x = MARGIN + i * (width + CELL_GAP);
			drawBlocks(flow.page, l.label, x, flow.y - pad);
			drawBlocks(flow.page, l.value, x, flow.y - pad - labels);
		});
		flow.y -= height;
	}
	rule(flow.page, flow.y);
}

const addressLines = (a: PdfAddress) => [...a.lines, a.country];

function person(flow: Flow, s: Styles, p: VoteChoicePdfPerson, addressLabel: string) {
	cells(flow, s, [
		{ label: VOTE_CHOICE_NL.surname, lines: [p.surname] },
		{ label: VOTE_CHOICE_NL.firstNames, lines: [p.firstNames] }
	]);
	cells(flow, s, [
		{ label: VOTE_CHOICE_NL.dateOfBirth, lines: [formatDate(p.dateOfBirth, 'nl')] },
		{ label: addressLabel, lines: addressLines(p.address) }
	]);
}

const electionLine = (input: VoteChoicePdfInput) =>
	VOTE_CHOICE_NL.election[input.election.type](formatDate(input.election.electionDay, 'nl'));

/** Text in a bordered box (the request itself, the declaration). */
function statement(flow: Flow, s: Styles, paragraphs: string[]) {
	const pad = 10;
	const width = CONTENT_WIDTH - 2 * pad;
	const blocks = paragraphs.flatMap((p, i) => [
		...(i > 0 ? [spacer(s.body, 5)] : []),
		block(p, s.body, width)
	]);
	const height = heightOf(blocks) + 2 * pad;
	flow.gap(8);
	flow.ensure(height);
	const top = flow.y;
	box(flow.page, MARGIN, top, CONTENT_WIDTH, height, { border: COLOR.text });
	drawBlocks(flow.page, blocks, MARGIN + pad, top - pad);
	flow.y = top - height;
}

/** The boxes for the date and the signature, kept on one page with the heading above them. */
function signature(flow: Flow, s: Styles, who: string, lead: string[]) {
	const boxHeight = 56;
	const leadBlocks = lead.map((l) => block(l, s.body, CONTENT_WIDTH));
	flow.gap(10);
	flow.ensure(8 + 16 + 8 + heightOf(leadBlocks) + 8 + boxHeight);
	section(flow, s, VOTE_CHOICE_NL.sectionSignature);
	flow.gap(8);
	flow.text(leadBlocks);
	flow.gap(8);
	const top = flow.y;
	const dateWidth = 160;
	const boxes: [number, number, string][] = [
		[MARGIN, dateWidth, VOTE_CHOICE_NL.date],
		[MARGIN + dateWidth + 12, CONTENT_WIDTH - dateWidth - 12, who]
	];
	for (const [x, width, label] of boxes) {
		box(flow.page, x, top, width, boxHeight, { border: COLOR.text });
		drawBlocks(flow.page, [block(label, s.label, width - 12)], x + 6, top - 5);
	}
	flow.y = top - boxHeight;
}

/** Page 2: the request, filled in, in Dutch. */
function renderRequest(doc: PDFDocument, fonts: Fonts, input: VoteChoicePdfInput): PDFPage[] {
	const s = styles(fonts);
	const proxy = input.holder !== null;
	const flow = new Flow(doc, (page) =>
		formHeader(
			page,
			s,
			input.reference,
			proxy ? VOTE_CHOICE_NL.titleProxy : VOTE_CHOICE_NL.titlePass,
			proxy ? VOTE_CHOICE_NL.basisProxy : VOTE_CHOICE_NL.basisPass
		)
	);
	section(flow, s, VOTE_CHOICE_NL.sectionElection);
	cells(flow, s, [{ label: VOTE_CHOICE_NL.sectionElection, lines: [electionLine(input)] }]);

	section(flow, s, VOTE_CHOICE_NL.sectionVoter);
	person(flow, s, input.voter, VOTE_CHOICE_NL.residence);
	cells(flow, s, [
		{ label: VOTE_CHOICE_NL.email, lines: [input.voter.email ?? VOTE_CHOICE_NL.notGiven] }
	]);

	if (input.holder) {
		section(flow, s, VOTE_CHOICE_NL.sectionHolder);
		person(flow, s, input.holder, VOTE_CHOICE_NL.address);
	}

	section(flow, s, VOTE_CHOICE_NL.sectionRequest);
	statement(flow, s, [
		proxy ? VOTE_CHOICE_NL.requestProxy : VOTE_CHOICE_NL.requestPass,
		proxy ? VOTE_CHOICE_NL.enclosureProxy : VOTE_CHOICE_NL.enclosurePass
	]);
	signature(flow, s, VOTE_CHOICE_NL.signatureVoter, [VOTE_CHOICE_NL.truthful]);
	return flow.pages;
}

/** Page 3 (a proxy only): the holder's declaration of willingness, to sign (L 8(3), L 10(c)). */
function renderDeclaration(
	doc: PDFDocument,
	fonts: Fonts,
	input: VoteChoicePdfInput,
	holder: VoteChoicePdfPerson
): PDFPage[] {
	const s = styles(fonts);
	const flow = new Flow(doc, (page) =>
		formHeader(
			page,
			s,
			input.reference,
			VOTE_CHOICE_NL.titleDeclaration,
			VOTE_CHOICE_NL.basisDeclaration
		)
	);
	section(flow, s, VOTE_CHOICE_NL.sectionHolder);
	person(flow, s, holder, VOTE_CHOICE_NL.address);
	section(flow, s, VOTE_CHOICE_NL.sectionFor);
	cells(flow, s, [
		{ label: VOTE_CHOICE_NL.name, lines: [`${input.voter.firstNames} ${input.voter.surname}`] },
		{ label: VOTE_CHOICE_NL.dateOfBirth, lines: [formatDate(input.voter.dateOfBirth, 'nl')] }
	]);
	cells(flow, s, [{ label: VOTE_CHOICE_NL.sectionElection, lines: [electionLine(input)] }]);
	statement(flow, s, [
		VOTE_CHOICE_NL.declaration(
			`${input.voter.firstNames} ${input.voter.surname}`,
			formatDate(input.voter.dateOfBirth, 'nl'),
			electionLine(input).replace(/^Verkiezing/, 'verkiezing')
		),
		VOTE_CHOICE_NL.declarationVoter,
		VOTE_CHOICE_NL.declarationTwo
	]);
	signature(flow, s, VOTE_CHOICE_NL.signatureHolder, []);
	return flow.pages;
}
