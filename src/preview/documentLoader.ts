/**
 * The host side of the document-like previews: a static table (its sanitised HTML) and the
 * publication and press-release cards. Only http(s) links reach the webview. Kept apart from
 * itemLoader.ts, which routes these kinds here.
 */
import type { BpsApi } from '../api/api';
import type { Freshness } from '../api/types';
import type { PressReleaseRef, PublicationRef, StaticTableRef } from '../catalogue/itemRef';
import type { PanelDeps } from './panelDeps';
import { isHttpUrl, type DocumentPayload } from './protocol';

export interface DocumentLoadDeps extends PanelDeps {
	api: Pick<BpsApi, 'getStaticTable' | 'getPublication' | 'getPressRelease'>;
	/** Keeps a static table's HTML for "Insert into editor". */
	showStatic(t: { title: string; html: string }): void;
}

export async function loadDocument(
	d: DocumentLoadDeps,
	ref: StaticTableRef | PublicationRef | PressReleaseRef,
	requestId: number,
): Promise<void> {
	d.post({ type: 'loading', requestId, what: ref.kind });
	switch (ref.kind) {
		case 'statictable': {
			const t = await d.api.getStaticTable(ref.domain, ref.id, d.opts);
			if (t.title) d.setTitle(t.title);
			d.freshness(t);
			d.showStatic({ title: t.title, html: t.html });
			const { id, title, updated, size, html, fetchedAt } = t;
			d.post({ type: 'static', requestId, table: { id, title, updated, size, html, fetchedAt } });
			return;
		}
		case 'publication': {
			const p = await d.api.getPublication(ref.domain, ref.id, d.opts);
			return postDocument(d, requestId, p, {
				kind: 'publication',
				id: p.id,
				coverUrl: p.coverUrl,
				pdfUrl: p.pdfUrl,
				extraUrl: '',
				issn: p.issn,
			});
		}
		case 'pressrelease': {
			const p = await d.api.getPressRelease(ref.domain, ref.id, d.opts);
			return postDocument(d, requestId, p, {
				kind: 'pressrelease',
				id: String(p.id),
				coverUrl: p.thumbnailUrl,
				pdfUrl: p.pdfUrl,
				extraUrl: p.slideUrl,
			});
		}
	}
}

/** A publication or press release as a document card. */
function postDocument(
	d: PanelDeps,
	requestId: number,
	p: Freshness & Pick<DocumentPayload, 'title' | 'abstract' | 'releaseDate' | 'updated' | 'size'>,
	doc: Pick<DocumentPayload, 'kind' | 'id' | 'issn'> & { coverUrl: string; pdfUrl: string; extraUrl: string },
): void {
	if (p.title) d.setTitle(p.title);
	d.freshness(p);
	const link = (u: string) => (isHttpUrl(u) ? u : '');
	d.post({
		type: 'document',
		requestId,
		doc: {
			...doc,
			title: p.title,
			abstract: p.abstract,
			releaseDate: p.releaseDate,
			updated: p.updated,
			size: p.size,
			coverUrl: link(doc.coverUrl),
			pdfUrl: link(doc.pdfUrl),
			extraUrl: link(doc.extraUrl),
		},
	});
}
