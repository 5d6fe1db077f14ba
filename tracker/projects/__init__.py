"""Projects: KA1 mobility projects, KA2 cooperation projects, Jean Monnet actions."""
