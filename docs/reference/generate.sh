#!/usr/bin/env bash
# Regenerates the command sections of the reference pages from the binaries' own --help, so the
# reference cannot drift from the code: docs/reference/generate.sh (after a build).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

# help BIN ARGS...: prints the help of one command and then of each of its subcommands, recursively.
help_tree() {
  local bin=$1; shift
  local text
  text=$("$root/bin/$bin" "$@" --help 2>&1) || true
  printf '\n### `%s`\n\n```text\n%s\n```\n' "$(echo "$bin $*" | sed 's/ *$//')" "$text"
  local sub
  for sub in $(printf '%s\n' "$text" | awk '/^Commands:/{on=1; next} on && /^  [a-z]/{print $1} on && /^$/{on=0}'); do
    help_tree "$bin" "$@" "$sub"
  done
}

for bin in lanyard lanyard-signer lanyard-emulator; do
  page="$here/$bin.md"
  intro="$here/$bin.intro.md"
  {
    cat "$intro"
    printf '\n## Commands\n\nGenerated from `--help` by `docs/reference/generate.sh`.\n'
    help_tree "$bin"
  } >"$page.tmp"
  mv "$page.tmp" "$page"
  echo "wrote $page"
done
