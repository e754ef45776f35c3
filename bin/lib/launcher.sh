# Shared by the bin/ launchers: find JDK 25, build a missing artifact, no output unless something is wrong.
# Sourced, not executed. Sets LANYARD_HOME and JAVA.

LANYARD_HOME=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)

lanyard_die() {
  echo "$1" >&2
  exit "${2:-1}"
}

# JAVA: the java of a JDK 25 from JAVA_HOME, or the Temurin path of these machines.
lanyard_find_java() {
  local candidate
  for candidate in "${JAVA_HOME:-}" /usr/lib/jvm/temurin-25-jdk-amd64; do
    [ -n "$candidate" ] && [ -x "$candidate/bin/java" ] || continue
    if [ -f "$candidate/release" ] && grep -q '^JAVA_VERSION="25' "$candidate/release"; then
      JAVA="$candidate/bin/java"
      JAVA_HOME="$candidate"
      export JAVA_HOME
      return 0
    fi
  done
  lanyard_die "lanyard: JDK 25 not found: set JAVA_HOME to a JDK 25 (e.g. /usr/lib/jvm/temurin-25-jdk-amd64)" 69
}

# lanyard_build MODULE: builds MODULE and what it needs, quietly; offline first when the local
# repository already has everything.
lanyard_build() {
  local module=$1 log
  command -v mvn >/dev/null 2>&1 || lanyard_die "lanyard: $module is not built and Maven (mvn) is not installed to build it" 69
  echo "lanyard: building $module (first run)..." >&2
  log=$(mktemp)
  if ! (cd "$LANYARD_HOME" && mvn -q -B -o -pl "$module" -am package -DskipTests >"$log" 2>&1) &&
     ! (cd "$LANYARD_HOME" && mvn -q -B -ntp -pl "$module" -am package -DskipTests >"$log" 2>&1); then
    tail -40 "$log" >&2
    rm -f "$log"
    lanyard_die "lanyard: building $module failed (log above); run: mvn -pl $module -am package -DskipTests" 70
  fi
  rm -f "$log"
}

# lanyard_ensure_built FILE MODULE: builds MODULE when FILE is missing.
lanyard_ensure_built() {
  local file=$1 module=$2
  [ -e "$file" ] && return 0
  lanyard_build "$module"
  [ -e "$file" ] || lanyard_die "lanyard: the build of $module did not produce $file" 70
}
