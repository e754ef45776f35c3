# Sourced by bin/test and bin/journey: installs the Debian packages the journey and the tests drive
# (the AWS CLI v2 from the awscli package, openssl) when they are missing.

lanyard_ensure_packages() {
  local missing=()
  [ -x /usr/bin/aws ] || missing+=(awscli)
  command -v openssl >/dev/null 2>&1 || missing+=(openssl)
  command -v curl >/dev/null 2>&1 || missing+=(curl)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" != 0 ] && ! command -v sudo >/dev/null 2>&1; then
    echo "lanyard: missing Debian packages: ${missing[*]}; install them with: apt-get install ${missing[*]}" >&2
    exit 69
  fi
  local sudo=""
  [ "$(id -u)" = 0 ] || sudo=sudo
  echo "lanyard: installing Debian packages: ${missing[*]}" >&2
  $sudo apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}
