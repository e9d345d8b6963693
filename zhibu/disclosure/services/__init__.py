"""Writes of the disclosure board: items (notices), their attachments, objections."""
