/**
 * The conformance suite against the local runtime, or a deployed sandbox when E2E_BASE_URL and
 * E2E_API_SECRET are set (see target.ts).
 */
import { conformanceTarget } from './target.ts';
import { defineConformanceSuite } from './suite.ts';

defineConformanceSuite(conformanceTarget);
