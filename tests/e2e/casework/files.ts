/**
 * Small valid files as a voter's phone or scanner makes them, built in the test: a one-page PDF
 * of the signed form and a JPEG photo of an ID card; and a text file posing as a picture.
 */
import jpeg from 'jpeg-js';
import { PDFDocument, StandardFonts } from 'pdf-lib';

type Upload = { name: string; mimeType: string; buffer: Buffer };

export async function signedFormPdf(reference: string): Promise<Upload> {
	const doc = await PDFDocument.create();
	const page = doc.addPage([595, 842]);
	const font = await doc.embedFont(StandardFonts.Helvetica);
	page.drawText(`Registration form ${reference} - signed`, { x: 50, y: 780, size: 14, font });
	return {
		name: 'signed-form.pdf',
		mimeType: 'application/pdf',
		buffer: Buffer.from(await doc.save())
	};
}

export function idCopyJpeg(): Upload {
	const width = 320;
	const height = 200;
	const data = Buffer.alloc(width * height * 4, 255);
	for (let y = 0; y < height; y++) {
		for (let x = 0; x < width; x++) {
			const i = (y * width + x) * 4;
			data[i] = (x * 255) / width;
			data[i + 1] = (y * 255) / height;
			data[i + 2] = 160;
		}
	}
	return {
		name: 'passport.jpg',
		mimeType: 'image/jpeg',
		buffer: Buffer.from(jpeg.encode({ width, height, data }, 85).data)
	};
}

export function notAPicture(): Upload {
	return {
		name: 'passport.jpg',
		mimeType: 'image/jpeg',
		buffer: Buffer.from('not a picture at all')
	};
}
