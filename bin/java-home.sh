# shellcheck shell=bash
# Finds a JDK >= 21 for autogen's scripts (./autogen, bin/mvn21, generator/autogen-java, the distribution's
# bin/autogen): the one place that decides which Java runs autogen and its build. Sourced, never run; it defines
# functions only and prints nothing.
#
# Order: JAVA_HOME when it is 21 or newer; else the newest JDK >= 21 under /usr/lib/jvm (Debian, Ubuntu, Fedora),
# /Library/Java/JavaVirtualMachines (macOS) and ~/.sdkman/candidates/java; else the `java` on the PATH when it is 21
# or newer. `find_java_home javac` asks for a full JDK (a build, or the launcher compiling the sample entities);
# `find_java_home` accepts a bare runtime too (the installed command line).

# The major version of a java binary: from its JDK's `release` file when there is one (no JVM start: the launcher
# must stay fast), else by asking the JVM. Prints nothing when the binary does not exist.
java_major() {
  local binary release version line
  # a JDK's own bin/java (what the launchers pass): its release file read with builtins only, since each fork costs
  # a few milliseconds and a no-op check through the daemon pays every one
  if [[ "$1" == /*/bin/java && -f "${1%/bin/java}/release" ]]; then
    while IFS= read -r line; do
      if [[ "$line" =~ ^JAVA_VERSION=\"([0-9]+) ]]; then
        echo "${BASH_REMATCH[1]}"
        return 0
      fi
    done < "${1%/bin/java}/release"
  fi
  binary="$(command -v "$1")" || return 0
  release="$(dirname "$(dirname "$(readlink -f "$binary")")")/release"
  if [ -f "$release" ]; then
    version="$(sed -n 's/^JAVA_VERSION="\([0-9]*\).*/\1/p' "$release")"
    if [ -n "$version" ]; then
      echo "$version"
      return 0
    fi
  fi
  "$1" -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = \([0-9]*\).*/\1/p'
}

# Prints the home of a Java >= 21 that has bin/$1 (default java; see the order above); returns 1 when there is none.
find_java_home() {
  local tool="${1:-java}" candidate major best="" best_major=0
  if [ -n "${JAVA_HOME:-}" ] && [ -x "$JAVA_HOME/bin/$tool" ] \
      && [ "$(java_major "$JAVA_HOME/bin/java")" -ge 21 ] 2>/dev/null; then
    echo "${JAVA_HOME%/}"
    return 0
  fi
  for candidate in /usr/lib/jvm/*/ /Library/Java/JavaVirtualMachines/*/Contents/Home/ "${HOME:-/nonexistent}"/.sdkman/candidates/java/*/; do
    candidate="${candidate%/}"
    [ -x "$candidate/bin/$tool" ] || continue
    major="$(java_major "$candidate/bin/java")"
    if [ "${major:-0}" -ge 21 ] 2>/dev/null && [ "$major" -gt "$best_major" ]; then
      best="$candidate" best_major="$major"
    fi
  done
  if [ -n "$best" ]; then
    echo "$best"
    return 0
  fi
  if command -v "$tool" >/dev/null 2>&1 && [ "$(java_major java)" -ge 21 ] 2>/dev/null; then
    dirname "$(dirname "$(readlink -f "$(command -v "$tool")")")"
    return 0
  fi
  return 1
}

# The JVM options Maven needs on a JDK: on 24+ Maven's bundled Guava prints sun.misc.Unsafe warnings that say
# nothing about autogen. Prints MAVEN_OPTS extended for the JDK at $1.
maven_opts_for() {
  local options="${MAVEN_OPTS:-}"
  if [ "$(java_major "$1/bin/java")" -ge 24 ] 2>/dev/null && [[ "$options" != *sun-misc-unsafe-memory-access* ]]; then
    options="${options:+$options }--sun-misc-unsafe-memory-access=allow"
  fi
  echo "$options"
}
