#!/usr/bin/env bash
# Obtains llama.cpp from the npm registry (node-llama-cpp ships its source as a git bundle),
# verifies the tarball, and builds the shared libraries plus llama-perplexity with cmake into
# a cache directory outside the clone, keyed by llama.cpp version and variant.
#
#   native/build.sh [cpu|cuda]      prints the install directory on stdout (last line)
#
# Environment:
#   LMSCORE_CACHE_DIR        cache root (default: ${XDG_CACHE_HOME:-~/.cache}/lmscore)
#   LMSCORE_CUDA_ARCHS       CUDA architectures for the cuda variant (default: 90)
#   LMSCORE_BUILD_JOBS       parallel build jobs (default: nproc)
set -euo pipefail

LLAMA_VERSION=0.5.0
LLAMA_COMMIT=de3ff815ea7d559ee917f063901b8986f038abc6
NPM_PACKAGE=node-llama-cpp@3.22.1
NPM_TARBALL=node-llama-cpp-3.22.1.tgz
NPM_SHA256=a0d9dd80eacd2ab1cfe71aee57ac8a806487fd70b3d2a38fbec637752d9e5c5f

variant=${1:-cpu}
case "$variant" in
  cpu)  cmake_variant=(-DGGML_NATIVE=ON) ;;
  cuda) archs=${LMSCORE_CUDA_ARCHS:-90}
        variant="cuda-sm${archs//;/-}"
        cmake_variant=(-DGGML_NATIVE=ON -DGGML_CUDA=ON "-DCMAKE_CUDA_ARCHITECTURES=$archs") ;;
  *) echo "native/build.sh: unknown variant '$variant' (expected cpu or cuda)" >&2; exit 2 ;;
esac

cache=${LMSCORE_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/lmscore}
root="$cache/llama.cpp/$LLAMA_VERSION"
install="$root/$variant"
log() { echo "native: $*" >&2; }

if [ -f "$install/.complete" ]; then
  # said only to a person at a terminal: ./lmscore and the other scripts call this on every run
  [ -t 1 ] && log "llama.cpp $LLAMA_VERSION ($variant) already built in $install"
  echo "$install"; exit 0
fi

mkdir -p "$root"
# One build at a time per cache: a second process waits instead of racing.
exec 9>"$root/.lock"
flock 9
if [ -f "$install/.complete" ]; then echo "$install"; exit 0; fi

src="$root/src"
if [ ! -d "$src/.git" ] || [ "$(git -C "$src" rev-parse HEAD 2>/dev/null)" != "$LLAMA_COMMIT" ]; then
  dl=$(mktemp -d)
  trap 'rm -rf "$dl"' EXIT
  log "fetching $NPM_PACKAGE from the npm registry"
  (cd "$dl" && npm pack --silent "$NPM_PACKAGE" >/dev/null 2>&1)
  echo "$NPM_SHA256  $dl/$NPM_TARBALL" | sha256sum -c --quiet - \
    || { log "integrity check failed for $NPM_TARBALL (expected sha256 $NPM_SHA256)"; exit 1; }
  tar -xzf "$dl/$NPM_TARBALL" -C "$dl" package/llama/gitRelease.bundle
  rm -rf "$src"
  git clone --quiet "$dl/package/llama/gitRelease.bundle" "$src"
  git -C "$src" -c advice.detachedHead=false checkout --quiet "$LLAMA_COMMIT"
  [ "$(git -C "$src" rev-parse HEAD)" = "$LLAMA_COMMIT" ] || { log "bundle is not at $LLAMA_COMMIT"; exit 1; }
fi

build="$root/build-$variant"
jobs=${LMSCORE_BUILD_JOBS:-$(nproc)}
log "building llama.cpp $LLAMA_VERSION ($variant) with $jobs jobs; this takes several minutes once"
cmake -S "$src" -B "$build" -DCMAKE_BUILD_TYPE=Release -DBUILD_SHARED_LIBS=ON \
  -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_SERVER=OFF -DLLAMA_BUILD_APP=OFF \
  -DLLAMA_BUILD_TOOLS=ON -DLLAMA_OPENSSL=OFF -DLLAMA_CURL=OFF \
  -DCMAKE_INSTALL_RPATH='$ORIGIN' -DCMAKE_BUILD_WITH_INSTALL_RPATH=ON \
  "${cmake_variant[@]}" >&2
cmake --build "$build" --config Release -j "$jobs" --target llama llama-perplexity >&2

rm -rf "$install.tmp"; mkdir -p "$install.tmp/lib" "$install.tmp/bin" "$install.tmp/include"
find "$build/bin" -maxdepth 1 -name 'lib*.so*' -exec cp -P {} "$install.tmp/lib/" \;
cp "$build/bin/llama-perplexity" "$install.tmp/bin/"
cp "$src/include/llama.h" "$src/ggml/include/"*.h "$install.tmp/include/"
printf 'version=%s\ncommit=%s\nvariant=%s\n' "$LLAMA_VERSION" "$LLAMA_COMMIT" "$variant" > "$install.tmp/BUILD-INFO"
# llama-perplexity looks for its libraries next to itself ($ORIGIN) as well as in lib/.
for f in "$install.tmp"/lib/*; do ln -sf "../lib/$(basename "$f")" "$install.tmp/bin/"; done
touch "$install.tmp/.complete"
rm -rf "$install"; mv "$install.tmp" "$install"
log "installed into $install"
echo "$install"
