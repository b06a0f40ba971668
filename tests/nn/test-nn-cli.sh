#!/bin/sh
# uncrumple train, evaluate and predict as a script would use them, on a copy of the embedded
# sample (800 training and 200 test digits) so that it runs in seconds, plus bad input.
# Usage: test-nn-cli.sh PATH_TO_UNCRUMPLE SAMPLE_DIR
set -u
app=$1
sample=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
failures=0
check() {
    name=$1; shift
    if "$@"; then echo "PASS: $name"; else echo "FAIL: $name"; failures=$((failures + 1)); fi
}
one_line() { [ "$(printf '%s\n' "$1" | wc -l)" -eq 1 ]; }

# A data folder in the layout of the full set, made from the sample: its first 800 digits as the
# training set and the other 200 as the test set.
data=$tmp/data
mkdir -p "$data"
gzip -dc "$sample/t10k-images-1000-idx3-ubyte.gz" > "$tmp/images"
gzip -dc "$sample/t10k-labels-1000-idx1-ubyte.gz" > "$tmp/labels"
{ printf '\000\000\010\003\000\000\003\040\000\000\000\034\000\000\000\034'; tail -c +17 "$tmp/images" | head -c $((800 * 784)); } > "$data/train-images-idx3-ubyte"
{ printf '\000\000\010\001\000\000\003\040'; tail -c +9 "$tmp/labels" | head -c 800; } > "$data/train-labels-idx1-ubyte"
{ printf '\000\000\010\003\000\000\000\310\000\000\000\034\000\000\000\034'; tail -c +$((17 + 800 * 784)) "$tmp/images"; } > "$data/t10k-images-idx3-ubyte"
{ printf '\000\000\010\001\000\000\000\310'; tail -c +$((9 + 800)) "$tmp/labels"; } > "$data/t10k-labels-idx1-ubyte"

out=$("$app" train --data-dir "$data" --epochs 3 --batch-size 32 --save "$tmp/m.ucm" 2>&1)
check "train exits 0" [ $? -eq 0 ]
check "train names the book's recipe" sh -c "printf '%s\n' \"\$1\" | grep -q \"^Recipe: the book's recipe\"" - "$out"
check "train prints Epoch 1/3" sh -c "printf '%s\n' \"\$1\" | grep -qx 'Epoch 1/3'" - "$out"
check "one Keras line per epoch when not a terminal" [ "$(printf '%s\n' "$out" | grep -cE '^25/25 \[==============================\] - [0-9]+s [0-9]+(ms|us|s)/step - loss: [0-9.]+ - accuracy: [0-9.]+$')" -eq 3 ]
check "train prints test_acc" sh -c "printf '%s\n' \"\$1\" | grep -qE '^test_acc: 0\.[0-9]{4}$'" - "$out"
check "train saved the model" [ -s "$tmp/m.ucm" ]
check "no temporary file left" [ "$(ls "$tmp" | grep -c tmp)" -eq 0 ]

out=$("$app" train --data-dir "$data" --epochs 2 --batch-size 50 --optimizer adam --json 2>&1)
check "train --json exits 0" [ $? -eq 0 ]
check "train --json prints 3 objects" [ "$(printf '%s\n' "$out" | grep -c '^{.*}$')" -eq 3 ]
check "train --json: only JSON on stdout" [ "$(printf '%s\n' "$out" | grep -vc '^{.*}$')" -eq 0 ]
check "train --json is valid JSON" sh -c "printf '%s\n' \"\$1\" | python3 -c 'import json,sys; [json.loads(l) for l in sys.stdin]'" - "$out"
check "train --json says which recipe" sh -c "printf '%s\n' \"\$1\" | tail -1 | grep -q 'notebook'" - "$out"

out=$("$app" evaluate --model "$tmp/m.ucm" --data-dir "$data" 2>&1)
check "evaluate exits 0" [ $? -eq 0 ]
check "evaluate prints test_loss and test_acc" sh -c "printf '%s\n' \"\$1\" | grep -qE '^test_loss: [0-9.]+$' && printf '%s\n' \"\$1\" | grep -qE '^test_acc: 0\.[0-9]{4}$'" - "$out"

out=$("$app" predict --model "$tmp/m.ucm" --data-dir "$data" --index 3 --count 2 2>&1)
check "predict exits 0" [ $? -eq 0 ]
check "predict prints two probability arrays" [ "$(printf '%s\n' "$out" | grep -c '^array(\[')" -eq 2 ]
check "predict prints the dtype" [ "$(printf '%s\n' "$out" | grep -c 'dtype=float32)$')" -eq 2 ]
check "predict prints the predicted digit" [ "$(printf '%s\n' "$out" | grep -cE '^predicted digit: [0-9], true label: [0-9]')" -eq 2 ]

# Bad input: a one-line error on stderr and a non-zero exit.
bad() { # NAME EXPECTED_SUBSTRING ARGS...
    name=$1; expected=$2; shift 2
    err=$("$app" "$@" 2>&1 >/dev/null)
    code=$?
    check "$name exits non-zero" [ $code -ne 0 ]
    check "$name: one line" one_line "$err"
    check "$name: says why" sh -c "printf '%s\n' \"\$1\" | grep -qF -- \"\$2\"" - "$err" "$expected"
}
bad "negative learning rate" "--lr expects a number above 0" train --data-dir "$data" --lr -1
bad "non-numeric epochs" "--epochs expects a whole number from 1 to 100000, got 'abc'" train --data-dir "$data" --epochs abc
bad "zero batch size" "--batch-size expects a whole number" train --data-dir "$data" --batch-size 0
bad "unknown optimizer" "--optimizer expects rmsprop, adam or sgd, got 'adagrad'" train --data-dir "$data" --optimizer adagrad
bad "momentum without sgd" "--momentum applies to --optimizer sgd only" train --data-dir "$data" --momentum 0.9
bad "too many threads" "--threads expects a whole number from 1 to 64" train --data-dir "$data" --threads 1000
bad "missing data set" "MNIST not found in $tmp/absent" train --data-dir "$tmp/absent"
bad "missing model" "cannot open $tmp/absent.ucm" evaluate --model "$tmp/absent.ucm" --data-dir "$data"
printf 'not a model at all' > "$tmp/text.ucm"
bad "foreign model file" "not an Uncrumple model file" evaluate --model "$tmp/text.ucm" --data-dir "$data"
head -c 100 "$tmp/m.ucm" > "$tmp/cut.ucm"
bad "truncated model file" "truncated model file" predict --model "$tmp/cut.ucm" --data-dir "$data"
bad "index out of bounds" "index 200 is out of bounds for axis 0 with size 200" predict --model "$tmp/m.ucm" --data-dir "$data" --index 200
bad "count past the end" "index 200 is out of bounds for axis 0 with size 200" predict --model "$tmp/m.ucm" --data-dir "$data" --index 199 --count 2
bad "predict without a model" "expected --model FILE" predict --index 0

# A learning rate that diverges stops with a message and keeps finite weights.
err=$("$app" train --data-dir "$data" --optimizer sgd --lr 1e5 --epochs 3 --batch-size 32 --save "$tmp/diverged.ucm" 2>&1 >/dev/null)
check "divergence exits non-zero" [ $? -ne 0 ]
check "divergence says so" sh -c "printf '%s\n' \"\$1\" | grep -qE 'loss became (nan|inf)|made a weight infinite'" - "$err"
"$app" evaluate --model "$tmp/diverged.ucm" --data-dir "$data" > /dev/null 2>&1
check "the kept weights load" [ $? -eq 0 ]

[ $failures -eq 0 ] || { echo "$failures check(s) failed"; exit 1; }
