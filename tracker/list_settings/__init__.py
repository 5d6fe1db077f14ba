"""What a person keeps about a list: named filters (saved views) and the columns they show."""
