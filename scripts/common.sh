# Shared by scripts/up and scripts/test: fail loudly, find the project, make sure a JDK is there.
set -euo pipefail

PROJECT_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

die() {
    echo "error: $*" >&2
    exit 1
}

# The build needs a JDK 17 or newer (javac); this kind of machine has one, a bare Debian may not.
require_jdk() {
    if command -v javac >/dev/null 2>&1 && javac -version 2>&1 | grep -Eq 'javac (1[7-9]|[2-9][0-9])'; then
        return 0
    fi
    echo "installing a JDK 17 (openjdk-17-jdk-headless) ..." >&2
    [ "$(id -u)" = 0 ] || die "a JDK 17+ is missing and installing it needs root: apt-get install openjdk-17-jdk-headless"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq || die "apt-get update failed"
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jdk-headless >/dev/null \
        || die "cannot install openjdk-17-jdk-headless"
}
