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
# The JVM options (cli/src/main/sh/jvm.options) are written in here when the binary is built.
exec "$lmscore_java" @JVM_OPTIONS@ \
  -Dlmscore.binary="$self" -Dlmscore.stderr.tty=$tty ${LMSCORE_JAVA_OPTS:-} -jar "$self" "$@"
exit 5
