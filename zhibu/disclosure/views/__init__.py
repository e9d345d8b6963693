"""Pages of the disclosure board: the officers' (notices, ledgers) and the public board (public)."""
