"""The minimal spec against scikit-learn's best of a linear model and a small MLP, on the same split.

For each dataset, `mlops train` runs with a spec of only `task`, `label` and `seed`; scikit-learn then
fits on exactly our training rows (the file minus our `holdout.csv`), with the features our package
chose, median/most-frequent imputation, standardisation and one-hot encoding, and scores our hold-out
rows: LogisticRegression (up to 1000 iterations) / LinearRegression and MLPClassifier / MLPRegressor
at their defaults.
Usage (Debian's python3-sklearn and python3-pandas): python3 tools/compare_sklearn.py [OUT_DIR [SEED]]"""
import json
import os
import subprocess
import sys
import tempfile
import warnings
from collections import Counter

import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LinearRegression, LogisticRegression
from sklearn.metrics import accuracy_score, r2_score
from sklearn.neural_network import MLPClassifier, MLPRegressor
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, StandardScaler

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DATASETS = [  # file, task, label
    ("breast_cancer.csv", "classification", "target"),
    ("digits.csv", "classification", "target"),
    ("iris.csv", "classification", "target"),
    ("penguins.csv", "classification", "species"),
    ("wine.csv", "classification", "target"),
    ("seattle_weather.csv", "classification", "weather"),
    ("diabetes.csv", "regression", "target"),
    ("diamonds.csv", "regression", "price"),
]


def training_rows(frame, holdout):
    """The file's rows minus the hold-out rows, as a multiset (rows may repeat)."""
    key = lambda f: f.astype(str).agg("\x1f".join, axis=1)
    left = Counter(key(holdout))
    keep = []
    for k in key(frame):
        if left[k] > 0:
            left[k] -= 1
            keep.append(False)
        else:
            keep.append(True)
    return frame[keep]


def sklearn_scores(train, holdout, features, task, label):
    numeric = [c for c in features if pd.api.types.is_numeric_dtype(train[c])]
    text = [c for c in features if c not in numeric]
    prep = ColumnTransformer([
        ("numeric", make_pipeline(SimpleImputer(strategy="median"), StandardScaler()), numeric),
        ("text", make_pipeline(SimpleImputer(strategy="most_frequent"), OneHotEncoder(handle_unknown="ignore")), text),
    ])
    if task == "classification":
        models = {"logistic regression": LogisticRegression(max_iter=1000), "MLP": MLPClassifier(random_state=0)}
        metric = lambda y, p: accuracy_score(y.astype(str), pd.Series(p).astype(str))
    else:
        models = {"linear regression": LinearRegression(), "MLP": MLPRegressor(random_state=0)}
        metric = r2_score
    y = train[label].astype(str) if task == "classification" else train[label]
    scores = {}
    for name, model in models.items():
        pipeline = make_pipeline(prep, model).fit(train[features], y)
        scores[name] = metric(holdout[label], pipeline.predict(holdout[features]))
    return scores


def main():
    warnings.filterwarnings("ignore")  # MLP's "not converged": its default iterations are what we compare with
    out = sys.argv[1] if len(sys.argv) > 1 else tempfile.mkdtemp(prefix="mlops-vs-sklearn-")
    seed = int(sys.argv[2]) if len(sys.argv) > 2 else 42
    rows = []
    for file, task, label in DATASETS:
        data = os.path.join(ROOT, "test-fixtures", "datasets", file)
        run = os.path.join(out, file[:-4])
        os.makedirs(run, exist_ok=True)
        spec = os.path.join(run, "spec.yaml")
        with open(spec, "w") as f:
            f.write(f"task: {task}\nlabel: {label}\nseed: {seed}\n")
        subprocess.run([os.path.join(ROOT, "mlops"), "train", "--spec", spec, "--data", data, "--out", run],
                       check=True, stdout=subprocess.DEVNULL)
        metric = "accuracy" if task == "classification" else "r2"
        with open(os.path.join(run, "model", "metrics.json")) as f:
            ours = json.load(f)[metric]
        with open(os.path.join(run, "model", "model.json")) as f:
            features = json.load(f)["features"]
        frame = pd.read_csv(data)
        holdout = pd.read_csv(os.path.join(run, "holdout.csv"))
        train = training_rows(frame[frame[label].notna()], holdout)
        scores = sklearn_scores(train, holdout, features, task, label)
        best = max(scores, key=scores.get)
        rows.append((file, metric, ours, scores, best, ours - scores[best]))
    print(f"{'data':22} {'metric':8} {'mlops':>7} " + " ".join(f"{n:>20}" for n in ("linear", "MLP")) + f" {'gap':>7}")
    for file, metric, ours, scores, best, gap in rows:
        values = list(scores.values())
        print(f"{file:22} {metric:8} {ours:7.4f} {values[0]:20.4f} {values[1]:20.4f} {gap:+7.4f}")
    worst = min(r[5] for r in rows)
    print(f"worst gap to scikit-learn's best: {worst:+.4f} (target: no worse than -0.03)")


if __name__ == "__main__":
    main()
