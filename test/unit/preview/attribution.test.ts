import assert from 'node:assert/strict';
import { ATTRIBUTION_EN, ATTRIBUTION_ID, BPS_HOME } from '../../../src/api/attribution';
import { exportMeta, panelAttribution } from '../../../src/preview/attribution';

const SBY = {
	code: '3578',
	name: 'Kota Surabaya',
	type: 'city' as const,
	website: 'https://surabayakota.bps.go.id',
};
const NOW = new Date('2026-03-05T10:00:00Z');

describe('preview attribution', () => {
	it('carries the Indonesian notice always, the English one with English data', () => {
		const id = panelAttribution(SBY, 'ind', 'id', NOW);
		assert.equal(id.id, ATTRIBUTION_ID);
		assert.equal(id.en, undefined);
		assert.equal(panelAttribution(SBY, 'eng', 'en', NOW).en, ATTRIBUTION_EN);
	});

	it("names the region's website and the access date in the locale and as ISO", () => {
		const a = panelAttribution(SBY, 'ind', 'id', NOW);
		assert.equal(a.sourceUrl, SBY.website);
		assert.equal(a.sourceLabel, 'BPS Kota Surabaya');
		assert.equal(a.accessedIso, '2026-03-05');
		assert.match(a.accessed, /Maret 2026/);
		assert.match(panelAttribution(SBY, 'eng', 'en', NOW).accessed, /March 5, 2026/);
	});

	it('falls back to the BPS home page without a website, and to ISO with a bad locale', () => {
		const a = panelAttribution({ ...SBY, website: undefined }, 'ind', 'not a locale!', NOW);
		assert.equal(a.sourceUrl, BPS_HOME);
		assert.equal(a.sourceLabel, 'Badan Pusat Statistik');
		assert.equal(a.accessed, '2026-03-05');
	});

	it('export metadata: the notice, the item and the access date', () => {
		const a = panelAttribution(SBY, 'eng', 'en', NOW);
		const m = exportMeta({ domain: '3578', kind: 'var', id: 12 }, 'eng', a);
		assert.equal(m.attribution, ATTRIBUTION_ID);
		assert.equal(m.attributionEn, ATTRIBUTION_EN);
		assert.equal(m.sourceUrl, SBY.website);
		assert.equal(m.accessed, '2026-03-05');
		assert.deepEqual([m.domain, m.kind, m.id], ['3578', 'var', 12]);
		assert.equal(exportMeta({ domain: '0000', kind: 'var', id: 1 }, 'ind', undefined).sourceUrl, BPS_HOME);
	});
});
