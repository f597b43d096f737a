import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import type { Domain } from '../../../src/api/types';
import {
	classifyDomain,
	matchRegions,
	normaliseText,
	prepareRegions,
	pushRecent,
	regionDisplayName,
	tidyName,
} from '../../../src/catalogue/regions';

/** The 549 live domains (bps-looker recording), mapped the way the client maps them. */
function liveDomains(): Domain[] {
	const file = path.resolve(process.cwd(), 'test/fixtures/samples/bps-looker__domain_all.json');
	const body = JSON.parse(fs.readFileSync(file, 'utf8')).body as {
		data: [unknown, Array<Record<string, string>>];
	};
	return body.data[1].map((r) => {
		const c = classifyDomain(r.domain_id);
		return {
			id: r.domain_id,
			name: r.domain_name,
			url: r.domain_url,
			level: c.level,
			provinceId: c.provinceId,
		};
	});
}

describe('regions', () => {
	const domains = liveDomains();
	const entries = prepareRegions(domains);
	const top = (q: string, recent?: string[]) => matchRegions(entries, q, { recent })[0]?.entry.domain.id;
	const ids = (q: string, n = 5) => matchRegions(entries, q, { limit: n }).map((m) => m.entry.domain.id);

	it('has all 549 domains in the fixture', () => {
		assert.equal(domains.length, 549);
	});

	it('classifies codes: national, province, regency, city (71+)', () => {
		assert.deepEqual(classifyDomain('0000'), { level: 'national', type: 'national' });
		assert.deepEqual(classifyDomain('3500'), { level: 'province', type: 'province' });
		assert.deepEqual(classifyDomain('3204'), { level: 'regency', type: 'regency', provinceId: '3200' });
		assert.deepEqual(classifyDomain('3273'), { level: 'regency', type: 'city', provinceId: '3200' });
	});

	it('tidies letter-spaced names and capitalisation slips', () => {
		assert.equal(tidyName('S I A K'), 'Siak');
		assert.equal(tidyName('D U M A I'), 'Dumai');
		assert.equal(tidyName('Dki Jakarta'), 'DKI Jakarta');
		assert.equal(tidyName('Aceh  Barat '), 'Aceh Barat');
		assert.equal(normaliseText('Kep. Bangka Belitung'), 'kepulauan bangka belitung');
		assert.equal(normaliseText('Tojo Una-Una'), 'tojo una una');
		assert.equal(normaliseText('Bénér  Meriah'), 'bener meriah');
	});

	it('names regencies and cities apart', () => {
		assert.equal(regionDisplayName({ id: '3578', name: 'Surabaya' }), 'Kota Surabaya');
		assert.equal(regionDisplayName({ id: '3204', name: 'Bandung' }), 'Kabupaten Bandung');
		assert.equal(regionDisplayName({ id: '3500', name: 'Jawa Timur' }), 'Jawa Timur');
		assert.equal(regionDisplayName({ id: '0000', name: 'Pusat' }), 'Indonesia');
		assert.equal(
			regionDisplayName(
				{ id: '1473', name: 'D U M A I' },
				{ national: 'N', regency: 'Regency', city: 'City' },
			),
			'City Dumai',
		);
	});

	it('finds provinces by alias, by name and by code', () => {
		assert.equal(top('jatim'), '3500');
		assert.equal(top('jawa timur'), '3500');
		assert.equal(top('Jawa  TIMUR'), '3500');
		assert.equal(top('3500'), '3500');
		assert.equal(top('jateng'), '3300');
		assert.equal(top('jabar'), '3200');
		assert.equal(top('jogja'), '3400');
		assert.equal(top('diy'), '3400');
		assert.equal(top('dki'), '3100');
		assert.equal(top('sumut'), '1200');
		assert.equal(top('sumbar'), '1300');
		assert.equal(top('sumsel'), '1600');
		assert.equal(top('kalbar'), '6100');
		assert.equal(top('kaltim'), '6400');
		assert.equal(top('sulsel'), '7300');
		assert.equal(top('sulut'), '7100');
		assert.equal(top('ntb'), '5200');
		assert.equal(top('ntt'), '5300');
		assert.equal(top('babel'), '1900');
		assert.equal(top('kepri'), '2100');
	});

	it('tells kota from kabupaten', () => {
		assert.equal(top('kota bandung'), '3273');
		assert.equal(top('kab bandung'), '3204');
		assert.equal(top('kabupaten bandung'), '3204');
		assert.equal(top('bandung kota'), '3273');
		// Plain "bandung" finds both, and Bandung Barat after them.
		assert.deepEqual(ids('bandung', 3).sort(), ['3204', '3217', '3273']);
		assert.ok(!ids('kota bandung', 50).includes('3204'), 'kota excludes the regency');
		// "Kota Baru" (6302) is a regency whose name starts with Kota: typing its name still works.
		assert.equal(top('kota baru'), '6302');
	});

	it('finds regions by code prefix and letter-spaced names', () => {
		assert.equal(top('3578'), '3578');
		assert.equal(top('siak'), '1405');
		assert.equal(top('s i a k'), '1405');
		assert.equal(top('dumai'), '1473');
		const jatim = ids('35', 100);
		assert.equal(jatim.length, 39);
		assert.equal(jatim[0], '3500');
		assert.equal(top('surabaya'), '3578');
		assert.equal(top('kota surabaya'), '3578');
	});

	it('ranks the province, then its regions, for an alias; combines alias with a name', () => {
		const r = ids('jatim', 100);
		assert.equal(r[0], '3500');
		assert.ok(r.includes('3578'));
		assert.ok(r.every((id) => id.startsWith('35')));
		assert.equal(top('jatim malang kota'), '3573');
		assert.equal(top('jatim malang'), '3507');
	});

	it('accepts small typos through subsequences but rejects nonsense', () => {
		assert.equal(top('surabya'), '3578');
		assert.deepEqual(ids('qqqzzz'), []);
		assert.deepEqual(ids('9999'), []);
	});

	it('lists recent regions first for an empty query and breaks ties with them', () => {
		const all = matchRegions(entries, '', { recent: ['3578', '1405'] });
		assert.equal(all.length, 549);
		assert.deepEqual(
			all.slice(0, 3).map((m) => m.entry.domain.id),
			['3578', '1405', '0000'],
		);
		assert.equal(top('bandung', ['3273']), '3273');
		assert.equal(top('bandung', ['3204']), '3204');
	});

	it('keeps the national domain findable', () => {
		assert.equal(top('indonesia'), '0000');
		assert.equal(top('pusat'), '0000');
		assert.equal(top('0000'), '0000');
	});

	it('records regency province names for grouping', () => {
		const e = entries.find((x) => x.domain.id === '3578')!;
		assert.equal(e.provinceName, 'Jawa Timur');
		assert.equal(e.display, 'Kota Surabaya');
	});

	it('pushRecent dedups and caps', () => {
		assert.deepEqual(pushRecent(['a', 'b', 'c'], 'b'), ['b', 'a', 'c']);
		assert.deepEqual(pushRecent(['1', '2', '3'], '4', 3), ['4', '1', '2']);
	});

	it('matches fast enough for every keystroke', () => {
		const t0 = performance.now();
		for (let i = 0; i < 50; i++) matchRegions(entries, 'kota band');
		assert.ok((performance.now() - t0) / 50 < 10, 'under 10 ms per query');
	});
});
