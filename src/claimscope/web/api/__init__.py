"""`/api/v1`: one module per resource, each with a `router` (see `web/app.py` for the list).

List routes answer `{"items": [...], "next": cursor or null}` (`models.Page`); the cursor is
the last item's id, so paging is stable while documents are added.
"""
