"""notelint."""
