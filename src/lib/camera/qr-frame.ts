/**
 * Reads a form's reference from one camera frame (the office's intake, "Scan with camera"). The
 * QR code on the registration form holds exactly the reference (src/lib/server/pdf/qr.ts draws
 * it), so anything else a camera happens to see — another QR code, a misread — is ignored.
 * Pure: it takes the frame's pixels (an ImageData or anything shaped like one), so it runs in the
 * browser on a canvas and in tests on generated pixels.
 */
import jsQR from 'jsqr';

/**
 * XXXX-XXXX-XXXX in Crockford's base32 alphabet, as drafts.newReference() makes them (the same
 * pattern as REFERENCE in $lib/server/uploads/qr.ts, which browser code cannot import).
 */
export const REFERENCE = /^[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}$/;

export type Frame = { data: Uint8ClampedArray; width: number; height: number };

/** The reference in the frame's QR code, or null when there is none (or it is no reference). */
export function referenceInFrame(frame: Frame): string | null {
	if (frame.width <= 0 || frame.height <= 0) return null;
	if (frame.data.length < frame.width * frame.height * 4) return null;
	// Printed codes are dark on light; a phone or screen may show them inverted: try both.
	const code = jsQR(frame.data, frame.width, frame.height, { inversionAttempts: 'attemptBoth' });
	const text = code?.data.trim().toUpperCase() ?? '';
	return REFERENCE.test(text) ? text : null;
}
