// Renders the app's PNG icons (home screen, install prompt, splash) from the SVGs in static/icons
// with Debian's Chromium: `node scripts/icons.mjs`. The PNGs are committed; run this again only
// after changing an SVG. The maskable icon keeps its mark inside the central 80 % safe zone.
import { readFileSync } from 'node:fs';
import { chromium } from 'playwright-core';

const ICONS = [
	{ svg: 'icon.svg', size: 192, out: 'icon-192.png', transparent: true },
	{ svg: 'icon.svg', size: 512, out: 'icon-512.png', transparent: true },
	{ svg: 'icon.svg', size: 180, out: 'apple-touch-icon.png', transparent: false },
	{ svg: 'icon-maskable.svg', size: 512, out: 'icon-maskable-512.png', transparent: false }
];

const browser = await chromium.launch({
	executablePath: '/usr/bin/chromium',
	args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run']
});
try {
	for (const icon of ICONS) {
		const page = await browser.newPage({ viewport: { width: icon.size, height: icon.size } });
		const svg = readFileSync(`static/icons/${icon.svg}`, 'utf8');
		await page.setContent(
			`<style>html,body{margin:0;background:${icon.transparent ? 'transparent' : '#154273'}}svg{display:block;width:${icon.size}px;height:${icon.size}px}</style>${svg}`
		);
		await page.screenshot({ path: `static/icons/${icon.out}`, omitBackground: icon.transparent });
		await page.close();
	}
} finally {
	await browser.close();
}
