#!/bin/sh
# lmscore: this shell stub is followed by a Java archive (java -jar reads a zip with a prefix).
# It finds a JDK 25 or newer by itself and runs the archive with the flags lmscore needs.
lmscore_feature() { # $1: a JDK/JRE home; prints its feature version (25, 26, ...) or nothing
  if [ -f "$1/release" ]; then
    sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release"
  elif [ -x "$1/bin/java" ]; then
    "$1/bin/java" -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p'
  fi
}
lmscore_java=
for home in "${JAVA_HOME:-}" /usr/lib/jvm/*25* /usr/lib/jvm/*2[6-9]* /usr/lib/jvm/jdk-2[5-9]* /opt/java/openjdk; do
  [ -n "$home" ] && [ -x "$home/bin/java" ] || continue
  v=$(lmscore_feature "$home")
  if [ -n "$v" ] && [ "$v" -ge 25 ] 2>/dev/null; then lmscore_java="$home/bin/java"; break; fi
done
if [ -z "$lmscore_java" ] && command -v java >/dev/null 2>&1; then
  v=$(java -version 2>&1 | sed -n '1s/.*version "\([0-9]*\).*/\1/p')
  if [ -n "$v" ] && [ "$v" -ge 25 ] 2>/dev/null; then lmscore_java=java; fi
fi
if [ -z "$lmscore_java" ]; then
  echo "lmscore: needs Java 25 or newer and found none (looked at JAVA_HOME, /usr/lib/jvm, java on PATH)." >&2
  echo "lmscore: install a JDK 25 (e.g. apt-get install temurin-25-jdk, or https://adoptium.net) or set JAVA_HOME to one." >&2
  exit 5
fi
tty=false; [ -t 2 ] && tty=true  # Java cannot tell whether stderr is a terminal (progress bar or log lines)
case "$0" in */*) self=$0 ;; *) self=$(command -v -- "$0") ;; esac
# Serial GC: lmscore's heap is small (the big buffers are llama.cpp's); the kernel's classes get
# compiled by C2 after a twentieth of the usual calls, so the warm-up is short; everything else after ten
# times the usual, so the JIT does not take cores from llama.cpp's decode threads for start-up code.
exec "$lmscore_java" --enable-native-access=ALL-UNNAMED --add-modules=jdk.incubator.vector -XX:+UseSerialGC -Xms16m \
  -XX:CompileThresholdScaling=10 -XX:CompileCommand=quiet '-XX:CompileCommand=CompileThresholdScaling,dev.lmscore.engine.kernel.*::*,0.05' \
  -Dlmscore.binary="$self" -Dlmscore.stderr.tty=$tty ${LMSCORE_JAVA_OPTS:-} -jar "$self" "$@"
exit 5
