import type { IncomingMessage } from '../../src/model/message.js';
import type { Reply } from '../../src/model/reply.js';
import { digestReply, digestThreadReply } from '../../src/stories/digest.js';
import type { StoryRecord } from '../../src/store/stories.js';
import { testCore } from '../helpers/core.js';
import { FakeOutbound } from '../stories/fakes.js';

/** A plan with strengths (mixed levels, small tables, follow-up) and a few things to nudge. */
export const PLAN_WITH_STRENGTHS =
  'Patient experience workshop: what would make our outpatient clinics feel welcoming? 14 people - 6 patients & carers from the PPG, 2 consultants, 3 nurses, a receptionist, the clinic manager and a porter. 10am-3pm in the education centre, round tables, lunch provided. Ideas go to the clinic improvement group, who meet monthly & will report back to everyone who came.';

/** A plan with nothing to praise (a briefing for sign-off, talks, one level), with markdown characters in it. */
export const PLAN_WITHOUT_STRENGTHS =
  'Senior leadership briefing on reducing sickness absence and how to *fix* the problem of low morale this year [draft] <b>v2</b>, for 80 senior managers. Speakers will lecture and present their findings, then the director will present their plan for sign-off | Q&A_1.';

const LONG_STORY =
  'On my second day my manager told me that the real decisions about rotas are made in the Thursday huddle, not in the monthly meeting on the calendar, and that if I wanted to change anything I should bring it there with a cup of tea. ' +
  'Later a colleague from housing explained that the quickest way to get a repair done is to ring the caretaker, Pat, who knows everyone, rather than log a ticket. Nobody wrote any of this down; I learned it by asking "how do things *really* get done?" and listening. ' +
  'It made me think we could put some of this in the welcome pack, so that the next person does not have to wait for a lucky conversation.';

function story(i: number): StoryRecord {
  const named = i % 3 === 0;
  return {
    platform: 'teams',
    workspaceId: 'T1',
    userId: `U${i}`,
    id: `s${i}`,
    ...(named ? { authorName: `Sam Example ${i}` } : {}),
    promptId: 'onboarding-01',
    promptText: 'What has someone told you about how things really get done around here?',
    text: i % 2 === 0 ? LONG_STORY : `Story ${i}: people here say "ask Jo" [not the wiki] & mean it_ *always*.`,
    sharing: named ? 'named' : 'anonymous',
    createdAt: `2026-11-2${i % 10}T10:00:00Z`,
    updatedAt: `2026-11-2${i % 10}T10:00:00Z`,
  };
}

/**
 * Every kind of reply a person meets, produced by the real core (features, store, prompt library) on the
 * given platform, except digests, which are built from made-up stories so their size is known.
 */
export async function everyReply(platform: 'teams' | 'slack' = 'teams'): Promise<Map<string, Reply>> {
  const t = await testCore({ start: '2026-11-23T10:00:00Z' });
  const outbound = new FakeOutbound(platform);
  t.core.attach(outbound);
  const base = { platform, workspaceId: 'T1', userId: 'U1', userName: 'Ada' };
  const inChannel = (text: string): IncomingMessage => ({ ...base, conversationId: 'C1', text, source: 'mention', isMention: true, isDirect: false });
  const direct = (text: string): IncomingMessage => ({ ...base, conversationId: 'D1', text, source: 'direct', isMention: false, isDirect: true });
  const press = (id: string, value: string): IncomingMessage => ({ ...direct(''), source: 'action', action: { id, value } });
  const one = async (message: IncomingMessage, index = 0): Promise<Reply> => {
    const replies = await t.core.handle(message);
    const r = replies[index];
    if (!r) throw new Error(`no reply ${index} to ${message.text || message.action?.id}: ${JSON.stringify(replies)}`);
    return r;
  };
  try {
    const out = new Map<string, Reply>();
    out.set('prompt', await one(inChannel('prompt purpose')));
    out.set('help', await one(inChannel('help')));
    out.set('review-strengths', await one(inChannel(`review ${PLAN_WITH_STRENGTHS}`)));
    out.set('review-no-strengths', await one(inChannel(`review ${PLAN_WITHOUT_STRENGTHS}`)));
    out.set('reframe', await one(inChannel('reframe What to do about youth crime and *anti-social* behaviour (ASB) | [estate]?')));
    out.set('schedule', await one(inChannel('schedule weekly monday 09:30 Europe/London')));
    out.set('status', await one(inChannel('status')));
    out.set('form', await one(inChannel('review')));
    out.set('unknown', await one(inChannel('dance <at>everyone</at> *now* [please](http://example.com)')));
    out.set('consent', await one(direct('story')));
    const chosen = await t.core.handle(press('story.consent', 'anonymous'));
    const question = chosen.find((r) => r.blocks.some((b) => b.type === 'header'));
    if (chosen[0]) out.set('consent-chosen', chosen[0]);
    if (question) out.set('story-question', question);
    out.set('consent-current', await one(direct('story')));
    out.set('digest-1', digestReply([story(1)], 0));
    const ten = Array.from({ length: 10 }, (_, i) => story(i + 1));
    out.set('digest-10', digestReply(ten, 0));
    const thread = digestThreadReply(ten);
    if (thread) out.set('digest-10-thread', thread);
    return out;
  } finally {
    await t.close();
  }
}
