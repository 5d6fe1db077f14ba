"""The office keeps the unit costs: a new call year, a corrected figure (each with its trail),
and the open mobilities recalculated in the same transaction."""
