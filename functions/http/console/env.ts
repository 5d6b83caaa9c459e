import type { ConsoleSession } from '../../console/console-session.ts';
import type { AppEnv } from '../env.ts';
import type { Lang } from '../ui/format.ts';

/** Context of console requests: the app's, plus who is signed in and in which language. */
export interface ConsoleEnv {
  Variables: AppEnv['Variables'] & {
    lang: Lang;
    consoleSession: ConsoleSession;
    /** The synchronizer token this session's forms carry. */
    csrf: string;
  };
}
