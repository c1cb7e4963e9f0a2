import { describe, expect, it } from 'vitest';
import { normaliseActivity, plainText, splitConversationId } from '../../adapters/teams/normalise.js';
import { BOT, CHANNEL, GROUP_CHAT, TENANT, USER, activity, channelMention } from './harness.js';

const URL = 'http://127.0.0.1:1/';

describe('normalising Teams activities', () => {
  it('splits a channel reply chain into conversation and thread', () => {
    expect(splitConversationId(`${CHANNEL};messageid=1700`)).toEqual({ conversationId: CHANNEL, threadId: '1700' });
    expect(splitConversationId(GROUP_CHAT)).toEqual({ conversationId: GROUP_CHAT });
  });

  it('strips only the bot mention, keeps other people by name, decodes entities', () => {
    const a = {
      ...channelMention(URL, ''),
      text: '<at>moodmusic</at> reframe how do we help <at>Sam Smith</at> &amp; the team&nbsp;&lt;now&gt;?',
      entities: [
        { type: 'mention', text: '<at>moodmusic</at>', mentioned: BOT },
        { type: 'mention', text: '<at>Sam Smith</at>', mentioned: { id: '29:sam', name: 'Sam Smith' } },
        { type: 'clientInfo', timezone: 'Europe/Paris', locale: 'fr-FR' },
      ],
    };
    expect(plainText(a)).toBe('reframe how do we help Sam Smith & the team <now>?');
    const [m] = normaliseActivity(a);
    expect(m).toMatchObject({ source: 'mention', isMention: true, userTimeZone: 'Europe/Paris', userName: USER.name, eventId: a.id });
  });

  it('answers group chats only when mentioned, and treats unmentioned thread replies as thread talk', () => {
    const groupBase = { conversation: { id: GROUP_CHAT, conversationType: 'groupChat', tenantId: TENANT, isGroup: true, name: '' } };
    expect(normaliseActivity(activity(URL, { ...groupBase, text: 'just chatting' }))).toEqual([]);
    const mentioned = normaliseActivity(
      activity(URL, { ...groupBase, text: '<at>moodmusic</at> prompt', entities: [{ type: 'mention', text: '<at>moodmusic</at>', mentioned: BOT }] }),
    );
    expect(mentioned[0]).toMatchObject({ source: 'mention', conversationId: GROUP_CHAT, text: 'prompt', isDirect: false });
    expect(mentioned[0]!.threadId).toBeUndefined();
    const reply = { ...channelMention(URL, '', { root: '1699' }), text: 'I think it is about purpose', entities: [] };
    expect(normaliseActivity(reply)[0]).toMatchObject({ source: 'thread', threadId: '1699', conversationId: CHANNEL, isMention: false });
  });

  it('ignores activities that are not for the core', () => {
    expect(normaliseActivity(activity(URL, { type: 'typing' }))).toEqual([]);
    expect(normaliseActivity(activity(URL, { type: 'installationUpdate', action: 'add' }))).toEqual([]);
    expect(normaliseActivity(activity(URL, { type: 'conversationUpdate', membersRemoved: [{ id: '29:x', name: 'x' }] }))).toEqual([]);
  });

  it('gives one member-joined per newcomer, but none in a personal chat', () => {
    const channel = { conversation: { id: CHANNEL, conversationType: 'channel', tenantId: TENANT, isGroup: true, name: '' } };
    const joined = normaliseActivity(activity(URL, { ...channel, type: 'conversationUpdate', membersAdded: [{ id: '29:a', name: 'A' }, { id: '29:b', name: 'B' }] }));
    expect(joined.map((m) => [m.source, m.userId])).toEqual([['member-joined', '29:a'], ['member-joined', '29:b']]);
    expect(new Set(joined.map((m) => m.eventId)).size).toBe(2);
    expect(normaliseActivity(activity(URL, { type: 'conversationUpdate', membersAdded: [USER, BOT] })).map((m) => m.source)).toEqual(['bot-added']);
  });
});
