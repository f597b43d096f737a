import assert from 'node:assert/strict';
import type { SddsItem, SdgIndicator } from '../../../src/api/families/types';
import {
	findSdg,
	matchSdds,
	matchSdgs,
	sddsItem,
	sdgGoals,
	sdgItem,
	sortSdgs,
	toSdgSpec,
} from '../../../src/catalogue/sdgs';

function ind(goal: number, rawNumber: string, varId: number, title: string): SdgIndicator {
	return {
		goal,
		goalName: `${goal}. Goal ${goal}`,
		number: rawNumber.replace(/\*+$/, ''),
		rawNumber,
		varId,
		title,
		unit: 'Persen',
		subjectId: 23,
		subjectName: 'Kemiskinan',
		definition: '',
	};
}

const LIST = [
	ind(1, '1.3.1.(a)', 291, 'Proporsi peserta jaminan kesehatan'),
	ind(1, '1.2.1*', 154, 'Persentase penduduk miskin'),
	ind(10, '10.1.1.(a)', 98, 'Gini ratio'),
	ind(1, '1.10.1', 7, 'Rasio sepuluh'),
	ind(3, '3.2.1', 501, 'Angka kematian balita'),
];

describe('SDG indicators as catalogue items', () => {
	it('opens an indicator as its national dynamic table, titled with the number', () => {
		const it = sdgItem(LIST[1]);
		assert.deepEqual(it.ref, {
			domain: '0000',
			kind: 'var',
			id: 154,
			title: '1.2.1 Persentase penduduk miskin',
			sdg: '1.2.1',
		});
		assert.equal(it.record.id, 154);
		assert.equal(it.unit, 'Persen');
	});

	it('lists goals in order and indicators in number order (1.2.1 before 1.10.1)', () => {
		assert.deepEqual(
			sdgGoals(LIST).map((g) => g.goal),
			[1, 3, 10],
		);
		assert.deepEqual(
			sortSdgs(LIST.filter((i) => i.goal === 1)).map((i) => i.number),
			['1.2.1', '1.3.1.(a)', '1.10.1'],
		);
	});

	it('finds indicators by number: exact, as a prefix at a dot, with "SDG" before it', () => {
		assert.deepEqual(
			matchSdgs('1.2.1', LIST).map((i) => i.varId),
			[154],
		);
		assert.deepEqual(
			matchSdgs('SDG 1.3.1.(a)', LIST).map((i) => i.varId),
			[291],
		);
		// "1.1" is not a prefix of 1.10.1 or 10.1.1: numbers match at dots only.
		assert.deepEqual(matchSdgs('1.1', LIST), []);
		assert.deepEqual(
			matchSdgs('1', LIST).map((i) => i.number),
			['1.2.1', '1.3.1.(a)', '1.10.1'],
		);
	});

	it('finds indicators by words of the title (prefixes, any case)', () => {
		assert.deepEqual(
			matchSdgs('penduduk MISK', LIST).map((i) => i.varId),
			[154],
		);
		assert.deepEqual(matchSdgs('inflasi', LIST), []);
		assert.deepEqual(matchSdgs('  ', LIST), []);
	});

	it('reads { kind: "sdg", number | varId } arguments and finds the indicator', () => {
		assert.equal(toSdgSpec({ kind: 'var', id: 1 }), undefined);
		assert.equal(toSdgSpec('1.2.1'), undefined);
		assert.deepEqual(toSdgSpec({ kind: 'sdg', number: ' 1.2.1* ' }), { number: '1.2.1' });
		assert.deepEqual(toSdgSpec({ kind: 'sdg', varId: '154' }), { varId: 154 });
		assert.equal(findSdg(LIST, { number: '1.2.1' })?.varId, 154);
		assert.equal(findSdg(LIST, { number: '1.2.1*' })?.varId, 154);
		assert.equal(findSdg(LIST, { varId: 501 })?.number, '3.2.1');
		assert.equal(findSdg(LIST, { number: '99.9.9' }), undefined);
		assert.equal(findSdg(LIST, {}), undefined);
	});

	it('opens an SDDS entry as the dynamic or static table it points to', () => {
		const base: SddsItem = {
			id: 1,
			category: 'Sektor Riil',
			title: ' PDB ',
			kind: 'var',
			targetId: 104,
			unit: 'Miliar',
			periodicity: 'Q',
		};
		assert.deepEqual(sddsItem(base).ref, { domain: '0000', kind: 'var', id: 104, title: 'PDB' });
		const st = sddsItem({ ...base, kind: 'statictable', targetId: 2215 });
		assert.equal(st.kind, 'statictable');
		assert.deepEqual(st.ref, { domain: '0000', kind: 'statictable', id: 2215, title: 'PDB' });
	});

	it('finds SDDS tables by words of their title or category', () => {
		const sdds = [
			{
				id: 1,
				category: 'Sektor Riil',
				title: 'Produk Domestik Bruto',
				kind: 'var' as const,
				targetId: 104,
				unit: '',
				periodicity: 'Q',
			},
			{
				id: 2,
				category: 'Sektor Eksternal',
				title: 'Neraca Pembayaran',
				kind: 'var' as const,
				targetId: 196,
				unit: '',
				periodicity: 'A',
			},
			{
				id: 3,
				category: 'Sosial Demografi',
				title: 'Penduduk',
				kind: 'statictable' as const,
				targetId: 2215,
				unit: '',
				periodicity: 'A',
			},
		];
		assert.deepEqual(
			matchSdds('sektor EKST', sdds).map((x) => x.targetId),
			[196],
		);
		assert.deepEqual(
			matchSdds('produk bruto', sdds).map((x) => x.targetId),
			[104],
		);
		assert.deepEqual(
			matchSdds('sektor', sdds).map((x) => x.targetId),
			[104, 196],
		);
		assert.deepEqual(matchSdds('  ', sdds), []);
	});
});
