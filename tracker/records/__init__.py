"""What every kind of record shares, workflow or not: history (history.py), the version
check and the refusal of a stale save (stale.py), the change trail of accounts,
organisations and deadlines (changes.py, models.py, audit.py), what history and documents
hang on (links.py), finding a record by URL segment (loading.py), and the one CSV writer
(csv_export.py)."""
