#!/usr/bin/env node
// Container health check: GET /healthz on every HTTP adapter the environment starts (Slack's SLACK_PORT,
// Teams' TEAMS_PORT); exit 0 only when each answers 200 (the database is reachable). Uses the bot's own
// config reader, so it probes exactly the ports `moodmusic start` listens on.
// CommonJS like every file in bin/ (bin/package.json).
'use strict';

async function check() {
  const { readConfig } = await import('../dist/src/config.js');
  let config;
  try {
    config = readConfig(process.env);
  } catch (error) {
    console.error(`healthcheck: ${error.message}`);
    process.exit(1);
  }
  const ports = [];
  if (config.slack) ports.push(['slack', config.slack.port]);
  if (config.teams) ports.push(['teams', config.teams.port]);
  if (ports.length === 0) {
    console.error('healthcheck: no HTTP adapter is configured (the terminal shell has no /healthz); set Slack or Teams variables');
    process.exit(1);
  }
  let healthy = true;
  for (const [name, port] of ports) {
    try {
      const response = await fetch(`http://127.0.0.1:${port}/healthz`, { signal: AbortSignal.timeout(4000) });
      if (!response.ok) {
        healthy = false;
        console.error(`healthcheck: ${name} /healthz on port ${port} answered ${response.status}`);
      }
    } catch (error) {
      healthy = false;
      console.error(`healthcheck: ${name} /healthz on port ${port} did not answer (${error.cause?.code ?? error.message})`);
    }
  }
  process.exit(healthy ? 0 : 1);
}

void check();
