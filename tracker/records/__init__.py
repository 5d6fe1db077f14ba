"""What every kind of record shares, workflow or not: history (history.py), the version
check and the refusal of a stale save (stale.py), the change trail of accounts,
organisations and deadlines (changes.py, models.py, audit.py), what history and documents
hang on (models.py), finding a record by URL segment (loading.py), the one CSV writer
(csv_export.py; select_csv.py feeds it a select's rows as the database driver gives them,
for the large exports) and the columns of the exports (export_columns.py,
mobility_columns.py)."""
