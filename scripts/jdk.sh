# Sourced by the project's scripts: sets JAVA_HOME to a JDK 25 or newer, found by itself.
# Order: $JAVA_HOME if it is new enough, then the usual install locations.
# The version from the JDK's `release` file (every JDK since 9 has one): starting a JVM to ask costs
# ~0.2 s, which every ./lmscore run would pay. Asking the JVM is the fallback.
lmscore_java_feature() {
  local v
  v=$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$1/release" 2>/dev/null)
  [ -n "$v" ] && { echo "$v"; return; }
  "$1/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p'
}
lmscore_find_jdk() {
  local c v
  for c in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64 /usr/lib/jvm/temurin-2[5-9]* /usr/lib/jvm/*-2[5-9]* \
           /usr/lib/jvm/jdk-2[5-9]* /opt/java/openjdk "$HOME"/.sdkman/candidates/java/current; do
    [ -n "$c" ] && [ -x "$c/bin/javac" ] || continue
    v=$(lmscore_java_feature "$c")
    [ -n "$v" ] && [ "${v%%.*}" -ge 25 ] 2>/dev/null && { echo "$c"; return 0; }
  done
  return 1
}
if ! JAVA_HOME=$(lmscore_find_jdk); then
  echo "lmscore: no JDK 25 found. Install one (e.g. Temurin 25: apt-get install temurin-25-jdk) or set JAVA_HOME to it." >&2
  exit 3
fi
export JAVA_HOME
