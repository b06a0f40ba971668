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
cr=$(printf '\r')
check "no carriage return when piped" [ "$(printf '%s\n' "$out" | grep -c "$cr")" -eq 0 ]

# On a terminal (a pseudo-terminal from script(1)) the bar is redrawn in place: "\r" then the
# unfinished line with its ETA and '>' head, before the finished one.
out=$(script -qec "'$app' train --data-dir '$data' --epochs 1 --batch-size 32" /dev/null </dev/null 2>&1)
check "train exits 0 on a terminal" [ $? -eq 0 ]
check "redrawn in place on a terminal" sh -c "printf '%s\n' \"\$1\" | grep -qF \"\$2 1/25 [>.............................] - ETA: \"" - "$out" "$cr"
check "the finished line follows on a terminal" sh -c "printf '%s\n' \"\$1\" | grep -qE \"\$2\"'25/25 \\[=+\\] - [0-9]+s'" - "$out" "$cr"

# Per-epoch test evaluation (validation_data): Keras' val_ metrics on each epoch's line.
out=$("$app" train --data-dir "$data" --epochs 2 --batch-size 32 --validate 2>&1)
check "train --validate exits 0" [ $? -eq 0 ]
check "train --validate: val_loss and val_accuracy on each epoch's line" [ "$(printf '%s\n' "$out" | grep -cE '^25/25 \[=+\] - .* - loss: [0-9.]+ - accuracy: [0-9.]+ - val_loss: [0-9.]+ - val_accuracy: [0-9.]+$')" -eq 2 ]

out=$("$app" train --data-dir "$data" --epochs 2 --batch-size 50 --optimizer adam --json 2>&1)
check "train --json exits 0" [ $? -eq 0 ]
check "train --json prints 3 objects" [ "$(printf '%s\n' "$out" | grep -c '^{.*}$')" -eq 3 ]
check "train --json: only JSON on stdout" [ "$(printf '%s\n' "$out" | grep -vc '^{.*}$')" -eq 0 ]
check "train --json is valid JSON" sh -c "printf '%s\n' \"\$1\" | python3 -c 'import json,sys; [json.loads(l) for l in sys.stdin]'" - "$out"
check "train --json says which recipe" sh -c "printf '%s\n' \"\$1\" | tail -1 | grep -q 'notebook'" - "$out"

# The keys of each per-epoch object and of the final one (args: epoch keys, final keys).
keys() {
    printf '%s\n' "$1" | python3 -c '
import json, sys
objects = [json.loads(line) for line in sys.stdin]
epoch_keys, final_keys = set(sys.argv[1].split(",")), set(sys.argv[2].split(","))
for o in objects[:-1]:
    assert set(o) == epoch_keys, "epoch object: %s" % sorted(o)
assert set(objects[-1]) == final_keys, "final object: %s" % sorted(objects[-1])
' "$2" "$3"
}
epoch_keys=epoch,epochs,steps,seconds,loss,accuracy
final_keys=test_loss,test_acc,median_epoch_seconds,seconds,optimizer,learning_rate,seed,threads,recipe
check "train --json: the keys of each object" keys "$out" "$epoch_keys" "$final_keys"

out=$("$app" train --data-dir "$data" --epochs 2 --batch-size 50 --validate --json --save "$tmp/v.ucm" 2>&1)
check "train --validate --json exits 0" [ $? -eq 0 ]
check "train --validate --json prints 3 objects" [ "$(printf '%s\n' "$out" | grep -c '^{.*}$')" -eq 3 ]
check "train --validate --json: test_loss and test_acc per epoch" keys "$out" "$epoch_keys,test_loss,test_acc,val_loss,val_accuracy" "$final_keys,saved"
# The last epoch's test numbers and the final ones come from the same weights.
check "train --validate --json: the last epoch's test_acc is the final one" sh -c "printf '%s\n' \"\$1\" | python3 -c '
import json, sys
o = [json.loads(line) for line in sys.stdin]
assert o[-2][\"test_acc\"] == o[-1][\"test_acc\"] == o[-2][\"val_accuracy\"], o
assert o[-2][\"test_loss\"] == o[-1][\"test_loss\"] == o[-2][\"val_loss\"], o
assert 0 < o[-1][\"test_acc\"] <= 1, o
'" - "$out"

out=$("$app" evaluate --model "$tmp/m.ucm" --data-dir "$data" 2>&1)
check "evaluate exits 0" [ $? -eq 0 ]
check "evaluate prints test_loss and test_acc" sh -c "printf '%s\n' \"\$1\" | grep -qE '^test_loss: [0-9.]+$' && printf '%s\n' \"\$1\" | grep -qE '^test_acc: 0\.[0-9]{4}$'" - "$out"

# evaluate and predict read the test files only: broken training files do not matter.
garbled=$tmp/garbled
mkdir -p "$garbled"
cp "$data"/t10k-* "$garbled"
printf 'not an IDX file' > "$garbled/train-images-idx3-ubyte"
out=$("$app" evaluate --model "$tmp/m.ucm" --data-dir "$garbled" 2>&1)
check "evaluate ignores the training files" [ $? -eq 0 ]
check "evaluate names the test set it read" sh -c "printf '%s\n' \"\$1\" | grep -qx \"Data: 200 test digits from \$2\"" - "$out" "$garbled"
"$app" predict --model "$tmp/m.ucm" --data-dir "$garbled" --index 0 > /dev/null 2>&1
check "predict ignores the training files" [ $? -eq 0 ]

out=$("$app" predict --model "$tmp/m.ucm" --data-dir "$data" --index 3 --count 2 2>&1)
check "predict exits 0" [ $? -eq 0 ]
check "predict prints two probability arrays" [ "$(printf '%s\n' "$out" | grep -c '^array(\[')" -eq 2 ]
check "predict prints the dtype" [ "$(printf '%s\n' "$out" | grep -c 'dtype=float32)$')" -eq 2 ]
check "predict prints the predicted digit" [ "$(printf '%s\n' "$out" | grep -cE '^predicted digit: [0-9], true label: [0-9]')" -eq 2 ]

# Bad input: a one-line error on stderr and a non-zero exit.
bad() { # NAME EXPECTED_SUBSTRING ARGS...
    name=$1; expected=$2; shift 2
    err=$(timeout 60 "$app" "$@" 2>&1 >/dev/null) # a read that blocks (a FIFO) fails, not hangs
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
mkfifo "$tmp/fifo"
bad "a FIFO as the model" "cannot open $tmp/fifo: it is a named pipe (FIFO), expected a model file" evaluate --model "$tmp/fifo" --data-dir "$data"
bad "a FIFO as the model to predict with" "cannot open $tmp/fifo: it is a named pipe (FIFO), expected a model file" predict --model "$tmp/fifo" --data-dir "$data"
bad "/dev/null as the model" "cannot open /dev/null: it is a character device, expected a model file" evaluate --model /dev/null --data-dir "$data"
fifodata=$tmp/fifodata
mkdir -p "$fifodata"
cp "$data/t10k-images-idx3-ubyte" "$fifodata"
mkfifo "$fifodata/t10k-labels-idx1-ubyte"
bad "a FIFO in the data folder" "cannot open $fifodata/t10k-labels-idx1-ubyte: it is a named pipe (FIFO), expected an IDX file" evaluate --model "$tmp/m.ucm" --data-dir "$fifodata"
bad "index not a number" "--index expects a whole number from 0 to 199, got 'abc'" predict --model "$tmp/m.ucm" --data-dir "$data" --index abc
bad "negative index" "--index expects a whole number from 0 to 199, got '-1'" predict --model "$tmp/m.ucm" --data-dir "$data" --index -1
bad "index out of bounds" "--index 200 is out of bounds for the 200 test digits (indices 0 to 199)" predict --model "$tmp/m.ucm" --data-dir "$data" --index 200
bad "count past the end" "--index 198 --count 5 goes past the 200 test digits (at most --count 2 from --index 198)" predict --model "$tmp/m.ucm" --data-dir "$data" --index 198 --count 5
bad "missing test set" "MNIST's test set (t10k-images-idx3-ubyte and t10k-labels-idx1-ubyte, raw or .gz) not found in $tmp/absent" evaluate --model "$tmp/m.ucm" --data-dir "$tmp/absent"
touch "$tmp/file"
bad "save into a missing folder" "cannot write $tmp/absent/m.ucm: cannot create a file in $tmp/absent (No such file or directory)" train --data-dir "$data" --save "$tmp/absent/m.ucm"
bad "save under a file" "cannot write $tmp/file/m.ucm: cannot create a file in $tmp/file (Not a directory)" train --data-dir "$data" --save "$tmp/file/m.ucm"
bad "save onto a folder" "cannot write $data: it is a folder" train --data-dir "$data" --save "$data"
out=$("$app" train --data-dir "$data" --epochs 1 --save "$tmp/absent/m.ucm" 2>/dev/null)
check "an unwritable --save fails before training" [ -z "$out" ]
bad "predict without a model" "expected --model FILE" predict --index 0

# --help names the verb, not the executable's path.
for verb in train evaluate predict; do
    check "$verb --help: usage line" [ "$("$app" $verb --help | head -1)" = "Usage: uncrumple $verb [options]" ]
done

# A learning rate that diverges stops with a message and keeps finite weights.
err=$("$app" train --data-dir "$data" --optimizer sgd --lr 1e5 --epochs 3 --batch-size 32 --save "$tmp/diverged.ucm" 2>&1 >/dev/null)
check "divergence exits non-zero" [ $? -ne 0 ]
check "divergence says so" sh -c "printf '%s\n' \"\$1\" | grep -qE 'loss became (nan|inf)|made a weight infinite'" - "$err"
"$app" evaluate --model "$tmp/diverged.ucm" --data-dir "$data" > /dev/null 2>&1
check "the kept weights load" [ $? -eq 0 ]

[ $failures -eq 0 ] || { echo "$failures check(s) failed"; exit 1; }
