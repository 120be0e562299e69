/**
 * The registration PDF: a cover sheet in the voter's language, then the filled-in application
 * form (Dutch, as the ministerial model, with the voter's language beside it) to print, sign
 * by hand and send. The signed paper is the legal application (KW D 3); the portal never
 * submits it.
 */
import { PDFDocument } from 'pdf-lib';
import * as m from '$lib/paraglide/messages.js';
import { renderCover } from './cover';
import { loadFonts, sharedFontkit } from './fonts';
import { FORM_NL, renderForm } from './form';
import { footer } from './layout';
import { resolveLocale } from './locale';
import { formatDate } from './text';
import type { RegistrationPdfInput } from './types';

export type { ElectionType, PdfAddress, RegistrationPdfInput } from './types';

export const PDF_CREATOR = 'Kiezer buitenland portal';

export async function renderRegistrationPdf(input: RegistrationPdfInput): Promise<Uint8Array> {
	const locale = resolveLocale(input.locale);
	const o = { locale };
	const files = await loadFonts();

	const doc = await PDFDocument.create();
	doc.registerFontkit(sharedFontkit);
	// Subset: only the glyphs used are embedded (tens of kB instead of 1.4 MB); text extraction
	// still works (pdf-lib writes a ToUnicode map), which the tests check.
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

	// Metadata is readable by anyone the file is passed to: no name, reference or other
	// personal data in it.
	doc.setTitle(m.pdf_meta_title({}, o), { showInWindowTitleBar: true });
	doc.setLanguage(locale);
	doc.setCreator(PDF_CREATOR);
	return doc.save();
}
