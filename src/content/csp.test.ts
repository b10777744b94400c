import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy } from './csp.ts';

describe('contentSecurityPolicy', () => {
  it('allows scripts from the origin and exactly the inline scripts given, by hash', () => {
    const policy = contentSecurityPolicy(['a', 'b']);
    // sha256 of "a" and of "b", base64.
    expect(policy).toContain("script-src 'self' 'sha256-ypeBEsobvcr6wjGzmiPcTaeG7/gUfE5yuYB3ha/uSLs=' 'sha256-PiPoFgA5WUoziU9lZOGxNIu9egCI1CxKy3PurtWcAJ0='");
    expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  });

  it('lets the page connect only to its own origin, and carries no double quote that would end the attribute', () => {
    const policy = contentSecurityPolicy([]);
    expect(policy.split('; ')).toContain("connect-src 'self'");
    expect(policy).not.toContain('"');
  });
});
