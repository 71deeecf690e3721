# shellcheck shell=sh
# scripts/java-home.sh — source me:   . scripts/java-home.sh   (bash, zsh, dash)
#
# Makes sure JAVA_HOME points to a JDK >= 21 (override with HD_JAVA_MIN) and
# that its bin/ comes first in PATH. Keeps a suitable JAVA_HOME as it is;
# otherwise picks the newest JDK in /usr/lib/jvm (Temurin preferred on a tie).
# Returns 1 with installation hints when there is none.
#
# Executed instead of sourced, it prints the export lines, for
#   eval "$(scripts/java-home.sh)"
#
# Written in plain POSIX sh with _hd_-prefixed variables (unset at the end)
# because it runs inside the caller's shell; no `set -e` for the same reason.

# Prints the major version of the JDK in directory $1; fails if $1 is not a
# JDK (a JRE has no javac, and Maven needs one). Reads the `release` file when
# present, because starting a JVM per candidate costs ~100 ms; $2 = "run"
# forces asking `java -version` itself.
_hd_jdk_major() {
  [ -x "$1/bin/java" ] && [ -x "$1/bin/javac" ] || return 1
  _hd_v=
  if [ "${2:-}" != run ] && [ -r "$1/release" ]; then
    _hd_v=$(sed -n 's/^JAVA_VERSION="\([^"]*\)".*/\1/p' "$1/release")
  fi
  if [ -z "$_hd_v" ]; then
    # First line looks like: openjdk version "25" 2025-09-16 / java version "1.8.0_392"
    _hd_v=$("$1/bin/java" -version 2>&1 | sed -n '1s/^[^"]*"\([^"]*\)".*/\1/p')
  fi
  case $_hd_v in 1.*) _hd_v=${_hd_v#1.} ;; esac
  _hd_v=${_hd_v%%[!0-9]*}
  [ -n "$_hd_v" ] || return 1
  echo "$_hd_v"
}

_hd_java_home() {
  _hd_min=${HD_JAVA_MIN:-21}

  # 1. Current JAVA_HOME, checked the authoritative way (java -version).
  if [ -n "${JAVA_HOME:-}" ] && _hd_major=$(_hd_jdk_major "$JAVA_HOME" run) && [ "$_hd_major" -ge "$_hd_min" ]; then
    _hd_changed=0
  else
    # 2. Newest JDK >= min in /usr/lib/jvm. Symlinks are aliases of real dirs
    #    there (java-1.17.0-openjdk-amd64 -> java-17-openjdk-amd64), so skip them.
    #    `ls` rather than a glob: an unmatched glob is an error in zsh.
    _hd_best='' _hd_best_major=0
    # shellcheck disable=SC2045  # JDK dir names have no spaces; see above
    for _hd_name in $(ls /usr/lib/jvm 2>/dev/null); do
      _hd_dir=/usr/lib/jvm/$_hd_name
      if [ ! -d "$_hd_dir" ] || [ -L "$_hd_dir" ]; then continue; fi
      _hd_major=$(_hd_jdk_major "$_hd_dir") || continue
      [ "$_hd_major" -ge "$_hd_min" ] || continue
      if [ "$_hd_major" -gt "$_hd_best_major" ] ||
         { [ "$_hd_major" -eq "$_hd_best_major" ] && case $_hd_name in *temurin*) true ;; *) false ;; esac; }; then
        _hd_best=$_hd_dir _hd_best_major=$_hd_major
      fi
    done
    # Confirm the winner actually runs (the release file could be stale).
    if [ -z "$_hd_best" ] || ! _hd_major=$(_hd_jdk_major "$_hd_best" run) || [ "$_hd_major" -lt "$_hd_min" ]; then
      {
        echo "java-home: no JDK >= $_hd_min found (JAVA_HOME=${JAVA_HOME:-<unset>}; searched /usr/lib/jvm)."
        echo "  Install one, for example:"
        echo "    sudo apt-get install openjdk-21-jdk      # Debian 13+, Ubuntu 22.04+"
        echo "    Eclipse Temurin (any Debian/Ubuntu, incl. Debian 12): https://adoptium.net/installation/linux/"
        echo "      -> apt repo https://packages.adoptium.net/artifactory/deb, package temurin-21-jdk (or newer)"
        echo "  or set JAVA_HOME to a JDK >= $_hd_min and source this script again."
      } >&2
      return 1
    fi
    JAVA_HOME=$_hd_best
    _hd_changed=1
  fi

  export JAVA_HOME
  case ":$PATH:" in
    ":$JAVA_HOME/bin:"*) ;;                       # already first
    *) PATH="$JAVA_HOME/bin:$PATH"; export PATH ;;
  esac
  [ "$_hd_changed" = 0 ] || echo "java-home: JAVA_HOME=$JAVA_HOME (Java $_hd_major)" >&2
  return 0
}

_hd_java_home
_hd_rc=$?
unset _hd_v _hd_min _hd_major _hd_changed _hd_best _hd_best_major _hd_name _hd_dir
unset -f _hd_jdk_major _hd_java_home

# Executed rather than sourced (detectable in bash): print the exports.
# shellcheck disable=SC3028  # only read when running under bash
if [ -n "${BASH_VERSION:-}" ] && [ "${BASH_SOURCE:-}" = "$0" ]; then
  if [ "$_hd_rc" = 0 ]; then
    printf 'export JAVA_HOME=%s\nexport PATH=%s\n' "'$JAVA_HOME'" "'$PATH'"
    echo "java-home: note: this file is meant to be sourced (. scripts/java-home.sh)" >&2
  fi
  exit "$_hd_rc"
fi
# eval expands the status first, so no helper variable outlives the script.
eval "unset _hd_rc; return $_hd_rc"
