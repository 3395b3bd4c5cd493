#!/usr/bin/env bash
# Training speed of our engine versus PyTorch on CPU, same MLP (50-256-256-2, batch 1024, Adam),
# same data, same epochs, measured in one run. Installs Debian's python3-torch if missing (the
# build never does). Usage: tools/bench-train-vs-pytorch.sh [ROWS] [EPOCHS]
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-200000}; epochs=${2:-6}; data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
if ! /usr/bin/python3 -c 'import torch' 2>/dev/null; then
  echo "installing Debian's python3-torch (once)..." >&2
  apt-get install -y -qq python3-torch >/dev/null
fi
best_dl4j=0
for threads in 1 2; do
  line=$(OMP_NUM_THREADS=$threads OMP_WAIT_POLICY=PASSIVE ./mlops bench train --rows "$rows" --epochs "$epochs" --data-dir "$data" | tail -1)
  echo "$line"
  rate=$(echo "$line" | sed -E 's/^dl4j: ([0-9]+) examples.*/\1/')
  [ "$rate" -gt "$best_dl4j" ] && best_dl4j=$rate
done
best_torch=0
for threads in 1 2; do
  # pin every pool PyTorch may use (OpenMP, OpenBLAS, MKL) to the same count
  line=$(OMP_NUM_THREADS=$threads OPENBLAS_NUM_THREADS=$threads MKL_NUM_THREADS=$threads \
    /usr/bin/python3 tools/bench_pytorch.py "$data" "$epochs" "$threads")
  echo "$line"
  rate=$(echo "$line" | sed -E 's/^pytorch: ([0-9]+) examples.*/\1/')
  [ "$rate" -gt "$best_torch" ] && best_torch=$rate
done
awk -v a="$best_dl4j" -v b="$best_torch" 'BEGIN { printf "ratio dl4j / pytorch (best thread setting each): %.2f (target >= 0.70)\n", a / b }'
