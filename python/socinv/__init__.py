"""socinv (work in progress)."""
