import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

const manifest = parse(readFileSync(path.resolve(import.meta.dirname, '../../adapters/slack/manifest.yaml'), 'utf8')) as {
  display_information: { name: string; long_description: string };
  features: { app_home: Record<string, boolean>; bot_user: { display_name: string }; slash_commands: Array<{ command: string; usage_hint: string }> };
  oauth_config: { scopes: { bot: string[] } };
  settings: { event_subscriptions: { bot_events: string[] }; interactivity: { is_enabled: boolean }; socket_mode_enabled: boolean };
};

describe('Slack app manifest', () => {
  it('asks for every event the adapter listens to, and the scopes those events need', () => {
    expect(manifest.settings.event_subscriptions.bot_events.sort()).toEqual(
      ['app_home_opened', 'app_mention', 'member_joined_channel', 'message.channels', 'message.groups', 'message.im', 'reaction_added'].sort(),
    );
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining(['app_mentions:read', 'chat:write', 'commands', 'im:history', 'im:read', 'im:write', 'channels:history', 'groups:history', 'reactions:read', 'users:read', 'channels:read', 'groups:read']),
    );
  });

  it('has the slash command, interactivity, the App Home and Socket Mode', () => {
    expect(manifest.features.slash_commands).toEqual([expect.objectContaining({ command: '/moodmusic' })]);
    expect(manifest.features.slash_commands[0]?.usage_hint).toMatch(/help/);
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.features.app_home).toMatchObject({ home_tab_enabled: true, messages_tab_enabled: true, messages_tab_read_only_enabled: false });
    expect(manifest.settings.socket_mode_enabled).toBe(true);
    // Slack refuses a long description under 175 characters.
    expect(manifest.display_information.long_description.length).toBeGreaterThanOrEqual(175);
  });
});
