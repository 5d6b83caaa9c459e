import { spawn } from 'node:child_process';

/**
 * Kills `childPid` when this node process dies, even by SIGKILL, which runs no exit hook: without
 * it a killed runtime left java running, holding the data folder and the port. Linux's
 * PR_SET_PDEATHSIG is not reachable from node, so a tiny `sh` holds the read end of a pipe whose
 * only writer is this process: the kernel closes it when node dies in any way, `read` sees end of
 * file, and the guard stops the child. `release()` writes a line instead, and the guard exits
 * quietly. The guard is in its own process group, so a Ctrl-C to the terminal's group reaches
 * node (which stops java itself) and not the guard. Plain JavaScript: npm start's launcher
 * (start.mjs) runs it before tsx loads.
 */
export function guardAgainstOrphan(childPid) {
  // SIGTERM first, as stop() does: DynamoDB Local then finishes what it acknowledged; SIGKILL if it lingers.
  const script = 'read -r _ || { kill "$1" 2>/dev/null; sleep 3; kill -9 "$1" 2>/dev/null; }';
  const guard = spawn('sh', ['-c', script, 'pg-sandbox-orphan-guard', String(childPid)], {
    stdio: ['pipe', 'ignore', 'ignore'],
    detached: true,
  });
  // Neither the guard nor its pipe may keep node running.
  guard.unref();
  // No sh (not a POSIX system): run unguarded rather than crash.
  guard.on('error', () => undefined);
  guard.stdin?.on('error', () => undefined);
  guard.stdin?.unref?.();
  let released = false;
  return {
    /** The child ended by itself: the guard exits without killing anything (its pid may be reused). */
    release() {
      if (released) return;
      released = true;
      guard.stdin?.end('\n');
    },
  };
}
