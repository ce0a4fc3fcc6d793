"""Input ingestion: files, folders, URLs and stdin to decoded, checked article text.

from claimscope.ingest import read_inputs, InputDoc, InputFailure
for item in read_inputs("articles/"):
    if isinstance(item, InputFailure):
        print(item.message)   # "articles/x.pdf: looks binary (PDF), not text"
"""

from claimscope.ingest.reader import (
    DEFAULT_TIMEOUT,
    FOLDER_EXTENSIONS,
    read_bytes,
    read_file,
    read_folder,
    read_inputs,
    read_stdin,
    read_url,
)
from claimscope.ingest.sizes import DEFAULT_MAX_BYTES
from claimscope.ingest.types import InputDoc, InputFailure

__all__ = [
    "DEFAULT_MAX_BYTES",
    "DEFAULT_TIMEOUT",
    "FOLDER_EXTENSIONS",
    "InputDoc",
    "InputFailure",
    "read_bytes",
    "read_file",
    "read_folder",
    "read_inputs",
    "read_stdin",
    "read_url",
]
