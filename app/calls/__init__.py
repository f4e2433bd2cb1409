"""Calls in the window: the phone and the operator desk behind one Qt facade, panels and the call log."""
