"""``python -m socinv``: the same as the ``socinv`` command."""

from socinv.cli import main

if __name__ == "__main__":
    main()
