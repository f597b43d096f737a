import assert from 'node:assert/strict';
import type { StrategicIndicator, Variable } from '../../../src/api/types';
import { fromSearchEntry, toItem, toItems, toSearchEntry } from '../../../src/catalogue/items';

const VAR: Variable = {
	id: 1804,
	title: '  Persentase Penduduk Miskin ',
	subjectId: 23,
	subjectName: 'Kemiskinan',
	unit: 'Persen',
	definition: '',
	notes: '',
	verticalGroup: 1,
};

describe('items', () => {
	it('maps an API variable to an item with a trimmed title and its record', () => {
		const item = toItem('var', '0000', VAR);
		assert.deepEqual(item.ref, {
			domain: '0000',
			kind: 'var',
			id: 1804,
			title: 'Persentase Penduduk Miskin',
		});
		assert.equal(item.subject, 'Kemiskinan');
		assert.equal(item.unit, 'Persen');
		assert.equal(item.record, VAR);
		assert.equal(toItems('var', '3578', [VAR, { ...VAR, id: 1 }]).length, 2);
	});

	it('an indicator carries the variable behind it', () => {
		const ind = {
			indicatorId: 5,
			varId: 1804,
			title: 'Kemiskinan',
			unit: '%',
		} as unknown as StrategicIndicator;
		const item = toItem('indicator', '0000', ind);
		assert.deepEqual(item.ref, {
			domain: '0000',
			kind: 'indicator',
			id: 5,
			title: 'Kemiskinan',
			varId: 1804,
		});
	});

	it('round-trips through a search entry (without the record), keeping the title language', () => {
		const item = toItem('var', '0000', VAR);
		const entry = toSearchEntry(item, 'ind');
		assert.equal(entry.title, 'Persentase Penduduk Miskin');
		const back = fromSearchEntry(entry);
		assert.deepEqual(back.ref, item.ref);
		assert.equal(back.subject, 'Kemiskinan');
		assert.equal(back.titleLang, 'ind');
		assert.equal(back.record, undefined);
		const ind = toItem('indicator', '0000', {
			indicatorId: 5,
			varId: 9,
			title: 'X',
			unit: '',
		} as unknown as StrategicIndicator);
		assert.deepEqual(fromSearchEntry(toSearchEntry(ind, 'eng')).ref, ind.ref);
	});

	it('infographics and news: trimmed titles, the news category as subject, ids round-trip', () => {
		const g = toItem('infographic', '3500', {
			id: 1002,
			title: ' Inflasi Bulanan 2024 ',
			image: '',
			description: '',
			category: 2,
			download: '',
		});
		assert.deepEqual(g.ref, { domain: '3500', kind: 'infographic', id: 1002, title: 'Inflasi Bulanan 2024' });
		const n = toItem('news', '3500', {
			id: 302,
			categoryId: 'Statistik Lain',
			categoryName: 'KEGIATAN STATISTIK LAINNYA',
			title: 'Hari Statistik Nasional ',
			excerpt: '',
			date: '2024-09-26',
			picture: '',
		});
		assert.deepEqual(n.ref, { domain: '3500', kind: 'news', id: 302, title: 'Hari Statistik Nasional' });
		assert.equal(n.subject, 'KEGIATAN STATISTIK LAINNYA');
		for (const it of [g, n]) assert.deepEqual(fromSearchEntry(toSearchEntry(it, 'ind')).ref, it.ref);
	});
});
