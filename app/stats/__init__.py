"""The supervisor view's feature package: the reports it shows (computed on the database worker), the
flow between the view and the store, and the wiring that adds it to the window (Ctrl+M)."""
