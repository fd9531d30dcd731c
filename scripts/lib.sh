# Shared shell helpers. Source it: . "$(dirname "$0")/../scripts/lib.sh"
# Sets REPO (repository root) and provides find_jdk25, which exports JAVA_HOME and JAVA.

REPO="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export SPURIOUS_DATA="${SPURIOUS_DATA:-$REPO/data}"

die() { echo "error: $*" >&2; exit 1; }

# Finds a JDK 25: $JAVA_HOME if it is one, else the JDK of the javac on the PATH (e.g. a conda
# env's openjdk, as on Binder), else the newest 25 in the system JVM directory.
find_jdk25() {
  local candidates=() c v
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME")
  c="$(command -v javac 2>/dev/null || true)"
  [ -n "$c" ] && candidates+=("$(dirname "$(dirname "$(readlink -f "$c")")")")
  for c in /usr/lib/jvm/*25* /usr/lib/jvm/*; do [ -d "$c" ] && candidates+=("$c"); done
  for c in "${candidates[@]}"; do
    [ -x "$c/bin/java" ] && [ -x "$c/bin/javac" ] || continue
    v="$("$c/bin/java" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java.specification.version = //p')"
    if [ "$v" = "25" ]; then
      export JAVA_HOME="$c" JAVA="$c/bin/java"
      return 0
    fi
  done
  die "no JDK 25 found (looked at \$JAVA_HOME, the javac on the PATH and /usr/lib/jvm). Install one, e.g. 'apt-get install temurin-25-jdk' from Adoptium or https://adoptium.net, then set JAVA_HOME."
}

# Sets JAR and LIB (the toolkit jar and its runtime dependencies), building them first when missing.
toolkit_jar() {
  JAR="$REPO/toolkit/target/spuriouslab-toolkit.jar"
  LIB="$REPO/toolkit/target/lib"
  if [ ! -f "$JAR" ] || [ ! -d "$LIB" ]; then
    echo "building the toolkit jar"
    (cd "$REPO" && mvn -q -pl toolkit -am package -DskipTests)
  fi
}
