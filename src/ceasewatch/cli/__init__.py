"""The command line: a thin layer over Ceasewatch."""
