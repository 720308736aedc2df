"""USB packages (docs/package-format.md): age encryption, tar members, signed manifest."""
