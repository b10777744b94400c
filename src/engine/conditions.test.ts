import { describe, expect, it } from 'vitest';
import { ConditionError, evaluate, factsOf, parseCondition, valuesOf } from './conditions.ts';

const holds = (source: string, known: Record<string, string>) => evaluate(parseCondition(source), known);

describe('conditions on facts', () => {
  it('compares a fact with a value, a list and a numeric range', () => {
    expect(holds('platform = ios', { platform: 'ios' })).toBe(true);
    expect(holds('platform = ios', { platform: 'android' })).toBe(false);
    expect(holds('platform != ios', { platform: 'android' })).toBe(true);
    expect(holds('code in [7003, 7007]', { code: '7007' })).toBe(true);
    expect(holds('code in [7003, 7007]', { code: '7014' })).toBe(false);
    expect(holds('code in 7000..7999', { code: '7014' })).toBe(true);
    expect(holds('code in 7000..7999', { code: '3002' })).toBe(false);
    expect(holds('code in [1000, AppNotExist, 3000..3999]', { code: 'AppNotExist' })).toBe(true);
    expect(holds('code not in [607, 608]', { code: '608' })).toBe(false);
    // A range only holds whole numbers: a code that is a word is outside every range.
    expect(holds('code in 7000..7999', { code: '7000abc' })).toBe(false);
  });

  it('matches a code against a {Placeholder} pattern as the code tables do', () => {
    expect(holds('code in [Missing{ParameterName}, Invalid{ParameterName}.Format]', { code: 'MissingAppKey' })).toBe(true);
    expect(holds('code in [Missing{ParameterName}, Invalid{ParameterName}.Format]', { code: 'InvalidPushTime.Format' })).toBe(true);
    expect(holds('code = Invalid{ParameterName}.Format', { code: 'InvalidPushTime.Empty' })).toBe(false);
    // A placeholder stands for at least one name character, and the literal parts must be there.
    expect(holds('code = Missing{ParameterName}', { code: 'Missing' })).toBe(false);
    expect(holds('code = Invalid{ParameterName}.SizeExceed', { code: 'InvalidTarget.Value.SizeExceed' })).toBe(false);
    expect(holds('code = Invalid{ParameterName}.SizeExceed', { code: 'InvalidTargetValue.SizeExceed' })).toBe(true);
    expect(holds('code = Missing{ParameterName}', { code: 'AccountMissing' })).toBe(false);
    expect(holds('code not in [Invalid{ParameterName}.NotFound]', { code: 'InvalidAppKey.NotFound' })).toBe(false);
    expect(holds('code = Missing{ParameterName}', {})).toBeUndefined();
    // The validator walks each pattern with a sample code that fits it.
    const samples = [...valuesOf(parseCondition('code in [Missing{ParameterName}, 7003]'), 'code')];
    expect(samples.sort()).toEqual(['7003', 'MissingName']);
    expect(holds('code = Missing{ParameterName}', { code: samples[1]! })).toBe(true);
  });

  it('is neither true nor false while a fact it reads is unknown', () => {
    expect(holds('platform = ios', {})).toBeUndefined();
    expect(holds('platform = ios and code = 607', { code: '607' })).toBeUndefined();
    // …unless the known part decides it.
    expect(holds('platform = ios and code = 607', { code: '7003' })).toBe(false);
    expect(holds('platform = ios or code = 607', { code: '607' })).toBe(true);
    expect(holds('not (code in 7000..7999)', {})).toBeUndefined();
  });

  it('asks whether a fact is known at all', () => {
    expect(holds('code is unknown', {})).toBe(true);
    expect(holds('code is unknown', { code: '7003' })).toBe(false);
    expect(holds('code is known', { code: '7003' })).toBe(true);
  });

  it('gives "and" precedence over "or", and reads brackets', () => {
    expect(holds('platform = ios or platform = android and code = 1', { platform: 'ios', code: '2' })).toBe(true);
    expect(holds('(platform = ios or platform = android) and code = 1', { platform: 'ios', code: '2' })).toBe(false);
  });

  it('lists the facts and the values a condition reads', () => {
    const c = parseCondition('platform = ios and code in [7003, 7000..7002]');
    expect([...factsOf(c)].sort()).toEqual(['code', 'platform']);
    expect([...valuesOf(c, 'code')].sort()).toEqual(['7000', '7001', '7002', '7003']);
  });

  it.each([
    ['', 'is empty'],
    ['color = red', 'names "color", which is not a fact'],
    ['code in [7003, 7007', 'ends where "]" was expected'],
    ['code in 7999..7000', 'has the range "7999..7000", which is empty (the lower end comes first)'],
    ['code in a..b', 'has the range "a..b", whose ends are not whole numbers'],
    ['platform = ios platform = android', 'has "platform" after a complete condition'],
    ['platform is there', 'has "is there"'],
    ['platform = ios and otherwise', 'uses "otherwise" inside a condition'],
    ['code = <script>', 'cannot read'],
    ['code = Missing{Parameter', 'is not a pattern'],
    ['code = Invalid{A}{B}', 'is not a pattern'],
    ['code = Missing{}', 'is not a pattern'],
  ])('rejects %j with a plain sentence', (source, message) => {
    expect(() => parseCondition(source)).toThrow(ConditionError);
    expect(() => parseCondition(source)).toThrow(message);
  });

  it('reads "otherwise" alone', () => {
    expect(parseCondition('otherwise')).toEqual({ t: 'otherwise' });
  });
});
