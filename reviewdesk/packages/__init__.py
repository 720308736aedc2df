"""USB packages (../shared/package-format.md): age encryption, tar members, signed manifest."""
