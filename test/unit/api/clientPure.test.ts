// Pure parts of the client: redaction, entity decoding, validation + mapping, URLs, backoff.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { BpsError, isBpsError } from '../../../src/api/errors';
import { unescapeEntities } from '../../../src/api/html';
import { backoffDelay, canonicalUrl, checkEnvelope, sleep, withKey } from '../../../src/api/http';
import * as M from '../../../src/api/mappers';
import { redact } from '../../../src/api/redact';
import * as S from '../../../src/api/schemas';
import { validate } from '../../../src/api/schemas';

/** Shaped like a real 32-hex key, built here so no key-shaped literal sits in the repo. */
const HEX = 'f123456789abcdef'.repeat(2);

function sample(name: string): Record<string, unknown> {
	const j = JSON.parse(readFileSync(`/work/shared/bps-samples/${name}.json`, 'utf8')) as Record<
		string,
		unknown
	>;
	const body = 'body' in j ? j.body : j;
	return (typeof body === 'string' ? JSON.parse(body) : body) as Record<string, unknown>;
}

describe('redact', () => {
	it('hides key= query values whatever the key', () => {
		assert.equal(
			redact('https://h/v1/api/list?model=var&key=abc123&page=2'),
			'https://h/v1/api/list?model=var&key=***&page=2',
		);
		assert.equal(redact('https://h/v1/api/domain?key=zzz'), 'https://h/v1/api/domain?key=***');
	});
	it('hides /key/<value>/ path pairs', () => {
		assert.equal(
			redact('https://h/v1/api/list/model/var/key/abc123/'),
			'https://h/v1/api/list/model/var/key/***/',
		);
		assert.equal(
			redact('https://h/v1/api/list/model/var/key/abc123'),
			'https://h/v1/api/list/model/var/key/***',
		);
	});
	it('hides the literal key anywhere, plain and URL-encoded', () => {
		const key = 'my key/with+odd&chars';
		const text = `failed: ${key} and ${encodeURIComponent(key)} and ${encodeURIComponent(key).toLowerCase()}`;
		const out = redact(text, key);
		assert.ok(!out.includes(key));
		assert.ok(!out.includes(encodeURIComponent(key)));
		assert.ok(!out.toLowerCase().includes(encodeURIComponent(key).toLowerCase()), out);
		assert.equal(redact(`x ${HEX} y`, HEX), 'x *** y');
	});
	it('leaves text without a key alone', () => {
		assert.equal(redact('https://h/list?model=var&keyword=keys'), 'https://h/list?model=var&keyword=keys');
	});
});

describe('unescapeEntities', () => {
	it('decodes named and numeric entities once', () => {
		assert.equal(
			unescapeEntities('&lt;p class=&quot;x&quot;&gt;A &amp; B&#39;s&lt;/p&gt;'),
			'<p class="x">A & B\'s</p>',
		);
		assert.equal(unescapeEntities('a&nbsp;b&#x41;&#66;&mdash;'), 'a\u00a0bAB\u2014');
		assert.equal(unescapeEntities('&amp;lt;'), '&lt;');
		assert.equal(unescapeEntities('&AMP;'), '&');
	});
	it('keeps unknown or invalid references as written', () => {
		assert.equal(unescapeEntities('&bogus; &#0; &#xD800; & alone'), '&bogus; &#0; &#xD800; & alone');
		assert.equal(unescapeEntities(''), '');
	});
	it('decodes the live static-table HTML', () => {
		const data = sample('flutter__static_table_detail_fixture').data as { table: string };
		const html = unescapeEntities(data.table);
		assert.ok(html.startsWith('<table class="excel"'), html.slice(0, 40));
	});
});

describe('URLs', () => {
	it('canonical URL sorts params, drops empty ones, has no key', () => {
		const u = canonicalUrl('https://h/v1/api', 'list', {
			model: 'data',
			domain: '0000',
			var: 1804,
			th: '117;118',
			lang: 'ind',
			keyword: undefined,
		});
		assert.equal(u, 'https://h/v1/api/list?domain=0000&lang=ind&model=data&th=117;118&var=1804');
		assert.equal(
			canonicalUrl('https://h/v1/api/', 'domain', { type: 'all' }),
			'https://h/v1/api/domain?type=all',
		);
		assert.equal(
			canonicalUrl('https://h/', 'list', { keyword: 'gini ratio' }),
			'https://h/list?keyword=gini+ratio',
		);
	});
	it('withKey appends the key last', () => {
		assert.equal(withKey('https://h/list?a=1', 'k y'), 'https://h/list?a=1&key=k+y');
	});
});

describe('checkEnvelope', () => {
	it('classifies error envelopes', () => {
		assert.throws(
			() => checkEnvelope(sample('bps-looker__error_bad_key')),
			(e) => isBpsError(e, 'badKey'),
		);
		assert.throws(
			() => checkEnvelope(sample('bps-looker__error_data_too_many_th')),
			(e) => isBpsError(e, 'apiError') && /maximum allowed number of years/.test(e.details.apiMessage ?? ''),
		);
		assert.throws(
			() => checkEnvelope(null),
			(e) => isBpsError(e, 'tooLarge') && /fewer periods/.test(e.message),
		);
		assert.throws(
			() => checkEnvelope('x'),
			(e) => isBpsError(e, 'unexpected'),
		);
	});
	it('reports data-availability', () => {
		assert.equal(checkEnvelope(sample('bps-looker__data_list_not_available')).available, false);
		assert.equal(checkEnvelope({ status: 'OK', 'data-availability': 'unavailable' }).available, false);
		assert.equal(checkEnvelope(sample('bps-looker__var_0000_p1')).available, true);
	});
});

describe('validate + map', () => {
	it('maps the live variable list, unescaping notes', () => {
		const data = sample('bps-looker__var_0000_p1').data as [unknown, unknown[]];
		const vars = data[1].map((x, i) => M.mapVariable(validate(S.VariableSchema, x, `data[1][${i}]`)));
		assert.equal(vars[0].id, 70);
		assert.ok(vars[0].notes.startsWith('<p><br /></p>'), vars[0].notes);
		assert.equal(vars[0].csaSubjectId, 565);
	});
	it('names the offending field', () => {
		const bad = [
			{ var_id: 1, title: 't' },
			{ var_id: 'abc', title: 't' },
		];
		assert.throws(
			() => bad.map((x, i) => validate(S.VariableSchema, x, `data[1][${i}]`)),
			(e) =>
				e instanceof BpsError &&
				e.kind === 'unexpected' &&
				e.details.field === 'data[1][1].var_id' &&
				/data\[1\]\[1\]\.var_id: expected number/.test(e.message),
		);
		assert.throws(
			() => validate(S.VariableSchema, { var_id: 3 }, 'data[1][0]'),
			(e) => isBpsError(e, 'unexpected') && e.details.field === 'data[1][0].title',
		);
	});
	it('is lenient with numbers as strings, null vs "" and extra fields', () => {
		const v = M.mapVariable(
			validate(S.VariableSchema, { var_id: '12', title: 'T', sub_id: '', notes: null, extra: 1 }, 'x'),
		);
		assert.equal(v.id, 12);
		assert.equal(v.subjectId, 0);
		assert.equal(v.notes, '');
		const vv = M.mapVerticalVariable(
			validate(S.VerticalVariableSchema, { vervar_id: 7211, vervar: 'Banggai' }, 'x'),
		);
		assert.equal(vv.id, 7211);
	});
	it('maps domains with level and province', () => {
		const data = sample('bps-looker__domain_all').data as [unknown, unknown[]];
		const ds = data[1].map((x) => M.mapDomain(validate(S.DomainSchema, x, 'x')));
		assert.equal(ds.length, 549);
		assert.deepEqual(ds.find((d) => d.id === '0000')?.level, 'national');
		const prov = ds.filter((d) => d.level === 'province');
		assert.equal(prov.length, 34);
		const kab = ds.find((d) => d.id === '3578');
		assert.equal(kab?.level, 'regency');
		assert.equal(kab?.provinceId, '3500');
	});
	it('maps publication detail (related) and press release samples', () => {
		const pub = M.mapPublicationDetail(
			validate(S.PublicationDetailSchema, sample('flutter__publication_detail_fixture').data, 'data'),
		);
		assert.equal(pub.id, 'a78f4d4f1c3548600cffcd29');
		assert.equal(pub.catalogueNo, '5204003.7315');
		assert.ok(pub.related.length > 0);
		assert.equal(pub.updated, null);
		const pr = M.mapPressRelease(
			validate(S.PressReleaseSchema, sample('flutter__press_release_detail_fixture').data, 'data'),
		);
		assert.equal(pr.id, 26);
		assert.ok(pr.abstract.startsWith('"Nilai'));
		const st = M.mapStaticTableDetail(
			validate(S.StaticTableDetailSchema, sample('flutter__static_table_detail_fixture').data, 'data'),
		);
		assert.equal(st.subjectId, 30);
		assert.ok(st.html.includes('<table'));
		const ind = (sample('bps-looker__indicators_0000_p2').data as [unknown, unknown[]])[1].map((x) =>
			M.mapIndicator(validate(S.IndicatorSchema, x, 'x')),
		);
		assert.equal(ind[0].varId, 2273);
		assert.equal(ind[0].value, 71.96);
	});
});

describe('backoff and sleep', () => {
	it('full jitter below an exponential, capped ceiling', () => {
		assert.equal(
			backoffDelay(0, 500, 8000, () => 0.999),
			499,
		);
		assert.equal(
			backoffDelay(3, 500, 8000, () => 0.999),
			3996,
		);
		assert.equal(
			backoffDelay(10, 500, 8000, () => 0.999),
			7992,
		);
		assert.equal(
			backoffDelay(5, 500, 8000, () => 0),
			0,
		);
	});
	it('sleep is cancellable', async () => {
		const ctl = new AbortController();
		const t0 = Date.now();
		setTimeout(() => ctl.abort(), 10);
		await assert.rejects(sleep(5000, ctl.signal), (e) => isBpsError(e, 'cancelled'));
		assert.ok(Date.now() - t0 < 200);
	});
});
