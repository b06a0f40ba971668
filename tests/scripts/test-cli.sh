#!/bin/sh
# The command line as a script would use it: uncrumple info, slice, --screenshot, and bad input.
# Usage: test-cli.sh PATH_TO_UNCRUMPLE (needs a display for --screenshot: run under xvfb-run)
set -u
app=$1
data=${UNCRUMPLE_DATA_DIR:-${XDG_DATA_HOME:-$HOME/.local/share}/uncrumple/mnist}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
check() {
    name=$1; shift
    if "$@"; then echo "PASS: $name"; else echo "FAIL: $name"; failures=$((failures + 1)); fi
}
png_size() { # prints "WIDTHxHEIGHT" of a PNG from its IHDR chunk
    set -- $(od -An -tu1 -j16 -N8 "$1")
    echo "$(( ($1 << 24) + ($2 << 16) + ($3 << 8) + $4 ))x$(( ($5 << 24) + ($6 << 16) + ($7 << 8) + $8 ))"
}

out=$("$app" slice 'train_images[:, 7:-7, 7:-7]' 2>&1)
check "slice prints shape, dtype, sum" [ "$out" = "$(printf 'shape: (60000, 14, 14)\ndtype: uint8\nsum: 1068937369')" ]
out=$("$app" slice 'train_labels[4]' 2>&1)
check "train_labels[4] is 9" [ "$out" = "$(printf 'shape: ()\ndtype: uint8\nsum: 9')" ]
out=$("$app" slice 'train_images[10:100].shape' 2>&1)
check "attribute value" [ "$out" = "(90, 28, 28)" ]

out=$("$app" slice 'train_images[0, 30]' 2>&1)
check "out of bounds exits non-zero" [ $? -ne 0 ]
check "out of bounds in NumPy's words" [ "$out" = "uncrumple slice: index 30 is out of bounds for axis 1 with size 28" ]
out=$("$app" slice 'train_images[10:100' 2>&1)
check "syntax error exits non-zero" [ $? -ne 0 ]
check "syntax error is one line with its column" [ "$out" = "uncrumple slice: column 20: invalid syntax: expected ']' to close the '[' at column 13" ]

"$app" slice 'train_images[10:100, 7:-7, 7:-7]' --png "$tmp/slice.png" >/dev/null 2>&1
check "slice --png writes a grid" [ "$(png_size "$tmp/slice.png")" = "$((20 * 29 + 1))x$((5 * 29 + 1))" ]
err=$("$app" slice 'train_images' --png "$tmp/all.png" 2>&1 >/dev/null)
check "slice --png of 60000 images draws 400" [ "$(png_size "$tmp/all.png")" = "$((20 * 57 + 1))x$((20 * 57 + 1))" ]
check "slice --png says it drew 400 of 60000" [ "$err" = "note: $tmp/all.png shows the first 400 of the 60000 images" ]
for expr in 'train_images.shape' 'len(train_labels)' 'train_labels' 'train_images[0, 5]' 'train_images[:0]' 'train_images[:, 0]'; do
    err=$("$app" slice "$expr" --png "$tmp/refused.png" 2>&1 >/dev/null)
    code=$?
    check "slice '$expr' --png is refused with one line" [ "$code:$(printf '%s\n' "$err" | wc -l)" = "1:1" ]
    check "slice '$expr' --png writes no file" [ ! -e "$tmp/refused.png" ]
done
err=$("$app" slice 'train_images.shape' --png "$tmp/refused.png" 2>&1)
check "a tuple is not drawn" [ "$err" = "uncrumple slice: --png: nothing to draw: 'train_images.shape' is (60000, 28, 28), not an array" ]
err=$("$app" slice 'train_labels' --png "$tmp/refused.png" 2>&1)
check "labels are not drawn" [ "$err" = "uncrumple slice: --png draws images, shape (rows, cols) or (N, rows, cols); 'train_labels' has shape (60000,)" ]

out=$("$app" info "$data/train-labels-idx1-ubyte" 2>&1)
check "info on labels: shape" sh -c "echo '$out' | grep -qx 'shape: (60000,)'"
check "info on labels: histogram" sh -c "echo '$out' | grep -qx '  1: 6742'"
out=$("$app" info "$data/t10k-images-idx3-ubyte" 2>&1)
check "info on images" sh -c "echo '$out' | grep -qx 'shape: (10000, 28, 28)' && echo '$out' | grep -qx 'ndim: 3' && echo '$out' | grep -qx 'dtype: uint8'"
printf 'PK\003\004zip' > "$tmp/broken"
out=$("$app" info "$tmp/broken" 2>&1)
check "info on a broken file exits non-zero" [ $? -ne 0 ]
check "info names the file and the problem" sh -c "echo '$out' | grep -q '$tmp/broken: bad magic number'"
# A label file (magic 0x801, 3 labels) with a 12 among the digits.
printf '\000\000\010\001\000\000\000\003\007\014\002' > "$tmp/labels-idx1-ubyte"
out=$("$app" info "$tmp/labels-idx1-ubyte" 2>&1)
check "info on a label above 9 exits non-zero" [ $? -ne 0 ]
check "info names the bad label" sh -c "echo '$out' | grep -q 'label 12 at index 1 is above 9'"
"$app" info "$tmp/absent" >/dev/null 2>&1
check "info on a missing file exits non-zero" [ $? -ne 0 ]
# Issue 11: 12 bytes claiming a (46341, 46341) array, 2 GB: refused at once under a 1 GB limit
# (it was 2 GB zero-filled first, 2.4 s, and bad_alloc under a 4 GB limit).
printf '\000\000\010\002\000\000\265\005\000\000\265\005' >"$tmp/huge-idx"
limit='ulimit -v 1048576;'
# AddressSanitizer reserves terabytes of address space (its runtime is linked statically by clang,
# dynamically by GCC: look for it in the binary itself).
grep -qa __asan_init "$app" && limit=
out=$(sh -c "$limit"' exec timeout 5 "$0" info "$1"' "$app" "$tmp/huge-idx" 2>&1)
code=$?
check "info on a huge claim fails cleanly, at once" sh -c "[ $code -ne 0 ] && [ $code -lt 124 ]"
check "info on a huge claim gives the true size" sh -c "echo '$out' | grep -q 'needs 2147488281 bytes after the 12-byte header, found 0 (the file is 12 bytes)'"
mkfifo "$tmp/fifo"
out=$(timeout 30 "$app" info "$tmp/fifo" 2>&1)
check "info on a FIFO exits 1 at once" [ $? -eq 1 ]
check "info on a FIFO says it is not a file" [ "$out" = "uncrumple info: cannot open $tmp/fifo: it is a named pipe (FIFO), expected an IDX file" ]
out=$("$app" info /dev/null 2>&1)
check "info on /dev/null says it is a device" [ "$out" = "uncrumple info: cannot open /dev/null: it is a character device, expected an IDX file" ]
# A data folder whose training images are a FIFO: refused, not read forever.
mkdir "$tmp/fifodata"
for f in train-labels-idx1-ubyte t10k-images-idx3-ubyte t10k-labels-idx1-ubyte; do ln -s "$data/$f" "$tmp/fifodata/$f"; done
mkfifo "$tmp/fifodata/train-images-idx3-ubyte"
out=$(timeout 60 "$app" slice 'train_labels[4]' --data-dir "$tmp/fifodata" 2>&1)
check "a FIFO in the data folder exits 1" [ $? -eq 1 ]
check "a FIFO in the data folder is named" [ "$out" = "uncrumple slice: cannot open $tmp/fifodata/train-images-idx3-ubyte: it is a named pipe (FIFO), expected an IDX file" ]

"$app" frobnicate >/dev/null 2>&1
check "unknown command exits 2" [ $? -eq 2 ]
"$app" --version | grep -q '^uncrumple '
check "--version" [ $? -eq 0 ]
"$app" --help | grep -q 'slice'
check "--help lists the commands" [ $? -eq 0 ]

# Without a display: a sentence and exit 1, not Qt's abort (134); offscreen and the verbs still work.
nodisplay="uncrumple: no display: set DISPLAY or run under xvfb-run, or use a verb (uncrumple --help lists them)"
out=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$app" --page mnist 2>&1)
check "no display exits 1" [ $? -eq 1 ]
check "no display says what to do" [ "$out" = "$nodisplay" ]
out=$(env -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM DISPLAY=:987 "$app" --page mnist 2>&1)
check "a display nobody answers exits 1" [ $? -eq 1 ]
check "a display nobody answers is named" [ "$out" = "uncrumple: no display: nothing answers on DISPLAY=:987; set DISPLAY or run under xvfb-run, or use a verb (uncrumple --help lists them)" ]
out=$(env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=xcb "$app" --page mnist 2>&1)
check "no display for QT_QPA_PLATFORM=xcb" [ "$out" = "$nodisplay" ]
env -u DISPLAY -u WAYLAND_DISPLAY QT_QPA_PLATFORM=offscreen "$app" --page mnist --screenshot "$tmp/offscreen.png" >/dev/null 2>&1
check "QT_QPA_PLATFORM=offscreen needs no display" [ "$(png_size "$tmp/offscreen.png")" = "1280x800" ]
out=$(env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$app" slice 'train_labels[4].shape' 2>&1)
check "a verb needs no display" [ "$out" = "()" ]
env -u DISPLAY -u WAYLAND_DISPLAY -u QT_QPA_PLATFORM "$app" --help | grep -q 'slice'
check "--help needs no display" [ $? -eq 0 ]

# A test digit past the end is refused, as predict --index refuses it.
out=$(timeout 60 "$app" --train-draw 99999 --screenshot "$tmp/draw.png" 2>&1)
rc=$?
[ $rc -eq 2 ] || printf 'exit code %s; printed:\n%s\n' "$rc" "$out" # what a failure looked like
check "--train-draw past the end exits 2" [ $rc -eq 2 ]
check "--train-draw past the end says the range" [ "$out" = "uncrumple: --train-draw 99999 is out of bounds for the 10000 test digits (indices 0 to 9999)" ]
check "--train-draw past the end writes no file" [ ! -e "$tmp/draw.png" ]
"$app" --train-draw 9999 --screenshot "$tmp/draw.png" >/dev/null 2>&1
check "--train-draw 9999 is the last test digit" [ $? -eq 0 ]

"$app" --page mnist --screenshot "$tmp/shot.png" >/dev/null 2>&1
check "--screenshot exits 0" [ $? -eq 0 ]
check "--screenshot is the window size" [ "$(png_size "$tmp/shot.png")" = "1280x800" ]
# Started in presentation mode on a 1024 x 768 projector, every page keeps the projector's size
# (the Train page's optimizer list, sized at its first showing, made it 1026 pixels wide).
for page in mnist tensors operations geometry gradient train uncrumple hidden; do
    "$app" --page $page --presentation --size 1024x768 --screenshot "$tmp/projector.png" \
        >/dev/null 2>&1
    check "--page $page --presentation keeps 1024 x 768" \
        [ "$(png_size "$tmp/projector.png")" = "1024x768" ]
done
# --tab shows a tab of the live-cell pages, and refuses what is not one.
"$app" --page operations --tab reshape --screenshot "$tmp/tab.png" >/dev/null 2>&1
check "--page operations --tab reshape exits 0" [ $? -eq 0 ]
"$app" --page tensors --tab nosuch --screenshot "$tmp/tab.png" 2>"$tmp/tab.err" >/dev/null
check "--tab nosuch exits 2" [ $? -eq 2 ]
check "--tab nosuch names the tabs" grep -q "expects one of tensor, data, batches" "$tmp/tab.err"
"$app" --page geometry --tab x --screenshot "$tmp/tab.png" 2>"$tmp/tab.err" >/dev/null
check "--tab on a page without tabs says so" grep -q "the geometry page has no tabs" "$tmp/tab.err"
"$app" --presentation --size 1024x768 --train-tab charts --screenshot "$tmp/charts.png" \
    >/dev/null 2>&1
check "the Train page's charts tab keeps 1024 x 768 in presentation mode" \
    [ "$(png_size "$tmp/charts.png")" = "1024x768" ]
# The Hidden page after the Train page's network trained an epoch; the Uncrumple page's training.
"$app" --page hidden --train-epochs 1 --screenshot "$tmp/hidden.png" >/dev/null 2>&1
check "--page hidden --train-epochs 1 exits 0" [ $? -eq 0 ]
check "--page hidden --train-epochs 1 is the window size" [ "$(png_size "$tmp/hidden.png")" = "1280x800" ]
"$app" --page uncrumple --uncrumple-epochs 5 --screenshot "$tmp/uncrumple.png" >/dev/null 2>&1
check "--uncrumple-epochs 5 exits 0" [ $? -eq 0 ]
check "--uncrumple-epochs 5 is the window size" [ "$(png_size "$tmp/uncrumple.png")" = "1280x800" ]
"$app" --page no-such-page --screenshot "$tmp/none.png" >/dev/null 2>&1
check "unknown page exits 2" [ $? -eq 2 ]
for bad in "--size 100000x100000" "--size 10x10" "--size garbage" "--screenshot-delay -5" \
    "--screenshot-delay abc" "--page geometry --train-epochs 1" "--page hidden --train-tab draw" \
    "--uncrumple-epochs -1" "--uncrumple-epochs many"; do
    # shellcheck disable=SC2086 # the options are meant to split
    out=$(timeout 30 "$app" $bad --screenshot "$tmp/bad.png" 2>&1)
    code=$?
    check "$bad exits 2 with one line" [ "$code:$(echo "$out" | wc -l)" = "2:1" ]
    check "$bad writes no file" [ ! -e "$tmp/bad.png" ]
done

[ $failures -eq 0 ] && echo "all command-line checks passed"
exit $failures
