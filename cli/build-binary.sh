#!/usr/bin/env bash
# Builds the single executable cli/target/lmscore: the launcher stub (src/main/sh/launcher.sh, with
# the JVM options of src/main/sh/jvm.options written in)
# followed by the shaded jar with llama.cpp's CPU libraries for linux-x86_64 added under
# dev/lmscore/native/linux-x86_64/ (with a sha256 list the Java side verifies on unpacking).
# Run by Maven at package time, after the shade plugin. The libraries come from native/build.sh's
# cache; nothing here is committed.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
target="$here/target"
version=0.5.0
cache=${LMSCORE_CACHE_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/lmscore}
libs="$cache/llama.cpp/$version/cpu/lib"
jar_tool="${JAVA_HOME:?JAVA_HOME must name a JDK 25}/bin/jar"
if [ ! -f "$libs/libllama.so.0" ]; then
  # Not fatal: a CUDA-only box still gets its jar; the binary tests then say what is missing.
  echo "build-binary: WARNING: llama.cpp CPU libraries not found in $libs (run native/build.sh); cli/target/lmscore not built" >&2
  rm -f "$target/lmscore"
  exit 0
fi
stage="$target/native-bundle"
rm -rf "$stage" && mkdir -p "$stage/dev/lmscore/native/linux-x86_64"
dest="$stage/dev/lmscore/native/linux-x86_64"
# Only what libllama needs at run time, under the names the loader asks for (the sonames).
for soname in libggml-base.so.0 libggml-cpu.so.0 libggml.so.0 libllama.so.0; do
  cp -L "$libs/$soname" "$dest/$soname"
done
(cd "$dest" && sha256sum libggml-base.so.0 libggml-cpu.so.0 libggml.so.0 libllama.so.0 > SHA256SUMS \
  && echo "$version" > VERSION)
cp "$target/lmscore.jar" "$target/lmscore-bundled.jar"
"$jar_tool" --update --file "$target/lmscore-bundled.jar" -C "$stage" dev
# the stub's @JVM_OPTIONS@ becomes jvm.options' lines, each single-quoted (they hold '*')
options=$(grep -v -e '^#' -e '^[[:space:]]*$' "$here/src/main/sh/jvm.options" | sed "s/.*/'&'/" | tr '\n' ' ')
sed "s|@JVM_OPTIONS@|${options% }|" "$here/src/main/sh/launcher.sh" > "$target/launcher.sh"
grep -q '@JVM_OPTIONS@' "$target/launcher.sh" && { echo "build-binary: JVM options not written into the launcher" >&2; exit 1; }
cat "$target/launcher.sh" "$target/lmscore-bundled.jar" > "$target/lmscore.tmp"
chmod +x "$target/lmscore.tmp"
mv -f "$target/lmscore.tmp" "$target/lmscore"
rm -f "$target/lmscore-bundled.jar"
echo "build-binary: $target/lmscore ($(du -h "$target/lmscore" | cut -f1))"
