/**
 * Hand-written docs that show example code keep it in runnable files (examples/…), which tests run;
 * this fills each `<!-- include: examples/x.ts -->` … `<!-- end include -->` block of a doc with the
 * file's current text, so the code a reader copies is the code the tests prove.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const BLOCK = /(<!-- include: ([^\s]+) -->\n)[\s\S]*?(<!-- end include -->)/g;

/** The doc with every include block refreshed from `root`-relative files. */
export function withIncludes(doc: string, root: string): string {
  return doc.replace(BLOCK, (_, open: string, file: string, close: string) => {
    const text = readFileSync(resolve(root, file), 'utf8').trimEnd();
    const fence = file.endsWith('.ts') ? 'ts' : '';
    return `${open}\`\`\`${fence}\n${text}\n\`\`\`\n${close}`;
  });
}
