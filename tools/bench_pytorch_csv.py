"""The PyTorch + pandas peer of `mlops bench commands`' training line, a whole process as
`mlops train` is: read the CSV with pandas, hold out a stratified 20 %, standardise with the
training rows' mean and sd, train the same MLP 50-256-256-2 (batch 1024, Adam 1e-3) for the same
epochs, report hold-out accuracy. Usage: bench_pytorch_csv.py CSV EPOCHS THREADS"""
import sys
import numpy as np
import pandas as pd
import torch

csv, epochs, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
torch.set_num_threads(threads)
torch.manual_seed(42)
frame = pd.read_csv(csv)
y = (frame.pop("label") == "yes").to_numpy().astype(np.int64)
x = frame.to_numpy(dtype=np.float32)
rng = np.random.default_rng(42)
test = np.zeros(len(y), dtype=bool)
for k in (0, 1):
    rows = np.flatnonzero(y == k)
    test[rng.choice(rows, size=round(len(rows) * 0.2), replace=False)] = True
mean, sd = x[~test].mean(0), x[~test].std(0)
x = (x - mean) / np.where(sd > 0, sd, 1)
xt, yt = torch.from_numpy(x[~test]), torch.from_numpy(y[~test])
model = torch.nn.Sequential(torch.nn.Linear(x.shape[1], 256), torch.nn.ReLU(), torch.nn.Linear(256, 256),
                            torch.nn.ReLU(), torch.nn.Linear(256, 2))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
loss_fn = torch.nn.CrossEntropyLoss()
g = torch.Generator().manual_seed(42)
for epoch in range(epochs):
    order = torch.randperm(len(yt), generator=g)
    for i in range(0, len(yt), 1024):
        idx = order[i:i + 1024]
        optimizer.zero_grad()
        loss_fn(model(xt[idx]), yt[idx]).backward()
        optimizer.step()
with torch.no_grad():
    predicted = model(torch.from_numpy(x[test])).argmax(1).numpy()
print(f"pytorch: hold-out accuracy {float((predicted == y[test]).mean()):.4f} ({len(y)} rows, {epochs} epochs,"
      f" torch {torch.__version__}, {threads} thread(s))")
