"""Cells and their NumPy 1.24 results for the cell engine's golden test (see make-cell-golden)."""
import ast
import contextlib
import io
import json
import random
import sys
import traceback
import warnings

import numpy as np

assert np.__version__.startswith("1.24"), np.__version__
warnings.simplefilter("ignore")
np.seterr(all="ignore")

CELLS = []


def cell(name, text):
    CELLS.append((name, text))


def error_text(e):
    t = type(e)
    mod = t.__module__
    name = t.__qualname__ if mod == "builtins" else mod + "." + t.__qualname__
    msg = str(e)
    return name + (": " + msg if msg else "")


def run(text):
    out = io.StringIO()
    result = {"cell": text, "output": "", "repr": "", "dtype": "", "error": "", "line": 0,
              "column": 0}
    try:
        tree = ast.parse(text, "<cell>", "exec")
    except SyntaxError as e:
        result["error"] = type(e).__name__ + ": " + e.msg
        result["line"] = e.lineno or 0
        result["column"] = e.offset or 0
        return result
    ns = {}
    last = None
    if tree.body and isinstance(tree.body[-1], ast.Expr):
        last = ast.Expression(tree.body.pop().value)
    try:
        with contextlib.redirect_stdout(out):
            exec(compile(tree, "<cell>", "exec"), ns)
            if last is not None:
                value = eval(compile(last, "<cell>", "eval"), ns)
                if value is not None:
                    result["repr"] = repr(value)
                    if isinstance(value, (np.ndarray, np.generic)):
                        result["dtype"] = str(value.dtype)
    except Exception as e:  # the notebook's last traceback line
        result["error"] = error_text(e)
        frames = [f for f in traceback.extract_tb(e.__traceback__) if f.filename == "<cell>"]
        result["line"] = frames[-1].lineno if frames else 0
    result["output"] = out.getvalue()
    return result


rng = random.Random(20241)
IMPORT = "import numpy as np\n"

# --- literals of rank 0 to 5 --------------------------------------------------------------------
cell("book scalar", IMPORT + "x = np.array(12)\nx")
cell("book scalar ndim", IMPORT + "x = np.array(12)\nx.ndim")
cell("book vector", IMPORT + "x = np.array([12, 3, 6, 14, 7])\nx")
cell("book vector ndim", IMPORT + "x = np.array([12, 3, 6, 14, 7])\nx.ndim")
cell("book matrix", IMPORT + "x = np.array([[5, 78, 2, 34, 0],\n              [6, 79, 3, 35, 1],\n"
     "              [7, 80, 4, 36, 2]])\nx.ndim")
cell("book rank 3", IMPORT + "x = np.array([[[5, 78, 2, 34, 0],\n               [6, 79, 3, 35, 1],\n"
     "               [7, 80, 4, 36, 2]],\n              [[5, 78, 2, 34, 0],\n"
     "               [6, 79, 3, 35, 1],\n               [7, 80, 4, 36, 2]],\n"
     "              [[5, 78, 2, 34, 0],\n               [6, 79, 3, 35, 1],\n"
     "               [7, 80, 4, 36, 2]]])\nprint(x.ndim)\nx")


def nested(shape, leaf):
    if not shape:
        return leaf()
    return "[" + ", ".join(nested(shape[1:], leaf) for _ in range(shape[0])) + "]"


leaves = {
    "int": lambda: str(rng.randint(-20, 300)),
    "small int": lambda: str(rng.randint(0, 9)),
    "float": lambda: rng.choice(["0.5", "1.25", "-3.0", "2.", "0.1", "100.0", "7.75", "-0.001"]),
    "wide float": lambda: rng.choice(["1e-05", "12345.678", "3.0", "1e8", "0.25", "-2.5e-3"]),
    "bool": lambda: rng.choice(["True", "False"]),
    "mixed": lambda: rng.choice(["1", "2.5", "True", "-4"]),
}
for rank in range(0, 6):
    for kind, leaf in leaves.items():
        for k in range(2):
            shape = [rng.randint(1, 4) for _ in range(rank)]
            cell(f"literal rank {rank} {kind} {k}", IMPORT + f"np.array({nested(shape, leaf)})")
for dtype in ["np.uint8", "np.int64", "np.float32", "np.float64", "bool", "'float32'", "'uint8'",
              "float", "int"]:
    cell(f"literal dtype {dtype}", IMPORT + f"np.array([[0, 1, 2], [250, 7, 9]], dtype={dtype})")
    cell(f"literal float dtype {dtype}",
         IMPORT + f"np.array([0.5, 1.7, -2.2, 255.9], dtype={dtype})")
cell("ragged 1", IMPORT + "np.array([1, [2, 3]])")
cell("ragged 2", IMPORT + "np.array([[1, 2], [3]])")
cell("ragged 3", IMPORT + "np.array([[[1, 2], [3, 4]], [[5, 6], [7]]])")
cell("tuple literal", IMPORT + "np.array(((1, 2), (3, 4)))")
cell("empty list", IMPORT + "np.array([])")
cell("empty 2d", IMPORT + "np.zeros((2, 0))")
cell("empty int", IMPORT + "np.array([], dtype=np.uint8)")

# --- printing -----------------------------------------------------------------------------------
for expr in ["np.arange(30)", "np.arange(1000)", "np.arange(1001)", "np.arange(2000.0)",
             "np.arange(24).reshape(2, 3, 4)", "np.arange(5000).reshape(50, 100)",
             "np.arange(60).reshape(3, 4, 5) / 3", "np.arange(40) * 1000001",
             "np.array([1e-5, 1.5, 300.0])", "np.array([1e8, 1.0])", "np.array([0.1, 0.25, 1e3])",
             "np.array([1.5, np.nan, -np.inf])", "np.array([np.nan, np.inf])",
             "np.array([-1.5, 2.25], dtype=np.float32)", "np.array([0.1], dtype=np.float32)",
             "np.array([1/3, 2/3], dtype=np.float32)", "np.array([1/3, 2/3])",
             "np.array([123456789.0, 1.0])", "np.array([1e-10, 1e10])",
             "np.arange(100, dtype=np.uint8)", "np.arange(12).reshape(3, 4).astype(np.float32)",
             "np.array([True, False, True])", "np.array(True)", "np.array(2.5)", "np.array(1.0)",
             "np.array(3, dtype=np.uint8)", "np.zeros((2, 3, 2, 2))", "np.ones((2, 2, 1, 2, 2))",
             "np.array([[1.0, -2.5], [3.25, 4.0]])", "np.array([0.0, -0.0])",
             "np.array([1, 2, 3], dtype=np.int16)", "np.array([-1, 200], dtype=np.int32)"]:
    cell(f"repr {expr}", IMPORT + expr)
    cell(f"print {expr}", IMPORT + f"print({expr})")
cell("print random 40x40", IMPORT + "np.random.seed(1)\nx = np.random.random((40, 40))\nprint(x)\nx")
cell("print several", IMPORT + "x = np.arange(6)\nprint('x is', x, x.shape, 1.5, None)")
cell("print sep", "print(1, 2, 3, sep=', ', end='!\\n')")
cell("print dtype", IMPORT + "print(np.zeros(3).dtype)")

# --- Python values ------------------------------------------------------------------------------
for expr in ["1 + 2", "7 / 2", "7 // 2", "-7 // 2", "7 % 3", "2 ** 10", "2 ** -1", "1.5 * 4",
             "0.1 + 0.2", "1e16", "1e-5", "123456789.123", "(1, 2) + (3,)", "(1,) * 3",
             "[1, 2] + [3]", "[0] * 4", "'ab' * 2", "'a' + 'b'", "None", "True", "(1, 'a', 2.5)",
             "()", "[]", "1 / 0", "1.0 / 0", "(1, 2) + 3", "1 + 'a'", "[1] + (2,)", "'a' + 1",
             "3 * 'x'", "[1, 2] * 2.0", "-(3)", "+True", "len((1, 2, 3))", "len([])", "len('abc')",
             "int(2.7)", "float(3)", "10 ** 18", "(1, 2)[1]", "(1, 2)[5]", "(1, 2, 3)[::-1]",
             "[4, 5, 6][-1]", "(1, 2)[1.0]", "x", "len(5)"]:
    cell(f"python {expr}", expr)

# --- element-wise operations and promotion ------------------------------------------------------
arrays = {
    "bool": "np.array([True, False, True])",
    "uint8": "np.array([0, 100, 255], dtype=np.uint8)",
    "int64": "np.array([-5, 0, 7])",
    "float32": "np.array([0.5, -1.25, 3.0], dtype=np.float32)",
    "float64": "np.array([0.1, 2.5, -3.75])",
}
scalars = ["3", "300", "-1", "70000", "1.5", "1e50", "True", "np.uint8(2)", "np.float32(0.5)",
           "np.int64(4)", "np.float64(2.0)", "np.array(5)", "np.array(2.5, dtype=np.float32)"]
ops = ["+", "-", "*", "/"]
for an, a in arrays.items():
    for bn, b in arrays.items():
        for op in ops:
            cell(f"op {an} {op} {bn}", IMPORT + f"r = {a} {op} {b}\nr")
    for s in scalars:
        for op in ["+", "*", "/", "-"]:
            cell(f"op {an} {op} scalar {s}", IMPORT + f"r = {a} {op} {s}\nr")
        cell(f"op scalar {s} - {an}", IMPORT + f"r = {s} - {a}\nr")
    cell(f"negative {an}", IMPORT + f"-{a}")
    cell(f"power {an}", IMPORT + f"{a} ** 2")
    cell(f"maximum {an}", IMPORT + f"np.maximum({a}, 0.)")
    cell(f"minimum {an}", IMPORT + f"np.minimum({a}, 1)")
    cell(f"add {an}", IMPORT + f"np.add({a}, {a})")
for s in scalars:
    for t in scalars[:8]:
        cell(f"scalar {s} * {t}", IMPORT + f"r = {s} * {t}\nr")
cell("uint8 wraps", IMPORT + "np.array([250, 3], dtype=np.uint8) + np.array([10, 3], dtype=np.uint8)")
cell("uint8 + 300", IMPORT + "(np.array([250, 3], dtype=np.uint8) + 300)")
cell("list + array", IMPORT + "[1, 2, 3] + np.array([0.5, 0.5, 0.5])")
cell("book relu", IMPORT + "z = np.array([[-1.0, 2.0], [3.0, -4.0]])\nnp.maximum(z, 0.)")
cell("book add", IMPORT + "x = np.array([[1, 2], [3, 4]])\ny = np.array([[10, 20], [30, 40]])\nz = x + y\nz = np.maximum(z, 0.)\nz")

# --- broadcasting over random shapes ------------------------------------------------------------
def rand_shape(maxrank=4):
    return tuple(rng.randint(1, 4) for _ in range(rng.randint(0, maxrank)))


def shape_text(s):
    return "(" + ", ".join(map(str, s)) + ("," if len(s) == 1 else "") + ")"


cell("book broadcast", IMPORT + "x = np.random.random((32, 10))\ny = np.random.random((10,))\n"
     "(x + y).shape")
cell("book broadcast expand", IMPORT + "y = np.random.random((10,))\ny = np.expand_dims(y, axis=0)\n"
     "Y = np.concatenate([y] * 32, axis=0)\nY.shape")
cell("book broadcast 4d", IMPORT + "x = np.random.random((64, 3, 32, 10))\n"
     "y = np.random.random((32, 10))\nz = np.maximum(x, y)\nz.shape")
for i in range(60):
    a = rand_shape()
    if rng.random() < 0.5:
        b = tuple(rng.choice([1, d]) for d in a[rng.randint(0, len(a)):])
    else:
        b = rand_shape()
    cell(f"broadcast {i} {a} {b}", IMPORT +
         f"a = np.arange({int(np.prod(a))}).reshape({shape_text(a)})\n"
         f"b = np.ones({shape_text(b)}) * 2\nr = a * b\nprint(r.shape)\nr")

# --- dot and matmul over random shapes ----------------------------------------------------------
cell("book dot vectors", IMPORT + "x = np.array([1., 2., 3.])\ny = np.array([4., 5., 6.])\nnp.dot(x, y)")
cell("book dot matrix vector", IMPORT + "x = np.arange(6).reshape(2, 3)\ny = np.array([1, 0, 2])\nnp.dot(x, y)")
cell("dot mismatch", IMPORT + "np.dot(np.ones((2, 3)), np.ones(4))")
for i in range(50):
    ra, rb = rng.randint(0, 4), rng.randint(0, 4)
    a = tuple(rng.randint(1, 4) for _ in range(ra))
    b = [rng.randint(1, 4) for _ in range(rb)]
    if rb >= 1 and ra >= 1 and rng.random() < 0.7:
        b[max(0, rb - 2)] = a[-1]
    b = tuple(b)
    body = (f"a = np.arange({int(np.prod(a))}).reshape({shape_text(a)}) - 2\n"
            f"b = (np.arange({int(np.prod(b))}) - 3).reshape({shape_text(b)})\n")
    cell(f"dot {i} {a} {b}", IMPORT + body + "np.dot(a, b)")
    cell(f"matmul {i} {a} {b}", IMPORT + body + "a @ b")
cell("dot float32", IMPORT + "a = np.arange(6, dtype=np.float32).reshape(2, 3) / 4\nb = np.ones((3, 2))\nnp.dot(a, b)")
cell("dot method", IMPORT + "a = np.arange(6).reshape(2, 3)\na.dot(a.T)")
cell("matmul scalar", IMPORT + "np.matmul(np.ones(3), 2)")
cell("matmul stack", IMPORT + "np.matmul(np.ones((2, 2, 3)), np.ones((3, 3, 2)))")
cell("dot scalar", IMPORT + "np.dot(3, np.arange(4))")

# --- reshape, transpose, expand_dims, concatenate -----------------------------------------------
cell("book reshape", IMPORT + "x = np.array([[0., 1.],\n              [2., 3.],\n              [4., 5.]])\n"
     "print(x.shape)\nx = x.reshape((6, 1))\nprint(x)\nx = x.reshape((2, 3))\nx")
cell("book transpose", IMPORT + "x = np.zeros((300, 20))\nx = np.transpose(x)\nx.shape")
for shape in [(6,), (2, 3), (4, -1), (-1,), (-1, 2), (3, -1, 1), (4, 5), (-1, -1), (0, -1),
              (6, 1), (1, 2, 3)]:
    cell(f"reshape {shape}", IMPORT + f"np.arange(6).reshape({shape_text(shape)})")
cell("reshape varargs", IMPORT + "np.arange(6).reshape(3, 2)")
cell("np.reshape", IMPORT + "np.reshape(np.arange(8), (2, -1))")
cell("reshape strides", IMPORT + "np.arange(24).reshape(2, 3, 4).strides")
for axes in ["", "1, 0, 2", "(2, 0, 1)", "0, 0, 1", "0, 1", "3, 1, 0"]:
    cell(f"transpose {axes}", IMPORT + f"x = np.arange(24).reshape(2, 3, 4).transpose({axes})\nprint(x.shape, x.strides)\nx")
cell("T strides", IMPORT + "x = np.zeros((300, 20), dtype=np.float32)\nprint(x.strides)\nx.T.strides")
cell("np.transpose axes", IMPORT + "np.transpose(np.arange(6).reshape(1, 2, 3), axes=(1, 2, 0)).shape")
for axis in ["0", "1", "-1", "2", "3", "(0, 1)", "(0, 2)"]:
    cell(f"expand_dims {axis}", IMPORT + f"np.expand_dims(np.arange(6).reshape(2, 3), axis={axis})")
for args in ["[a, b]", "[a, b], axis=1", "[a, a], axis=1", "(a, b), axis=None", "[a, c]",
             "[a, b.astype(np.float32)]", "[a, np.array(1)]", "[np.array(1), np.array(2)]", "[a, b], axis=2"]:
    cell(f"concatenate {args}", IMPORT + "a = np.arange(6).reshape(2, 3)\nb = np.ones((1, 3), dtype=np.uint8)\n"
         f"c = np.arange(4)\nnp.concatenate({args})")

# --- reductions ---------------------------------------------------------------------------------
for fn in ["sum", "max", "min", "mean"]:
    for axis in ["", "axis=0", "axis=1", "axis=-1", "axis=2", "axis=(0, 1)", "axis=None",
                 "keepdims=True", "axis=1, keepdims=True"]:
        for arr in ["np.arange(12).reshape(3, 4)", "(np.arange(12).reshape(3, 4) / 7).astype(np.float32)",
                    "np.arange(12, dtype=np.uint8).reshape(3, 4)", "np.array([[True, False], [True, True]])"]:
            cell(f"{fn} {axis} {arr}", IMPORT + f"r = {arr}.{fn}({axis})\nr")
    cell(f"np.{fn}", IMPORT + f"np.{fn}(np.arange(10) / 3, axis=0)")
cell("sum float32 long", IMPORT + "np.random.seed(3)\nx = np.random.random(10000).astype(np.float32)\nx.sum()")
cell("mean float32 long", IMPORT + "np.random.seed(4)\nx = np.random.random((100, 300)).astype(np.float32)\nx.mean(axis=1)")
cell("sum float64 long", IMPORT + "np.random.seed(5)\nx = np.random.random(100000)\nprint(x.sum())\nx.mean()")
cell("max empty", IMPORT + "np.zeros((0,)).max()")
cell("mean empty", IMPORT + "np.zeros((0, 3)).sum(axis=0)")

# --- attributes ---------------------------------------------------------------------------------
for arr in ["np.zeros((3, 5), dtype=np.float32)", "np.arange(24).reshape(2, 3, 4)[:, 1]",
            "np.array(7)", "np.ones((2, 3, 4), dtype=np.uint8)[::2, :, ::-1]", "np.zeros((4, 6)).T"]:
    for attr in ["ndim", "shape", "dtype", "size", "nbytes", "strides", "itemsize"]:
        cell(f"attr {attr} {arr}", IMPORT + f"{arr}.{attr}")
    cell(f"len {arr}", IMPORT + f"len({arr})")
cell("no attribute", IMPORT + "np.zeros(3).foo")
cell("module attribute", IMPORT + "np.foo")
cell("astype", IMPORT + "np.array([1.7, -1.2, 300.5]).astype('uint8')")
cell("astype int", IMPORT + "np.array([1.7, -1.2, 300.5]).astype(np.int64)")
cell("astype bool", IMPORT + "np.array([0, 2, 0.5]).astype(bool)")
cell("copy", IMPORT + "a = np.arange(4)\nb = a.copy()\nb")

# --- indexing -----------------------------------------------------------------------------------
for idx in ["0", "-1", "1:3", "::2", "..., 1", "None, 0", "1, 2", "5", "1, 2, 3", ":, ::-1",
            "0][1", "np.newaxis, :, 1", "1.5", "'a'", "..., ..."]:
    cell(f"index [{idx}]", IMPORT + f"x = np.arange(12).reshape(3, 4)\nx[{idx}]")
cell("index scalar repr", IMPORT + "x = np.array([1.5, 2.25], dtype=np.float32)\nprint(x[0])\nx[1]")
cell("index 0d", IMPORT + "np.array(1)[0]")

# --- creation -----------------------------------------------------------------------------------
for expr in ["np.zeros(3)", "np.zeros((2, 3), dtype=np.uint8)", "np.ones((2, 2), dtype=int)",
             "np.zeros(-1)", "np.arange(5)", "np.arange(1, 10, 3)", "np.arange(0.0, 1.0, 0.1)",
             "np.arange(10, 0, -3)", "np.arange(0, 5, 0)", "np.arange(3, dtype=np.float32)",
             "np.arange(-2.5, 2.5)", "np.zeros((2, 2)).dtype", "np.float32(3)", "np.uint8(7)",
             "np.int64(-3)", "np.float64(1e-7)", "np.float32(1/3)"]:
    cell(f"create {expr}", IMPORT + expr)

# --- random -------------------------------------------------------------------------------------
for seed in [0, 1, 42, 2**32 - 1]:
    cell(f"random seed {seed}", IMPORT + f"np.random.seed({seed})\nprint(np.random.random())\nnp.random.random((2, 3))")
cell("random seed range", IMPORT + "np.random.seed(-1)")
cell("random continues", IMPORT + "np.random.seed(7)\na = np.random.random(700)\nnp.random.random(5)")

# --- statements ---------------------------------------------------------------------------------
cell("semicolons", IMPORT + "a = 1; b = 2; a + b")
cell("unpack", "(a, b), (c, d) = (1, 2), (3, 4)\nprint(a, b, c, d)")
cell("unpack array", IMPORT + "a, b = np.array([[1, 2], [3, 4]])\nb")
cell("unpack too many", "a, b = 1, 2, 3")
cell("unpack too few", "a, b, c = 1, 2")
cell("unpack int", "a, b = 1")
cell("chained assign", "a = b = 3\na + b")
cell("comment", "# a comment\nx = 2  # trailing\nx")
cell("last is assignment", "x = 2")
cell("last is print", "print(3)")
cell("name error", IMPORT + "x = np.zeros(3)\ny")
cell("error on line 3", IMPORT + "x = np.zeros((2, 3))\ny = x.reshape(4, 4)\nprint('no')")
cell("continuation", "x = (1 +\n     2)\ny = [1,\n 2]\nx, y")
cell("backslash", "x = 1 + \\\n    2\nx")
cell("import error", "import pandas")

# --- syntax errors ------------------------------------------------------------------------------
for text in ["a[10;100]", "x = [1, 2", "len(a", "[0:3]", "x[-]", "x[]", "x = (1, 2", "1 +",
             "x = ]", "x = (1, 2]", "np.array([1 2])", "1a", "'abc", "x = 1 \u20ac", "  x = 1",
             "x = = 1", "f(", "a[1,,2]", ")", "x.", "1 2", "x = [[1, 2], [3, 4]", "a = 1; ; b",
             "3 = x", "x +", "x = 1\n  y = 2", "x = 1\ny = (2,\n3", "f(a=1, 2)", "x = 'a\ny = 2",
             "np.zeros((2, 3)", "x = np.array([[1, 2], [3, 4]]))", "x = 1 $ 2",
             "x = [1, 2,, 3]", "print(x y)", "a.b.", "x = 1 2 3", "0x", "1.2.3",
             "x =", "= 1", "0b", "0o9", "x = 5 6"]:
    cell(f"syntax {text!r}", text)

# Deliberate differences, tested in test_cell instead: the book's mnist import is accepted
# (Python here has no TensorFlow), and def, for, dict displays and comprehensions are refused with
# their own message (Python would accept them).

# --- the memory limit (cells NumPy itself refuses) ----------------------------------------------
cell("memory book", IMPORT + "np.zeros((100000, 100000, 100000))")
cell("memory tib", IMPORT + "np.ones(10**12)")
cell("memory uint8", IMPORT + "np.zeros((10**7, 10**7), dtype=np.uint8)")
cell("too big", IMPORT + "np.zeros((2**40, 2**40))")

# --- errors with NumPy's wording ----------------------------------------------------------------
for expr in ["np.ones((3, 4)) + np.ones(5)", "np.ones((2, 1, 3)) * np.ones((4, 2))",
             "np.ones(6).reshape(4, -1)", "np.ones((2, 2)).sum(axis=2)", "np.ones(3) @ np.ones(4)",
             "np.ones((2, 3)).transpose(1)", "np.ones((2, 3)).max(axis=-3)",
             "np.array([True]) - np.array([False])", "-np.array([True])",
             "np.zeros(3, dtype='floaty')", "np.arange(3)[1:2:0]", "np.ones((2,2))[3]"]:
    cell(f"error {expr}", IMPORT + expr)

results = []
seen = set()
for name, text in CELLS:
    assert name not in seen, name
    seen.add(name)
    r = run(text)
    r["name"] = name
    results.append(r)
with open(sys.argv[1], "w") as f:
    json.dump(results, f, indent=1, ensure_ascii=False)
    f.write("\n")
print(f"{len(results)} cells written to {sys.argv[1]}")
