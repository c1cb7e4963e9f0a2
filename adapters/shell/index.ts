import { userInfo } from 'node:os';
import { createInterface } from 'node:readline';
import type { IncomingMessage, ConversationRef } from '../../src/model/message.js';
import type { Outbound, PostedRef } from '../../src/model/outbound.js';
import type { Button, FormField, Reply } from '../../src/model/reply.js';
import { renderText } from '../../src/render/text.js';
import type { Adapter, AdapterDeps } from '../types.js';

const WORKSPACE = 'shell';
const CHANNEL = 'shell';
const DIRECT = 'shell-dm';

/** The person at the terminal: the same id every run, so state in SQLITE_PATH carries over. */
export function shellUser(): { id: string; name: string } {
  let name = 'you';
  try {
    name = userInfo().username || name;
  } catch {
    // Some containers have no passwd entry; the id stays stable regardless.
  }
  return { id: 'shell-user', name };
}

interface PendingForm {
  id: string;
  fields: FormField[];
  values: Record<string, string>;
}

/**
 * The terminal chat: one line in is one message to the bot in #shell (as if after @moodmusic). Buttons
 * show as numbered options, chosen by number or label. When the bot messages you privately the shell
 * moves to that direct conversation until you type `/channel`.
 */
export function createShellAdapter(deps: AdapterDeps): Adapter {
  const { core, io } = deps;
  const out = io.stdout;
  const user = shellUser();
  const interactive = Boolean((io.stdin as { isTTY?: boolean }).isTTY);
  let buttons: Button[] = [];
  let form: PendingForm | undefined;
  /** Lines of a plan pasted after `review`, gathered until an empty line. */
  let pasted: string[] | undefined;
  let current: 'channel' | 'direct' = 'channel';
  let counter = 0;
  let closed = false;
  let resolveFinished!: () => void;
  const finished = new Promise<void>((resolve) => (resolveFinished = resolve));
  // With a terminal, readline needs the output stream to echo what is typed and handle line editing.
  const rl = createInterface({ input: io.stdin, ...(interactive ? { output: out } : {}), terminal: interactive });

  const write = (text: string) => {
    if (!closed || !interactive) out.write(text);
  };
  const promptLine = () => {
    if (interactive && !closed) write(current === 'direct' ? 'you (private)> ' : 'you> ');
  };

  /**
   * Numbers and labels choose among the buttons of the last reply that had any, within the latest turn:
   * everything shown while one typed line is handled (its answers and any post it caused, such as the
   * DM that `story` opens), or one post from the bot on its own. A turn without buttons retires the old
   * ones, so a number typed after unrelated replies never fires an earlier action.
   */
  let inTurn = false;
  async function turn(run: () => Promise<void>): Promise<void> {
    buttons = [];
    inTurn = true;
    try {
      await run();
    } finally {
      inTurn = false;
    }
  }

  function show(reply: Reply, where: 'channel' | 'direct', scheduled = false): void {
    const { text, buttons: shown } = renderText(reply);
    const label = where === 'direct' ? 'moodmusic (private to you)' : scheduled ? 'moodmusic in #shell (scheduled)' : 'moodmusic';
    write(`${label}:\n${text}\n`);
    if (shown.length) {
      buttons = shown;
      write('  (type a number or the label to choose)\n');
    }
    const formBlock = reply.blocks.find((b) => b.type === 'form');
    if (formBlock && formBlock.type === 'form') {
      form = { id: formBlock.id, fields: formBlock.fields, values: {} };
      write(`${formBlock.fields[0]?.label ?? ''} (type /cancel to stop):\n`);
    }
    write('\n');
  }

  const ref = (where: 'channel' | 'direct'): ConversationRef => ({
    platform: 'shell',
    workspaceId: WORKSPACE,
    conversationId: where === 'direct' ? DIRECT : CHANNEL,
  });

  function messageFor(line: string): IncomingMessage {
    const base = { ...ref(current), userId: user.id, userName: user.name, isDirect: current === 'direct', raw: line };
    const chosen = /^\d+$/.test(line) ? buttons[Number(line) - 1] : buttons.find((b) => b.label.toLowerCase() === line.toLowerCase());
    if (chosen) {
      buttons = [];
      return { ...base, text: chosen.label, source: 'action', isMention: false, action: { id: chosen.id, ...(chosen.value === undefined ? {} : { value: chosen.value }) } };
    }
    return { ...base, text: line, source: current === 'direct' ? 'direct' : 'mention', isMention: current === 'channel' };
  }

  // A private answer in #shell is what Slack shows as "only visible to you": say so, without moving you.
  const shownIn = (r: Reply): 'channel' | 'direct' => (r.visibility === 'private' ? 'direct' : current);

  /** Sends a plan gathered line by line as one `review` message. */
  async function flushPaste(): Promise<void> {
    const plan = pasted;
    pasted = undefined;
    if (!plan) return;
    const message = messageFor(plan.join('\n'));
    await turn(async () => {
      for (const r of await core.handle(message)) show(r, shownIn(r));
    });
  }

  async function handleLine(raw: string): Promise<void> {
    const line = raw.trim();
    // A multi-line plan after `review` arrives as several lines: gather them until an empty line.
    if (pasted) {
      if (line) pasted.push(raw.trimEnd());
      else await flushPaste();
      return;
    }
    if (!form && /^review\s+\S/i.test(line)) {
      pasted = [line];
      if (interactive) write('(more lines of the plan, then an empty line to finish)\n');
      return;
    }
    if (form) {
      if (line === '/cancel') {
        form = undefined;
        write('(form cancelled)\n');
        return;
      }
      const field = form.fields[Object.keys(form.values).length];
      if (field && !field.optional && !line) {
        write(`${field.label} is needed (or type /cancel):\n`);
        return;
      }
      if (field) form.values[field.id] = line;
      const next = form.fields[Object.keys(form.values).length];
      if (next) {
        write(`${next.label}${next.optional ? ' (optional, Enter to skip)' : ''}:\n`);
        return;
      }
      const done = form;
      form = undefined;
      const message: IncomingMessage = {
        ...ref(current), userId: user.id, userName: user.name, isDirect: current === 'direct', text: '',
        source: 'action', isMention: false, action: { id: done.id, values: done.values },
      };
      await turn(async () => {
        for (const r of await core.handle(message)) show(r, shownIn(r));
      });
      return;
    }
    if (!line) return;
    if (line === '/channel' || line === '/dm') {
      current = line === '/dm' ? 'direct' : 'channel';
      write(current === 'direct' ? '(now in your private conversation with moodmusic)\n' : '(back in #shell)\n');
      return;
    }
    // With options shown, a number outside them is a slip; with none, a number is plain text (an answer
    // to an open story question may be just "3"), and no earlier action can fire.
    if (/^\d+$/.test(line) && buttons.length > 0 && !buttons[Number(line) - 1]) {
      write(`(choose 1 to ${buttons.length}: numbers belong to the last reply that had options)\n`);
      return;
    }
    const message = messageFor(line);
    await turn(async () => {
      for (const r of await core.handle(message)) show(r, shownIn(r));
    });
  }

  const outbound: Outbound = {
    platform: 'shell',
    async post(target, reply): Promise<PostedRef> {
      const where = target.conversationId === DIRECT ? 'direct' : 'channel';
      if (where === 'direct' && current !== 'direct') {
        current = 'direct';
        write('(moodmusic opened a private conversation with you; type /channel to go back to #shell)\n');
      }
      if (!inTurn) buttons = [];
      show(reply, where, where === 'channel');
      promptLine();
      counter += 1;
      return { messageId: `shell-${Date.now()}-${counter}` };
    },
    async openDirect(): Promise<ConversationRef> {
      return ref('direct');
    },
  };

  return {
    name: 'shell',
    outbound,
    finished,
    async start() {
      if (interactive) {
        write('moodmusic shell: you are in #shell. Type what you would type after @moodmusic (try `help`, `prompt`, `review ...`; a plan can run over several lines, ended by an empty line, or come from a file with `moodmusic review FILE`). Ctrl-D to leave.\n\n');
      }
      void (async () => {
        promptLine();
        try {
          for await (const line of rl) {
            await handleLine(line);
            promptLine();
          }
          // Input ended in the middle of a pasted plan: review what arrived.
          await flushPaste();
        } finally {
          closed = true;
          resolveFinished();
        }
      })();
    },
    async stop() {
      rl.close();
      await finished;
    },
  };
}
