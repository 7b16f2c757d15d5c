"""Golden update sequences for Descent.Optimization's optimizers, from PyTorch 1.13 and scikit-learn 1.2.

Run by hand with Debian's Python (python3-torch 1.13, python3-sklearn 1.2.1, numpy 1.24):
    /usr/bin/python3 tests/reference/optimizers.py
Writes tests/reference/golden/optimization/optimizers.json. Each case starts from the same parameters and feeds the
same 24 gradients (drawn once from a seeded normal generator, in double) to one optimizer: torch.optim.SGD (plain,
momentum, Nesterov, weight decay), Adam, AdamW, with a StepLR schedule, and scikit-learn's MLP SGDOptimizer
(constant, invscaling, adaptive) and AdamOptimizer. The parameters after every step are recorded.
"""
import json
import os

import numpy as np
import torch
from sklearn.neural_network._stochastic_optimizers import AdamOptimizer, SGDOptimizer

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "golden", "optimization")
os.makedirs(OUT, exist_ok=True)

STEPS = 24
STEPS_PER_EPOCH = 4
SAMPLES_PER_EPOCH = 100  # rows seen per epoch, for scikit-learn's invscaling time step
SHAPES = [(3,), (4,)]

rng = np.random.RandomState(7)
PARAMS0 = [rng.normal(size=s) for s in SHAPES]
# Gradients of a noisy quadratic around a moving target, so the steps are neither tiny nor constant.
GRADS = [[rng.normal(scale=2.0, size=s) + 0.5 for s in SHAPES] for _ in range(STEPS)]


def torch_case(name, make, optimizer, schedule=None):
    params = [torch.tensor(p.copy(), dtype=torch.float64, requires_grad=True) for p in PARAMS0]
    opt = make(params)
    scheduler = torch.optim.lr_scheduler.StepLR(opt, step_size=schedule["stepSize"], gamma=schedule["gamma"]) if schedule else None
    trajectory = []
    for step, grads in enumerate(GRADS):
        for p, g in zip(params, grads):
            p.grad = torch.tensor(g, dtype=torch.float64)
        opt.step()
        trajectory.append([p.detach().numpy().tolist() for p in params])
        if scheduler is not None and (step + 1) % STEPS_PER_EPOCH == 0:
            scheduler.step()  # one scheduler step per epoch, as PyTorch's examples do
    return {"name": name, "library": "torch " + torch.__version__, "optimizer": optimizer, "schedule": schedule,
            "reductionsAfterEpochs": [], "params": trajectory}


def sklearn_case(name, make, optimizer, schedule=None, reductions_after=()):
    params = [p.copy() for p in PARAMS0]
    opt = make(params)
    trajectory = []
    for step, grads in enumerate(GRADS):
        opt.update_params(params, [g.copy() for g in grads])
        trajectory.append([p.tolist() for p in params])
        if (step + 1) % STEPS_PER_EPOCH == 0:
            epoch = (step + 1) // STEPS_PER_EPOCH
            opt.iteration_ends(epoch * SAMPLES_PER_EPOCH)  # scikit-learn's MLP passes the rows seen so far
            if epoch in reductions_after:
                assert not opt.trigger_stopping("stalled", verbose=False)  # adaptive: lr /= 5 and go on
    return {"name": name, "library": "scikit-learn " + __import__("sklearn").__version__, "optimizer": optimizer,
            "schedule": schedule, "reductionsAfterEpochs": list(reductions_after), "params": trajectory}


cases = [
    torch_case("torch-sgd", lambda p: torch.optim.SGD(p, lr=0.1), {"type": "sgd", "learningRate": 0.1}),
    torch_case("torch-momentum", lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9),
               {"type": "sgd", "learningRate": 0.1, "momentum": 0.9}),
    torch_case("torch-nesterov", lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.8, nesterov=True),
               {"type": "sgd", "learningRate": 0.05, "momentum": 0.8, "nesterov": True}),
    torch_case("torch-momentum-weight-decay", lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.5, weight_decay=0.01),
               {"type": "sgd", "learningRate": 0.05, "momentum": 0.5, "l2Penalty": 0.01}),
    torch_case("torch-adam", lambda p: torch.optim.Adam(p, lr=0.01), {"type": "adam", "learningRate": 0.01}),
    torch_case("torch-adam-options", lambda p: torch.optim.Adam(p, lr=0.02, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1),
               {"type": "adam", "learningRate": 0.02, "beta1": 0.8, "beta2": 0.99, "epsilon": 1e-6, "l2Penalty": 0.1}),
    torch_case("torch-adamw", lambda p: torch.optim.AdamW(p, lr=0.01, weight_decay=0.05),
               {"type": "adamw", "learningRate": 0.01, "weightDecay": 0.05}),
    torch_case("torch-sgd-steplr", lambda p: torch.optim.SGD(p, lr=0.1), {"type": "sgd", "learningRate": 0.1},
               {"type": "step", "stepSize": 2, "gamma": 0.5}),
    torch_case("torch-adam-steplr", lambda p: torch.optim.Adam(p, lr=0.01), {"type": "adam", "learningRate": 0.01},
               {"type": "step", "stepSize": 3, "gamma": 0.1}),
    sklearn_case("sklearn-sgd-momentum", lambda p: SGDOptimizer(p, learning_rate_init=0.1, momentum=0.9, nesterov=False),
                 {"type": "sgd", "learningRate": 0.1, "momentum": 0.9}),
    sklearn_case("sklearn-sgd-nesterov", lambda p: SGDOptimizer(p, learning_rate_init=0.1, momentum=0.9, nesterov=True),
                 {"type": "sgd", "learningRate": 0.1, "momentum": 0.9, "nesterov": True}),
    sklearn_case("sklearn-sgd-invscaling",
                 lambda p: SGDOptimizer(p, learning_rate_init=0.5, lr_schedule="invscaling", momentum=0.9, nesterov=True, power_t=0.5),
                 {"type": "sgd", "learningRate": 0.5, "momentum": 0.9, "nesterov": True}, {"type": "invscaling", "power": 0.5}),
    sklearn_case("sklearn-sgd-adaptive",
                 lambda p: SGDOptimizer(p, learning_rate_init=0.1, lr_schedule="adaptive", momentum=0.9, nesterov=False),
                 {"type": "sgd", "learningRate": 0.1, "momentum": 0.9}, {"type": "adaptive"}, reductions_after=(2, 4)),
    sklearn_case("sklearn-adam", lambda p: AdamOptimizer(p, learning_rate_init=0.01),
                 {"type": "adam", "learningRate": 0.01, "epsilonPlacement": "BeforeBiasCorrection"}),
    sklearn_case("sklearn-adam-options", lambda p: AdamOptimizer(p, learning_rate_init=0.05, beta_1=0.5, beta_2=0.9, epsilon=1e-3),
                 {"type": "adam", "learningRate": 0.05, "beta1": 0.5, "beta2": 0.9, "epsilon": 1e-3,
                  "epsilonPlacement": "BeforeBiasCorrection"}),
]

golden = {
    "stepsPerEpoch": STEPS_PER_EPOCH,
    "samplesPerEpoch": SAMPLES_PER_EPOCH,
    "params0": [p.tolist() for p in PARAMS0],
    "grads": [[g.tolist() for g in step] for step in GRADS],
    "cases": cases,
}
with open(os.path.join(OUT, "optimizers.json"), "w") as f:
    json.dump(golden, f, indent=1)
print("wrote", len(cases), "cases")
