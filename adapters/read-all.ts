import type { IncomingMessage } from 'node:http';

/** Reads a whole HTTP answer as text (the platforms' answers to a post are a few hundred bytes). */
export function readAll(res: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let text = '';
    res.setEncoding('utf8');
    res.on('data', (chunk: string) => (text += chunk));
    res.on('end', () => resolve(text));
    res.on('error', reject);
  });
}
