import * as vscode from 'vscode';
import type { Lang } from '../api/types';
import { toItemRef, type ItemRef } from '../catalogue/itemRef';
import { Commands } from '../constants';
import type { TreeFeature } from '../tree/feature';
import type { CatalogueNode } from '../tree/nodes';
import { pickLoadedItem } from '../tree/pickItem';

const NATIONAL_SITE = 'https://www.bps.go.id';

/**
 * `bps.openOnWebsite [node|ItemRef]`: opens the item on the region's own BPS website.
 *
 * BPS page URLs for single tables embed base64 tokens and slugs that change with site redesigns,
 * so we only build addresses that are stable:
 * - publications and press releases: the PDF link the API itself gives (hosted on bps.go.id);
 * - dynamic/static tables and indicators: the region site's statistics-table listing for the
 *   item's subject (`<site>/id/statistics-table?subject=<id>`, `/en/` for English);
 * - the region node: the region site's home page.
 * Only https URLs on bps.go.id are opened; anything else falls back to the national site.
 * Resolves with the URL opened.
 */
export function registerOpenOnWebsite(context: vscode.ExtensionContext, f: TreeFeature): void {
	context.subscriptions.push(
		vscode.commands.registerCommand(
			Commands.openOnWebsite,
			async (arg?: unknown): Promise<string | undefined> => {
				const node = isNode(arg) ? arg : undefined;
				let ref = toItemRef(arg);
				const lang = f.services.config().lang;
				if (!ref && node?.kind !== 'region') {
					if (f.tree.loadedItems().length) {
						ref = await pickLoadedItem(f, vscode.l10n.t('BPS: Open on BPS Website'));
						if (!ref) return undefined;
					}
				}
				const domain = ref?.domain ?? node?.domain ?? f.services.config().domain;
				const site = await f.catalogue.domain(domain).then(
					(d) => d?.url,
					() => undefined,
				);
				const full = ref
					? (f.tree
							.loadedItems()
							.find((n) => n.ref.kind === ref!.kind && n.ref.id === ref!.id && n.domain === ref!.domain) ??
						node)
					: node;
				const url = websiteUrl(site, lang, ref, full);
				await vscode.env.openExternal(vscode.Uri.parse(url));
				return url;
			},
		),
	);
}

function isNode(x: unknown): x is CatalogueNode {
	return (
		!!x &&
		typeof x === 'object' &&
		typeof (x as { kind?: unknown }).kind === 'string' &&
		typeof (x as { id?: unknown }).id === 'string'
	);
}

/** Only https pages on bps.go.id (or its subdomains). */
export function isBpsUrl(u: string | undefined): u is string {
	if (!u) return false;
	try {
		const url = new URL(u);
		return url.protocol === 'https:' && (url.hostname === 'bps.go.id' || url.hostname.endsWith('.bps.go.id'));
	} catch {
		return false;
	}
}

/** See the command's doc for the rules. */
export function websiteUrl(
	site: string | undefined,
	lang: Lang,
	ref: ItemRef | undefined,
	node: CatalogueNode | undefined,
): string {
	const base = (isBpsUrl(site) ? site : NATIONAL_SITE).replace(/\/+$/, '');
	const seg = lang === 'eng' ? 'en' : 'id';
	if (!ref) return `${base}/${seg}`;
	const item = node && 'item' in node ? (node.item as unknown as Record<string, unknown>) : undefined;
	switch (ref.kind) {
		case 'publication':
			return isBpsUrl(item?.pdfUrl as string) ? (item!.pdfUrl as string) : `${base}/${seg}/publication`;
		case 'pressrelease':
			return isBpsUrl(item?.pdfUrl as string) ? (item!.pdfUrl as string) : `${base}/${seg}/pressrelease`;
		case 'var':
		case 'statictable':
		case 'indicator': {
			const subject = typeof item?.subjectId === 'number' ? item.subjectId : undefined;
			return subject !== undefined
				? `${base}/${seg}/statistics-table?subject=${subject}`
				: `${base}/${seg}/statistics-table`;
		}
	}
}
