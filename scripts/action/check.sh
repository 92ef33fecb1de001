#!/usr/bin/env bash
# The check step of action.yml: runs `shipready check` with the action's
# inputs (SHIPREADY_* variables), the workflow commands on stdout, the report
# as JSON for the step's outputs, the markdown for the PR comment. Always exits
# 0 and leaves the gate's exit code in the `exit-code` output, so that the
# comment is posted before the last step fails the job. README.md#github-action
set -uo pipefail

out="$RUNNER_TEMP/shipready-$$"
mkdir -p "$out"
args=(check --format github --format "json:$out/report.json")
[ -n "$SHIPREADY_FAIL_ON" ] && args+=(--fail-on "$SHIPREADY_FAIL_ON")
# Passed only when given; the CLI says clearly when it cannot honour it.
[ -n "$SHIPREADY_SINCE" ] && args+=(--since "$SHIPREADY_SINCE")
if [ "$SHIPREADY_FAIL_ON_EMPTY" = true ]; then args+=(--fail-on-empty); else args+=(--no-fail-on-empty); fi
[ "$SHIPREADY_COMMENT" = true ] && args+=(--format "markdown:$out/comment.md")
# Word splitting without glob expansion: shipready expands the globs itself.
set -f
for format in $SHIPREADY_FORMATS; do args+=(--format "$format"); done
paths=()
for path in $SHIPREADY_PATHS; do paths+=("$path"); done
set +f
[ "$SHIPREADY_SUMMARY" = true ] || unset GITHUB_STEP_SUMMARY

node "$SHIPREADY_BIN" "${args[@]}" -- "${paths[@]}"
code=$?

{
  echo "exit-code=$code"
  if [ -f "$out/report.json" ]; then
    node "$GITHUB_ACTION_PATH/scripts/action/outputs.mjs" "$out/report.json" "$code"
  fi
  [ -f "$out/comment.md" ] && echo "comment-file=$out/comment.md"
} >> "$GITHUB_OUTPUT"
exit 0
