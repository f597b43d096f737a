import assert from 'node:assert/strict';
import type { Infographic, NewsDetail } from '../../../src/api/families/types';
import type { Paged } from '../../../src/api/types';
import { IMAGE_HOSTS } from '../../../src/preview/html';
import { altText, bpsImage, findInfographic, infographicCard, newsCard } from '../../../src/preview/cards';
import { isBpsUrl } from '../../../src/presentation/website';
import { BPS_IMAGE_SOURCES } from './cspCheck';

const INF: Infographic = {
	id: 1070,
	title: ' Hasil Long Form SP2020 2023 ',
	image: 'https://web-api.bps.go.id/cover.php?f=infografis%2F0000%2F1070.jpg',
	description: 'Hasil Long Form SP2020: angka-angka utama dalam satu pandangan.',
	category: 0,
	download: 'https://www.bps.go.id/galery/download.html?asdf=MTA3MA==',
};

const NEWS: NewsDetail = {
	id: 300,
	categoryId: 'Sensus dan Survey',
	categoryName: 'Kegiatan Sensus Dan Survei',
	title: 'Petugas Sensus Mulai Mendata',
	excerpt: 'Petugas…',
	date: '2024-12-05',
	picture: 'https://web-api.bps.go.id/cover.php?f=news%2F0000%2F0.jpg',
	html: '<p>Petugas Sensus.</p><img src=x onerror=alert(1)>',
	fetchedAt: 1,
	stale: false,
};

function page(items: Infographic[], n: number, pages: number): Paged<Infographic> {
	return { items, page: n, pages, total: pages * 10, fetchedAt: 0, stale: false };
}

describe('preview cards (infographics and news)', () => {
	it('keeps images from BPS hosts only (https on bps.go.id and its subdomains)', () => {
		assert.equal(bpsImage(' https://web-api.bps.go.id/x.jpg '), 'https://web-api.bps.go.id/x.jpg');
		assert.equal(bpsImage('https://bps.go.id/x.png'), 'https://bps.go.id/x.png');
		for (const bad of [
			'http://www.bps.go.id/x.jpg',
			'https://bps.go.id.evil.example/x.jpg',
			'https://evilbps.go.id/x.jpg',
			'data:image/png;base64,AAAA',
			'javascript:alert(1)',
			'',
		])
			assert.equal(bpsImage(bad), '', bad);
	});

	it('the CSP image hosts are exactly the hosts the cards may send', () => {
		assert.deepEqual([...IMAGE_HOSTS], BPS_IMAGE_SOURCES);
		// Every source is an https BPS origin; `*.` covers the subdomains isBpsUrl accepts.
		for (const s of IMAGE_HOSTS) assert.ok(isBpsUrl(`${s.replace('*.', 'www.')}/x.png`), s);
	});

	it('alt text: the title, and the description when it adds to it (tags and spaces dropped)', () => {
		assert.equal(altText(' Inflasi ', '<p>Angka  utama</p>'), 'Inflasi. Angka utama');
		assert.equal(altText('Inflasi', 'inflasi'), 'Inflasi');
		assert.equal(altText('Inflasi', ''), 'Inflasi');
	});

	it('an infographic card: trimmed title, no date, the category given, BPS image and download', () => {
		const c = infographicCard(INF, { category: 'Economy', pageUrl: 'https://www.bps.go.id/id/infographic' });
		assert.deepEqual(c, {
			kind: 'infographic',
			id: 1070,
			title: 'Hasil Long Form SP2020 2023',
			date: '',
			category: 'Economy',
			imageUrl: INF.image,
			imageAlt:
				'Hasil Long Form SP2020 2023. Hasil Long Form SP2020: angka-angka utama dalam satu pandangan.',
			html: INF.description,
			pageUrl: 'https://www.bps.go.id/id/infographic',
			downloadUrl: INF.download,
		});
		const foreign = infographicCard(
			{ ...INF, image: 'https://cdn.example.com/a.jpg', download: 'javascript:alert(1)' },
			{ category: '', pageUrl: '' },
		);
		assert.equal(foreign.imageUrl, '', 'a foreign image is not sent (the CSP would block it)');
		assert.equal(foreign.downloadUrl, '');
	});

	it('a news card: date, category name (else its id), picture, the article HTML as given', () => {
		const c = newsCard(NEWS, { pageUrl: 'https://www.bps.go.id/id/news' });
		assert.equal(c.kind, 'news');
		assert.equal(c.date, '2024-12-05');
		assert.equal(c.category, 'Kegiatan Sensus Dan Survei');
		assert.equal(c.imageUrl, NEWS.picture);
		assert.equal(c.imageAlt, 'Petugas Sensus Mulai Mendata');
		assert.equal(c.html, NEWS.html, 'sanitised in the webview, not here');
		assert.equal(
			newsCard({ ...NEWS, categoryName: ' ', date: null }, { pageUrl: '' }).category,
			'Sensus dan Survey',
		);
		assert.equal(newsCard({ ...NEWS, date: null }, { pageUrl: '' }).date, '');
	});

	it('finds an infographic page by page, stopping at the page that has it or at the last page', async () => {
		const asked: number[] = [];
		const list = async (n: number) => {
			asked.push(n);
			return page(n === 2 ? [INF] : [{ ...INF, id: n }], n, 3);
		};
		const hit = await findInfographic(1070, list);
		assert.equal(hit?.item, INF);
		assert.equal(hit?.page.page, 2);
		assert.deepEqual(asked, [1, 2]);
		asked.length = 0;
		assert.equal(await findInfographic(5, list), undefined);
		assert.deepEqual(asked, [1, 2, 3]);
		asked.length = 0;
		assert.equal(await findInfographic(5, list, 2), undefined, 'at most maxPages');
		assert.deepEqual(asked, [1, 2]);
	});
});
