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
	lineHeightOf,
	MARGIN,
	PAGE_HEIGHT,
	PAGE_WIDTH,
	tickBox,
	type Block,
	type Fonts,
	type TextStyle
} from './layout';
import type { Locale } from './locale';
import { referenceCorner } from './form';
import { drawQr, qrRuns, QR_QUIET_MODULES } from './qr';
import { formatDate } from './text';
import type { RegistrationPdfInput } from './types';

/**
 * How each page of a cover sheet starts: the accent bar, and on every page after the first (a
 * cover that runs over, e.g. with many elections ahead) the reference's QR code in the corner,
 * as on the form's pages: the first page has it in its reference box.
 */
export function coverPageStart(reference: string, fonts: Fonts) {
	const style: TextStyle = { font: fonts.bold, size: 9, color: COLOR.muted, lineHeight: 12 };
	return (page: PDFPage, index: number): number => {
		box(page, MARGIN, PAGE_HEIGHT - MARGIN + 14, CONTENT_WIDTH, 3, { fill: COLOR.accent });
		if (index === 0) return PAGE_HEIGHT - MARGIN;
		return referenceCorner(page, reference, style).bottom - 12;
	};
}

/** Page 1 (and more if it ever overflows): the cover sheet, entirely in the voter's language. */
export function renderCover(
	doc: PDFDocument,
	fonts: Fonts,
	input: RegistrationPdfInput,
	locale: Locale
): PDFPage[] {
	const o = { locale };
	const date = (iso: string) => formatDate(iso, locale);
	const body: TextStyle = { font: fonts.regular, size: 10, lineHeight: 13.5 };
	const strong: TextStyle = { ...body, font: fonts.bold };
	const small: TextStyle = { font: fonts.regular, size: 8.5, color: COLOR.muted, lineHeight: 11.5 };
	const heading: TextStyle = { font: fonts.bold, size: 12.5, color: COLOR.accent, lineHeight: 17 };

	const flow = new Flow(doc, coverPageStart(input.reference, fonts));

	/** A heading, kept on one page with (the first `keepWith` points of) what follows it. */
	const section = (title: string, keepWith = 40) => {
		flow.gap(12);
		flow.ensure(lineHeightOf(heading) + 2 + Math.min(keepWith, flow.pageRoom / 2));
		flow.paragraph(title, heading);
		flow.gap(2);
	};

	flow.paragraph(m.pdf_cover_title({}, o), {
		font: fonts.bold,
		size: 16,
		color: COLOR.accent,
		lineHeight: 21
	});
	flow.gap(6);
	flow.paragraph(m.pdf_cover_intro({}, o), body);
	// Dutch readers need no word on the form's language.
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
	notice(flow, [block(m.pdf_cover_legal_act({}, o), strong, CONTENT_WIDTH - 28)]);

	// When it has to be sent: the one thing the voter must not get wrong.
	section(m.pdf_cover_deadline_title({}, o));
	const { deadlines, destination } = input;
	const electronic = Boolean(destination.email || destination.uploadUrl);
	if (deadlines) {
		flow.paragraph(m.pdf_cover_deadline_election({ election: deadlines.electionName }, o), body);
		flow.gap(4);
		if (electronic) {
			bullet(flow, m.pdf_cover_deadline_upload({ date: date(deadlines.uploadBy) }, o), strong);
		}
		bullet(flow, m.pdf_cover_deadline_post({ date: date(deadlines.postBy) }, o), strong);
		flow.gap(4);
		flow.paragraph(m.pdf_cover_deadline_cutoff({ date: date(deadlines.cutoffDay) }, o), small);
		if (deadlines.provisional) {
			flow.gap(6);
			notice(flow, [block(m.pdf_cover_deadline_provisional({}, o), body, CONTENT_WIDTH - 28)]);
		}
	} else {
		flow.paragraph(m.pdf_cover_deadline_none({}, o), body);
	}
	if (input.startsOn) {
		flow.gap(6);
		flow.paragraph(m.pdf_cover_starts_on({ date: date(input.startsOn) }, o), strong);
	}

	section(m.pdf_cover_checklist_title({}, o));
	const items: [string, ...string[]][] = [
		[m.pdf_cover_check_print({}, o)],
		[m.pdf_cover_check_sign({}, o)]
	];
	if (input.epDeclaration) items.push([m.pdf_cover_check_ep({}, o)]);
	if (input.publicServiceDeclaration) items.push([m.pdf_cover_check_public_service({}, o)]);
	items.push(
		[m.pdf_cover_check_id({}, o), m.pdf_cover_check_id_other({}, o), m.pdf_cover_check_bsn({}, o)],
		[m.pdf_cover_check_send({}, o)]
	);
	for (const [text, ...notes] of items) checklistItem(flow, text, notes, body, small);

	// Post at the left; e-mail and upload, where the destination takes them, at the right.
	const column = (CONTENT_WIDTH - 20) / 2;
	const post = [
		block(m.pdf_cover_send_post({}, o), small, column),
		block(destination.name, strong, column),
		...destination.lines.map((line) => block(line, body, column))
	];
	const online = [
		...(destination.email
			? [
					block(m.pdf_cover_send_email({}, o), small, column),
					block(destination.email, strong, column)
				]
			: []),
		...(destination.email && destination.uploadUrl ? [spacer(small, 8)] : []),
		...(destination.uploadUrl
			? [
					block(m.pdf_cover_send_upload({}, o), small, column),
					block(destination.uploadUrl, strong, column)
				]
			: [])
	];
	section(m.pdf_cover_send_title({}, o), Math.max(heightOf(post), heightOf(online)));
	columns(flow, post, online, column + 20);

	return flow.pages;
}

/** The reference in large type beside a QR code that carries exactly the reference. */
export function referenceBox(
	flow: Flow,
	reference: string,
	texts: { text: string; style: TextStyle }[]
): void {
	const pad = 14;
	const qrWidth = 76;
	// The QR's white quiet zone sits inside the tinted box, 6 pt from its edges.
	const quiet = (QR_QUIET_MODULES * qrWidth) / qrRuns(reference).size;
	const qrOuter = qrWidth + 2 * quiet;
	const textWidth = CONTENT_WIDTH - qrOuter - 6 - 2 * pad;
	const blocks = texts.map((t) => block(t.text, t.style, textWidth));
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

export const spacer = (style: TextStyle, height: number): Block => ({
	lines: [''],
	style: { ...style, lineHeight: height }
});

/** Two columns kept on one page (or, taller than a page, one after the other). */
export function columns(flow: Flow, left: Block[], right: Block[], rightX: number): void {
	const height = Math.max(heightOf(left), heightOf(right));
	if (height > flow.pageRoom) {
		flow.text([...left, ...right]);
		return;
	}
	flow.ensure(height);
	drawBlocks(flow.page, left, MARGIN, flow.y);
	drawBlocks(flow.page, right, MARGIN + rightX, flow.y);
	flow.y -= height;
}

/** Text in a tinted box with an accent bar on its left. */
export function notice(flow: Flow, blocks: Block[]): void {
	const pad = 10;
	const height = heightOf(blocks) + 2 * pad;
	flow.ensure(height);
	const top = flow.y;
	box(flow.page, MARGIN, top, CONTENT_WIDTH, height, { fill: COLOR.tint });
	box(flow.page, MARGIN, top, 4, height, { fill: COLOR.accent });
	drawBlocks(flow.page, blocks, MARGIN + 4 + pad + 4, top - pad);
	flow.y = top - height;
}

export function bullet(flow: Flow, text: string, style: TextStyle): void {
	const indent = 16;
	const blocks = [block(text, style, CONTENT_WIDTH - indent)];
	flow.ensure(heightOf(blocks));
	const size = 4;
	box(flow.page, MARGIN + 3, flow.y - style.size * 0.45, size, size, { fill: COLOR.accent });
	flow.text(blocks, MARGIN + indent);
}

/** A box to tick by hand, its text, and smaller notes under it. */
export function checklistItem(
	flow: Flow,
	text: string,
	notes: string[],
	style: TextStyle,
	noteStyle: TextStyle
): void {
	const indent = 20;
	const width = CONTENT_WIDTH - indent;
	const blocks = [block(text, style, width), ...notes.map((n) => block(n, noteStyle, width))];
	flow.gap(4);
	flow.ensure(heightOf(blocks));
	tickBox(flow.page, MARGIN + 1, flow.y - 1.5, 9.5, false);
	flow.text(blocks, MARGIN + indent);
}
