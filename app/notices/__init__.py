"""The operators' notice board in the window."""
