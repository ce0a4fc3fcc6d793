"""The training loop the fine-tuning scripts share (training only: the step needs torch).

The attribution tagger (`attribution.train`), the cross-encoders (`cross_encoder.fine_tune`),
the PTC pass (`rhetoric.train`) and the sentence encoder (`sentence_encoder.train`) each used to
carry a copy of the same loop: batches in a seeded random order, a gradient step (backward,
clipping, optimiser and schedule steps, zero_grad), a step count that ends the run or a time
budget that cuts it short, a progress line every few steps, and an evaluation that keeps the best
state. What differs between them is what a batch is, what its loss is and when they evaluate:
those are the arguments of `run`. The order of every random draw and of every operation on the
weights is the one the copies had, so a seed gives the weights it gave before.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING, TypeVar

import numpy as np

if TYPE_CHECKING:
    import torch

Batch = TypeVar("Batch")


def chunks(order: Sequence[int], size: int) -> list[list[int]]:
    """`order` cut into consecutive batches of `size` (the last one may be shorter)."""
    return [list(order[at : at + size]) for at in range(0, len(order), size)]


def shuffled_chunks(order: Sequence[int], size: int, rng: random.Random) -> list[list[int]]:
    """`order` cut into batches, the batches in random order: length-sorted `order` gives little
    padding and still a new sequence of batches every epoch."""
    out = chunks(order, size)
    rng.shuffle(out)
    return out


def gradient_step(loss: torch.Tensor, optimizer, scheduler=None, params: Sequence | None = None,
                  clip: float | None = 1.0) -> float:
    """One update from `loss`: backward, gradient norm clipped to `clip` over `params` (all
    trainers clip at 1.0), optimiser and schedule steps, gradients cleared; the loss's value."""
    import torch  # here, not above: `chunks` serves modules imported where torch is absent

    loss.backward()
    if clip is not None:
        torch.nn.utils.clip_grad_norm_(params, clip)
    optimizer.step()
    if scheduler is not None:
        scheduler.step()
    optimizer.zero_grad()
    return loss.item()


class Budget:
    """A time budget in minutes from `started` (none when `minutes` is falsy)."""

    def __init__(self, minutes: float | None, started: float | None = None):
        self.minutes = minutes
        self.started = time.time() if started is None else started

    def spent(self) -> bool:
        return bool(self.minutes) and time.time() - self.started > self.minutes * 60


class KeepBest:
    """The best score offered so far and, where modules are given, copies of their states at it
    (a later, worse epoch must not be what ships)."""

    def __init__(self):
        self.score = float("-inf")
        self.states: list[dict] | None = None

    def offer(self, score: float, *modules: torch.nn.Module) -> bool:
        """Keep `score` (and the modules' states) if it beats the best so far; whether it did."""
        if not score > self.score:
            return False
        self.score = score
        if modules:
            self.states = [{k: v.detach().clone() for k, v in m.state_dict().items()} for m in modules]
        return True


class Progress:
    """Losses since the last progress line, by kind (one kind unless a trainer mixes tasks)."""

    def __init__(self, every: int):
        self.every = every
        self._losses: dict[str, list[float]] = {}

    def add(self, step: int, value: float, kind: str = "loss", force: bool = False) -> dict[str, float] | None:
        """Record a step's loss; every `every` steps (or when `force`d), the mean loss of each kind
        since the last line, for the trainer to print in its own words."""
        self._losses.setdefault(kind, []).append(value)
        if step % self.every and not force:
            return None
        means = {k: float(np.mean(v)) for k, v in self._losses.items()}
        self._losses = {}
        return means


def run(
    plan: Callable[[], Iterable[Batch]],
    loss_of: Callable[[Batch], torch.Tensor],
    *,
    optimizer,
    scheduler,
    params: Sequence,
    total: int,
    epochs: int | None = None,
    clip: float | None = 1.0,
    budget: Budget | None = None,
    on_step: Callable[[int, int, Batch, float], None] | None = None,
    after_epoch: Callable[[int, int, float], None] | None = None,
    log: Callable[[str], None] = print,
) -> int:
    """Train until `total` steps (or `epochs` epochs, when given) or the budget is spent; the
    number of steps done.

    Each epoch calls `plan()` for its batches (the caller's seeded rng orders them; it may put
    the model back in training mode first) and takes a gradient step on `loss_of(batch)` for
    each. `on_step(step, epoch, batch, loss)` follows every step (progress lines, evaluation at
    chosen steps); `after_epoch(epoch, step, epoch_started)` follows every epoch (evaluation,
    keeping the best; `epoch_started` is the epoch's `time.time()` at its start). Epochs count from 0. An epoch ends early when `total` is reached or the budget is
    spent. With `epochs` given, a later epoch still takes its first step after `total` was
    reached (as `attribution.train` always did); without it, the run ends at `total`.
    """
    step, epoch = 0, 0
    while (epoch < epochs) if epochs is not None else (step < total):
        started = time.time()
        for batch in plan():
            value = gradient_step(loss_of(batch), optimizer, scheduler, params, clip)
            step += 1
            if on_step is not None:
                on_step(step, epoch, batch, value)
            if step >= total or (budget is not None and budget.spent()):
                break
        if after_epoch is not None:
            after_epoch(epoch, step, started)
        epoch += 1
        if budget is not None and budget.spent():
            log(f"time budget of {budget.minutes} min reached at step {step}/{total}")
            break
    return step
