#!/usr/bin/env bash
# Performs the Dockerfile's build steps without Docker, in a temporary directory, and checks the result:
#   build stage:   the sources (what `COPY . .` sends), npm ci, npm run build, npm prune --omit=dev
#   runtime stage: only package.json, node_modules, bin, dist, assets and the web apps' builds
#   then:          no development dependency is left, the engines' models are there, and `serve`
#                  (as an unprivileged user when run as root) answers /healthz.
# Usage: scripts/check-image-build.sh   (takes minutes: a full npm ci; npm's cache is used when warm)
set -euo pipefail

repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d -t openassure-image-XXXXXX)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT
step() { printf '\n== %s\n' "$*"; }

step "build stage in $work/build"
mkdir -p "$work/build"
# Tracked and new files, without what .dockerignore leaves out. node_modules is dropped by name too: a
# worktree's node_modules may be a symlink (which `node_modules/` in .gitignore does not match), and
# npm ci would empty the directory it points to.
(cd "$repo" && git ls-files -z --cached --others --exclude-standard) |
  grep -zEv '(^|/)node_modules(/|$)|^dist/|^web/[^/]+/dist/|^data/|^coverage/|^test-artifacts/' |
  (cd "$repo" && tar --null --no-recursion -T - -cf -) | tar -x -C "$work/build"
cd "$work/build"
if [ -e node_modules ] || [ -L node_modules ]; then echo "FAIL: node_modules was copied into the build"; exit 1; fi
npm ci --no-audit --no-fund --prefer-offline --loglevel=error
npm run build --silent
npm prune --omit=dev --no-audit --no-fund --loglevel=error

step "runtime stage in $work/run"
mkdir -p "$work/run/web/capture" "$work/run/web/console" "$work/data"
cp -a package.json node_modules bin dist assets "$work/run/"
cp -a web/capture/dist "$work/run/web/capture/dist"
cp -a web/console/dist "$work/run/web/console/dist"
cd "$work/run"

step "contents"
for dev in vitest tsx typescript eslint s3rver; do
  if [ -e "node_modules/$dev" ]; then echo "FAIL: development dependency $dev is in the image"; exit 1; fi
done
for needed in dist/main.js assets/ocr node_modules/@vladmandic/human/models node_modules/@vladmandic/face-api/model \
  web/capture/dist/index.html web/console/dist/index.html; do
  if [ ! -e "$needed" ]; then echo "FAIL: $needed is missing"; exit 1; fi
done
echo "runtime size: $(du -sh . | cut -f1)"

step "serve answers /healthz"
port="$(node -e "const s=require('net').createServer().listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")"
run_as=()
if [ "$(id -u)" = 0 ] && command -v runuser >/dev/null; then
  # As in the image: the server runs as an unprivileged user that owns only its data directory.
  chown -R nobody "$work/data"
  chmod o+rx "$work"
  run_as=(runuser -u nobody --)
fi
env -i PATH="$PATH" NODE_ENV=production HOST=127.0.0.1 PORT="$port" OPENASSURE_DATA_DIR="$work/data" \
  "${run_as[@]}" node bin/openassure.js serve >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  if curl -fsS "http://127.0.0.1:$port/healthz" >/dev/null 2>&1; then
    echo "OK: the built image's files start and answer http://127.0.0.1:$port/healthz"
    exit 0
  fi
  if ! kill -0 "$server_pid" 2>/dev/null; then break; fi
  sleep 1
done
echo "FAIL: serve did not answer /healthz"; cat "$work/serve.log"; exit 1
