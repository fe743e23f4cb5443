"""Text messages as a transport, like e-mail: backends, phone numbers, and the words (no case details).

Imports no domain app, so any app may send a text."""
