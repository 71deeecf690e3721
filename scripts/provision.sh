#!/usr/bin/env bash
# scripts/provision.sh — make this machine ready to build, test and run HummDesk.
#
# Ensures (idempotently; a second run on a provisioned machine takes well under 2 s):
#   * PostgreSQL is installed and accepting connections on $HD_DB_HOST:$HD_DB_PORT,
#   * the pgvector extension is available to that server (Debian package, or built
#     from Debian's own source package when no binary package exists),
#   * Redis answers PING on $HD_REDIS_HOST:$HD_REDIS_PORT,
#   * Debian's chromium is installed (for the web app's browser test; HD_PROVISION_CHROMIUM=0 skips),
#   * roles and databases exist with the expected attributes:
#       hummdesk_owner  LOGIN CREATEDB NOSUPERUSER   owns the databases, runs migrations
#       hummdesk_app    LOGIN NOSUPERUSER NOBYPASSRLS NOCREATEDB, member of no role,
#                       owner of nothing (migrations GRANT it what it needs; RLS applies)
#       hummdesk        database for running the app, with extension vector
#       hummdesk_test   database used by the tests as template, with extension vector
#
# Installing packages needs root on Debian/Ubuntu. Without that (or with
# HD_PROVISION_DRY=1) the script only checks: it exits 0 when everything is
# already in place, otherwise it prints what is missing and how to get it, and
# exits 1. Role/database setup only needs a PostgreSQL superuser connection,
# so it also works against the docker-compose.yml services at the repo root:
#     docker compose up -d && HD_PG_SUPERUSER_PASSWORD=postgres scripts/provision.sh
#
# If DATABASE_URL points to a non-local host, nothing local is provisioned: the
# script only checks that the database is reachable and has pgvector.
#
# Environment (all optional):
#   HD_DB_NAME (hummdesk)  HD_TEST_DB_NAME (<HD_DB_NAME>_test)
#   HD_DB_OWNER (hummdesk_owner)   HD_DB_OWNER_PASSWORD (= owner name)
#   HD_DB_APP_ROLE (hummdesk_app)  HD_DB_APP_PASSWORD (= app role name)
#   HD_DB_HOST (127.0.0.1)  HD_DB_PORT (5432)
#   HD_PG_SUPERUSER (postgres)  HD_PG_SUPERUSER_PASSWORD (empty: peer/trust auth)
#   HD_REDIS_HOST (127.0.0.1)   HD_REDIS_PORT (6379)
#   HD_PROVISION_CHROMIUM (1)  0 = do not require/install chromium (only the web app test needs it)
#   HD_PROVISION_DRY=1  check only, change nothing
#   DATABASE_URL        postgresql://… or jdbc:postgresql://…; non-local => check only
set -euo pipefail

SCRIPT_START=$(date +%s%N)

DB_NAME=${HD_DB_NAME:-hummdesk}
TEST_DB_NAME=${HD_TEST_DB_NAME:-${DB_NAME}_test}
OWNER=${HD_DB_OWNER:-hummdesk_owner}
OWNER_PASSWORD=${HD_DB_OWNER_PASSWORD:-$OWNER}
APP=${HD_DB_APP_ROLE:-hummdesk_app}
APP_PASSWORD=${HD_DB_APP_PASSWORD:-$APP}
PG_HOST=${HD_DB_HOST:-127.0.0.1}
PG_PORT=${HD_DB_PORT:-5432}
PG_SUPERUSER=${HD_PG_SUPERUSER:-postgres}
PG_SUPERUSER_PASSWORD=${HD_PG_SUPERUSER_PASSWORD:-}
REDIS_HOST=${HD_REDIS_HOST:-127.0.0.1}
REDIS_PORT=${HD_REDIS_PORT:-6379}
DRY=${HD_PROVISION_DRY:-0}

# Ambient libpq settings (PGHOST, PGUSER, ...) would silently redirect our psql
# calls to another server or role; every connection below is fully explicit.
unset PGHOST PGHOSTADDR PGPORT PGUSER PGDATABASE PGPASSWORD PGSERVICE PGOPTIONS
export PGCONNECT_TIMEOUT=5
# Keep "already exists, skipping" NOTICEs out of the output.
export PGOPTIONS='-c client_min_messages=warning'
export DEBIAN_FRONTEND=noninteractive

MISSING=()        # human-readable "what is missing -> how to get it" entries
CLEANUP=()        # temp files/dirs removed on exit
CAN_INSTALL=0     # 1 = root on Debian/Ubuntu with apt-get, not a dry run
APT_UPDATED=0
SU_PSQL=()        # command prefix for a superuser psql session; empty = none
PG_MAJOR=""       # major version of the running server
VECTOR_OK=0       # 1 = pgvector is available to the server
TS_MATCH_LEAKPROOF='ALTER FUNCTION pg_catalog.ts_match_vq(tsvector, tsquery) LEAKPROOF'
VECTOR_REPORTED=0 # 1 = missing pgvector is already in MISSING

# ---------------------------------------------------------------- helpers ---

log()  { printf '[provision] %s\n' "$*"; }
warn() { printf '[provision] WARNING: %s\n' "$*" >&2; }
missing() { MISSING+=("$1"); }

cleanup() {
  local p
  for p in "${CLEANUP[@]}"; do rm -rf -- "$p"; done
}
trap cleanup EXIT
# Turn signals into a normal exit so the EXIT trap (cleanup) runs.
trap 'exit 130' INT TERM HUP

is_local_host() {
  case "$1" in ''|127.0.0.1|localhost|::1|/*) return 0 ;; *) return 1 ;; esac
}

is_debian_like() {
  [[ -r /etc/os-release ]] || return 1
  local id_all
  # shellcheck disable=SC1091
  id_all=$(. /etc/os-release; echo "${ID:-} ${ID_LIKE:-}")
  [[ " $id_all " == *" debian "* || " $id_all " == *" ubuntu "* ]]
}

# Identifiers are interpolated into SQL via format('%I') but also into shell
# messages; restricting them keeps both simple and safe.
validate_identifiers() {
  local v
  for v in "$DB_NAME" "$TEST_DB_NAME" "$OWNER" "$APP" "$PG_SUPERUSER"; do
    [[ $v =~ ^[a-z_][a-z0-9_]*$ ]] || { echo "invalid identifier: '$v' (use [a-z_][a-z0-9_]*)" >&2; exit 2; }
  done
}

apt_update() {
  log "apt-get update"
  apt-get update -qq && APT_UPDATED=1
}

# apt-get install; on failure refresh the package lists once and retry (lists
# may be missing or stale, e.g. in a fresh container image).
apt_install() {
  log "apt-get install $*"
  if apt-get install -y -qq --no-install-recommends "$@" >/dev/null; then return 0; fi
  (( APT_UPDATED )) && return 1
  apt_update || return 1
  apt-get install -y -qq --no-install-recommends "$@" >/dev/null
}

# True if apt knows an installable version of the package.
apt_has_candidate() {
  local cand
  cand=$(apt-cache policy "$1" 2>/dev/null | awk '/Candidate:/ {print $2}')
  [[ -n $cand && $cand != "(none)" ]]
}

# psql as the given role over TCP with a password, i.e. the way the app connects.
psql_as() { # role password db [psql args...]
  local role=$1 pw=$2 db=$3; shift 3
  PGPASSWORD=$pw psql -X -q -At -v ON_ERROR_STOP=1 -h "$PG_HOST" -p "$PG_PORT" -U "$role" -d "$db" "$@"
}

# psql as a superuser (requires detect_superuser_access to have succeeded).
# The password goes through the environment, never the command line (ps).
psql_su() { # db [psql args...]
  local db=$1; shift
  PGPASSWORD=$PG_SUPERUSER_PASSWORD "${SU_PSQL[@]}" -d "$db" "$@"
}

# Read-only catalog queries: superuser if we have it, else the owner or app
# role (a non-root user on a provisioned machine may only have those).
READ_AS=""        # su | owner | app; empty = cannot log in at all
detect_read_access() {
  if (( ${#SU_PSQL[@]} )); then READ_AS=su; return 0; fi
  if psql_as "$OWNER" "$OWNER_PASSWORD" postgres -c 'select 1' >/dev/null 2>&1; then READ_AS=owner; return 0; fi
  if psql_as "$APP" "$APP_PASSWORD" postgres -c 'select 1' >/dev/null 2>&1; then READ_AS=app; return 0; fi
  return 1
}
psql_read() {
  case $READ_AS in
    su)    psql_su postgres "$@" ;;
    owner) psql_as "$OWNER" "$OWNER_PASSWORD" postgres "$@" ;;
    app)   psql_as "$APP" "$APP_PASSWORD" postgres "$@" ;;
    *)     return 1 ;;
  esac
}

pg_accepting() { pg_isready -q -h "$PG_HOST" -p "$PG_PORT" -t 3 >/dev/null 2>&1; }

# Prints "<version> <cluster>" of the local Debian cluster configured on $PG_PORT.
local_cluster_for_port() {
  command -v pg_lsclusters >/dev/null || return 1
  pg_lsclusters -h 2>/dev/null | awk -v p="$PG_PORT" '$3 == p {print $1, $2; exit}'
}

newest_installed_pg_version() {
  local d v best=""
  for d in /usr/lib/postgresql/*/bin/postgres; do
    [[ -x $d ]] || continue
    v=${d#/usr/lib/postgresql/}; v=${v%%/*}
    if [[ -z $best ]] || (( v > best )); then best=$v; fi
  done
  [[ -n $best ]] && echo "$best"
}

# --------------------------------------------------------------- postgres ---

ensure_postgres_running() {
  if ! command -v pg_isready >/dev/null || ! command -v psql >/dev/null; then
    if (( CAN_INSTALL )) && is_local_host "$PG_HOST"; then
      apt_install postgresql || { missing "PostgreSQL: 'apt-get install postgresql' failed -> fix apt, or use the docker compose route below"; return 1; }
    else
      missing "PostgreSQL client tools (psql, pg_isready) -> apt-get install postgresql-client (or postgresql for a local server)"
      return 1
    fi
  fi

  if pg_accepting; then return 0; fi

  if ! is_local_host "$PG_HOST"; then
    missing "PostgreSQL at $PG_HOST:$PG_PORT is not accepting connections -> start it, or fix HD_DB_HOST/HD_DB_PORT"
    return 1
  fi
  if ! (( CAN_INSTALL )); then
    local c; c=$(local_cluster_for_port || true)
    if [[ -n $c ]]; then
      missing "PostgreSQL cluster ${c% *}/${c#* } is not running on port $PG_PORT -> sudo pg_ctlcluster --skip-systemctl-redirect ${c% *} ${c#* } start"
    else
      missing "PostgreSQL server on $PG_HOST:$PG_PORT -> sudo scripts/provision.sh (apt-get install postgresql), or the docker compose route below"
    fi
    return 1
  fi

  # Root on Debian/Ubuntu: install the server if needed, create a cluster if
  # there is none, and start it (no systemd in containers, hence pg_ctlcluster).
  if [[ -z $(newest_installed_pg_version || true) ]]; then
    apt_install postgresql || { missing "PostgreSQL server: 'apt-get install postgresql' failed -> fix apt, or use the docker compose route below"; return 1; }
  fi
  local cluster ver name
  cluster=$(local_cluster_for_port || true)
  if [[ -z $cluster ]]; then
    ver=$(newest_installed_pg_version)
    if pg_lsclusters -h 2>/dev/null | awk -v v="$ver" '$1 == v && $2 == "main" {f=1} END {exit !f}'; then
      missing "PostgreSQL: cluster $ver/main exists but is not configured for port $PG_PORT -> set HD_DB_PORT to its port"
      return 1
    fi
    # shared_buffers: a quarter of RAM (128 MB .. 8 GB) instead of Debian's 128 MB, so the knowledge base's
    # vector indexes stay in PostgreSQL's cache (BENCHMARKS.md, issue 6: account 1's search p99 ~6 -> ~4.5 ms).
    local ram_mb buffers_mb
    ram_mb=$(awk '/^MemTotal:/ {print int($2 / 1024)}' /proc/meminfo 2>/dev/null || echo 512)
    buffers_mb=$(( ram_mb / 4 < 128 ? 128 : ram_mb / 4 > 8192 ? 8192 : ram_mb / 4 ))
    log "creating PostgreSQL cluster $ver/main on port $PG_PORT (shared_buffers ${buffers_mb} MB)"
    pg_createcluster --port "$PG_PORT" "$ver" main -o "shared_buffers=${buffers_mb}MB" >/dev/null
    cluster="$ver main"
  fi
  ver=${cluster% *}; name=${cluster#* }
  log "starting PostgreSQL cluster $ver/$name"
  pg_ctlcluster --skip-systemctl-redirect "$ver" "$name" start || true
  local _
  for _ in $(seq 1 30); do pg_accepting && return 0; sleep 1; done
  missing "PostgreSQL cluster $ver/$name did not start -> see /var/log/postgresql/postgresql-$ver-$name.log"
  return 1
}

# Finds a way to run psql as a PostgreSQL superuser: peer auth over the unix
# socket as the postgres OS user (root only), else TCP as $PG_SUPERUSER (trust
# auth, or HD_PG_SUPERUSER_PASSWORD e.g. for the docker compose service).
detect_superuser_access() {
  local base=(psql -X -q -At -v ON_ERROR_STOP=1 -p "$PG_PORT")
  local is_su='select rolsuper from pg_roles where rolname = current_user'
  if is_local_host "$PG_HOST" && (( EUID == 0 )) && command -v runuser >/dev/null \
     && getent passwd postgres >/dev/null; then
    SU_PSQL=(runuser -u postgres -- "${base[@]}")
    [[ $(psql_su postgres -c "$is_su" 2>/dev/null) == t ]] && return 0
  fi
  SU_PSQL=("${base[@]}" -h "$PG_HOST" -U "$PG_SUPERUSER")
  [[ $(psql_su postgres -c "$is_su" 2>/dev/null) == t ]] && return 0
  SU_PSQL=()
  return 1
}

detect_server_version() {
  local num
  num=$(psql_read -c 'show server_version_num' 2>/dev/null) || return 1
  PG_MAJOR=$(( num / 10000 ))
}

vector_available() {
  [[ $(psql_read -c "select 1 from pg_available_extensions where name = 'vector'" 2>/dev/null) == 1 ]]
}

# --------------------------------------------------------------- pgvector ---

ensure_pgvector() {
  if vector_available; then return 0; fi

  local cluster; cluster=$(local_cluster_for_port || true)
  if (( CAN_INSTALL )) && [[ ${cluster% *} == "$PG_MAJOR" ]]; then
    install_pgvector "$PG_MAJOR" || true
    if vector_available; then log "pgvector is now available"; return 0; fi
    missing "pgvector for PostgreSQL $PG_MAJOR: installation failed (see output above)"
    return 1
  fi
  missing "pgvector extension for PostgreSQL ${PG_MAJOR:-?} at $PG_HOST:$PG_PORT -> sudo scripts/provision.sh (installs postgresql-${PG_MAJOR:-<ver>}-pgvector or builds it from Debian's source package); or from PGDG (https://wiki.postgresql.org/wiki/Apt): apt-get install postgresql-${PG_MAJOR:-<ver>}-pgvector; or the docker compose route below"
  return 1
}

install_pgvector() { # pg major version
  local ver=$1 pkg="postgresql-$1-pgvector"
  # Binary package first: exists in PGDG, Ubuntu universe and Debian >= trixie.
  if apt_has_candidate "$pkg"; then
    apt_install "$pkg" && return 0
  fi
  build_pgvector_from_debian_source "$ver"
}

# Debian mirror used by this machine's own apt sources (deb822 or one-line).
debian_mirror() {
  local url
  url=$(cat /etc/apt/sources.list.d/*.sources 2>/dev/null | awk '/^URIs:/ {for (i = 2; i <= NF; i++) print $i}' \
        | grep -E '/debian/?$' | head -n1 || true)
  if [[ -z $url ]]; then
    url=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list 2>/dev/null \
          | awk '$1 == "deb" {for (i = 2; i <= NF; i++) if ($i ~ /^[a-z]+:\/\//) {print $i; break}}' \
          | grep -E '/debian/?$' | head -n1 || true)
  fi
  echo "${url:-http://deb.debian.org/debian}"
}

# bookworm (and older) has no pgvector package, but trixie ships its source.
# Only a deb-src entry is added, so no binary package can ever come from trixie;
# it is removed again afterwards so later apt-get updates stay as they were.
# The build uses PGXS against the running server's major version.
build_pgvector_from_debian_source() {
  local ver=$1
  local keyring=/usr/share/keyrings/debian-archive-keyring.gpg
  local src_list=/etc/apt/sources.list.d/hummdesk-trixie-src.list
  local pg_config=/usr/lib/postgresql/$ver/bin/pg_config
  local mirror; mirror=$(debian_mirror)
  [[ -r $keyring ]] || { warn "$keyring missing (apt-get install debian-archive-keyring)"; return 1; }

  log "building pgvector for PostgreSQL $ver from Debian trixie source (takes ~30-60 s)"
  echo "deb-src [signed-by=$keyring] $mirror trixie main" > "$src_list"
  CLEANUP+=("$src_list")
  apt_update || { warn "apt-get update failed"; return 1; }

  # Paranoia: our entry is source-only, but make sure nothing on this machine
  # would pull binaries from trixie (that would be a partial dist-upgrade).
  if apt-cache policy 2>/dev/null | grep -qE 'n=trixie'; then
    warn "apt has binary trixie sources configured (not by this script); not touching them"
  fi
  # A refreshed package list may now offer a binary package after all (PGDG).
  if apt_has_candidate "postgresql-$ver-pgvector"; then
    apt_install "postgresql-$ver-pgvector" && return 0
  fi

  apt_install "postgresql-server-dev-$ver" build-essential || { warn "cannot install build dependencies"; return 1; }

  local work; work=$(mktemp -d /tmp/hummdesk-pgvector.XXXXXX)
  CLEANUP+=("$work")
  chmod 755 "$work"   # apt-get source downloads as the _apt user
  ( cd "$work" && apt-get source -qq pgvector/trixie >"$work/source.log" 2>&1 ) \
    || { cat "$work/source.log" >&2; warn "apt-get source pgvector failed"; return 1; }
  local srcdir; srcdir=$(find "$work" -mindepth 1 -maxdepth 1 -type d -name 'pgvector-*' | head -n1)
  [[ -n $srcdir ]] || { warn "pgvector source tree not found"; return 1; }

  # OPTFLAGS= drops upstream's -march=native, as Debian's own build does, so
  # the library keeps working if the VM moves to another CPU.
  local make_args=(-C "$srcdir" PG_CONFIG="$pg_config" OPTFLAGS=)
  log "compiling $(basename "$srcdir")"
  if ! { make "${make_args[@]}" -j"$(nproc)" && make "${make_args[@]}" install; } >"$work/build.log" 2>&1; then
    tail -n 30 "$work/build.log" >&2; warn "pgvector build failed"; return 1
  fi
  log "installed $(basename "$srcdir") into $("$pg_config" --pkglibdir)"
}

# ------------------------------------------------------------------ redis ---

redis_ping() {
  # Plain RESP over bash's /dev/tcp: works without redis-cli and for remote hosts.
  local reply
  # shellcheck disable=SC2016  # $1/$2 are expanded by the inner bash
  reply=$(timeout 3 bash -c 'exec 3<>"/dev/tcp/$1/$2" && printf "PING\r\n" >&3 && IFS= read -r line <&3 && printf %s "$line"' \
          _ "$REDIS_HOST" "$REDIS_PORT" 2>/dev/null) || return 1
  reply=${reply%$'\r'}
  if [[ $reply == +PONG ]]; then return 0; fi
  if [[ $reply == -NOAUTH* ]]; then warn "Redis at $REDIS_HOST:$REDIS_PORT requires a password"; return 0; fi
  return 1
}

ensure_redis() {
  redis_ping && return 0
  if ! is_local_host "$REDIS_HOST"; then
    missing "Redis at $REDIS_HOST:$REDIS_PORT does not answer PING -> start it, or fix HD_REDIS_HOST/HD_REDIS_PORT"
    return 1
  fi
  if ! command -v redis-server >/dev/null; then
    if (( CAN_INSTALL )); then
      apt_install redis-server || { missing "Redis: 'apt-get install redis-server' failed"; return 1; }
      redis_ping && return 0   # the package's init script may have started it
    else
      missing "Redis server on $REDIS_HOST:$REDIS_PORT -> sudo apt-get install redis-server, or the docker compose route below"
      return 1
    fi
  fi
  if [[ $DRY == 1 ]]; then
    missing "Redis is installed but not running -> redis-server --daemonize yes --bind 127.0.0.1 --port $REDIS_PORT --save \"\""
    return 1
  fi
  # No systemd here; a throwaway cache without persistence is all we need.
  log "starting redis-server on 127.0.0.1:$REDIS_PORT"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --save "" >/dev/null || true
  local _
  for _ in $(seq 1 25); do redis_ping && return 0; sleep 0.2; done
  missing "Redis did not start on 127.0.0.1:$REDIS_PORT -> run redis-server in the foreground to see why"
  return 1
}

# ------------------------------------------------------ roles & databases ---

# All statements are generated by SELECT ... \gexec so that only what is missing
# or wrong gets executed (CREATE DATABASE cannot run inside a DO block).
# Role attributes and passwords are (re)applied every time: cheap, fixes drift.
ensure_roles_and_databases() {
  psql_su postgres -v owner="$OWNER" -v owner_pw="$OWNER_PASSWORD" -v app="$APP" -v app_pw="$APP_PASSWORD" \
    -v db="$DB_NAME" -v testdb="$TEST_DB_NAME" <<'SQL' || return 1
SELECT format('CREATE ROLE %I', r) FROM unnest(ARRAY[:'owner', :'app']) r
 WHERE NOT EXISTS (SELECT 1 FROM pg_roles WHERE rolname = r) \gexec

SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER CREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD %L',
              :'owner', :'owner_pw') \gexec
SELECT format('ALTER ROLE %I LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS PASSWORD %L',
              :'app', :'app_pw') \gexec

-- The app role must not inherit anything from other roles (RLS, least privilege).
SELECT format('REVOKE %I FROM %I', g.rolname, :'app')
  FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
 WHERE m.member = (SELECT oid FROM pg_roles WHERE rolname = :'app') \gexec

SELECT format('CREATE DATABASE %I OWNER %I', d, :'owner') FROM unnest(ARRAY[:'db', :'testdb']) d
 WHERE NOT EXISTS (SELECT 1 FROM pg_database WHERE datname = d) \gexec
SELECT format('ALTER DATABASE %I OWNER TO %I', datname, :'owner') FROM pg_database
 WHERE datname IN (:'db', :'testdb') AND datdba <> (SELECT oid FROM pg_roles WHERE rolname = :'owner') \gexec
SQL

  # Row-level security keeps the planner from using an index with an operator not marked LEAKPROOF, so the
  # full-text GIN indexes would sit unused for the application role. The text-search match cannot leak row
  # contents (it raises no data-dependent errors), so the superuser marks it so in each database.
  # pgvector is not a trusted extension, so the superuser creates it; the test
  # databases cloned from $TEST_DB_NAME inherit it.
  (( VECTOR_OK )) || return 0
  local db
  for db in "$DB_NAME" "$TEST_DB_NAME"; do
    psql_su "$db" -c 'CREATE EXTENSION IF NOT EXISTS vector' -c "$TS_MATCH_LEAKPROOF" || return 1
  done
}

# Checks everything the way the application and the tests will see it: over
# TCP, with the roles' own passwords, so it works for root and non-root alike.
# One psql process per database (process start-up dominates the run time).
# Problems go to VERIFY_ISSUES / VERIFY_WARNINGS; the caller decides whether
# they are final or about to be fixed.
VERIFY_ISSUES=()
VERIFY_WARNINGS=()
verify_database_setup() {
  VERIFY_ISSUES=(); VERIFY_WARNINGS=()
  local errf out rc line err db
  errf=$(mktemp); CLEANUP+=("$errf")
  for db in "$DB_NAME" "$TEST_DB_NAME"; do
    # Second command: the vector type must actually work (i.e. vector.so loads).
    rc=0
    out=$(psql_as "$OWNER" "$OWNER_PASSWORD" "$db" -F '|' -c "
        select pg_get_userbyid(d.datdba), coalesce((select extversion from pg_extension where extname = 'vector'), ''),
               (select proleakproof from pg_proc where oid = 'pg_catalog.ts_match_vq(tsvector,tsquery)'::regprocedure)
          from pg_database d where d.datname = current_database()" \
        -c "select '[1,2,3]'::vector <-> '[1,2,4]'" 2>"$errf") || rc=$?
    err=$(head -n1 "$errf")
    line=${out%%$'\n'*}
    if [[ -z $line ]]; then
      VERIFY_ISSUES+=("database '$db' is not reachable as '$OWNER' at $PG_HOST:$PG_PORT ($err) -> sudo scripts/provision.sh, or run it with HD_PG_SUPERUSER_PASSWORD set")
      continue
    fi
    [[ ${line##*|} == t ]] || VERIFY_ISSUES+=("full-text match is not LEAKPROOF in '$db' (search would ignore its indexes under row-level security) -> as superuser: psql -d $db -c '$TS_MATCH_LEAKPROOF'")
    line=${line%|*}
    [[ ${line%%|*} == "$OWNER" ]] || VERIFY_ISSUES+=("database '$db' is owned by '${line%%|*}', not '$OWNER' -> as superuser: ALTER DATABASE $db OWNER TO $OWNER")
    if [[ -z ${line#*|} ]]; then
      # Not listed separately when pgvector itself is missing (reported already).
      (( VECTOR_REPORTED )) || VERIFY_ISSUES+=("extension vector is not created in database '$db' -> as superuser: psql -d $db -c 'CREATE EXTENSION vector'")
    elif (( rc != 0 )); then
      VERIFY_ISSUES+=("extension vector exists in '$db' but does not work: $err")
    fi
  done

  local super bypass createdb memberships owned owner_flags
  if ! out=$(psql_as "$APP" "$APP_PASSWORD" "$DB_NAME" -F '|' -c "
      select r.rolsuper, r.rolbypassrls, r.rolcreatedb,
             (select count(*) from pg_auth_members m where m.member = r.oid),
             (select count(*) from pg_shdepend s where s.refobjid = r.oid and s.deptype = 'o'),
             (select o.rolsuper::text || o.rolcreatedb::text from pg_roles o where o.rolname = '$OWNER')
        from pg_roles r where r.rolname = current_user" 2>&1); then
    VERIFY_ISSUES+=("cannot connect to '$DB_NAME' as '$APP' ($(head -n1 <<<"$out")) -> sudo scripts/provision.sh")
  else
    IFS='|' read -r super bypass createdb memberships owned owner_flags <<<"$out"
    [[ $super$bypass$createdb == fff ]] || VERIFY_ISSUES+=("role '$APP' must be NOSUPERUSER NOBYPASSRLS NOCREATEDB -> sudo scripts/provision.sh")
    [[ $memberships == 0 ]] || VERIFY_ISSUES+=("role '$APP' is a member of $memberships role(s); it must be a member of none -> sudo scripts/provision.sh")
    [[ $owner_flags == falsetrue ]] || VERIFY_ISSUES+=("role '$OWNER' must be NOSUPERUSER CREATEDB -> sudo scripts/provision.sh")
    # Objects are not ours to move around, so this is only a warning.
    [[ $owned == 0 ]] || VERIFY_WARNINGS+=("role '$APP' owns $owned object(s); it should own nothing (REASSIGN OWNED BY $APP TO $OWNER in the affected database)")
  fi
  (( ${#VERIFY_ISSUES[@]} == 0 ))
}

# ---------------------------------------------------- remote DATABASE_URL ---

url_host() {
  local u=${1#jdbc:}
  u=${u#*://}; u=${u%%/*}; u=${u%%\?*}; u=${u##*@}; u=${u%%,*}
  if [[ $u == \[* ]]; then u=${u#\[}; u=${u%%]*}; else u=${u%%:*}; fi
  echo "$u"
}

check_remote_database() {
  local url=${DATABASE_URL#jdbc:} out
  log "DATABASE_URL points to $(url_host "$DATABASE_URL"): checking it, not provisioning locally"
  command -v psql >/dev/null || { missing "psql -> apt-get install postgresql-client"; return 1; }
  if ! out=$(psql -X -At -F '|' -d "$url" -c "
      select current_setting('server_version'),
             coalesce((select extversion from pg_extension where extname = 'vector'), ''),
             exists (select 1 from pg_available_extensions where name = 'vector')" 2>&1); then
    missing "cannot connect to DATABASE_URL ($(head -n1 <<<"$out"))"
    return 1
  fi
  local version ext avail
  IFS='|' read -r version ext avail <<<"$out"
  if [[ -n $ext ]]; then
    log "ok: PostgreSQL $version, vector $ext"
  elif [[ $avail == t ]]; then
    missing "extension vector is available but not created in the DATABASE_URL database -> as a superuser there: CREATE EXTENSION vector"
  else
    missing "the DATABASE_URL server has no pgvector -> install pgvector there (most managed PostgreSQL services offer it)"
  fi
}

# --------------------------------------------------------------- chromium ---
# The web app's end-to-end test (WebAppE2EIT) drives Debian's own chromium package
# (never a browser downloaded by a test tool). Only the test command needs it, so
# scripts/run.sh can skip it with HD_PROVISION_CHROMIUM=0.

ensure_chromium() {
  [[ ${HD_PROVISION_CHROMIUM:-1} == 1 ]] || return 0
  if [[ -x /usr/bin/chromium ]]; then return 0; fi
  if (( CAN_INSTALL )); then
    apt_install chromium && [[ -x /usr/bin/chromium ]] && { log "ok: installed chromium"; return 0; }
    missing "chromium (web app end-to-end test): 'apt-get install chromium' failed -> fix apt, or skip the web app with ./mvnw verify -Dskip.frontend"
  else
    missing "chromium (web app end-to-end test) -> as root: apt-get install chromium (or skip the web app: ./mvnw verify -Dskip.frontend)"
  fi
  return 1
}

# ----------------------------------------------------------------- report ---

finish() {
  local ms=$(( ($(date +%s%N) - SCRIPT_START) / 1000000 ))
  if (( ${#MISSING[@]} )); then
    {
      echo
      echo "HummDesk provisioning is incomplete. Missing:"
      local m; for m in "${MISSING[@]}"; do echo "  - $m"; done
      cat <<EOF

How to get it:
  * As root on Debian/Ubuntu, this script installs and configures everything:
      sudo scripts/provision.sh
  * Or with Docker (repo root docker-compose.yml: pgvector/pgvector:pg16 + redis:7):
      docker compose up -d
      HD_PG_SUPERUSER_PASSWORD=postgres scripts/provision.sh   # creates roles and databases
  * Or point DATABASE_URL at an existing PostgreSQL (with pgvector) and Redis.
EOF
      (( EUID == 0 )) || echo "  (running as $(id -un), not root: nothing was installed)"
      [[ $DRY != 1 ]] || echo "  (HD_PROVISION_DRY=1: check only, nothing was changed)"
    } >&2
    exit 1
  fi
  log "all good in ${ms} ms: $SUMMARY, redis $REDIS_HOST:$REDIS_PORT"
}

# ------------------------------------------------------------------- main ---

main() {
  validate_identifiers
  if [[ $DRY != 1 && $EUID -eq 0 ]] && command -v apt-get >/dev/null && is_debian_like; then
    CAN_INSTALL=1
  fi
  [[ $DRY != 1 ]] || log "HD_PROVISION_DRY=1: checking only, changing nothing"

  SUMMARY="postgresql://$APP@$PG_HOST:$PG_PORT/$DB_NAME (owner $OWNER, test template $TEST_DB_NAME)"
  if [[ -n ${DATABASE_URL:-} ]] && ! is_local_host "$(url_host "$DATABASE_URL")"; then
    SUMMARY="DATABASE_URL on $(url_host "$DATABASE_URL")"
    check_remote_database || true
    ensure_redis || true
    ensure_chromium || true
    finish
    return
  fi

  if ensure_postgres_running; then
    # Fast path: an already provisioned machine passes verification straight
    # away; only otherwise do we look for superuser access and fix things.
    if ! verify_database_setup; then
      if ! detect_superuser_access && [[ $DRY != 1 ]]; then
        log "no PostgreSQL superuser access (needs root, or HD_PG_SUPERUSER_PASSWORD): only checking roles and databases"
      fi
      if ! detect_read_access; then
        # Cannot log in at all, so nothing can have changed: the first
        # verification's findings (with the server's error) are the answer.
        MISSING+=("${VERIFY_ISSUES[@]}")
      elif detect_server_version; then
        if ensure_pgvector; then VECTOR_OK=1; else VECTOR_REPORTED=1; fi
        # Roles and databases need a superuser; CREATE EXTENSION also needs pgvector.
        if (( ${#SU_PSQL[@]} )) && [[ $DRY != 1 ]]; then
          ensure_roles_and_databases || missing "setting up roles/databases failed (psql error above)"
        fi
      fi
      if [[ -n $READ_AS ]] && ! verify_database_setup; then MISSING+=("${VERIFY_ISSUES[@]}"); fi
    fi
    local w; for w in "${VERIFY_WARNINGS[@]}"; do warn "$w"; done
  fi
  ensure_redis || true
  ensure_chromium || true
  finish
}

main "$@"
