import { describe, expect, it } from 'vitest';
import { isValidEdrpou, organizationProblems } from '../src';

describe('isValidEdrpou', () => {
  it('accepts the published examples', () => {
    expect(isValidEdrpou('00022527')).toBe(true);
    expect(isValidEdrpou('14360570')).toBe(true);
  });

  it('uses weights 1..7 below 30000000 and above 60000000', () => {
    // 0·1+0·2+0·3+1·4+5·5+8·6+3·7 = 98 → 10, so the second pass (weights 3..9) gives 132 mod 11 = 0.
    expect(isValidEdrpou('00015830')).toBe(true);
    expect(isValidEdrpou('00015831')).toBe(false);
    // 6·1+1·2+2·3+3·4+4·5+5·6+6·7 = 118 → 8
    expect(isValidEdrpou('61234568')).toBe(true);
    expect(isValidEdrpou('61234567')).toBe(false);
  });

  it('uses weights 7,1,2,3,4,5,6 from 30000000 to 60000000', () => {
    // 3·7+0+0+0+5·4+0·5+9·6 = 95 → 7
    expect(isValidEdrpou('30005097')).toBe(true);
    // 3·7+6·3+5·5+2·6 = 76 → 10; second pass 3·9+6·5+5·7+2·8 = 108 → 9
    expect(isValidEdrpou('30060529')).toBe(true);
    expect(isValidEdrpou('30060520')).toBe(false);
  });

  it('takes 0 when the remainder is 10 twice', () => {
    // weights 1..7: 98 → 10; weights 3..9: 142 → 10; so the check digit is 0.
    expect(isValidEdrpou('02462800')).toBe(true);
    expect(isValidEdrpou('02462801')).toBe(false);
    // middle range: 87 → 10, then 131 → 10
    expect(isValidEdrpou('31731430')).toBe(true);
  });

  it('refuses wrong lengths and characters', () => {
    for (const bad of [
      '',
      '1436057',
      '143605700',
      '1436057a',
      ' 14360570',
      '14 360570',
      '１４３６０５７０',
      '-4360570',
      '1.360570',
    ]) {
      expect(isValidEdrpou(bad), JSON.stringify(bad)).toBe(false);
    }
  });
});

describe('organizationProblems', () => {
  it('requires a code for registered legal forms and refuses one for initiatives', () => {
    expect(organizationProblems({ legalForm: 'public_association', edrpou: null })).toEqual([
      { path: '/edrpou', code: 'edrpou_required' },
    ]);
    expect(organizationProblems({ legalForm: 'charitable_foundation', edrpou: '14360570' })).toEqual([]);
    expect(organizationProblems({ legalForm: 'civic_initiative', edrpou: '14360570' })).toEqual([
      { path: '/edrpou', code: 'edrpou_not_allowed' },
    ]);
    expect(organizationProblems({ legalForm: 'volunteer_group' })).toEqual([]);
    expect(organizationProblems({ legalForm: 'other', edrpou: '' })).toEqual([]);
    expect(organizationProblems({ legalForm: 'other', edrpou: '14360571' })).toEqual([
      { path: '/edrpou', code: 'invalid_edrpou' },
    ]);
  });
});
