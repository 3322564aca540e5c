import type { MappingProblem } from '../../../../shared/mapping/load';
import { format, type Lang } from '../../../../shared/i18n';

/**
 * A mapping-file problem in the consultant's words: known places get a sentence that says what to do; others
 * name the place in the file and keep the checker's detail.
 */
export function describeProblem(problem: MappingProblem, lang: Lang): string {
  if (/^\$\.mappingKey(?:\.attribute)?$/.test(problem.path)) return format(lang, 'problem.noKey');
  const place = problem.path.replace(/^\$\.?/, '');
  return format(lang, 'problem.generic', { place: place || '–', detail: problem.message });
}
