#!/usr/bin/python3
"""scikit-learn's logistic regression and gradient boosting on a training base the trainer wrote
(--export-csv: features, then `period` and `bad`), on the trainer's own out-of-time split: the latest
periods, about 20 % of the rows, are the test, and with a horizon of H periods only the rows at least H
periods before the first test period train (the same rules as trainer's Splits). Prints each model's
test AUC, to compare with the trainer's on the same CSV (java -jar trainer/target/trainer.jar --csv
FILE --target bad --period period --horizon H).

Needs Debian's python3-sklearn (apt-get install python3-sklearn; it installs for /usr/bin/python3).
Usage: bench/sklearn-compare.py FILE [H]   (H: 12 for the trainer's book label, the default; 0 for none)
"""
import csv
import sys
import time

import numpy as np
from sklearn.compose import ColumnTransformer
from sklearn.ensemble import HistGradientBoostingClassifier
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import roc_auc_score
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import OneHotEncoder, OrdinalEncoder, StandardScaler


def read(path):
    with open(path, newline="", encoding="utf-8") as f:
        rows = list(csv.reader(f))
    header, rows = rows[0], rows[1:]
    features = header[:-2]
    columns = list(zip(*rows))
    numeric, categorical = [], []
    for j, name in enumerate(features):
        values = columns[j]
        try:
            [float(v) for v in values if v != ""]
            numeric.append(j)
        except ValueError:
            categorical.append(j)
    x_num = np.array([[float(v) if v != "" else np.nan for v in columns[j]] for j in numeric]).T
    x_cat = np.array([[v if v != "" else "(missing)" for v in columns[j]] for j in categorical], dtype=object).T
    period = np.array(columns[-2])
    y = np.array([int(v) for v in columns[-1]])
    return x_num, x_cat, period, y


def out_of_time(period, horizon, share=0.2):
    periods, counts = np.unique(period, return_counts=True)
    wanted, taken, test = round(len(period) * share), 0, set()
    for p, c in sorted(zip(periods, counts), reverse=True):
        if taken >= wanted or len(test) == len(periods) - 1:
            break
        test.add(p)
        taken += c
    before = [p for p in sorted(periods, reverse=True) if p < min(test)]
    embargo = set(before[:max(0, horizon - 1)])
    return np.array([p in test for p in period]), np.array([p not in test and p not in embargo for p in period])


def main(path, horizon):
    x_num, x_cat, period, y = read(path)
    test, train = out_of_time(period, horizon)
    x = np.concatenate([x_num, x_cat], axis=1) if x_cat.size else x_num
    n_num = x_num.shape[1]
    num_idx, cat_idx = list(range(n_num)), list(range(n_num, x.shape[1]))
    print(f"{len(y):,} rows, {n_num} numeric + {len(cat_idx)} categorical features; train {train.sum():,} rows,"
          f" test {test.sum():,} rows (latest periods), horizon {horizon}")
    lr = make_pipeline(ColumnTransformer([
        ("num", make_pipeline(SimpleImputer(strategy="median", add_indicator=True), StandardScaler()), num_idx),
        ("cat", OneHotEncoder(handle_unknown="ignore"), cat_idx)]), LogisticRegression(max_iter=1000))
    gb = make_pipeline(ColumnTransformer([
        ("num", "passthrough", num_idx),
        ("cat", OrdinalEncoder(handle_unknown="use_encoded_value", unknown_value=np.nan, encoded_missing_value=np.nan), cat_idx)]),
        HistGradientBoostingClassifier(categorical_features=list(range(n_num, x.shape[1])), random_state=42))
    for name, model in [("logistic regression (median imputation + indicators, scaled, one-hot)", lr),
                        ("HistGradientBoosting (defaults, native categoricals)", gb)]:
        t = time.time()
        model.fit(x[train], y[train])
        auc = roc_auc_score(y[test], model.predict_proba(x[test])[:, 1])
        print(f"scikit-learn {name}: test AUC {auc:.4f} ({time.time() - t:.1f} s)")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 12)
