import sys

# Guarded: multiprocessing's forkserver (the LDAP sync's workers) imports the main module again.
if __name__ == "__main__":
    import gc

    # No collection passes while the window's modules are imported and it is built: none of that is garbage, and
    # the passes over its growing heap took a tenth of the time to the first search result (issue 19). `main`
    # turns the collector back on for a subcommand, the window once the directory is loaded (app/gui.py).
    gc.disable()
    from app.cli.main import main

    sys.exit(main())
