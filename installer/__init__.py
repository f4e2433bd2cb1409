"""Packaging: the PyInstaller bundle, the Debian package and the Windows installer definition."""
