import assert from 'node:assert/strict';
import { type LinkTarget, buildLink, parseLink } from '../../../src/links/link';

const BASE = 'vscode://bps-data-browser.bps-data-browser';

/** Path and query the way vscode.Uri splits a link. */
function parse(link: string) {
	const u = new URL(link);
	return parseLink(u.pathname, u.search.replace(/^\?/, ''));
}

describe('links', () => {
	it('round-trips every kind', () => {
		const targets: LinkTarget[] = [
			{ domain: '3500', kind: 'var', id: 1804, years: ['2017', '2018', '2019'] },
			{ domain: '0000', kind: 'indicator', id: 12, years: ['2023'] },
			{ domain: '7315', kind: 'statictable', id: 23 },
			{ domain: '0000', kind: 'publication', id: 'fafd73df0c782f4c2302fd1a' },
			{ domain: '3578', kind: 'pressrelease', id: 2035 },
			{ domain: '0000', kind: 'var', id: 154, sdg: '1.2.1' },
			{ domain: '0000', kind: 'classification', id: 'kbli_2020_0112' },
			{ domain: '0000', kind: 'glossary', id: '4521' },
			{ domain: '3500', kind: 'infographic', id: 31 },
			{ domain: '3500', kind: 'news', id: 702 },
			{ domain: '0000', kind: 'census', id: 41, event: 'sp2020', area: '35' },
			{ domain: '0000', kind: 'census', id: 1001, event: 'sp2020', areas: ['0', '35', '3578'] },
			{ domain: '3500', kind: 'simdasi', id: 'Tabel_3.1.1', years: ['2023', '2024'] },
		];
		for (const t of targets) {
			const link = buildLink(BASE, t);
			assert.deepEqual(parse(link), { ok: true, target: t }, link);
		}
	});

	it('a foreign-trade query travels as its parameters', () => {
		const link = buildLink(BASE, {
			domain: '0000',
			kind: 'trade',
			id: 'ignored',
			flow: 'export',
			hs: ['09', '18'],
			hsLevel: 2,
			monthly: false,
			years: ['2023'],
		});
		assert.equal(
			link,
			`${BASE}/open?domain=0000&kind=trade&flow=export&hs=09,18&hsLevel=2&monthly=0&years=2023`,
		);
		const r = parse(link);
		assert.ok(r.ok);
		assert.equal(r.target.kind, 'trade');
		assert.deepEqual(
			r.target.kind === 'trade' && [r.target.flow, r.target.hs, r.target.hsLevel, r.target.monthly],
			['export', ['09', '18'], 2, false],
		);
		assert.deepEqual(r.target.years, ['2023']);
		const bad = parseLink('/open', 'domain=0000&kind=trade&flow=sideways&hs=09&hsLevel=2');
		assert.equal(bad.ok ? 'ok' : bad.problem.code, 'id');
	});

	it('writes a readable link', () => {
		assert.equal(
			buildLink(BASE, { domain: '3500', kind: 'var', id: 1804, years: ['2018', '2019'] }),
			`${BASE}/open?domain=3500&kind=var&id=1804&years=2018,2019`,
		);
	});

	it('refuses a bad region code', () => {
		for (const d of ['35', '35000', 'jatim', '', '3500x']) {
			assert.deepEqual(parseLink('/open', `domain=${d}&kind=var&id=1`), {
				ok: false,
				problem: { code: 'domain', value: d },
			});
		}
		assert.deepEqual(parseLink('/open', 'kind=var&id=1'), {
			ok: false,
			problem: { code: 'domain', value: '' },
		});
	});

	it('refuses an unknown kind', () => {
		assert.deepEqual(parseLink('/open', 'domain=3500&kind=table&id=1'), {
			ok: false,
			problem: { code: 'kind', value: 'table' },
		});
		assert.equal(parseLink('/open', 'domain=3500&kind=__proto__&id=1').ok, false);
	});

	it('refuses a non-numeric or malformed id', () => {
		for (const q of [
			'kind=var&id=abc',
			'kind=var&id=12a',
			'kind=var&id=-3',
			'kind=var&id=0',
			'kind=var&id=',
			'kind=statictable&id=1e3',
			'kind=publication&id=1804',
			'kind=publication&id=../../etc/passwd',
		]) {
			const r = parseLink('/open', `domain=3500&${q}`);
			assert.equal(r.ok ? 'ok' : r.problem.code, 'id', q);
		}
	});

	it('reads a years list, and refuses a bad one', () => {
		const r = parseLink('/open', 'domain=3500&kind=var&id=1804&years=2019, 2018,2019');
		assert.deepEqual(r, {
			ok: true,
			target: { domain: '3500', kind: 'var', id: 1804, years: ['2019', '2018'] },
		});
		for (const y of ['2019;2020', '19', 'x', '2019,,2020', '3019']) {
			const bad = parseLink('/open', `domain=3500&kind=var&id=1804&years=${encodeURIComponent(y)}`);
			assert.deepEqual(bad, { ok: false, problem: { code: 'years', value: y } }, y);
		}
		// Years belong to dynamic tables only.
		const st = parseLink('/open', 'domain=3500&kind=statictable&id=3&years=2019');
		assert.equal(st.ok ? 'ok' : st.problem.code, 'years');
		assert.equal(parseLink('/open', 'domain=3500&kind=var&id=1804&years=').ok, true);
	});

	it('refuses another path, and ignores unknown parameters', () => {
		assert.deepEqual(parseLink('/delete', 'domain=3500&kind=var&id=1'), {
			ok: false,
			problem: { code: 'path', value: '/delete' },
		});
		assert.equal(parseLink('/open/', 'domain=3500&kind=var&id=1&utm=x').ok, true);
	});
});
