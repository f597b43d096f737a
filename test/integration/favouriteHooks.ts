import type { TestHooks } from '../../src/testHooks';

/** The test hooks with the favourites' (optional in TestHooks: registered outside the commands). */
export type FavouriteHooks = TestHooks & Required<Pick<TestHooks, 'favourites' | 'favouritesView'>>;

export function favouriteHooks(h: TestHooks): FavouriteHooks {
	if (!h.favourites || !h.favouritesView) throw new Error('the favourites hooks are not registered');
	return h as FavouriteHooks;
}
