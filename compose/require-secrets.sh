# Sourced (bash) by the start scripts of the compose containers with the names of the secrets the
# container needs. Stops it with a clear message when one is missing or would break the JAAS, SCRAM,
# MongoDB URI or realm-file string it is put into: docker-compose.yml leaves a secret missing from
# .env empty rather than failing, so that `docker-compose config` runs on a fresh clone.
for name in "$@"; do
  value="${!name-}"
  if [[ -z $value ]]; then
    echo "$name is empty: copy compose/.env.example to .env and set every secret in it" >&2
    exit 1
  fi
  if [[ $value == change-me* ]]; then
    echo "$name still has its example value from compose/.env.example: set a random one" >&2
    exit 1
  fi
  if [[ ! $value =~ ^[A-Za-z0-9_-]{16,}$ ]]; then
    echo "$name must be at least 16 characters from A-Z a-z 0-9 _ - (e.g. openssl rand -hex 24)" >&2
    exit 1
  fi
done
