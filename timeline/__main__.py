"""``python -m timeline``: the same CLI as the ``timeline`` console script."""

from timeline.cli import main

main()
