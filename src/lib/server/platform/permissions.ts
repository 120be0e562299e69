/**
 * The Permissions-Policy header. No page needs the camera, microphone, location, payment or USB
 * except one: the office's intake page reads the QR code on a paper form with the camera
 * ("Scan with camera", issue 3). It alone allows the camera, for this origin only; every other
 * page, including the rest of the office and every voter page, blocks it.
 */
import { BASELINE_HEADERS } from './baseline-headers.js';

const CAMERA_PAGE = /^(\/[a-z]{2,3})?\/office\/intake\/?$/;

export function permissionsPolicy(pathname: string): string {
	const everywhere = BASELINE_HEADERS['Permissions-Policy']!;
	return CAMERA_PAGE.test(pathname) ? everywhere.replace('camera=()', 'camera=(self)') : everywhere;
}
