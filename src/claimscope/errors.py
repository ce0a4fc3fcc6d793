"""Errors with codes, kept in one module (the spaCy habit) so every code is findable in one place.

Every error names the input it is about and reads as one line: ``"<input>: <reason>"``. The CLI
prints ``error.message`` as is; ``error.code`` is stable and meant for scripts and tests.

Code ranges: E1xx input ingestion, E2xx the pipeline and its models, E3xx settings, E4xx the
store, E5xx the workbench (`claimscope serve`), E6xx the Dask cluster (`ingest --scheduler`).
"""

from __future__ import annotations


class ClaimscopeError(Exception):
    """Base class: ``code`` says what went wrong, ``input`` which input it concerns."""

    code = "E000"

    def __init__(self, input: str, reason: str) -> None:
        self.input = str(input)
        # Newlines would break the one-line contract (a reason may quote a server or OS message).
        self.reason = " ".join(str(reason).split())
        super().__init__(self.message)

    @property
    def message(self) -> str:
        return f"{self.input}: {self.reason}"

    def __str__(self) -> str:
        return self.message

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.code}, {self.message!r})"


class IngestError(ClaimscopeError):
    """An input could not be turned into article text."""

    code = "E100"


class InputNotFound(IngestError):
    code = "E101"


class EmptyInput(IngestError):
    code = "E102"


class BinaryInput(IngestError):
    code = "E103"


class UndecodableInput(IngestError):
    code = "E104"


class InputTooLarge(IngestError):
    code = "E105"


class UrlUnreachable(IngestError):
    """DNS failure, refused connection, timeout, TLS failure, or a non-2xx HTTP status."""

    code = "E106"


class NoArticleText(IngestError):
    code = "E107"


class UnsupportedLanguage(IngestError):
    code = "E108"


class NoInputs(IngestError):
    """A folder held no file of a supported kind."""

    code = "E109"


# E2xx: the analysis pipeline and its models.


class PipelineError(ClaimscopeError):
    code = "E200"


class ModelNotInstalled(PipelineError):
    """The spaCy model or a shipped ONNX model is missing."""

    code = "E201"


class AnalysisFailed(PipelineError):
    """Analysing one document raised something unforeseen; in a folder the others still run."""

    code = "E202"


# E3xx: settings (environment variables and options), checked before any work starts.


class SettingError(ClaimscopeError):
    """A setting (an environment variable or an option) has a value claimscope cannot use."""

    code = "E301"


class AliasFileInvalid(SettingError):
    """The --aliases / CLAIMSCOPE_ALIASES file is missing, not JSON, or not in the alias format."""

    code = "E302"


class OutputNotWritable(SettingError):
    """An output path (`analyze --output`, `export --out`) that cannot be written: a missing
    folder, permissions, a full disk, a file where a folder is needed."""

    code = "E303"


OutputUnwritable = OutputNotWritable  # the name the analyze command's checks use


class UnknownFormat(SettingError):
    """An output or export format nobody registered."""

    code = "E304"


# E4xx: the corpus store.


class StoreError(ClaimscopeError):
    code = "E400"


class StoreUnreachable(StoreError):
    """A PostgreSQL server that does not answer, or a SQLite path that cannot be opened."""

    code = "E401"


class NotAStore(StoreError):
    """A file or database that holds something other than a claimscope store."""

    code = "E402"


class StoreTooNew(StoreError):
    """A store made by a newer claimscope: this version must not write to it."""

    code = "E403"


class StoreNeedsUpgrade(StoreError):
    """A store made by an older claimscope: `claimscope upgrade` migrates it."""

    code = "E404"


class BadQuery(StoreError):
    """A search query or filter the store cannot run (malformed full-text syntax, a bad date)."""

    code = "E405"


class StoreWriteFailed(StoreError):
    """A write that failed (disk full, permissions): that document was rolled back."""

    code = "E406"


class DocumentNotFound(StoreError):
    code = "E407"


# E32x: the ledger's inputs.


class ReliabilityFileError(SettingError):
    """A `--reliability` file that cannot be read or does not grade sources A-F."""

    code = "E320"


class EntityNotFound(StoreError):
    """A dossier or cluster filter naming an entity the store does not know."""

    code = "E420"


# -- the workbench (claimscope serve) -------------------------------------------------------------
class WebError(ClaimscopeError):
    """A request the workbench refuses; `status` is the HTTP status it answers with."""

    code = "E500"
    status = 400


class WritesDisabled(WebError):
    """A write route on a server started without a token."""

    code = "E501"
    status = 403


class BadToken(WebError):
    """A write route called without the right `Authorization: Bearer` token."""

    code = "E502"
    status = 401


class UrlRefused(WebError):
    """A URL the server will not fetch (not http(s), or a private, loopback or link-local address)."""

    code = "E503"
    status = 422


class BodyTooLarge(WebError):
    code = "E504"
    status = 413


class NotFound(WebError):
    """A page or API item that does not exist (an unknown document, entity or cluster id)."""

    code = "E505"
    status = 404


# -- analysis on a Dask cluster (claimscope ingest --scheduler) ------------------------------------
class ClusterError(ClaimscopeError):
    """The Dask cluster an ingest was sent to cannot do the work; `input` is the scheduler address."""

    code = "E600"


class SchedulerUnreachable(ClusterError):
    """No Dask scheduler answers at the address (or the connection to it was lost mid-run)."""

    code = "E601"


class ClusterWorkersFailed(ClusterError):
    """No worker joined the scheduler in time, or a worker could not set claimscope up."""

    code = "E602"
