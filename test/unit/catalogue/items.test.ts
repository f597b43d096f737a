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
});
