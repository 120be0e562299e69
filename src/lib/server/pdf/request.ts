/**
 * The PDF of a per-election request under chapter M (a resident temporarily abroad, a replacement
 * postal voting certificate): a cover sheet in the voter's language, then the filled-in request in
 * Dutch (the model's language) with the voter's language beside it, a QR code with the reference
 * on every page, to print, sign by hand and send. The signed paper is the request; the portal never
 * submits it. Built from the registration form's parts (form.ts, cover.ts) so both look alike.
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
	CELL_GAP,
	CELL_PAD,
	FORM_NL,
	cells,
	drawLabel,
	layoutLabel,
	section,
	spacer,
	styles,
	translated,
	type Cell,
	type Message,
	type Styles,
	referenceCorner,
	type Translate
} from './form';
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
	tickBox,
	type Block,
	type Fonts,
	type TextStyle
} from './layout';
import { resolveLocale, type Locale } from './locale';
import { formatDate } from './text';
import { PDF_CREATOR } from './index';

/** A field of the request: the Dutch label, its translation, and the value as lines. */
export type RequestField = {
	dutch: string;
	label: Message;
	value: string[];
	/** The value in the voter's language where it is a Dutch word ("Per e-mail"); null for nl. */
	note?: string | null;
	weight?: number;
};

/** One option of a question the model answers by ticking a box; the voter's choice is ticked. */
export type RequestChoice = { dutch: string; label: Message; checked: boolean };

export type RequestSection = {
	dutch: string;
	label: Message;
	/** Fields side by side per row. */
	rows?: RequestField[][];
	/** Options with tick boxes, shown above the rows. */
	choices?: RequestChoice[];
};

export type RequestPdfInput = {
	/** E.g. 'KB7M-Q2XD-4TNA': printed, and the only content of the QR codes. */
	reference: string;
	locale: string;
	/** IsoDate. */
	generatedOn: string;
	/** The document's title in its metadata: a message, never personal data. */
	metaTitle: Message;
	cover: {
		title: Message;
		intro: Message;
		legalAct: Message;
		deadline: {
			/** Already in the voter's language. */
			electionName: string;
			/** "Must be received by …", already in the voter's language. */
			cutoff: string;
			uploadBy: string | null;
			postBy: string | null;
			provisional: boolean;
		} | null;
		/** Items to tick, each a text and smaller notes, already in the voter's language. */
		checklist: [string, ...string[]][];
		/** What the voter must know besides (no polling card comes; the old certificate is void). */
		notices: string[];
		destination: { name: string; lines: string[]; email: string | null };
	};
	form: {
		/** The Dutch title, as the model names the request. */
		title: string;
		titleLabel: Message;
		continued: string;
		/** The Dutch name of where it goes ("De burgemeester van Den Haag"). */
		submitTo: string;
		/** The request itself in one sentence, Dutch, and its translation (null for nl). */
		request: { dutch: string; translation: string | null };
		sections: RequestSection[];
		enclosure: { dutch: string; label: Message };
	};
};

export async function renderRequestPdf(input: RequestPdfInput): Promise<Uint8Array> {
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

	const cover = renderRequestCover(doc, fonts, input, locale);
	const form = renderRequestForm(doc, fonts, input, locale);

	const total = cover.length + form.length;
	const created = m.pdf_cover_generated_on({ date: formatDate(input.generatedOn, locale) }, o);
	cover.forEach((page, i) =>
		footer(page, fonts, created, m.pdf_cover_page({ page: i + 1, total }, o))
	);
	const formFooter = FORM_NL.footer(input.reference, formatDate(input.generatedOn, 'nl'));
	form.forEach((page, i) =>
		footer(page, fonts, formFooter, FORM_NL.page(cover.length + i + 1, total))
	);

	// Metadata is readable by anyone the file is passed to: no personal data in it.
	doc.setTitle(input.metaTitle({}, o), { showInWindowTitleBar: true });
	doc.setLanguage(locale);
	doc.setCreator(PDF_CREATOR);
	return doc.save();
}

/** The cover sheet, entirely in the voter's language. */
function renderRequestCover(
	doc: PDFDocument,
	fonts: Fonts,
	input: RequestPdfInput,
	locale: Locale
): PDFPage[] {
	const o = { locale };
	const date = (iso: string) => formatDate(iso, locale);
	const body: TextStyle = { font: fonts.regular, size: 10, lineHeight: 13.5 };
	const strong: TextStyle = { ...body, font: fonts.bold };
	const small: TextStyle = { font: fonts.regular, size: 8.5, color: COLOR.muted, lineHeight: 11.5 };
	const heading: TextStyle = { font: fonts.bold, size: 12.5, color: COLOR.accent, lineHeight: 17 };
	const { cover } = input;

	const flow = new Flow(doc, coverPageStart(input.reference, fonts));
	const sectionTitle = (title: string, keepWith = 40) => {
		flow.gap(12);
		flow.ensure(lineHeightOf(heading) + 2 + Math.min(keepWith, flow.pageRoom / 2));
		flow.paragraph(title, heading);
		flow.gap(2);
	};

	flow.paragraph(cover.title({}, o), {
		font: fonts.bold,
		size: 16,
		color: COLOR.accent,
		lineHeight: 21
	});
	flow.gap(6);
	flow.paragraph(cover.intro({}, o), body);
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
	notice(flow, [block(cover.legalAct({}, o), strong, CONTENT_WIDTH - 28)]);

	if (cover.deadline) {
		const d = cover.deadline;
		sectionTitle(m.pdf_cover_deadline_title({}, o));
		flow.paragraph(d.electionName, body);
		flow.gap(4);
		if (d.uploadBy)
			bullet(flow, m.pdf_cover_deadline_upload({ date: date(d.uploadBy) }, o), strong);
		if (d.postBy) bullet(flow, m.pdf_cover_deadline_post({ date: date(d.postBy) }, o), strong);
		flow.gap(4);
		flow.paragraph(d.cutoff, small);
		if (d.provisional) {
			flow.gap(6);
			notice(flow, [block(m.pdf_cover_deadline_provisional({}, o), body, CONTENT_WIDTH - 28)]);
		}
	}

	sectionTitle(m.pdf_cover_checklist_title({}, o));
	for (const [text, ...notes] of cover.checklist) checklistItem(flow, text, notes, body, small);

	const column = (CONTENT_WIDTH - 20) / 2;
	const { destination } = cover;
	const post = [
		block(m.pdf_cover_send_post({}, o), small, column),
		block(destination.name, strong, column),
		...destination.lines.map((line) => block(line, body, column))
	];
	const online = destination.email
		? [
				block(m.pdf_cover_send_email({}, o), small, column),
				block(destination.email, strong, column),
				coverSpacer(small, 4)
			]
		: [];
	sectionTitle(m.pdf_cover_send_title({}, o), Math.max(heightOf(post), heightOf(online)));
	columns(flow, post, online, column + 20);
	// One box for all of them: what the voter must know besides the steps.
	if (cover.notices.length) {
		flow.gap(10);
		notice(
			flow,
			cover.notices.flatMap((text, i) => [
				...(i ? [coverSpacer(body, 6)] : []),
				block(text, body, CONTENT_WIDTH - 28)
			])
		);
	}

	return flow.pages;
}

/** The filled-in request: Dutch, with the voter's language beside it. */
function renderRequestForm(
	doc: PDFDocument,
	fonts: Fonts,
	input: RequestPdfInput,
	locale: Locale
): PDFPage[] {
	const o = { locale };
	const tr: Translate = (message) => (locale === 'nl' ? null : message({}, o));
	const s = styles(fonts);
	const { form } = input;
	const flow = new Flow(doc, (page, index) => header(page, s, input, index === 0 ? tr : null));

	flow.gap(4);
	flow.text([
		block(form.request.dutch, s.body, CONTENT_WIDTH),
		...translated(form.request.translation, s.note, CONTENT_WIDTH)
	]);

	for (const part of form.sections) {
		const rows = (part.rows ?? []).map((row) =>
			row.map((f): Cell => ({
				dutch: f.dutch,
				translation: tr(f.label),
				value: { lines: f.value, note: f.note ?? null },
				...(f.weight ? { weight: f.weight } : {})
			}))
		);
		section(flow, s, part.dutch, tr(part.label));
		if (part.choices?.length) choices(flow, s, part.choices, tr);
		for (const row of rows) cells(flow, s, row);
	}

	signature(flow, s, form.enclosure, tr);
	return flow.pages;
}

/** Each form page: the title, a small QR code and the reference at the top right. */
function header(page: PDFPage, s: Styles, input: RequestPdfInput, tr: Translate | null): number {
	const top = PAGE_HEIGHT - MARGIN;
	const corner = referenceCorner(page, input.reference, s.reference);
	const width = CONTENT_WIDTH - corner.width - 16;
	const blocks: Block[] = tr
		? [
				block(input.form.title, s.title, width),
				...translated(tr(input.form.titleLabel), s.titleNote, width),
				spacer(s, 4)
			]
		: [block(input.form.continued, { ...s.title, size: 11 }, width)];
	let bottom = drawBlocks(page, blocks, MARGIN, top);
	if (tr) {
		const label = layoutLabel(
			{ ...s, label: s.body },
			`${FORM_NL.submitTo}: ${input.form.submitTo}`,
			tr(m.pdf_form_submit_to),
			width
		);
		bottom = drawLabel(page, { ...s, label: s.body }, label, MARGIN, bottom);
	}
	return Math.min(bottom, corner.bottom - s.reference.size * 0.4) - 4;
}

/** The options of a question side by side, each with a box: the chosen one ticked. */
function choices(flow: Flow, s: Styles, options: RequestChoice[], tr: Translate): void {
	const indent = 17;
	const width = (CONTENT_WIDTH - CELL_GAP * (options.length - 1)) / options.length;
	const laid = options.map((option) => [
		block(option.dutch, s.value, width - indent),
		...translated(tr(option.label), s.note, width - indent)
	]);
	const height = Math.max(...laid.map(heightOf)) + 2 * CELL_PAD + 2;
	flow.ensure(height);
	laid.forEach((blocks, i) => {
		const x = MARGIN + i * (width + CELL_GAP);
		tickBox(flow.page, x + 1, flow.y - CELL_PAD - 2, 10, options[i]!.checked);
		drawBlocks(flow.page, blocks, x + indent, flow.y - CELL_PAD - 1);
	});
	flow.y -= height;
}

/** The enclosure, the declaration of truth and the boxes for date and signature, kept together. */
function signature(
	flow: Flow,
	s: Styles,
	enclosure: { dutch: string; label: Message },
	tr: Translate
): void {
	const boxHeight = 52;
	const indent = 17;
	const enclosed = [
		block(`${FORM_NL.enclosure}: ${enclosure.dutch}`, s.body, CONTENT_WIDTH - indent),
		...translated(
			tr(m.pdf_form_enclosure) && `${tr(m.pdf_form_enclosure)}: ${tr(enclosure.label)}`,
			s.note,
			CONTENT_WIDTH - indent
		)
	];
	const truthful = [
		block(FORM_NL.truthful, s.body, CONTENT_WIDTH),
		...translated(tr(m.pdf_form_truthful), s.note, CONTENT_WIDTH)
	];
	flow.gap(10);
	flow.ensure(8 + 16 + 8 + heightOf(enclosed) + 8 + heightOf(truthful) + 8 + boxHeight);
	section(flow, s, FORM_NL.sectionSignature, tr(m.pdf_form_section_signature));
	flow.gap(8);
	tickBox(flow.page, MARGIN + 1, flow.y - 1, 9.5, false);
	flow.text(enclosed, MARGIN + indent);
	flow.gap(8);
	flow.text(truthful);
	flow.gap(8);
	const { page } = flow;
	const top = flow.y;
	const dateWidth = 160;
	const boxes: [number, number, string, string | null][] = [
		[MARGIN, dateWidth, FORM_NL.date, tr(m.pdf_form_date)],
		[
			MARGIN + dateWidth + CELL_GAP,
			CONTENT_WIDTH - dateWidth - CELL_GAP,
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
