import * as vscode from 'vscode';
import { sameItem, toItemRef, type ItemRef } from '../catalogue/itemRef';
import type { CatalogueItem } from '../catalogue/items';
import { Commands } from '../constants';
import { linkFactsOf, websiteUrl, type LinkFacts } from '../presentation/website';
import type { CatalogueNode } from '../tree/nodes';
import { isItemNode } from '../tree/nodes';
import type { Features } from './features';

/**
 * `bps.openOnWebsite [node|ItemRef]`: opens the item (or, on the region node, the region) on the
 * region's own BPS website; presentation/website.ts has the rules. From the palette it asks for
 * the item (the item picker). Resolves with the URL opened.
 */
export function registerOpenOnWebsite(context: vscode.ExtensionContext, f: Features): void {
	context.subscriptions.push(
		vscode.commands.registerCommand(
			Commands.openOnWebsite,
			async (arg?: unknown): Promise<string | undefined> => {
				const node = isNode(arg) ? arg : undefined;
				let ref = toItemRef(arg);
				let picked: CatalogueItem | undefined;
				if (!ref && node?.kind !== 'region') {
					picked = await f.search.pick(vscode.l10n.t('BPS: Open on BPS Website'));
					if (!picked) return undefined;
					ref = picked.ref;
				}
				const domain = ref?.domain ?? node?.domain ?? f.services.config().domain;
				const region = await f.services.catalogue.region(domain);
				const url = websiteUrl(
					region.website,
					f.services.config().lang,
					ref,
					ref && linkFacts(f, ref, node, picked),
				);
				await vscode.env.openExternal(vscode.Uri.parse(url));
				return url;
			},
		),
	);
}

/** The subject and PDF link of an item, from the node, the picked item or the tree's loaded nodes. */
function linkFacts(
	f: Features,
	ref: ItemRef,
	node: CatalogueNode | undefined,
	picked?: CatalogueItem,
): LinkFacts {
	const full = node && isItemNode(node) ? node : f.tree.tree.loadedItems().find((n) => sameItem(n.ref, ref));
	const facts = linkFactsOf(full?.item ?? picked?.record);
	return { ...facts, subjectId: facts.subjectId ?? picked?.subjectId };
}

function isNode(x: unknown): x is CatalogueNode {
	return (
		!!x &&
		typeof x === 'object' &&
		typeof (x as { kind?: unknown }).kind === 'string' &&
		typeof (x as { id?: unknown }).id === 'string'
	);
}
