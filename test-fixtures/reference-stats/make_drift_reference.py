# Reference values for DriftReferenceTest, computed once with Debian's python3-scipy (1.10.1) and
# stored in drift-scipy.json; not run by the build. Samples: odd vs even data rows of
# datasets/seattle_weather.csv (row 1 = first data row).
import csv, json
import numpy as np
from scipy import stats
from scipy.spatial.distance import jensenshannon

rows = list(csv.DictReader(open("datasets/seattle_weather.csv")))
odd, even = rows[0::2], rows[1::2]
out = {"source": "datasets/seattle_weather.csv, odd vs even data rows", "scipy": __import__("scipy").__version__}
for col in ["temp_max", "precipitation", "wind"]:
    a = np.array([float(r[col]) for r in odd]); b = np.array([float(r[col]) for r in even])
    ks = stats.ks_2samp(a, b, method="asymp")
    out[col] = {"ks_statistic": float(ks.statistic), "ks_pvalue_asymp": float(ks.pvalue),
                "ks_pvalue_exact": float(stats.ks_2samp(a, b, method="exact").pvalue),
                "wasserstein": float(stats.wasserstein_distance(a, b)), "sd_reference": float(np.std(a, ddof=1))}
a = np.array([float(r["temp_max"]) for r in odd]); b = np.array([float(r["temp_max"]) for r in even]) + 1.0
ks = stats.ks_2samp(a, b, method="asymp")
out["temp_max_plus_1"] = {"ks_statistic": float(ks.statistic), "ks_pvalue_asymp": float(ks.pvalue),
                          "ks_pvalue_exact": float(stats.ks_2samp(a, b, method="exact").pvalue),
                          "wasserstein": float(stats.wasserstein_distance(a, b)), "sd_reference": float(np.std(a, ddof=1))}
cats = sorted({r["weather"] for r in rows})
ca = np.array([sum(r["weather"] == c for r in odd) for c in cats]); cb = np.array([sum(r["weather"] == c for r in even) for c in cats])
chi2, p, dof, _ = stats.chi2_contingency(np.array([ca, cb]), correction=False)
out["weather"] = {"categories": cats, "chi2": float(chi2), "chi2_pvalue": float(p), "dof": int(dof),
                  "jensen_shannon_base2": float(jensenshannon(ca / ca.sum(), cb / cb.sum(), base=2))}
json.dump(out, open("reference-stats/drift-scipy.json", "w"), indent=2)
print(json.dumps(out, indent=1))
