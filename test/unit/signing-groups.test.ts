import { buildSync } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { signsSessions, type RouteGroup } from '../../functions/http/route-groups.ts';

// Every use of the key signs or verifies through this module (checkout sessions, console cookies).
const SIGNER = 'functions/checkout/signed-token.ts';

/**
 * Each route group's modules, from esbuild's metafile of route-groups.ts bundled with code
 * splitting (as the api Lambda is): every `import()` of a group becomes a chunk of its own.
 */
function groupModules(): Map<RouteGroup, Set<string>> {
  const { metafile } = buildSync({ entryPoints: ['functions/http/route-groups.ts'], bundle: true, splitting: true, format: 'esm', platform: 'node', packages: 'external', outdir: 'out', write: false, metafile: true, logLevel: 'error' });
  const closure = (output: string, seen = new Set<string>()): Set<string> => {
    if (seen.has(output)) return seen;
    seen.add(output);
    for (const i of metafile.outputs[output]!.imports) if (!i.external) closure(i.path, seen);
    return seen;
  };
  const groups = new Map<RouteGroup, Set<string>>();
  for (const [output, meta] of Object.entries(metafile.outputs)) {
    const group = meta.entryPoint?.match(/^functions\/http\/(\w+)\/routes\.ts$/)?.[1] as RouteGroup | undefined;
    if (group) groups.set(group, new Set([...closure(output)].flatMap((o) => Object.keys(metafile.outputs[o]!.inputs))));
  }
  return groups;
}

// On Lambda the key is read only before a request to a group that signs (lazy-app.ts): a route of
// another group that reached for it would fail at run time, on AWS only.
describe('the session signing key', () => {
  it('is reached only by the route groups that wait for it (signsSessions), and by each of them', () => {
    const groups = groupModules();
    expect([...groups.keys()].sort()).toEqual(['checkout', 'console', 'portone', 'sandbox']);
    for (const [group, modules] of groups) expect({ group, signs: modules.has(SIGNER) }).toEqual({ group, signs: signsSessions(group) });
  });
});
