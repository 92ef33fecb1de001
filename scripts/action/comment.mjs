// The comment step of action.yml: posts shipready's markdown report as one
// pull-request comment, found again on later runs by a hidden marker and
// updated in place (README.md#github-action). Uses the GitHub REST API with
// the action's token; a failure is a warning, never a failed gate.
import { readFileSync } from 'node:fs';

const MARKER = '<!-- shipready -->';
const env = process.env;

function warn(message) {
  process.stdout.write(`::warning title=shipready::${message.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`);
}

function pullRequestNumber() {
  if (!env.GITHUB_EVENT_PATH) return undefined;
  const event = JSON.parse(readFileSync(env.GITHUB_EVENT_PATH, 'utf8'));
  return event.pull_request?.number ?? (event.issue?.pull_request ? event.issue.number : undefined);
}

/** GitHub refuses comments over 65,536 characters: a long report is cut at a line, with a note. */
function fitComment(body) {
  const LIMIT = 65_000;
  if (body.length <= LIMIT) return body;
  const cut = body.lastIndexOf('\n', LIMIT - 200);
  return `${body.slice(0, cut)}\n\n… the report is cut here; the job's step summary has all of it.\n`;
}

async function api(method, path, body) {
  const response = await fetch(`${(env.GITHUB_API_URL ?? 'https://api.github.com').replace(/\/+$/, '')}${path}`, {
    method,
    headers: {
      accept: 'application/vnd.github+json',
      authorization: `Bearer ${env.SHIPREADY_TOKEN}`,
      'x-github-api-version': '2022-11-28',
      'user-agent': 'shipready-action',
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${method} ${path}: HTTP ${response.status}`);
  return response.json();
}

async function main() {
  const number = pullRequestNumber();
  if (number === undefined) {
    process.stdout.write('shipready: not a pull request; no comment posted\n');
    return;
  }
  if (!env.SHIPREADY_TOKEN) {
    warn('no token for the pull-request comment; set the `token` input');
    return;
  }
  const repo = env.GITHUB_REPOSITORY;
  const body = fitComment(`${MARKER}\n${readFileSync(env.SHIPREADY_COMMENT_FILE, 'utf8')}`);
  let existing;
  for (let page = 1; existing === undefined; page++) {
    const comments = await api('GET', `/repos/${repo}/issues/${number}/comments?per_page=100&page=${page}`);
    existing = comments.find((comment) => typeof comment.body === 'string' && comment.body.includes(MARKER));
    if (comments.length < 100) break;
  }
  if (existing) {
    await api('PATCH', `/repos/${repo}/issues/comments/${existing.id}`, { body });
    process.stdout.write(`shipready: updated comment ${existing.id} on #${number}\n`);
  } else {
    const created = await api('POST', `/repos/${repo}/issues/${number}/comments`, { body });
    process.stdout.write(`shipready: posted comment ${created.id} on #${number}\n`);
  }
}

main().catch((error) => {
  warn(`cannot post the pull-request comment (${error.message}); the job needs \`permissions: pull-requests: write\``);
});
