/**
 * The conformance suite against the deployed code: every SDK call becomes a Function URL v2 event
 * for the bundled api function, and every answer is validated against PortOne's OAS.
 */
import { defineConformanceSuite } from '../conformance/suite.ts';
import { storeOf } from '../conformance/target.ts';
import { startBundledRuntime } from './bundled-runtime.ts';

defineConformanceSuite(async () => {
  const runtime = await startBundledRuntime();
  return storeOf(runtime.apiUrl, runtime.seedSecret, runtime.close);
});
