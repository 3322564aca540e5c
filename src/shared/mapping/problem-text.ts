import {
  format,
  formatExpressionError,
  hasMessage,
  targetLabel,
  type Lang,
  type MessageValue,
} from '../i18n';
import type { MappingProblem } from './load';
import { schemaIssueText } from './schema-text';

/**
 * A mapping-file problem in the consultant's words: known places get a sentence that says what to do; a problem
 * the engine gave a code (an expression that does not compile, a field Plek does not have…) is worded from the
 * catalogue; others name the place in the file and the checker's detail in that language. The screens and the
 * CLI word a problem with this one function.
 */
export function describeProblem(problem: MappingProblem, lang: Lang): string {
  if (/^\$\.mappingKey(?:\.attribute)?$/.test(problem.path)) return format(lang, 'problem.noKey');
  const place = problem.path.replace(/^\$\.?/, '');
  if (problem.expression) {
    // `fields["name.givenName"].expression` reads as the field's name ("voornaam"); other places as written.
    const m = /^fields(?:\.([A-Za-z_$][\w$]*)|\[("(?:[^"\\]|\\.)*")\])\.expression$/.exec(place);
    const field = m ? (m[1] ?? (JSON.parse(m[2]!) as string)) : undefined;
    return format(lang, 'problem.expression', {
      place: field !== undefined ? targetLabel(lang, field) : place,
      detail: formatExpressionError(lang, problem.expression),
    });
  }
  if (problem.detail && hasMessage(problem.detail.id)) {
    const values: Record<string, MessageValue> = { ...problem.detail.values };
    if (typeof values.target === 'string')
      values.targetLabel = targetLabel(lang, values.target).toLowerCase();
    return format(lang, problem.detail.id, values);
  }
  // A value the format does not accept: worded in this language from the issue, else the English.
  const detail = (problem.schemaIssue && schemaIssueText(problem.schemaIssue, lang)) || problem.message;
  return format(lang, 'problem.generic', { place: place || '–', detail });
}
