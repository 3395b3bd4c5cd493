"""The PyTorch side of tools/bench-train-vs-pytorch.sh: the same MLP 50-256-256-2, batch 1024,
Adam 1e-3, on the data `mlops bench train` wrote (x.f32, y.u8); prints examples/s after a warm-up
epoch and hold-out accuracy."""
import sys, time
import numpy as np
import torch

data_dir, epochs, threads = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
torch.set_num_threads(threads)
torch.manual_seed(42)
y = np.fromfile(f"{data_dir}/y.u8", dtype=np.uint8).astype(np.int64)
x = np.fromfile(f"{data_dir}/x.f32", dtype="<f4").reshape(len(y), 50)
train = len(y) * 4 // 5
xt, yt = torch.from_numpy(x[:train].copy()), torch.from_numpy(y[:train].copy())
model = torch.nn.Sequential(torch.nn.Linear(50, 256), torch.nn.ReLU(), torch.nn.Linear(256, 256), torch.nn.ReLU(),
                            torch.nn.Linear(256, 2))
optimizer = torch.optim.Adam(model.parameters(), lr=1e-3)
loss_fn = torch.nn.CrossEntropyLoss()
g = torch.Generator().manual_seed(42)
start = None
for epoch in range(epochs):
    if epoch == 1:
        start = time.perf_counter()
    order = torch.randperm(train, generator=g)
    for i in range(0, train, 1024):
        idx = order[i:i + 1024]
        optimizer.zero_grad()
        loss = loss_fn(model(xt[idx]), yt[idx])
        loss.backward()
        optimizer.step()
seconds = time.perf_counter() - start
with torch.no_grad():
    predicted = model(torch.from_numpy(x[train:].copy())).argmax(1).numpy()
accuracy = float((predicted == y[train:]).mean())
print(f"pytorch: {train * (epochs - 1) / seconds:.0f} examples/s, accuracy {accuracy:.4f} "
      f"({len(y)} rows, {epochs} epochs, torch {torch.__version__}, {threads} thread(s))")
