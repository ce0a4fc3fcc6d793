"""The shared training loop (training/loop.py) on a tiny model and tiny data with a fixed seed:
the weights it gives are those of the loop the trainers each carried, step for step."""

import random
import time

import pytest

from claimscope.training import loop


def _data(torch):
    g = torch.Generator().manual_seed(3)
    x = torch.randn(22, 4, generator=g)
    y = (x[:, 0] + 0.5 * x[:, 1] > 0).long()
    return x, y


def _setup(torch, seed=5):
    torch.manual_seed(seed)
    model = torch.nn.Sequential(torch.nn.Linear(4, 8), torch.nn.Dropout(0.2), torch.nn.Linear(8, 2))
    optimiser = torch.optim.AdamW(model.parameters(), lr=0.05, weight_decay=0.01)
    total = 9
    scheduler = torch.optim.lr_scheduler.LambdaLR(optimiser, lambda s: max(0.0, (total - s) / total))
    return model, optimiser, scheduler, total


def _plan(rng, n=22, size=4):
    return loop.shuffled_chunks(sorted(range(n), key=lambda i: (i % 3, rng.random())), size, rng)


def _reference(torch, x, y):
    """The loop as the trainers wrote it out before (rhetoric.train's copy, with cross_encoder's
    `while step < total`)."""
    model, optimiser, scheduler, total = _setup(torch)
    rng, step = random.Random(11), 0
    model.train()
    while step < total:
        for idx in _plan(rng):
            loss = torch.nn.functional.cross_entropy(model(x[idx]), y[idx])
            loss.backward()
            torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
            optimiser.step()
            scheduler.step()
            optimiser.zero_grad()
            step += 1
            if step >= total:
                break
    return model


def test_shared_loop_gives_the_weights_of_the_written_out_loop():
    torch = pytest.importorskip("torch")
    x, y = _data(torch)
    expected = _reference(torch, x, y)
    model, optimiser, scheduler, total = _setup(torch)
    rng = random.Random(11)
    model.train()
    steps = loop.run(lambda: _plan(rng), lambda idx: torch.nn.functional.cross_entropy(model(x[idx]), y[idx]),
                     optimizer=optimiser, scheduler=scheduler, params=list(model.parameters()), total=total)
    assert steps == total
    after, before = model.state_dict(), expected.state_dict()
    assert all(torch.equal(after[k], before[k]) for k in before)
    # and the run moved the weights: the comparison is not between two untouched models
    untouched = _setup(torch)[0].state_dict()
    assert not all(torch.equal(after[k], untouched[k]) for k in untouched)


def test_with_epochs_a_later_epoch_takes_one_step_past_the_total():
    torch = pytest.importorskip("torch")
    x, y = _data(torch)
    model, optimiser, scheduler, _ = _setup(torch)
    rng, ends = random.Random(1), []

    def run(**kwargs):
        return loop.run(lambda: _plan(rng), lambda idx: torch.nn.functional.cross_entropy(model(x[idx]), y[idx]),
                        optimizer=optimiser, scheduler=scheduler, params=list(model.parameters()),
                        after_epoch=lambda epoch, step, started: ends.append((epoch, step)), **kwargs)

    # 22 rows in batches of 4 are 6 steps an epoch; the total of 4 is reached in the first
    assert run(total=4, epochs=3) == 6 and ends == [(0, 4), (1, 5), (2, 6)]
    ends.clear()
    assert run(total=8) == 8 and ends == [(0, 6), (1, 8)]


def test_a_spent_budget_ends_the_epoch_and_the_run():
    torch = pytest.importorskip("torch")
    x, y = _data(torch)
    model, optimiser, scheduler, total = _setup(torch)
    lines, ends = [], []
    budget = loop.Budget(minutes=0.5, started=time.time() - 60)
    steps = loop.run(lambda: _plan(random.Random(2)),
                     lambda idx: torch.nn.functional.cross_entropy(model(x[idx]), y[idx]),
                     optimizer=optimiser, scheduler=scheduler, params=list(model.parameters()),
                     total=total, budget=budget, log=lines.append,
                     after_epoch=lambda epoch, step, started: ends.append(step))
    assert steps == 1 and ends == [1]  # the epoch that ran out is still evaluated
    assert lines == [f"time budget of 0.5 min reached at step 1/{total}"]
    assert not loop.Budget(None, started=0).spent() and not loop.Budget(5).spent()


def test_keep_best_keeps_a_copy_of_the_best_state():
    torch = pytest.importorskip("torch")
    model = torch.nn.Linear(2, 1)
    best = loop.KeepBest()
    assert best.offer(0.4, model)
    kept = best.states[0]["weight"].clone()
    with torch.no_grad():
        model.weight.add_(1.0)
    assert not best.offer(0.3, model) and not best.offer(0.4, model)  # a tie keeps the first
    assert best.score == 0.4 and torch.equal(best.states[0]["weight"], kept)
    assert best.offer(0.5, model) and torch.equal(best.states[0]["weight"], model.weight.detach())
    scores_only = loop.KeepBest()
    assert scores_only.offer(0.1) and scores_only.states is None


def test_progress_gives_mean_losses_since_the_last_line_by_kind():
    progress = loop.Progress(every=2)
    assert progress.add(1, 1.0, kind="ptc") is None
    assert progress.add(2, 3.0, kind="uncertain") == {"ptc": 1.0, "uncertain": 3.0}
    assert progress.add(3, 5.0) is None
    assert progress.add(4, 7.0) == {"loss": 6.0}
    assert progress.add(5, 2.0, force=True) == {"loss": 2.0}


def test_chunks_cut_in_order_and_shuffled_chunks_only_reorder_them():
    assert loop.chunks([5, 3, 1, 4, 2], 2) == [[5, 3], [1, 4], [2]]
    shuffled = loop.shuffled_chunks(list(range(10)), 3, random.Random(4))
    assert sorted(shuffled) == [[0, 1, 2], [3, 4, 5], [6, 7, 8], [9]]
    assert shuffled == loop.shuffled_chunks(list(range(10)), 3, random.Random(4))
