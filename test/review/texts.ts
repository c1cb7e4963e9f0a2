import { readFileSync } from 'node:fs';

/** The `text` of every record in a JSON-lines file (corpus plans, hand-written cases, framings). */
export function texts(file: string): string[] {
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => (JSON.parse(l) as { text: string }).text);
}
