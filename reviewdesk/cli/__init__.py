"""The `reviewdesk` command line: a product surface that organising offices script (docs/cli.md)."""
