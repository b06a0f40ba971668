#!/bin/sh
# uncrumple manifold as a script would use it: Keras-style progress, one JSON object a line, the
# CSV export checked with NumPy (every layer recomputed from the data is not possible without the
# weights, so the checks are the shapes, the order of the rows and what each layer's activation
# allows), and bad input: a one-line error and a non-zero exit.
# Usage: test-manifold-cli.sh PATH_TO_UNCRUMPLE
set -u
app=$1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
check() {
    name=$1; shift
    if "$@"; then echo "PASS: $name"; else echo "FAIL: $name"; failures=$((failures + 1)); fi
}
one_line() { [ "$(printf '%s\n' "$1" | wc -l)" -eq 1 ]; }
has() { printf '%s\n' "$1" | grep -qE -- "$2"; }

out=$("$app" manifold --dataset spirals --points 400 --epochs 3 2>&1)
check "manifold exits 0" [ $? -eq 0 ]
check "prints Epoch 1/3" has "$out" '^Epoch 1/3$'
check "one Keras line per epoch" [ "$(printf '%s\n' "$out" | grep -cE '^4/4 \[==============================\] - [0-9]+s [0-9]+(ms|us|s)/step - loss: [0-9.]+ - accuracy: [0-9.]+$')" -eq 3 ]
check "names the model" has "$out" '^Model: 2 → Dense\(2, tanh\) → Dense\(2, tanh\) → Dense\(2, tanh\) → Dense\(2, softmax\)$'
check "prints the probe of every stage" has "$out" '^Linear probe: input 0\.[0-9]{4}, layer_1 [01]\.[0-9]{4}, layer_2 .*layer_4 [01]\.[0-9]{4}$'
check "prints accuracy" has "$out" '^accuracy: [01]\.[0-9]{4}$'

out=$("$app" manifold --dataset sheets --points 500 --epochs 4 --layers 4,3,2 --activation relu --json 2>&1)
check "--json exits 0" [ $? -eq 0 ]
check "--json: 5 objects, nothing else" [ "$(printf '%s\n' "$out" | grep -c '^{.*}$')" -eq 5 ] && [ "$(printf '%s\n' "$out" | grep -vc '^{.*}$')" -eq 0 ]
check "--json is valid JSON, the last with the final accuracy" sh -c "printf '%s\n' \"\$1\" | /usr/bin/python3 -c '
import json, sys
rows = [json.loads(l) for l in sys.stdin]
assert [r[\"epoch\"] for r in rows[:-1]] == [1, 2, 3, 4]
assert all(0 <= r[\"accuracy\"] <= 1 and r[\"loss\"] >= 0 for r in rows[:-1])
last = rows[-1]
assert 0 <= last[\"accuracy\"] <= 1 and last[\"layers\"] == \"4,3,2\" and len(last[\"probe\"]) == 4
'" - "$out"

# The same seed, the same run, bit for bit.
a=$("$app" manifold --dataset helices --points 300 --epochs 2 --seed 5 --json | tail -1 | sed 's/"seconds":[^,]*,//')
b=$("$app" manifold --dataset helices --points 300 --epochs 2 --seed 5 --json | tail -1 | sed 's/"seconds":[^,]*,//')
check "same seed, same result" [ "$a" = "$b" ]

out=$("$app" manifold --dataset sheets --points 600 --epochs 2 --layers 5,3,2 --export "$tmp/out" 2>&1)
check "--export exits 0" [ $? -eq 0 ]
check "--export writes data.csv and one file a layer" [ -s "$tmp/out/data.csv" ] && [ -s "$tmp/out/layer_1.csv" ] && [ -s "$tmp/out/layer_2.csv" ] && [ -s "$tmp/out/layer_3.csv" ] && [ ! -e "$tmp/out/layer_4.csv" ]
if /usr/bin/python3 -c 'import numpy' 2>/dev/null; then
    check "the exported layers read in NumPy" /usr/bin/python3 -c '
import sys, numpy as np
d = sys.argv[1]
head = open(d + "/data.csv").readline().strip()
assert head == "x,y,z,label", head
data = np.loadtxt(d + "/data.csv", delimiter=",", skiprows=1)
assert data.shape == (600, 4), data.shape
labels = data[:, 3]
assert set(np.unique(labels)) == {0.0, 1.0} and (labels == np.arange(600) % 2).all()
widths = {1: 5, 2: 3, 3: 2}
for k, w in widths.items():
    assert open(f"{d}/layer_{k}.csv").readline().strip() == ",".join(f"h{j + 1}" for j in range(w))
    h = np.loadtxt(f"{d}/layer_{k}.csv", delimiter=",", skiprows=1, ndmin=2)
    assert h.shape == (600, w), (k, h.shape)
    assert np.isfinite(h).all()
    if k < 3:
        assert (np.abs(h) <= 1).all()            # tanh
    else:
        assert np.allclose(h.sum(axis=1), 1, atol=1e-5) and (h >= 0).all()   # softmax
# The rows are the points in the data file'"'"'s order: the points moved by the sheets'"'"' warp differ.
assert len(np.unique(np.loadtxt(d + "/layer_1.csv", delimiter=",", skiprows=1), axis=0)) == 600
' "$tmp/out"
else
    echo "FAIL: NumPy is not installed (scripts/setup installs python3-numpy)"
    failures=$((failures + 1))
fi

# Bad input: one line on stderr, nothing on stdout, a non-zero exit.
bad() {
    name=$1; expect=$2; shift 2
    err=$("$app" manifold "$@" 2>&1 >/dev/null)
    code=$?
    check "$name: non-zero exit" [ $code -ne 0 ]
    check "$name: one line" one_line "$err"
    check "$name: says why" has "$err" "$expect"
}
bad "unknown data set" "^uncrumple manifold: --dataset expects sheets\|helices\|spheres\|spirals\|moons\|circles\|xor, got 'donut'$" --dataset donut
bad "a layer of 0 units" "^uncrumple manifold: --layers: layer 2 has 0 units; each layer needs 1 to 64$" --layers 3,0,2
bad "an output of 3" "the last layer must have 2 units" --layers 3,3,3
bad "not numbers" "expected comma-separated whole numbers" --layers 3,x,2
bad "too deep" "1 to 6 hidden layers" --layers 3,3,3,3,3,3,3,2
bad "negative points" "^uncrumple manifold: --points expects a whole number from 100 to 50000, got '-5'$" --points -5
bad "too many points" "from 100 to 50000" --points 50001
bad "noise" "--noise expects a number" --noise -1
bad "crumple" "--crumple expects a number" --crumple 3
bad "activation" "activation must be tanh, relu or sigmoid, got 'softmax'" --activation softmax
bad "epochs" "--epochs expects a whole number" --epochs 0
bad "learning rate" "--lr expects a number" --lr abc
bad "optimizer" "--optimizer expects adam, rmsprop or sgd" --optimizer lbfgs
bad "stray argument" "unexpected argument 'extra'" extra
: > "$tmp/file"
bad "export over a file" "cannot create the folder" --points 100 --epochs 1 --export "$tmp/file"

[ $failures -eq 0 ] && echo "all manifold command-line checks passed"
exit $failures
