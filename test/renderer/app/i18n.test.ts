import { describe, expect, it } from 'vitest';
import { issueTitleKey, translate } from '../../../src/renderer/src/app/i18n';
import { translate as graphText } from '../../../src/renderer/src/graph/i18n';

// The catalogue itself is tested in test/shared/i18n/catalogue.test.ts; these check the screens' entry points.
describe('renderer i18n', () => {
  it('translates the step names', () => {
    expect(translate('nl', 'step.source')).toBe('Bron');
    expect(translate('en', 'step.source')).toBe('Source');
  });

  it('titles issue codes', () => {
    expect(translate('nl', issueTitleKey('invalid-email'))).toBe('Ongeldig e-mailadres');
  });

  it('gives the graph editor its own words, with plurals', () => {
    expect(graphText('nl', 'duplicateKeys', { n: 2 })).toBe('2 dubbele keys');
    expect(graphText('en', 'duplicateKeys', { n: 1 })).toBe('1 duplicate key');
    expect(graphText('en', 'incomplete', { reason: 'input 2 of Join is not connected' })).toBe(
      'Graph incomplete: input 2 of Join is not connected. The saved expression is unchanged.',
    );
  });
});
