#!/bin/sh
# uncrumple eval as a script would use it: a cell as an argument, from a file and from stdin; the
# value and print output on stdout; a failing cell's traceback ending in Python's last line on
# stderr with exit status 1.
# Usage: test-eval.sh PATH_TO_UNCRUMPLE
set -u
app=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
check() {
    name=$1; shift
    if "$@"; then echo "PASS: $name"; else echo "FAIL: $name"; failures=$((failures + 1)); fi
}

out=$("$app" eval 'import numpy as np
x = np.array([[5, 78, 2, 34, 0], [6, 79, 3, 35, 1], [7, 80, 4, 36, 2]])
print(x.ndim)
x.shape' 2>&1)
check "eval prints print() output, then the value" [ "$out" = "$(printf '2\n(3, 5)')" ]

printf 'import numpy as np\nnp.arange(12).reshape(3, -1) / 4\n' > "$tmp/cell.py"
out=$("$app" eval --file "$tmp/cell.py" 2>&1)
check "eval --file prints NumPy's repr" [ "$out" = "$(printf 'array([[0.  , 0.25, 0.5 , 0.75],\n       [1.  , 1.25, 1.5 , 1.75],\n       [2.  , 2.25, 2.5 , 2.75]])')" ]

out=$(printf 'a = 2; b = 3\na * b\n' | "$app" eval - 2>&1)
check "eval - reads stdin" [ "$out" = "6" ]

"$app" eval 'import numpy as np
np.ones((3, 4)) + np.ones(5)' >"$tmp/out" 2>"$tmp/err"
status=$?
check "a failing cell exits 1" [ $status -eq 1 ]
check "its last stderr line is Python's" [ "$(tail -n 1 "$tmp/err")" = "ValueError: operands could not be broadcast together with shapes (3,4) (5,) " ]
check "the traceback names the line" grep -q 'File "<cell>", line 2' "$tmp/err"
check "nothing on stdout" [ ! -s "$tmp/out" ]

"$app" eval 'import numpy as np
np.zeros((100000, 100000, 100000))' >/dev/null 2>"$tmp/err"
check "the memory limit answers as NumPy" [ "$(tail -n 1 "$tmp/err")" = "numpy.core._exceptions._ArrayMemoryError: Unable to allocate 7.11 PiB for an array with shape (100000, 100000, 100000) and data type float64" ]

"$app" eval 'x = [1, 2' >/dev/null 2>"$tmp/err"
check "a syntax error exits 1" [ $? -eq 1 ]
check "a syntax error ends in Python's message" [ "$(tail -n 1 "$tmp/err")" = "SyntaxError: '[' was never closed" ]
check "and carets its column" [ "$(tail -n 2 "$tmp/err" | head -n 1)" = "        ^" ]

"$app" eval 'print(y)' >/dev/null 2>"$tmp/err"
check "NameError" [ "$(tail -n 1 "$tmp/err")" = "NameError: name 'y' is not defined" ]

"$app" eval >/dev/null 2>&1
check "no cell exits non-zero" [ $? -ne 0 ]
"$app" eval --file "$tmp/absent.py" >/dev/null 2>&1
check "a missing file exits non-zero" [ $? -ne 0 ]
"$app" --help | grep -q ' eval '
check "--help lists eval" [ $? -eq 0 ]

[ $failures -eq 0 ]
