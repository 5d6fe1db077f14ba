"""What every kind of record shares: the trail of changes made by the office."""
