/**
 * The baseline for `slack.ack`: a bare Bolt app over HTTP with one `app_mention` handler that calls
 * `say`, against the same fake Web API as the bot. Run as its own process by the ack bench
 * (BENCH_PORT, SLACK_API_URL, SLACK_SIGNING_SECRET, SLACK_BOT_TOKEN).
 */
import { App, HTTPReceiver, LogLevel } from '@slack/bolt';

const env = process.env;
const receiver = new HTTPReceiver({ signingSecret: env.SLACK_SIGNING_SECRET ?? '', processBeforeResponse: false });
const app = new App({
  token: env.SLACK_BOT_TOKEN ?? '',
  receiver,
  logLevel: LogLevel.ERROR,
  clientOptions: { slackApiUrl: env.SLACK_API_URL ?? '', retryConfig: { retries: 0 } },
});
app.event('app_mention', async ({ event, say }) => {
  await say({ text: 'Tell us about a moment recently when your work felt exactly like what you came here to do.', ...(event.thread_ts ? { thread_ts: event.thread_ts } : {}) });
});
await app.start(Number(env.BENCH_PORT));
const stop = () => void app.stop().then(() => process.exit(0));
process.once('SIGTERM', stop);
process.once('SIGINT', stop);
