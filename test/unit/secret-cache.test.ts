import { describe, expect, it } from 'vitest';
import { addApiSecret } from '../../functions/stores/create-store.ts';
import { authenticateApiSecret, revokeApiSecret, SECRET_CACHE_MAX_ENTRIES, SECRET_CACHE_TTL_MS } from '../../functions/stores/secrets.ts';
import { unitWorld } from '../support/unit-services.ts';

const lookups = (world: Awaited<ReturnType<typeof unitWorld>>) => world.repo.calls.get('findSecret') ?? 0;

describe('the secret → store cache', () => {
  it('reads a secret once per TTL, and not at all after its revocation in this process', async () => {
    const world = await unitWorld();
    const { apiSecret, secretId } = await addApiSecret(world.services, world.storeId);
    const before = lookups(world);
    expect((await authenticateApiSecret(world.services, apiSecret))?.storeId).toBe(world.storeId);
    expect((await authenticateApiSecret(world.services, apiSecret))?.storeId).toBe(world.storeId);
    expect(lookups(world) - before).toBe(1);

    world.clock.advance(SECRET_CACHE_TTL_MS);
    await authenticateApiSecret(world.services, apiSecret);
    expect(lookups(world) - before).toBe(2);

    await revokeApiSecret(world.services, world.storeId, secretId);
    expect(await authenticateApiSecret(world.services, apiSecret)).toBeUndefined();
  });

  it('caches no miss: a secret added elsewhere works at once', async () => {
    const world = await unitWorld();
    expect(await authenticateApiSecret(world.services, 'not-yet-a-secret')).toBeUndefined();
    const before = lookups(world);
    expect(await authenticateApiSecret(world.services, 'not-yet-a-secret')).toBeUndefined();
    expect(lookups(world) - before).toBe(1);
  });

  it('holds at most its bound, dropping the oldest entry first', async () => {
    const world = await unitWorld();
    const secrets: string[] = [];
    for (let i = 0; i <= SECRET_CACHE_MAX_ENTRIES; i++) secrets.push((await addApiSecret(world.services, world.storeId)).apiSecret);
    for (const s of secrets) await authenticateApiSecret(world.services, s);
    const before = lookups(world);
    await authenticateApiSecret(world.services, secrets.at(-1)!); // newest: still cached
    expect(lookups(world) - before).toBe(0);
    await authenticateApiSecret(world.services, secrets[0]!); // oldest: evicted, read again
    expect(lookups(world) - before).toBe(1);
  });
});
