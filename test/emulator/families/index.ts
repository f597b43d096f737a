/**
 * Routes the newer data families (trade, SDGs/SDDS, census, SIMDASI, classifications, glossary,
 * infographics, news). Each module's header says which parts of its behaviour are known and which
 * are guesses. Returns undefined for everything the core catalogue (`handlers.ts`) answers.
 */
import type { Lang } from '../data';
import type { ApiResponse } from '../handlers';
import { CLASSIFICATION_MODELS, type ClassificationModel, handleClassification } from './classifications';
import { handleCensus } from './census';
import { handleGlossary, handleInfographic, handleNews } from './content';
import { handleSdds, handleSdgs } from './sdgs';
import { handleSimdasi } from './simdasi';
import { handleTrade } from './trade';

export function handleFamily(action: string, p: Record<string, string>): ApiResponse | undefined {
	const lang: Lang = p.lang === 'eng' ? 'eng' : 'ind';
	if (action === 'dataexim') return handleTrade(p);
	if (action === 'interoperabilitas') {
		if (p.datasource === 'sensus') return handleCensus(p);
		if (p.datasource === 'simdasi') return handleSimdasi(p);
		return undefined;
	}
	if (action !== 'list' && action !== 'view') return undefined;
	const model = p.model ?? '';
	if ((CLASSIFICATION_MODELS as readonly string[]).includes(model))
		return handleClassification(action, model as ClassificationModel, p);
	switch (model) {
		case 'glosarium':
			return handleGlossary(action, p);
		case 'infographic':
			return action === 'list' ? handleInfographic(p, lang) : undefined;
		case 'news':
		case 'newscategory':
			return handleNews(action, model, p, lang);
		case 'sdgs':
			return action === 'list' ? handleSdgs(p, lang) : undefined;
		case 'sdds':
			return action === 'list' ? handleSdds(p, lang) : undefined;
		default:
			return undefined;
	}
}
